"""Background work: mails sent by a task after the commit and retried, failed tasks listed for
the presidency, batch documents made by a task with their progress, the passport erasure."""

import datetime
import io
import smtplib
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader
from wagtail.models import ReferenceIndex

from accounts.tests.factories import PersonFactory
from conftest import log_in_with_two_factor
from events import documents, services
from events.models import DocumentJob, ImportJob, Registration
from events.tests.factories import EventFactory, RegistrationFactory, RegistrationTypeFactory
from events.tests.test_import import GOOD_ROWS, HEADER, csv_file

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.State.CONFIRMED
ON_THE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses everything."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def run_worker():
    """Work through the database queue as `manage.py db_worker` does, task by task (its loop
    would close the test's connection between tasks, as after a request)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while result := DBTaskResult.objects.ready().filter(backend_name="background").first():
        result.claim(worker.worker_id)
        worker.run_task(result)


@pytest.fixture
def jaan(est):
    return PersonFactory(nation=est, first_name="Jaan", last_name="Tamm", email="jaan@example.ee")


def register(event, person, registration_type, by):
    return services.register(event, person=person, registration_type=registration_type, by=by)


# Mails ---------------------------------------------------------------------------------------


def test_registration_mail_is_sent_by_the_task_after_the_commit(
    congress, delegate_type, hod_est, jaan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est)
        assert mail.outbox == []

    assert [message.to for message in mail.outbox] == [["jaan@example.ee"]]
    assert mail.outbox[0].subject.startswith("[CIOR] Registration received: Jaan TAMM")


@override_settings(TASKS=ON_THE_QUEUE)
def test_registration_mail_waits_in_the_queue_for_the_worker(
    congress, delegate_type, hod_est, jaan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est)
    queued = sorted(DBTaskResult.objects.values_list("task_path", "status"))
    outbox_before_worker = len(mail.outbox)
    registration = Registration.objects.get(person=jaan)
    indexed_before_worker = ReferenceIndex.get_references_for_object(registration).count()

    run_worker()

    # The mail is written and sent by the worker, and the registration's references (the
    # admin's "usage" of the person and the event) indexed then too: neither in the request.
    assert queued == [
        ("events.tasks.send_registration_mails", "READY"),
        ("wagtail.tasks.update_reference_index_task", "READY"),
    ]
    assert outbox_before_worker == 0
    assert [message.to for message in mail.outbox] == [["jaan@example.ee"]]
    assert "Jaan" in mail.outbox[0].body
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert indexed_before_worker == 0
    assert registration in [
        source for source, _references in ReferenceIndex.get_grouped_references_to(jaan)
    ]


@override_settings(TASKS=ON_THE_QUEUE)
def test_mail_written_by_the_worker_says_what_changed_and_skips_a_deleted_registration(
    congress, delegate_type, hod_est, jaan, django_capture_on_commit_callbacks
):
    other = PersonFactory(nation=jaan.nation, email="kadri@example.ee", first_name="Kadri")
    with django_capture_on_commit_callbacks(execute=True):
        kept = register(congress, jaan, delegate_type, hod_est)
        gone = register(congress, other, delegate_type, hod_est)
    # Before the worker runs. The app never deletes a registration (it is cancelled); the
    # shell can, and then Wagtail's task finds nothing to index and fails, as it would
    # for any model.
    gone.delete()

    run_worker()

    assert [message.to for message in mail.outbox] == [["jaan@example.ee"]]
    assert f"Reference: {kept.reference}" in mail.outbox[0].body
    mail_tasks = DBTaskResult.objects.filter(task_path="events.tasks.send_registration_mails")
    assert list(mail_tasks.values_list("status", flat=True)) == ["SUCCESSFUL", "SUCCESSFUL"]


@override_settings(TASKS=ON_THE_QUEUE)
def test_each_mail_says_the_state_it_is_about_when_the_worker_comes_late(
    congress, delegate_type, hod_est, presidency, jaan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(congress, jaan, delegate_type, hod_est)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm(registration, by=presidency)

    run_worker()  # both mails written now, the registration confirmed

    received, confirmed = sorted(mail.outbox, key=lambda message: "confirmed" in message.subject)
    assert received.subject.startswith("[CIOR] Registration received")
    assert "State: Submitted" in received.body
    assert confirmed.subject.startswith("[CIOR] Registration confirmed")
    assert "State: Confirmed" in confirmed.body
    assert Registration.objects.get(pk=registration.pk).state == CONFIRMED


@override_settings(
    TASKS=ON_THE_QUEUE,
    CIOR_MAIL_RETRY_DELAYS=[0, 0],
    EMAIL_BACKEND="events.tests.test_tasks.RefusingBackend",
)
def test_refused_mail_is_retried_then_failed_and_listed_for_the_presidency_only(
    client, congress, delegate_type, hod_est, presidency, jaan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est)

    run_worker()

    attempts = DBTaskResult.objects.filter(task_path__startswith="events.").order_by("enqueued_at")
    assert [(r.task_path, r.args_kwargs["args"][1:], r.status) for r in attempts] == [
        # attempt 1: the mails written, refused, attempt 2 queued
        ("events.tasks.send_registration_mails", [True], "SUCCESSFUL"),
        ("events.tasks.deliver_mails", [2], "SUCCESSFUL"),  # which queued attempt 3
        ("events.tasks.deliver_mails", [3], "FAILED"),  # the last: the task fails
    ]
    failed = attempts.last()
    assert failed.exception_class_path == "events.tasks.MailNotSent"
    assert "1 mail(s) to jaan@example.ee not sent after 3 attempts" in failed.traceback

    log_in_with_two_factor(client, presidency)
    listing = client.get("/admin/reports/failed-tasks/").content.decode()
    assert "1 failed task" in listing
    assert "deliver_mails" in listing and "jaan@example.ee" in listing
    assert "MailNotSent" in listing

    log_in_with_two_factor(client, hod_est)
    refused = client.get("/admin/reports/failed-tasks/")
    assert refused.status_code == 403
    assert "jaan@example.ee" not in refused.content.decode()


# Batch documents -----------------------------------------------------------------------------


@pytest.fixture
def event(est):
    """An event that started yesterday: badges and certificates may be issued."""
    today = datetime.date.today()
    return EventFactory(
        title_en="YRO Workshop 2026",
        slug="yro-workshop",
        host_nation=est,
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=2),
    )


def confirmed(event, nation, count, **fields):
    kind = event.registration_types.first() or RegistrationTypeFactory(event=event, kind="delegate")
    return [
        RegistrationFactory(
            event=event,
            registration_type=kind,
            nation=nation,
            state=CONFIRMED,
            person=PersonFactory(nation=nation, last_name=f"Kask{index:02d}"),
            **fields,
        )
        for index in range(count)
    ]


def pdf_pages(data: bytes):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_nation_badges_job_is_made_by_the_task_and_downloaded_by_its_requester(
    client, homes, event, est, fra, hod_est, django_capture_on_commit_callbacks, monkeypatch
):
    confirmed(event, est, 9)
    confirmed(event, fra, 2)
    monkeypatch.setattr(documents, "BATCH_CHUNK", 4)  # three WeasyPrint runs, joined
    log_in_with_two_factor(client, hod_est)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/delegation/{event.slug}/EST/documents/badges/")

    job = DocumentJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/documents/{job.pk}/"
    assert (job.state, job.done, job.total, job.nation, job.requested_by) == (
        "done",
        9,
        9,
        est,
        hod_est,
    )
    page = client.get(f"/en/documents/{job.pk}/").content.decode()
    assert "Ready: 9 documents." in page
    assert f'href="/en/documents/{job.pk}/file.pdf"' in page
    assert "hx-get" not in page  # finished: no more polling
    download = client.get(f"/en/documents/{job.pk}/file.pdf")
    pages = pdf_pages(b"".join(download.streaming_content))
    assert download["Content-Disposition"] == (
        'attachment; filename="CIOR-badges-yro-workshop-EST.pdf"'
    )
    assert len(pages) == 3  # 9 badges, four to a sheet
    assert "KASK00" in pages[0] and "KASK08" in pages[2]


def test_job_page_shows_the_progress_and_polls_while_running(client, homes, event, est, hod_est):
    job = DocumentJob.objects.create(
        kind="badges", event=event, nation=est, requested_by=hod_est, state="running"
    )
    DocumentJob.objects.filter(pk=job.pk).update(done=12, total=200)
    log_in_with_two_factor(client, hod_est)

    page = client.get(f"/en/documents/{job.pk}/").content.decode()
    poll = client.get(f"/en/documents/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()

    assert "Being made: 12 of 200" in page
    assert '<progress max="200" value="12">' in page
    assert f'hx-get="/en/documents/{job.pk}/"' in page
    assert poll.startswith('<section class="document-job document-job--running"')
    assert "12 of 200" in poll and "<html" not in poll
    assert client.get(f"/en/documents/{job.pk}/file.pdf").status_code == 404  # not ready


def test_job_of_another_nation_answers_404(
    client, homes, event, est, hod_est, hod_fra, django_capture_on_commit_callbacks
):
    confirmed(event, est, 2)
    log_in_with_two_factor(client, hod_est)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/delegation/{event.slug}/EST/documents/badges/")
    job = DocumentJob.objects.get()

    log_in_with_two_factor(client, hod_fra)

    assert client.get(f"/en/documents/{job.pk}/").status_code == 404
    assert client.get(f"/en/documents/{job.pk}/file.pdf").status_code == 404
    assert client.post(f"/en/delegation/{event.slug}/EST/documents/badges/").status_code == 404
    assert client.post(f"/en/delegation/{event.slug}/documents/badges/").status_code == 404
    assert DocumentJob.objects.count() == 1


def test_presidency_makes_every_certificate_of_the_event(
    client, homes, event, est, fra, presidency, django_capture_on_commit_callbacks
):
    confirmed(event, est, 2)
    confirmed(event, fra, 1)
    confirmed(event, fra, 1, attended=False)  # a no-show: no certificate
    log_in_with_two_factor(client, presidency)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/delegation/{event.slug}/documents/certificates/")

    job = DocumentJob.objects.get()
    data = b"".join(client.get(f"/en/documents/{job.pk}/file.pdf").streaming_content)
    assert (job.state, job.nation, job.total) == ("done", None, 3)
    assert len(pdf_pages(data)) == 3


def test_certificates_before_the_event_are_refused_with_the_reason(
    client, homes, est, hod_est, django_capture_on_commit_callbacks
):
    today = datetime.date.today()
    future = EventFactory(
        slug="later",
        starts_on=today + datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=12),
    )
    confirmed(future, est, 1)
    log_in_with_two_factor(client, hod_est)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/delegation/later/EST/documents/certificates/")

    assert response.status_code == 409
    assert "qu&#x27;une fois l&#x27;événement commencé" in response.content.decode()
    assert DocumentJob.objects.count() == 0


# Large imports -----------------------------------------------------------------------------


def test_large_import_runs_as_a_task_and_reports_to_its_requester_only(
    client, congress, delegate_type, est, hod_est, hod_fra, django_capture_on_commit_callbacks,
    monkeypatch,
):  # fmt: skip
    monkeypatch.setattr(services, "LARGE_IMPORT_ROWS", 2)
    client.force_login(hod_est)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/delegation/{congress.slug}/EST/import/",
            {"file": csv_file([HEADER, GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[3]])},
        )

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/imports/{job.pk}/"
    assert (job.state, job.rows, job.file.name) == ("done", 3, "")  # the list is not kept
    page = client.get(f"/en/imports/{job.pk}/").content.decode()
    assert "The file was imported" in page and "3 registrations saved" in page
    assert "2 within the places, 1 on the waiting list; 3 people added" in page
    assert "hx-get" not in page
    assert Registration.objects.filter(nation=est).count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "jaan@example.ee",
        "liis@example.ee",
        "mari@example.ee",
    ]
    client.force_login(hod_fra)
    assert client.get(f"/en/imports/{job.pk}/").status_code == 404


def test_large_import_with_errors_reports_them_and_saves_nothing(
    client, congress, delegate_type, hod_est, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "LARGE_IMPORT_ROWS", 1)
    bad = [*GOOD_ROWS[0][:7], "31/02/2027", *GOOD_ROWS[0][8:]]
    client.force_login(hod_est)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/delegation/{congress.slug}/EST/import/",
            {"file": csv_file([HEADER, GOOD_ROWS[1], bad])},
        )

    job = ImportJob.objects.get()
    page = client.get(f"/en/imports/{job.pk}/")
    assert page.status_code == 400
    assert "The file was not imported" in page.content.decode()
    assert 'data-row="3"' in page.content.decode()
    assert Registration.objects.count() == 0
    assert job.report["registrations"] == []


# The passport erasure --------------------------------------------------------------------------


def test_passport_erasure_is_queued_for_the_worker(est):
    today = datetime.date.today()
    past = EventFactory(
        slug="past",
        starts_on=today - datetime.timedelta(days=40),
        ends_on=today - datetime.timedelta(days=35),
        registration_opens_at=None,
        registration_closes_at=None,
        passport_retention_days=30,
    )
    registration = RegistrationFactory(event=past, passport_number="EE1234567")
    out = StringIO()

    call_command("erase_passport_data", "--enqueue", stdout=out)

    assert out.getvalue().startswith("Queued the passport erasure for the task worker")
    registration.refresh_from_db()
    assert registration.passport_number == ""  # the immediate backend ran it at once
