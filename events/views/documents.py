"""Badges, visa letters and certificates as PDF downloads, and the public verification page.

A registration's documents are for whoever may see it (`Registration.objects.visible_to`): the
presidency, the nation's head of delegation and national staff, the participant. Anything else
answers 404. A draft event's documents are the presidency's only (`events.issue_documents`):
anyone else gets a page saying the event is not published (HTTP 404). A document that cannot be
issued yet (not confirmed, no passport data, no-show) answers a page that says why (HTTP 409).

One document is made in the request. A batch (every badge or certificate of an event, or of a
nation at it) is a DocumentJob made by the task worker: the request queues it and leads to the
job's page, which polls its progress ("12 of 200") with htmx and then offers the file, to the
requester (for a nation still theirs) and the presidency only; anyone else gets 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nations.models import Nation

from .. import documents, services, verification
from ..documents import DOCUMENT_RELATIONS, file_name
from ..models import DocumentJob, Event, Registration


def _visible_registration(request, pk):
    """Return the registration if the user may see it, else raise 404."""
    registration = get_object_or_404(
        Registration.objects.visible_to(request.user).select_related(*DOCUMENT_RELATIONS), pk=pk
    )
    if not request.user.has_perm("events.view_registration", registration):
        raise Http404
    return registration


def _pdf_response(data, filename):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)  # personal data: no shared or browser cache keeps it
    return response


def _refused(request, message, *, registration=None, title, status=409):
    return render(
        request,
        "events/document_refused.html",
        {"message": message, "registration": registration, "document_title": title},
        status=status,
    )


def refused_unpublished(request, event, *, title, registration=None):
    """Return the page refusing `event`'s documents or exports (None when they may be had)."""
    if request.user.has_perm("events.issue_documents", event):
        return None
    message = _("%(event)s is not published yet: its documents and exports are not available.")
    return _refused(
        request,
        message % {"event": event.title},
        registration=registration,
        title=title,
        status=404,
    )


@login_required
def badge(request, pk):
    """Send one registration's badge (A6)."""
    registration = _visible_registration(request, pk)
    if refusal := refused_unpublished(
        request, registration.event, title=_("Badge"), registration=registration
    ):
        return refusal
    try:
        data = documents.badge_pdf(registration, request=request)
    except documents.DocumentRefused as refusal:
        return _refused(request, str(refusal), registration=registration, title=_("Badge"))
    return _pdf_response(data, file_name(pgettext("file name", "badge"), registration.reference))


@login_required
def visa_letter(request, pk):
    """Send one registration's visa invitation letter (A4, in the registrant's language)."""
    registration = _visible_registration(request, pk)
    if refusal := refused_unpublished(
        request, registration.event, title=_("Visa invitation letter"), registration=registration
    ):
        return refusal
    try:
        data = documents.visa_letter_pdf(registration, request=request)
    except documents.DocumentRefused as refusal:
        return _refused(
            request, str(refusal), registration=registration, title=_("Visa invitation letter")
        )
    return _pdf_response(
        data, file_name(pgettext("file name", "visa-letter"), registration.reference)
    )


@login_required
def certificate(request, pk):
    """Send one registration's attendance certificate (A4 landscape)."""
    registration = _visible_registration(request, pk)
    if refusal := refused_unpublished(
        request, registration.event, title=_("Attendance certificate"), registration=registration
    ):
        return refusal
    try:
        data = documents.certificate_pdf(registration, request=request)
    except documents.DocumentRefused as refusal:
        return _refused(
            request, str(refusal), registration=registration, title=_("Attendance certificate")
        )
    return _pdf_response(
        data, file_name(pgettext("file name", "certificate"), registration.reference)
    )


@login_required
def nation_badges(request, event, nation):
    """Send the badges of every confirmed registration of a nation for an event, four to an
    A4 sheet, ordered by name."""
    event = get_object_or_404(Event, slug=event)
    nation = get_object_or_404(Nation, code=nation.upper())
    if not request.user.has_perm("events.export_registrations", nation):
        raise Http404
    if refusal := refused_unpublished(request, event, title=_("Badges")):
        return refusal
    registrations = list(
        Registration.objects.filter(event=event, nation=nation, state=Registration.State.CONFIRMED)
        .select_related(*DOCUMENT_RELATIONS)
        .order_by("person__last_name", "person__first_name", "pk")
    )
    if not registrations:
        return _refused(
            request,
            _("%(nation)s has no confirmed registration for %(event)s yet: no badge to print.")
            % {"nation": nation.name, "event": event.title},
            title=_("Badges"),
        )
    data = documents.badges_pdf(registrations, request=request, sheet=True)
    return _pdf_response(
        data,
        file_name(pgettext("file name", "badges"), event.slug_for(get_language()), nation.code),
    )


@login_required
@require_POST
def request_documents(request, event, kind, nation=None):
    """Queue a batch of `kind` documents for the event's nation (a delegation, the presidency)
    or the whole event (the presidency), then show its progress."""
    event = get_object_or_404(Event, slug=event)
    if kind not in DocumentJob.Kind.values:
        raise Http404
    if nation is None:
        if not request.user.has_perm("events.manage_registrations"):
            raise Http404
    else:
        nation = get_object_or_404(Nation, code=nation.upper())
        if not request.user.has_perm("events.export_registrations", nation):
            raise Http404
    try:
        job = services.request_documents(event, kind=kind, nation=nation, by=request.user)
    except documents.DocumentRefused as refusal:
        return _refused(request, str(refusal), title=DocumentJob.Kind(kind).label)
    return redirect("document_job", job.pk)


def _visible_job(request, pk, **conditions):
    return get_object_or_404(
        DocumentJob.objects.visible_to(request.user).select_related("event", "nation"),
        pk=pk,
        **conditions,
    )


@login_required
def document_job(request, pk):
    """A batch's progress, then its download link; htmx polls for the progress part alone."""
    job = _visible_job(request, pk)
    partial = request.headers.get("HX-Request") == "true"
    template = (
        "events/includes/document_job_progress.html" if partial else "events/document_job.html"
    )
    response = render(request, template, {"job": job})
    add_never_cache_headers(response)
    return response


@login_required
def document_job_file(request, pk):
    """Send a finished batch's PDF."""
    job = _visible_job(request, pk, state=DocumentJob.State.DONE)
    if not job.file:
        raise Http404
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.download_name(),
        content_type="application/pdf",
    )
    add_never_cache_headers(response)  # personal data: no shared or browser cache keeps it
    return response


def verify(request, token):
    """Say whether a document's token is genuine and still stands: the kind of document and the
    event if so, a neutral "not valid" otherwise. Never a name, a nation or any personal data."""
    registration, purpose = verification.check_token(token)
    context = {"valid": registration is not None}
    if registration is not None:
        context.update(
            kind=verification.purpose_label(purpose),
            event=registration.event,
            dates=documents.date_range(registration.event.starts_on, registration.event.ends_on),
        )
    response = render(request, "events/verify.html", context)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
