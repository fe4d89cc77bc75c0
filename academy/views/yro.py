"""The YRO pages: the YRO-C chair's results list with LOAC entry, certificates, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Event, Registration

from .. import documents, exports, services
from ..forms import LoacResultForm
from ..models import LoacResult
from . import file_response

YRO_KINDS = [Event.Kind.YRO_WORKSHOP, Event.Kind.YRO_SEMINAR]


def _manager(request):
    if not request.user.has_perm("academy.manage_yro"):
        raise Http404


def _event(slug) -> Event:
    return get_object_or_404(Event.objects.public(), slug=slug, kind__in=YRO_KINDS)


@login_required
def events(request):
    """The YRO Workshops and Seminars, newest first (YRO-C chair, presidency)."""
    _manager(request)
    listed = Event.objects.public().filter(kind__in=YRO_KINDS).order_by("-starts_on")
    return render(request, "academy/yro_events.html", {"events": listed})


@login_required
def results(request, event):
    """The confirmed participants of a YRO event with their LOAC results (chair: all)."""
    _manager(request)
    event = _event(event)
    exam = services.exam_for(event)
    if request.method == "POST":
        return _record(request, event)
    registrations = list(
        Registration.objects.filter(event=event, state=Registration.State.CONFIRMED)
        .select_related("person", "nation", "loac_result")
        .order_by("nation__code", "person__last_name", "person__first_name")
    )
    for registration in registrations:
        result = getattr(registration, "loac_result", None)
        if result is not None:
            result.exam = exam  # one exam for the event: no query per row for the pass mark
    passed = sum(
        1 for r in registrations if getattr(r, "loac_result", None) and r.loac_result.passed
    )
    context = {
        "event": event,
        "exam": exam,
        "registrations": registrations,
        "passed": passed,
        "formats": list(exports.FORMATS),
    }
    return render(request, "academy/yro_results.html", context)


def _record(request, event):
    registration_id = request.POST.get("registration", "")
    registration = get_object_or_404(
        Registration.objects.select_related("event", "person"),
        pk=int(registration_id) if registration_id.isdigit() else 0,
        event=event,
    )
    form = LoacResultForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"{registration.person}: {error}")
    else:
        try:
            services.record_loac_result(
                registration, percent=form.cleaned_data["percent"], by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("%(person)s: LOAC result recorded.") % {"person": registration.person}
            )
    return redirect("academy_yro_results", event=event.slug)


def _result(request, pk) -> LoacResult:
    result = (
        LoacResult.objects.select_related(
            "exam", "registration__event", "registration__person", "registration__nation"
        )
        .filter(pk=pk)
        .first()
    )
    if result is None or not request.user.has_perm("academy.view_loacresult", result):
        raise Http404
    return result


@login_required
@require_POST
def issue_certificate(request, pk):
    result = _result(request, pk)
    try:
        services.issue_loac_certificate(result, by=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("%(person)s: certificate issued.") % {"person": result.registration.person}
        )
    return redirect("academy_yro_results", event=result.registration.event.slug)


@login_required
def certificate_pdf(request, pk):
    result = _result(request, pk)
    if result.certificate_issued_at is None:
        return render(
            request,
            "academy/refused.html",
            {"message": _("This certificate has not been issued.")},
            status=409,
        )
    data = documents.yro_pdf(result, request=request)
    return file_response(data, "application/pdf", f"yro-certificate-{result.pk}.pdf")


@login_required
def export_results(request, event, fmt):
    """The LOAC results: all for the chair, the own nations' for a delegation."""
    event = _event(event)
    if fmt not in exports.FORMATS:
        raise Http404
    rows = LoacResult.objects.visible_to(request.user).filter(registration__event=event)
    if not request.user.has_perm("academy.manage_yro") and not rows.exists():
        raise Http404
    rows = list(
        rows.select_related("exam", "registration__person", "registration__nation").order_by(
            "registration__nation__code", "registration__person__last_name"
        )
    )
    content_type, write = exports.FORMATS[fmt]
    data = write(exports.loac_results(rows), title=event.title)
    stamp = timezone.localdate().isoformat()
    return file_response(data, content_type, f"{event.slug}-loac-{stamp}.{fmt}")
