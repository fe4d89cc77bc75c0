"""The Language Academy pages of the CLA director, the presidency and the delegations."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import rules as access
from nations.models import Nation

from .. import documents, exports, services
from ..forms import DeclineForm, DelegationApplicationForm, ExamForm, ScoreForm, WithdrawForm
from ..models import Application, Attendance, CourseClass, Session
from . import add_errors, file_response, next_url

State = Application.State
LIST_RELATIONS = ("session", "person", "nation", "course_class")


def _session(year) -> Session:
    return get_object_or_404(
        Session.objects.select_related("event", "event__host_nation"), year=year
    )


def _manager(request):
    if not request.user.has_perm("academy.manage_language_academy"):
        raise Http404


def _application(request, pk) -> Application:
    """Return the application `pk` if the user may see it; 404 otherwise (no hint)."""
    application = (
        Application.objects.select_related("session__event", *LIST_RELATIONS).filter(pk=pk).first()
    )
    if application is None or not request.user.has_perm("academy.view_application", application):
        raise Http404
    return application


@login_required
def dashboard(request):
    """The user's Language Academy and YRO pages: the sessions for the managers, the own
    nations' pages for a delegation."""
    user = request.user
    sessions = list(Session.objects.select_related("event"))
    nations = list(Nation.objects.filter(pk__in=access.nation_ids_for(user)).order_by("code"))
    context = {
        "sessions": sessions,
        "nations": nations,
        "manages_cla": user.has_perm("academy.manage_language_academy"),
        "manages_yro": user.has_perm("academy.manage_yro"),
    }
    if not (nations or context["manages_cla"] or context["manages_yro"]):
        raise Http404
    return render(request, "academy/dashboard.html", context)


@login_required
def session_overview(request, year):
    """The director's page of a session: counts, allocation, every application, classes."""
    _manager(request)
    session = _session(year)
    applications = list(Application.objects.filter(session=session).select_related(*LIST_RELATIONS))
    state = request.GET.get("state", "")
    shown = [a for a in applications if not state or a.state == state]
    classes = list(
        CourseClass.objects.filter(session=session).annotate(students_count=Count("students"))
    )
    counts = Counter(a.state for a in applications)
    context = {
        "session": session,
        "applications": shown,
        "counts": [(value, label, counts.get(value, 0)) for value, label in State.choices],
        "total": len(applications),
        "state": state,
        "classes": classes,
        "formats": list(exports.FORMATS),
    }
    return render(request, "academy/session_overview.html", context)


@login_required
@require_POST
def allocate(request, year):
    _manager(request)
    session = _session(year)
    counts = services.allocate(session, by=request.user)
    messages.success(
        request,
        _("Allocation done: %(allocated)s places, %(waiting)s waiting, %(out)s not considered.")
        % {
            "allocated": counts[State.ALLOCATED],
            "waiting": counts[State.WAITING],
            "out": counts[State.NOT_CONSIDERED],
        },
    )
    return redirect("academy_session", year=session.year)


def _nation_for(request, code) -> Nation:
    nation = Nation.objects.filter(code=code.upper()).first()
    if nation is None or not request.user.has_perm("academy.enter_application", nation):
        raise Http404
    return nation


