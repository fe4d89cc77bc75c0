"""The Medal of Merit pages: a head of delegation nominates and follows the own nominations;
the Presidency reviews every nomination, puts it to the Council, issues the diploma and
records the recipient's consent to the public roll; anyone checks a diploma's QR code.

Every nomination route answers 404 unless the nomination is in
`Nomination.objects.visible_to(user)` (no hint that it exists); the Presidency's steps are
POST-only and ask `awards.review_nomination`. A refused step comes back as a message in the
user's language, nothing changed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from accounts import audit
from accounts import rules as access
from accounts.models import Person
from nations.models import Nation

from . import documents, services, verification
from .forms import ConsentForm, CouncilForm, DeclineForm, DiplomaForm, NominationForm
from .models import Nomination

RELATIONS = (
    "nominee",
    "nominee__nation",
    "nominating_nation",
    "nominated_by__person",
    "motion__meeting",
    "presented_at",
)


def _visible(request, pk) -> Nomination:
    """Return the nomination if the user may see it; 404 otherwise."""
    nomination = get_object_or_404(
        Nomination.objects.visible_to(request.user).select_related(*RELATIONS), pk=pk
    )
    if not request.user.has_perm("awards.view_nomination", nomination):
        raise Http404
    return nomination


def _private(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _errors(form, error: ValidationError):
    """Put a service's refusal on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


@login_required
def nominations(request):
    """The nominations the user sees: the own ones (head of delegation), every one (Presidency)."""
    user = request.user
    if not user.has_perm("awards.view_nomination"):
        raise Http404
    state = request.GET.get("state", "")
    rows = Nomination.objects.visible_to(user).select_related(
        "nominee", "nominee__nation", "nominating_nation"
    )
    if state in Nomination.State.values:
        rows = rows.filter(state=state)
    return _private(
        TemplateResponse(
            request,
            "awards/nomination_list.html",
            {
                "nominations": list(rows),
                "states": Nomination.State.choices,
                "state": state,
                "may_nominate": user.has_perm("awards.nominate"),
                "is_presidency": user.has_perm("awards.review_nomination"),
            },
        )
    )


@login_required
def nominate(request):
    """Nominate someone: a head of delegation (any nominee, any nation) or the Presidency."""
    user = request.user
    if not user.has_perm("awards.nominate"):
        raise Http404
    if access.is_presidency(user):
        people, nations = Person.objects.select_related("nation"), None
    else:
        people = Person.objects.visible_to(user).select_related("nation")
        nations = Nation.objects.filter(
            pk__in=access.nation_ids_for(user, access.Role.HEAD_OF_DELEGATION)
        ).order_by("code")
    form = NominationForm(
        request.POST or None, request.FILES or None, people=people, nations=nations
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            nomination = services.nominate(
                by=user,
                nominee=data["nominee"],
                new_person=form.new_person(),
                nation=data.get("nation"),
                citation_en=data["citation_en"],
                citation_fr=data["citation_fr"],
                grounds=data["grounds"],
                documents=data["documents"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request,
                _("Your nomination of %(person)s is submitted to the Presidency.")
                % {"person": nomination.nominee},
            )
            return redirect("awards_nomination", pk=nomination.pk)
    return _private(TemplateResponse(request, "awards/nomination_form.html", {"form": form}))


def _history(nomination):
    entries = list(
        ModelLogEntry.objects.for_instance(nomination)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
    for entry in entries:
        entry.description = audit.describe(entry)
    return entries


ACTION_FORMS = {
    "decline": DeclineForm,
    "council": CouncilForm,
    "diploma": DiplomaForm,
    "consent": ConsentForm,
}


def _detail(request, nomination, *, forms=None, status=200):
    is_presidency = request.user.has_perm("awards.review_nomination", nomination)
    context = {
        "nomination": nomination,
        "documents": list(nomination.documents.all()),
        "is_presidency": is_presidency,
    }
    if is_presidency:
        forms = forms or {}
        context["history"] = _history(nomination)
        for name, form_class in ACTION_FORMS.items():
            initial = {}
            if name == "consent":
                initial = {"consent": "1" if nomination.publication_consent else "0"}
            context[f"{name}_form"] = forms.get(name) or form_class(initial=initial)
    return _private(
        TemplateResponse(request, "awards/nomination_detail.html", context, status=status)
    )


@login_required
def nomination(request, pk):
    """One nomination: the nominee, citation, grounds, documents, state; the Presidency's steps."""
    return _detail(request, _visible(request, pk))


@login_required
@require_POST
def decide(request, pk, action):
    """Take one of the Presidency's steps on a nomination."""
    nomination = _visible(request, pk)
    if not request.user.has_perm("awards.review_nomination", nomination):
        raise PermissionDenied
    form = ACTION_FORMS[action](request.POST) if action in ACTION_FORMS else None
    if action != "recommend" and form is None:
        raise Http404
    if form is not None and not form.is_valid():
        return _detail(request, nomination, forms={action: form})
    data = form.cleaned_data if form is not None else {}
    by = request.user
    steps = {
        "recommend": lambda: services.recommend(nomination, by=by),
        "decline": lambda: services.decline(nomination, reason=data["reason"], by=by),
        "council": lambda: services.put_to_council(nomination, meeting=data["meeting"], by=by),
        "diploma": lambda: services.issue_diploma(
            nomination, presented_at=data["presented_at"], by=by
        ),
        "consent": lambda: services.record_consent(nomination, consent=data["consent"], by=by),
    }
    try:
        steps[action]()
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("awards_nomination", pk=nomination.pk)
        _errors(form, error)
        return _detail(request, nomination, forms={action: form})
    messages.success(request, _("Saved."))
    return redirect("awards_nomination", pk=nomination.pk)


@login_required
def document(request, pk, document):
    """Send a supporting document to whoever may see its nomination; 404 for anyone else."""
    nomination = _visible(request, pk)
    stored = get_object_or_404(nomination.documents, pk=document)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=stored.name)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return _private(response)


@login_required
def diploma(request, pk):
    """Send the bilingual diploma (PDF) once it is issued."""
    nomination = _visible(request, pk)
    try:
        data = documents.diploma_pdf(nomination, request=request)
    except documents.DiplomaRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("awards_nomination", pk=nomination.pk)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="CIOR-Medal-of-Merit-{nomination.pk}.pdf"'
    )
    return _private(response)


def verify(request, token):
    """Say whether a diploma's QR code is genuine: "valid" with the year of award, or "not
    valid". Never a name or any personal data."""
    nomination = verification.check_token(token)
    context = {"valid": nomination is not None, "nomination": nomination}
    return _private(render(request, "awards/verify.html", context))
