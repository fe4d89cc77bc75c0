"""Admin views of the Council: motions and their votes, the SG's vote grid, a head of
delegation's own vote, opening and closing a vote, and the minutes as a PDF."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nations.models import Nation

from . import services
from .forms import NationVotesForm
from .models import CouncilMeeting, Motion

INDEX = "governance_council"


def council_index(request):
    """List the meetings and their motions, with what the user may do on each."""
    user = request.user
    if not user.has_perm("governance.view_councilmeeting"):
        raise PermissionDenied
    meetings = CouncilMeeting.objects.prefetch_related("motions").select_related("host_nation")
    return TemplateResponse(
        request,
        "governance/admin/council_index.html",
        {
            "meetings": meetings,
            "can_manage": user.has_perm("governance.manage_meeting"),
            "can_record": user.has_perm("governance.record_vote"),
            "can_cast": bool(user.has_perm("governance.cast_vote"))
            and not user.has_perm("governance.record_vote"),
            "can_read_minutes": user.has_perm("governance.view_minutes"),
        },
    )


@require_POST
def motion_status(request, pk, action):
    """Open or close the vote on a motion (presidency)."""
    motion = get_object_or_404(Motion.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm("governance.manage_meeting", motion.meeting):
        raise PermissionDenied
    change = {"open": services.open_voting, "close": services.close_voting}.get(action)
    if change is None:
        raise PermissionDenied
    try:
        motion = change(motion, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if action == "open":
            messages.success(
                request, _("Voting on motion %(number)s is open.") % {"number": motion.number}
            )
        else:
            messages.success(
                request,
                _("Voting on motion %(number)s is closed: %(result)s.")
                % {"number": motion.number, "result": motion.get_result_display()},
            )
    return redirect(INDEX)


def _votes_view(request, motion, nations, *, heading):
    votes = {vote.nation_id: vote for vote in motion.votes.all()}
    form = NationVotesForm(request.POST or None, nations=nations, votes=votes)
    if request.method == "POST" and form.is_valid():
        try:
            for nation, choice in form.changed_choices(votes).items():
                services.cast_vote(motion, nation=nation, choice=choice, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The votes are saved."))
            return redirect(request.path)
    return TemplateResponse(
        request,
        "governance/admin/motion_votes.html",
        {"motion": motion, "form": form, "heading": heading, "votes": votes},
    )


def vote_grid(request, pk):
    """The Secretary General records any nation's vote: one row per nation."""
    motion = get_object_or_404(Motion.objects.select_related("meeting"), pk=pk)
    if not request.user.has_perm("governance.record_vote", motion):
        raise PermissionDenied
    nations = Nation.objects.active().order_by("code")
    if not motion.open_to_associates:
        nations = nations.full_members()
    return _votes_view(request, motion, nations, heading=_("Record the nations' votes"))


def cast_my_vote(request, pk):
    """A head of delegation casts the own nation's vote, and a proxy's vote it holds."""
    motion = get_object_or_404(Motion.objects.select_related("meeting"), pk=pk)
    nations = list(services.votable_nations(motion, by=request.user))
    if not nations:
        raise PermissionDenied
    allowed = {nation.code for nation in nations}
    # A guessed nation code in the form is refused, not silently ignored.
    if any(key.isupper() and len(key) == 3 and key not in allowed for key in request.POST):
        raise PermissionDenied
    return _votes_view(request, motion, nations, heading=_("Cast my nation's vote"))


def minutes_pdf(request, pk):
    """Download the minutes of a meeting as a bilingual PDF."""
    from .documents import minutes_pdf as render_minutes

    meeting = get_object_or_404(CouncilMeeting, pk=pk)
    if not request.user.has_perm("governance.view_minutes", meeting):
        raise PermissionDenied
    response = HttpResponse(render_minutes(meeting), content_type="application/pdf")
    filename = (
        f"cior-minutes-{meeting.starts_on:%Y-%m-%d}-{slugify(meeting.get_kind_display())}.pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
