"""Import of a delegation's list (CSV or XLSX) and the template to fill in (events.imports).

A head of delegation or national staff imports for the own nation while registration is open
(the presidency for any nation, at any time); any other nation answers 404. The whole file is
checked first: any error rejects it with a row-by-row report and nothing is saved.

A list of more than services.LARGE_IMPORT_ROWS rows is checked and saved by the task worker:
the upload leads to the job's page, which polls with htmx until the same report shows there,
for the person who uploaded it (while the nation is still theirs) and the presidency. A retried
upload (same idempotency key) saves nothing twice.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import idempotency
from core.idempotency import IdempotencyKeyField
from nations.models import Nation

from .. import imports, services
from ..models import Event, ImportJob, Registration

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        help_text=gettext_lazy("At most 1000 rows and 2 MB; the first row holds the headings."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    idempotency_key = IdempotencyKeyField()


def _event(slug) -> Event:
    return get_object_or_404(Event.objects.public(), slug=slug)


@login_required
def upload(request, event, nation):
    """Check an uploaded list and, when it is clean, register everyone on it at once."""
    event = _event(event)
    nation = Nation.objects.filter(code=nation.upper()).first()
    if nation is None or not request.user.has_perm("events.register_for_nation", nation):
        raise Http404
    open_for_user = event.takes_registrations and services.may_change(request.user, event, nation)
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    key = request.POST.get("idempotency_key", "")[:64]
    if not open_for_user:
        messages.error(request, _("Registration for this event is closed."))
        form = None
    elif request.method == "POST" and idempotency.previous_result(key, user=request.user):
        return idempotency.replay(request, key)  # a retry of an import already saved
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        rows = _row_count(upload)
        nation_url = reverse("delegation_event", args=[event.slug, nation.code])
        try:
            with transaction.atomic():
                if services.LARGE_IMPORT_ROWS < rows <= imports.MAX_ROWS:
                    # Checked and saved by the task worker; the job's page shows the report.
                    job = services.queue_import(event, nation, upload, rows=rows, by=request.user)
                    job_url = reverse("import_job", args=[job.pk])
                    idempotency.claim(key, user=request.user, result_url=job_url)
                    return redirect(job_url)
                idempotency.claim(key, user=request.user, result_url=nation_url)
                result = imports.import_file(event, nation, upload, by=request.user)
                if not result.ok:
                    transaction.set_rollback(True)  # nothing saved: the key is free again
        except IntegrityError:
            if not idempotency.previous_result(key, user=request.user):
                raise
            return idempotency.replay(request, key)  # the same upload, twice at once
        if result.ok:
            form = ImportForm()
    return TemplateResponse(
        request,
        "events/delegation/import.html",
        {
            "event": event,
            "nation": nation,
            "form": form,
            "result": result,
            "max_rows": imports.MAX_ROWS,
            "columns": imports.COLUMNS,
            "allowed_values": imports.allowed_values(event),
            "nato_codes": imports.NATO_CODES,
            "waiting_state": Registration.State.WAITING,
        },
        status=400 if result is not None and result.errors else 200,
    )


def _row_count(upload) -> int:
    """Return how many rows under the headings the file holds (0 when it cannot be read: the
    import in the request then says why)."""
    try:
        table = imports.read_table(upload)
    except imports.FileRefused:
        table = []
    finally:
        upload.seek(0)
    return max(len(table) - 1, 0)


@login_required
def import_job(request, pk):
    """A large import's progress, then its row-by-row report; htmx polls the progress part."""
    job = get_object_or_404(
        ImportJob.objects.visible_to(request.user).select_related("event", "nation"), pk=pk
    )
    result = None
    if job.state == ImportJob.State.DONE:
        result = imports.Result(
            errors=[imports.RowError(*error) for error in job.report.get("errors", [])],
            registrations=list(
                Registration.objects.filter(pk__in=job.report.get("registrations", []))
                .select_related("person", "registration_type")
                .order_by("pk")
            ),
            created_people=job.report.get("created_people", 0),
        )
    partial = request.headers.get("HX-Request") == "true"
    template = "events/includes/import_job_status.html" if partial else "events/import_job.html"
    response = render(
        request,
        template,
        {"job": job, "event": job.event, "nation": job.nation, "result": result},
        status=400 if result is not None and result.errors and not partial else 200,
    )
    add_never_cache_headers(response)
    return response


@login_required
def template(request, event, fmt):
    """The file to fill in: headings in the user's language, an example row (and, in XLSX, a
    sheet of allowed values)."""
    if fmt not in imports.EXTENSIONS:
        raise Http404
    event = _event(event)
    if not request.user.has_perm("events.register_for_nation"):
        raise Http404
    build = imports.template_csv if fmt == "csv" else imports.template_xlsx
    response = HttpResponse(build(event), content_type=CONTENT_TYPES[fmt])
    filename = f"{event.slug}-import.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