@login_required
def nation_applications(request, year, nation):
    """A nation's applicants to a session, with endorsement and the form to enter one."""
    session = _session(year)
    nation = _nation_for(request, nation)
    form = DelegationApplicationForm(request.POST or None, nation=nation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.apply(
                session,
                person=data["person"],
                category=data["category"],
                date_of_birth=data["date_of_birth"],
                language=data["language"],
                motivation=data["motivation"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s has applied.") % {"person": data["person"]},
            )
            return redirect("academy_nation", year=session.year, nation=nation.code)
    applications = list(
        Application.objects.visible_to(request.user)
        .filter(session=session, nation=nation)
        .select_related(*LIST_RELATIONS)
    )
    context = {
        "session": session,
        "nation": nation,
        "applications": applications,
        "form": form,
        "may_endorse": request.user.has_perm("academy.endorse_application", nation),
        "formats": list(exports.FORMATS),
        "decline_form": DeclineForm(),
    }
    return render(
        request,
        "academy/nation_applications.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@login_required
def application_detail(request, pk):
    application = _application(request, pk)
    user = request.user
    manages = user.has_perm("academy.manage_language_academy")
    attendance = list(application.attendances.all()) if manages else []
    present = sum(1 for a in attendance if a.present)
    context = {
        "application": application,
        "session": application.session,
        "manages": manages,
        "may_endorse": user.has_perm("academy.endorse_application", application),
        "score_form": ScoreForm(initial={"placement_score": application.placement_score}),
        "exam_form": ExamForm(
            initial={
                "listening": application.exam_listening,
                "speaking": application.exam_speaking,
                "reading": application.exam_reading,
                "writing": application.exam_writing,
            }
        ),
        "decline_form": DeclineForm(),
        "withdraw_form": WithdrawForm(),
        "present": present,
        "course_days": len(application.session.course_days()),
        "certificate_refusal": services.certificate_refusal(application, present_days=present)
        if manages
        else "",
    }
    return render(request, "academy/application_detail.html", context)


def _action(request, pk, act, *, form_class=None, success):
    """Run a POSTed service action on an application; report the outcome as a message."""
    application = _application(request, pk)
    default = reverse("academy_application", args=[application.pk])
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(next_url(request, default))
    try:
        act(application, form.cleaned_data if form else {})
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success % {"person": application.person})
    return redirect(next_url(request, default))


@login_required
@require_POST
def endorse(request, pk):
    return _action(
        request,
        pk,
        lambda a, data: services.endorse(a, by=request.user),
        success=_("%(person)s: application endorsed."),
    )


@login_required
@require_POST
def decline(request, pk):
    return _action(
        request,
        pk,
        lambda a, data: services.decline(a, by=request.user, reason=data["reason"]),
        form_class=DeclineForm,
        success=_("%(person)s: application declined."),
    )


@login_required
@require_POST
def withdraw(request, pk):
    return _action(
        request,
        pk,
        lambda a, data: services.withdraw(a, by=request.user, reason=data["reason"]),
        form_class=WithdrawForm,
        success=_("%(person)s: application withdrawn."),
    )


@login_required
@require_POST
def record_score(request, pk):
    return _action(
        request,
        pk,
        lambda a, data: services.record_placement_score(
            a, score=data["placement_score"], by=request.user
        ),
        form_class=ScoreForm,
        success=_("%(person)s: placement score recorded."),
    )


@login_required
@require_POST
def record_exam(request, pk):
    return _action(
        request,
        pk,
        lambda a, data: services.record_exam(a, by=request.user, **data),
        form_class=ExamForm,
        success=_("%(person)s: examination result recorded."),
    )


@login_required
@require_POST
def issue_certificate(request, pk):
    return _action(
        request,
        pk,
        lambda a, data: services.issue_certificate(a, by=request.user),
        success=_("%(person)s: certificate issued."),
    )


@login_required
def certificate_pdf(request, pk):
    """The bilingual graduation certificate, once issued."""
    application = _application(request, pk)
    if application.certificate_issued_at is None:
        return render(
            request,
            "academy/refused.html",
            {"message": _("This certificate has not been issued.")},
            status=409,
        )
    data = documents.graduation_pdf(application, request=request)
    return file_response(data, "application/pdf", f"{application.reference}.pdf")


@login_required
def class_detail(request, year, pk):
    """A class list with the attendance grid per course day (director)."""
    _manager(request)
    session = _session(year)
    course_class = get_object_or_404(CourseClass, session=session, pk=pk)
    students = list(
        Application.objects.filter(course_class=course_class).select_related("person", "nation")
    )
    days = session.course_days()
    if request.method == "POST":
        try:
            _save_attendance(request, students, days)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Attendance saved."))
        return redirect("academy_class", year=session.year, pk=course_class.pk)
    marks = {
        (a.application_id, a.day): a.present
        for a in Attendance.objects.filter(application__in=students)
    }
    rows = [
        (student, [(day, marks.get((student.pk, day))) for day in days]) for student in students
    ]
    context = {"session": session, "course_class": course_class, "rows": rows, "days": days}
    return render(request, "academy/class_detail.html", context)


def _save_attendance(request, students, days):
    """Record the grid's ticks: a box per student and day, present when ticked."""
    day_text = request.POST.get("day", "")
    chosen = [day for day in days if day.isoformat() == day_text]
    if not chosen:
        raise ValidationError(_("This day is not a day of the course."))
    day = chosen[0]
    present_ids = set(request.POST.getlist("present"))
    for student in students:
        services.record_attendance(
            student, day=day, present=str(student.pk) in present_ids, by=request.user
        )


def _export(request, session, fmt, sheets, name):
    if fmt not in exports.FORMATS:
        raise Http404
    content_type, write = exports.FORMATS[fmt]
    data = write(sheets, title=str(session))
    stamp = timezone.localdate().isoformat()
    return file_response(data, content_type, f"cla-{session.year}-{name}-{stamp}.{fmt}")


@login_required
def export_classes(request, year, fmt):
    _manager(request)
    session = _session(year)
    holders = (
        Application.objects.filter(session=session, state=State.ALLOCATED)
        .select_related(*LIST_RELATIONS)
        .order_by("course_class__language", "course_class__level", "person__last_name")
    )
    return _export(request, session, fmt, exports.class_lists(holders), "classes")


@login_required
def export_fees(request, year, fmt):
    """Fees of the places allocated: every nation for the managers, the own for a delegation."""
    if not request.user.has_perm("academy.export_applications"):
        raise Http404
    session = _session(year)
    holders = Application.objects.visible_to(request.user).filter(
        session=session, state=State.ALLOCATED
    )
    code = request.GET.get("nation", "")
    if code:
        holders = holders.filter(nation__code=code.upper())
    holders = holders.select_related(*LIST_RELATIONS).order_by("nation__code", "person__last_name")
    return _export(request, session, fmt, exports.fee_list(list(holders)), "fees")
