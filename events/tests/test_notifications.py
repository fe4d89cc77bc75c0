"""Registration mails: who gets them, in which language, and only once the change is committed."""

import pytest
from django.db import transaction

from accounts.tests.factories import PersonFactory
from events import notifications, services
from events.models import Registration

pytestmark = pytest.mark.django_db

State = Registration.State


@pytest.fixture
def head(hod_est):
    """The Estonian head of delegation's person: French-speaking, with an address."""
    person = hod_est.person
    person.first_name, person.last_name = "Anne", "Lepp"
    person.email, person.preferred_language = "anne.lepp@example.org", "fr"
    person.save()
    return person


@pytest.fixture
def jaan(est):
    return PersonFactory(
        nation=est,
        first_name="Jaan",
        last_name="Tamm",
        email="jaan.tamm@example.org",
        preferred_language="en",
    )


def register(event, person, registration_type, by, **kwargs):
    return services.register(
        event, person=person, registration_type=registration_type, by=by, **kwargs
    )


def by_recipient(mailoutbox):
    return {tuple(mail.to): mail for mail in mailoutbox}


def test_submitted_mails_registrant_and_head_once_each_after_commit(
    congress, delegate_type, hod_est, head, jaan, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est)
        assert mailoutbox == []  # nothing before the commit

    assert len(mailoutbox) == 2
    mails = by_recipient(mailoutbox)
    assert sorted(mails) == [("anne.lepp@example.org",), ("jaan.tamm@example.org",)]
    english = mails[("jaan.tamm@example.org",)]
    assert english.subject == f"[CIOR] Registration received: Jaan TAMM, {congress.title_en}"
    assert "Dear Jaan TAMM," in english.body
    assert "Delegate" in english.body
    reference = Registration.objects.get().reference
    assert f"Reference: {reference}" in english.body


def test_mail_to_french_speaking_head_is_in_french(
    congress, delegate_type, hod_est, head, jaan, mailoutbox, django_capture_on_commit_callbacks
):
    congress.city_fr = "Tallinn (Estonie)"
    congress.save()
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est)

    french = by_recipient(mailoutbox)[("anne.lepp@example.org",)]
    english = by_recipient(mailoutbox)[("jaan.tamm@example.org",)]
    # The event's French title and city, and Django's French month names: independent of
    # whether our own French catalogue is translated yet.
    assert congress.title_fr in french.subject
    assert "Jaan TAMM" in french.subject
    assert "Tallinn (Estonie)" in french.body
    month_fr = {7: "juillet", 8: "août"}.get(congress.starts_on.month)
    if month_fr:
        assert month_fr in french.body
    assert congress.title_en in english.subject
    assert congress.title_fr not in english.body


def test_no_mail_when_the_transaction_rolls_back(
    congress, delegate_type, hod_est, head, jaan, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        register(congress, jaan, delegate_type, hod_est)
        raise RuntimeError("roll back")

    assert mailoutbox == []
    assert Registration.objects.count() == 0


def test_notify_false_sends_nothing(
    congress, delegate_type, hod_est, head, jaan, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est, notify=False)

    assert mailoutbox == []


def test_head_registering_self_gets_one_mail(
    congress, delegate_type, hod_est, head, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, head, delegate_type, hod_est)

    assert [mail.to for mail in mailoutbox] == [["anne.lepp@example.org"]]


def test_registrant_without_address_only_head_is_mailed(
    congress, delegate_type, hod_est, head, est, mailoutbox, django_capture_on_commit_callbacks
):
    silent = PersonFactory(nation=est, email="")
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, silent, delegate_type, hod_est)

    assert [mail.to for mail in mailoutbox] == [["anne.lepp@example.org"]]


def test_other_nation_head_is_not_mailed(
    congress, delegate_type, hod_est, hod_fra, jaan, mailoutbox, django_capture_on_commit_callbacks
):
    hod_fra.person.email = "chef@example.fr"
    hod_fra.person.save()
    with django_capture_on_commit_callbacks(execute=True):
        register(congress, jaan, delegate_type, hod_est)

    assert [mail.to for mail in mailoutbox] == [["jaan.tamm@example.org"]]


def english_subjects(mailoutbox, address="jaan.tamm@example.org"):
    return [mail.subject for mail in mailoutbox if mail.to == [address]]


def test_waiting_then_promoted_then_confirmed_mails(
    congress,
    delegate_type,
    est,
    hod_est,
    presidency,
    jaan,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    first, second = (PersonFactory(nation=est, email="") for _ in range(2))
    with django_capture_on_commit_callbacks(execute=True):
        held = register(congress, first, delegate_type, hod_est)
        register(congress, second, delegate_type, hod_est)
        waiting = register(congress, jaan, delegate_type, hod_est)
    assert waiting.state == State.WAITING
    title = congress.title_en
    assert english_subjects(mailoutbox) == [f"[CIOR] On the waiting list: Jaan TAMM, {title}"]
    assert "waiting list" in mailoutbox[-1].body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(held, by=hod_est, reason="Ill")
    assert english_subjects(mailoutbox) == [f"[CIOR] A place is free: Jaan TAMM, {title}"]

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm(waiting, by=presidency)
    assert english_subjects(mailoutbox) == [f"[CIOR] Registration confirmed: Jaan TAMM, {title}"]
    assert "State: Confirmed" in mailoutbox[0].body


def test_cancelled_and_rejected_mails_give_the_reason(
    congress, delegate_type, est, hod_est, presidency, jaan, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    other = PersonFactory(nation=est, first_name="Mari", last_name="Kask", email="mari@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        first = register(congress, jaan, delegate_type, hod_est, notify=False)
        second = register(congress, other, delegate_type, hod_est, notify=False)
        services.cancel(first, by=hod_est, reason="Ill")
        services.reject(second, by=presidency, reason="Not a reserve officer")

    [cancelled] = [m for m in mailoutbox if m.to == ["jaan.tamm@example.org"]]
    [rejected] = [m for m in mailoutbox if m.to == ["mari@example.org"]]
    assert cancelled.subject == f"[CIOR] Registration cancelled: Jaan TAMM, {congress.title_en}"
    assert "Reason: Ill" in cancelled.body
    assert rejected.subject == (f"[CIOR] Registration not accepted: Mari KASK, {congress.title_en}")
    assert "Reason: Not a reserve officer" in rejected.body


def test_send_unknown_event_sends_nothing(congress, delegate_type, hod_est, jaan, mailoutbox):
    registration = register(congress, jaan, delegate_type, hod_est, notify=False)

    assert notifications.send(registration, "paid") is None
    assert mailoutbox == []
