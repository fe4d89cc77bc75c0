"""The events app's background work, run by the task worker (`manage.py db_worker --backend
background`; at once in the tests): registration mails, batch documents, large imports, the
passport erasure.

Tasks take plain values (ids, strings, lists): the queue keeps them as JSON. Mails are retried
by queueing what failed again a little later (django-tasks retries nothing by itself); the
last attempt's failure fails the task, which the presidency then sees under Reports.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.utils import timezone, translation
from django_tasks import task

BACKEND = "background"  # settings.TASKS: the database queue in production

logger = logging.getLogger(__name__)


class MailNotSent(Exception):
    """Mails could not be handed to the mail server after every attempt."""


def later(the_task, seconds: float):
    """Return `the_task` set to run `seconds` from now where the backend can wait (at once on
    a backend that cannot, such as the tests' immediate one)."""
    if seconds and the_task.get_backend().supports_defer:
        return the_task.using(run_after=timezone.now() + timedelta(seconds=seconds))
    return the_task


@task(backend=BACKEND)
def deliver_mails(messages: list, attempt: int = 1) -> int:
    """Send `messages` ([subject, body, sender or None, [address]] each) over one connection;
    return how many were sent.

    On a failure the mails not yet sent are queued again after settings.CIOR_MAIL_RETRY_DELAYS
    (one delay per further attempt); after the last attempt the task fails with MailNotSent.
    """
    sent = 0
    try:
        with mail.get_connection() as connection:
            for subject, body, sender, to in messages:
                mail.EmailMessage(subject, body, sender, to, connection=connection).send()
                sent += 1
    except OSError as error:  # smtplib.SMTPException and network errors
        remaining = messages[sent:]
        addresses = ", ".join(address for message in remaining for address in message[3])
        delays = settings.CIOR_MAIL_RETRY_DELAYS
        if attempt > len(delays):
            raise MailNotSent(
                f"{len(remaining)} mail(s) to {addresses} not sent after {attempt} attempts: "
                f"{error}"
            ) from error
        logger.warning(
            "Mail to %s not sent (attempt %d): %s; trying again in %s s",
            addresses,
            attempt,
            error,
            delays[attempt - 1],
        )
        later(deliver_mails, delays[attempt - 1]).enqueue(remaining, attempt + 1)
    return sent


@task(backend=BACKEND)
def send_registration_mails(changes: list, heads: bool = True) -> int:
    """Write and send the mails about registration changes; `changes` is [[registration id,
    what], ...] (events.notifications.queue). Written here rather than in the request that
    made the change: reading the recipients and rendering a mail per language cost a
    registration about a tenth of its time. A registration deleted meanwhile gets no mail.
    Return how many were sent; a failure is retried as deliver_mails retries."""
    from . import notifications
    from .models import Registration

    found = Registration.objects.select_related("person", "event", "registration_type").in_bulk(
        [pk for pk, _what in changes]
    )
    messages = []
    for pk, what in changes:
        registration = found.get(pk)
        if registration is None:
            continue
        if what in Registration.State.values:
            # The state the mail is about, though the registration may have moved on since
            # (confirmed before the worker sent the "received" mail: that mail comes next).
            registration.state = what
        messages += [
            list(message) for message in notifications.mails(registration, what, heads=heads)
        ]
    return deliver_mails.call(messages) if messages else 0


@task(backend=BACKEND)
def make_documents(job_id: int, language: str) -> str:
    """Make a DocumentJob's PDF (events.documents.make_batch), its messages in `language`;
    return the job's final state."""
    from .documents import make_batch
    from .models import DocumentJob

    job = DocumentJob.objects.select_related("event", "nation").get(pk=job_id)
    with translation.override(language):
        make_batch(job)
    job.refresh_from_db(fields=["state"])
    return job.state


@task(backend=BACKEND)
def run_import(job_id: int, language: str) -> str:
    """Check and save an ImportJob's list (events.imports.import_file), its report in
    `language`; keep the report, drop the file; return the job's final state."""
    from . import imports
    from .models import ImportJob

    job = ImportJob.objects.select_related("event", "nation", "requested_by").get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.RUNNING)
    try:
        with translation.override(language), job.file.open("rb") as upload:
            result = imports.import_file(job.event, job.nation, upload, by=job.requested_by)
    except Exception:
        ImportJob.objects.filter(pk=job.pk).update(
            state=ImportJob.State.FAILED, finished_at=timezone.now()
        )
        raise  # listed for the presidency under Reports → Failed tasks
    job.report = {
        "errors": [[error.row, error.column, error.message] for error in result.errors],
        "registrations": [registration.pk for registration in result.registrations],
        "created_people": result.created_people,
    }
    job.file.delete(save=False)  # personal data: kept no longer than needed
    job.state, job.finished_at = ImportJob.State.DONE, timezone.now()
    job.save(update_fields=["report", "file", "state", "finished_at"])
    return job.state


@task(backend=BACKEND)
def erase_passport_data() -> list:
    """Blank the passport data of the events past their retention period (the daily job);
    return [event slug, registrations erased] per event."""
    from .services import erase_passport_data as erase

    return [[event.slug, count] for event, count in erase()]
