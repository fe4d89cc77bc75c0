"""The audit trail rendered for reading: labels, choices, dates, amounts, lists, both languages."""

import datetime

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from accounts import audit, audit_display
from accounts.models import Person
from events.models import Event
from events.tests.factories import EventFactory
from milcomp.models import RawResult
from nations.models import Invoice

from .factories import PersonFactory, UserFactory

NBSP = "\u00a0"


class Entry:
    """A stand-in for a log entry: the data and the model of its object."""

    def __init__(self, model, changes, reason=""):
        from django.contrib.contenttypes.models import ContentType

        self.content_type = ContentType.objects.get_for_model(model)
        self.data = {"changes": changes, "reason": reason}


def shown(model, changes, language="en", reason=""):
    with translation.override(language):
        return audit_display.describe(Entry(model, changes, reason))


@pytest.mark.django_db
def test_a_choice_shows_its_label_under_the_fields_verbose_name():
    assert shown(Event, {"status": ["draft", "published"]}) == "Status: Draft → Published"
    assert shown(Event, {"status": ["draft", "published"]}, "fr") == (
        f"Statut{NBSP}: Brouillon → Publié"
    )


@pytest.mark.django_db
def test_a_date_is_written_in_the_readers_language():
    changes = {"due_on": ["2026-03-11", "2026-08-01"]}

    assert shown(Invoice, changes) == "Due on: 11 March 2026 → 1 August 2026"
    assert shown(Invoice, changes, "fr") == f"Échéance{NBSP}: 11 mars 2026 → 1 août 2026"


@pytest.mark.django_db
def test_an_amount_has_the_readers_separators():
    changes = {"amount": ["1500.00", "1600.00"], "balance": ["1500.00", "1100.00"]}

    assert (
        shown(Invoice, changes) == "Amount (EUR): 1,500.00 → 1,600.00; Balance: 1,500.00 → 1,100.00"
    )
    assert shown(Invoice, changes, "fr") == (
        f"Montant (EUR){NBSP}: 1{NBSP}500,00 → 1{NBSP}600,00; "
        f"Solde{NBSP}: 1{NBSP}500,00 → 1{NBSP}100,00"
    )


@pytest.mark.django_db
def test_a_per_language_column_is_named_with_its_language():
    assert shown(Person, {"rank_en": ["Major", "Colonel"]}) == "Rank (English): Major → Colonel"


@pytest.mark.django_db
def test_a_new_value_without_an_old_one_shows_the_new_value_only():
    assert shown(Invoice, {"number": [None, "2026-001"]}) == "Number: 2026-001"


@pytest.mark.django_db
def test_a_record_shows_as_stored_and_a_boolean_as_yes_or_no():
    changes = {"nation": ["Estonia (EST)", "France (FRA)"], "disqualified": [False, True]}

    assert shown(Invoice, changes) == "Nation: Estonia (EST) → France (FRA); Disqualified: No → Yes"


@pytest.mark.django_db
def test_team_members_results_are_readable_text_not_python():
    old = {"members": [{"pistol_precision": [10, 9], "pistol_rapid_hits": 4}]}
    new = {
        "members": [
            {"pistol_precision": [10, 9, 8], "pistol_rapid_hits": 5},
            {"pistol_precision": [7], "pistol_rapid_hits": 3},
        ]
    }

    text = shown(RawResult, {"data": [old, new]})

    assert text == (
        "Raw inputs: Members: (1) Pistol precision: 10, 9 · Pistol rapid hits: 4 → "
        "Members: (1) Pistol precision: 10, 9, 8 · Pistol rapid hits: 5; "
        "(2) Pistol precision: 7 · Pistol rapid hits: 3"
    )
    assert "{" not in text and "[" not in text


@pytest.mark.django_db
def test_the_reason_follows_the_changes():
    assert shown(Invoice, {"status": ["issued", "cancelled"]}, "fr", reason="Doublon") == (
        f"Statut{NBSP}: Émise → Annulée; Motif{NBSP}: Doublon"
    )


def test_unknown_keys_are_humanised_and_empty_values_shown_as_a_dash():
    assert audit_display.key_label("failed_posts_count") == "Failed posts count"
    assert audit_display.plain_text([]) == "–"
    assert audit_display.plain_text(None) == "–"


@pytest.mark.django_db
def test_the_stored_entry_keeps_the_raw_values():
    person, user = PersonFactory(rank_en="Major"), UserFactory()

    entry = audit.record(
        person, action="cior.role", by=user, changes={"rank_en": ["Major", "Colonel"]}
    )

    assert ModelLogEntry.objects.get(pk=entry.pk).data["changes"] == {
        "rank_en": ["Major", "Colonel"]
    }


# --- The presidency's audit log ---------------------------------------------------------------


@pytest.fixture
def published_event(presidency):
    from events import services

    event = EventFactory(title_en="Summer Congress 2027", status=Event.Status.DRAFT)
    event.status = Event.Status.PUBLISHED
    event.starts_on = datetime.date(2027, 8, 1)
    event.ends_on = datetime.date(2027, 8, 4)
    services.save_event(event, by=presidency)
    return event


def audit_log(client, user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    import html
    import re

    response = client.get("/admin/reports/site-history/")
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return response, re.sub(r"[ \t\r\n]+", " ", text)


@pytest.mark.django_db
def test_audit_log_shows_labels_and_old_and_new_values_in_english(
    client, presidency, published_event
):
    response, page = audit_log(client, presidency, "en")

    assert "Status: Draft → Published" in page
    assert "Starts on: " in page
    assert "→ 1 August 2027" in page
    assert "'published'" not in page and "{'" not in page
    assert 'class="audit-log__changes"' in response.content.decode()
    assert "css/admin-audit.css" in response.content.decode()


@pytest.mark.django_db
def test_audit_log_shows_labels_and_old_and_new_values_in_french(
    client, presidency, published_event
):
    _response, page = audit_log(client, presidency, "fr")

    assert f"Statut{NBSP}: Brouillon → Publié" in page
    assert f"Date de début{NBSP}: " in page
    assert "→ 1 août 2027" in page


@pytest.mark.django_db
def test_audit_log_queries_do_not_grow_with_the_entries(
    client, presidency, published_event, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as few:
        audit_log(client, presidency, "en")
    for _index in range(15):
        audit.record(
            published_event,
            action="wagtail.edit",
            by=presidency,
            changes={"status": ["draft", "published"]},
        )

    with django_assert_max_num_queries(len(few.captured_queries) + 2):
        audit_log(client, presidency, "en")
