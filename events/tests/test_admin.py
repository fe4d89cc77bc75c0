"""The presidency's events back-office: events, quota grid, registrations and their states."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.tests.factories import PersonFactory
from events.models import Event, Quota, Registration, RegistrationType

from .factories import EventFactory, RegistrationFactory, RegistrationTypeFactory

State = Registration.State
pytestmark = pytest.mark.django_db

EVENTS = "wagtailsnippets_events_event"
REGISTRATIONS = "wagtailsnippets_events_registration"


def denied(response):
    """Wagtail answers a PermissionDenied in the admin by a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def registrations(congress, delegate_type, est, fra):
    return {
        "tamm": RegistrationFactory(
            event=congress,
            registration_type=delegate_type,
            person=PersonFactory(nation=est, first_name="Jaan", last_name="Tamm"),
        ),
        "kask": RegistrationFactory(
            event=congress,
            registration_type=delegate_type,
            person=PersonFactory(nation=est, first_name="Mari", last_name="Kask"),
            state=State.WAITING,
        ),
        "dupont": RegistrationFactory(
            event=congress,
            registration_type=delegate_type,
            person=PersonFactory(nation=fra, first_name="Jean", last_name="Dupont"),
            state=State.CONFIRMED,
        ),
    }


def _event_form_data(event, types=(), **overrides):
    data = {
        "kind": event.kind,
        "status": event.status,
        "title_en": event.title_en,
        "title_fr": event.title_fr or "",
        "slug": event.slug,
        "parent": "",
        "summary_en": "",
        "summary_fr": "",
        "description_en": "",
        "description_fr": "",
        "starts_on": event.starts_on.isoformat(),
        "ends_on": event.ends_on.isoformat(),
        "time_zone": event.time_zone,
        "host_nation": "",
        "city_en": event.city_en or "",
        "city_fr": "",
        "venue_en": "",
        "venue_fr": "",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "visa_signatory_name": "",
        "visa_signatory_title_en": "",
        "visa_signatory_title_fr": "",
        "passport_retention_days": "30",
        "discount_codes-TOTAL_FORMS": "0",
        "discount_codes-INITIAL_FORMS": "0",
        "discount_codes-MIN_NUM_FORMS": "0",
        "discount_codes-MAX_NUM_FORMS": "1000",
        "programme-TOTAL_FORMS": "0",
        "programme-INITIAL_FORMS": "0",
        "programme-MIN_NUM_FORMS": "0",
        "programme-MAX_NUM_FORMS": "1000",
        "registration_types-TOTAL_FORMS": str(len(types)),
        "registration_types-INITIAL_FORMS": str(len(types)),
        "registration_types-MIN_NUM_FORMS": "0",
        "registration_types-MAX_NUM_FORMS": "1000",
    }
    for index, registration_type in enumerate(types):
        prefix = f"registration_types-{index}-"
        data.update(
            {
                prefix + "id": str(registration_type.pk),
                prefix + "kind": registration_type.kind,
                prefix + "fee": str(registration_type.fee),
                prefix + "capacity": ""
                if registration_type.capacity is None
                else str(registration_type.capacity),
                prefix + "colour": registration_type.colour,
                prefix + "ORDER": str(index + 1),
                prefix + "DELETE": "",
            }
        )
    data.update(overrides)
    return data


# --- Access -----------------------------------------------------------------------------------


def test_event_listing_shows_the_events_to_the_presidency(client, presidency, congress):
    html = logged_in(client, presidency).get(reverse(f"{EVENTS}:list")).content.decode()

    assert congress.title_en in html
    assert "Registration open" in html


def test_event_form_shows_english_and_french_side_by_side(client, presidency, congress):
    html = (
        logged_in(client, presidency)
        .get(reverse(f"{EVENTS}:edit", args=[congress.pk]))
        .content.decode()
    )

    for name in ("title", "summary", "description", "city", "venue", "visa_signatory_title"):
        assert f'name="{name}_en"' in html
        assert f'name="{name}_fr"' in html
    assert "Congrès d&#x27;été" in html
    assert "registration_types-TOTAL_FORMS" in html
    assert "discount_codes-TOTAL_FORMS" in html
    assert (
        reverse("events_export_participants", kwargs={"event": congress.slug, "fmt": "xlsx"})
        in html
    )


def test_head_of_delegation_has_no_access_to_the_events_admin(
    client, hod_est, congress, registrations
):
    client = logged_in(client, hod_est)

    assert denied(client.get(reverse(f"{EVENTS}:list")))
    assert denied(client.get(reverse(f"{EVENTS}:edit", args=[congress.pk])))
    assert denied(client.get(reverse(f"{REGISTRATIONS}:list")))
    assert denied(client.get(reverse(f"{REGISTRATIONS}:edit", args=[registrations["tamm"].pk])))
    assert denied(client.get(reverse("events_quotas:grid", args=[congress.pk])))
    assert denied(client.post(reverse(f"{REGISTRATIONS}:confirm", args=[registrations["tamm"].pk])))
    assert Registration.objects.get(pk=registrations["tamm"].pk).state == State.SUBMITTED


def test_events_menu_is_not_shown_to_a_head_of_delegation(client, hod_est, presidency):
    hod_html = logged_in(client, hod_est).get(reverse("wagtailadmin_home")).content.decode()
    sg_html = logged_in(client, presidency).get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("events_quotas:index") not in hod_html
    assert reverse(f"{REGISTRATIONS}:list") not in hod_html
    assert reverse("events_quotas:index") in sg_html
    assert reverse(f"{REGISTRATIONS}:list") in sg_html


# --- Registrations ----------------------------------------------------------------------------


def test_registration_listing_shows_rows_and_filters(client, presidency, registrations, est):
    client = logged_in(client, presidency)
    url = reverse(f"{REGISTRATIONS}:list")

    every = client.get(url).content.decode()
    estonians = client.get(url, {"nation": est.pk}).content.decode()
    waiting = client.get(url, {"state": "waiting"}).content.decode()
    searched = client.get(url, {"q": "Dupont"}).content.decode()

    assert "Jaan TAMM" in every and "Jean DUPONT" in every and "Mari KASK" in every
    assert "Jaan TAMM" in estonians and "Jean DUPONT" not in estonians
    assert "Mari KASK" in waiting and "Jaan TAMM" not in waiting
    assert "Jean DUPONT" in searched and "Jaan TAMM" not in searched


def test_registration_listing_filtered_by_event_offers_the_exports(
    client, presidency, congress, registrations, est
):
    html = (
        logged_in(client, presidency)
        .get(reverse(f"{REGISTRATIONS}:list"), {"event": congress.pk, "nation": est.pk})
        .content.decode()
    )

    expected = reverse("events_export_rooms", kwargs={"event": congress.slug, "fmt": "csv"})
    assert f"{expected}?nation=EST" in html


def test_registration_listing_uses_a_bounded_number_of_queries(
    client, presidency, congress, delegate_type, est, django_assert_max_num_queries
):
    for _index in range(30):
        RegistrationFactory(
            event=congress, registration_type=delegate_type, person=PersonFactory(nation=est)
        )
    client = logged_in(client, presidency)
    client.get(reverse(f"{REGISTRATIONS}:list"))

    with django_assert_max_num_queries(30):
        response = client.get(reverse(f"{REGISTRATIONS}:list"))
    assert response.content.decode().count("Submitted") >= 20


def test_presidency_confirms_a_registration_from_the_admin(client, presidency, registrations):
    registration = registrations["tamm"]

    response = logged_in(client, presidency).post(
        reverse(f"{REGISTRATIONS}:confirm", args=[registration.pk])
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.state == State.CONFIRMED
    entry = ModelLogEntry.objects.filter(
        action="cior.registration", object_id=str(registration.pk)
    ).latest("timestamp")
    assert entry.user == presidency
    assert entry.data["changes"]["state"] == ["submitted", "confirmed"]


def test_action_goes_back_to_the_listing_never_elsewhere(client, presidency, registrations):
    client = logged_in(client, presidency)
    listing = reverse(f"{REGISTRATIONS}:list") + "?state=submitted"
    confirm = reverse(f"{REGISTRATIONS}:confirm", args=[registrations["tamm"].pk])
    reject = reverse(f"{REGISTRATIONS}:reject", args=[registrations["kask"].pk])

    back = client.post(confirm, {"next": listing})
    away = client.post(reject, {"next": "https://evil.example/", "reason": "Late"})

    assert back["Location"] == listing
    assert away["Location"] == reverse(f"{REGISTRATIONS}:list")


def test_inspect_page_offers_the_state_changes(client, presidency, registrations):
    registration = registrations["tamm"]

    html = (
        logged_in(client, presidency)
        .get(reverse(f"{REGISTRATIONS}:inspect", args=[registration.pk]))
        .content.decode()
    )

    assert registration.reference in html
    assert reverse(f"{REGISTRATIONS}:confirm", args=[registration.pk]) in html
    assert reverse(f"{REGISTRATIONS}:reject", args=[registration.pk]) in html


def test_presidency_rejects_with_a_reason_and_the_waiting_one_moves_up(
    client, presidency, registrations
):
    client = logged_in(client, presidency)
    url = reverse(f"{REGISTRATIONS}:reject", args=[registrations["tamm"].pk])

    without_reason = client.post(url, {"reason": " "})
    assert without_reason.status_code == 200
    assert Registration.objects.get(pk=registrations["tamm"].pk).state == State.SUBMITTED

    client.post(url, {"reason": "Not a reserve officer"})

    tamm = Registration.objects.get(pk=registrations["tamm"].pk)
    assert (tamm.state, tamm.state_reason) == (State.REJECTED, "Not a reserve officer")
    assert Registration.objects.get(pk=registrations["kask"].pk).state == State.SUBMITTED
    entry = ModelLogEntry.objects.filter(action="cior.registration", object_id=str(tamm.pk)).latest(
        "timestamp"
    )
    assert entry.data["reason"] == "Not a reserve officer"


def test_presidency_cancels_a_confirmed_registration(client, presidency, registrations):
    registration = registrations["dupont"]

    page = logged_in(client, presidency).get(
        reverse(f"{REGISTRATIONS}:cancel", args=[registration.pk])
    )
    assert "Jean DUPONT" in page.content.decode()
    client.post(reverse(f"{REGISTRATIONS}:cancel", args=[registration.pk]), {"reason": "Illness"})

    registration.refresh_from_db()
    assert (registration.state, registration.state_reason) == (State.CANCELLED, "Illness")
    assert ModelLogEntry.objects.filter(
        action="cior.registration", object_id=str(registration.pk), user=presidency
    ).exists()


def test_confirming_a_confirmed_registration_shows_the_reason(client, presidency, registrations):
    response = logged_in(client, presidency).post(
        reverse(f"{REGISTRATIONS}:confirm", args=[registrations["dupont"].pk])
    )

    assert response.status_code == 200
    assert "Only a submitted registration can be confirmed" in response.content.decode()


def test_bulk_confirm_confirms_the_submitted_ones_only(client, presidency, registrations):
    ids = [registrations[name].pk for name in ("tamm", "kask")]
    url = (
        reverse("wagtail_bulk_action", args=["events", "registration", "confirm"])
        + "?"
        + "&".join(f"id={pk}" for pk in ids)
    )

    page = logged_in(client, presidency).get(url)
    assert "Jaan TAMM" in page.content.decode()
    client.post(url)

    assert Registration.objects.get(pk=registrations["tamm"].pk).state == State.CONFIRMED
    assert Registration.objects.get(pk=registrations["kask"].pk).state == State.WAITING


def test_bulk_delete_of_registrations_is_refused(client, presidency, registrations):
    url = reverse("wagtail_bulk_action", args=["events", "registration", "delete"])

    logged_in(client, presidency).post(url + f"?id={registrations['tamm'].pk}")

    assert Registration.objects.filter(pk=registrations["tamm"].pk).exists()


def test_presidency_edits_the_details_of_a_registration(client, presidency, registrations):
    registration = registrations["tamm"]

    response = logged_in(client, presidency).post(
        reverse(f"{REGISTRATIONS}:edit", args=[registration.pk]),
        {
            "arrival_date": "2027-07-01",
            "departure_date": "2027-07-04",
            "accommodation": "hotel_single",
            "room_shared_with": "",
            "diet": "vegan",
            "dietary_notes": "",
            "accessibility_needs": "",
            "passport_number": "",
            "nationality": "",
            "passport_expires_on": "",
            "date_of_birth": "",
            "place_of_birth": "",
            "attended": "on",
        },
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.diet, registration.accommodation) == ("vegan", "hotel_single")
    assert registration.attended is True
    entry = ModelLogEntry.objects.filter(
        action="cior.registration", object_id=str(registration.pk)
    ).latest("timestamp")
    assert entry.data["changes"]["diet"] == ["", "vegan"]


def test_presidency_records_a_no_show_and_the_certificate_is_refused(
    client, presidency, registrations
):
    registration = registrations["tamm"]
    Registration.objects.filter(pk=registration.pk).update(state="confirmed")
    fields = dict.fromkeys(("arrival_date", "departure_date", "room_shared_with"), "")
    fields.update(accommodation="none", diet="", dietary_notes="", accessibility_needs="")
    fields.update(passport_number="", nationality="", passport_expires_on="")
    fields.update(date_of_birth="", place_of_birth="")  # "attended" unticked

    logged_in(client, presidency).post(
        reverse(f"{REGISTRATIONS}:edit", args=[registration.pk]), fields
    )

    registration.refresh_from_db()
    assert registration.attended is False
    entry = ModelLogEntry.objects.filter(
        action="cior.registration", object_id=str(registration.pk)
    ).latest("timestamp")
    assert entry.data["changes"]["attended"] == [True, False]
    from events import documents

    with pytest.raises(documents.DocumentRefused, match="marked as attended"):
        documents.check_certificate(registration, today=registration.event.ends_on)


# --- Event form: types, capacities ------------------------------------------------------------


def test_deleting_a_registration_type_with_registrations_is_refused(
    client, presidency, congress, delegate_type, registrations
):
    data = _event_form_data(congress, [delegate_type])
    data["registration_types-0-DELETE"] = "1"

    response = logged_in(client, presidency).post(
        reverse(f"{EVENTS}:edit", args=[congress.pk]), data
    )

    assert response.status_code == 200
    assert "has 3 registrations: it cannot be deleted" in response.content.decode()
    assert RegistrationType.objects.filter(pk=delegate_type.pk).exists()


def test_deleting_an_unused_registration_type_works(client, presidency, congress, delegate_type):
    observer = RegistrationTypeFactory(event=congress, kind="observer")
    data = _event_form_data(congress, [delegate_type, observer])
    data["registration_types-1-DELETE"] = "1"

    response = logged_in(client, presidency).post(
        reverse(f"{EVENTS}:edit", args=[congress.pk]), data
    )

    assert response.status_code == 302
    assert list(congress.registration_types.values_list("kind", flat=True)) == ["delegate"]


def test_event_created_in_the_admin_gets_a_french_slug_from_its_french_title(client, presidency):
    event = EventFactory.build(
        slug="winter-seminar-2028",
        title_en="Winter Seminar 2028",
        title_fr="Séminaire d'hiver 2028",
    )

    response = logged_in(client, presidency).post(reverse(f"{EVENTS}:add"), _event_form_data(event))

    assert response.status_code == 302
    created = Event.objects.get(slug="winter-seminar-2028")
    assert created.french_slug == "seminaire-dhiver-2028"


def test_french_slug_typed_in_the_admin_is_kept_and_must_be_free(client, presidency, congress):
    first = EventFactory.build(slug="cimex-2028", title_en="CIMEX 2028", title_fr="CIMEX 2028")
    taken = EventFactory.build(slug="ice-2028", title_en="ICE 2028", title_fr="ICE 2028")
    client = logged_in(client, presidency)

    client.post(reverse(f"{EVENTS}:add"), _event_form_data(first, french_slug="exercice-cimex"))
    response = client.post(
        reverse(f"{EVENTS}:add"), _event_form_data(taken, french_slug="exercice-cimex")
    )

    assert Event.objects.get(slug="cimex-2028").french_slug == "exercice-cimex"
    assert response.status_code == 200
    assert not Event.objects.filter(slug="ice-2028").exists()


def test_raising_the_capacity_promotes_a_waiting_registration(client, presidency, congress, est):
    hall = RegistrationTypeFactory(event=congress, kind="observer", capacity=1)
    RegistrationFactory(event=congress, registration_type=hall, person=PersonFactory(nation=est))
    waiting = RegistrationFactory(
        event=congress,
        registration_type=hall,
        person=PersonFactory(nation=est),
        state=State.WAITING,
    )
    data = _event_form_data(congress, [hall])
    data["registration_types-0-capacity"] = "2"

    response = logged_in(client, presidency).post(
        reverse(f"{EVENTS}:edit", args=[congress.pk]), data
    )

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == State.SUBMITTED
    assert ModelLogEntry.objects.filter(
        action="cior.registration", object_id=str(waiting.pk), user=presidency
    ).exists()


def test_an_event_with_registrations_is_not_deleted(client, presidency, congress, registrations):
    response = logged_in(client, presidency).post(
        reverse(f"{EVENTS}:delete", args=[congress.pk]), follow=True
    )

    assert "This event has registrations: it cannot be deleted." in response.content.decode()
    assert Event.objects.filter(pk=congress.pk).exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


def test_a_congress_whose_sub_event_has_registrations_is_not_deleted(client, presidency, congress):
    sub_event = EventFactory(parent=congress, kind=Event.Kind.CIMEX, slug="cimex-2027")
    RegistrationFactory(event=sub_event)
    client = logged_in(client, presidency)

    single = client.post(reverse(f"{EVENTS}:delete", args=[congress.pk]), follow=True)
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["events", "event", "delete"]) + f"?id={congress.pk}",
        follow=True,
    )

    assert "This event has registrations: it cannot be deleted." in single.content.decode()
    assert "An event that has registrations cannot be deleted." in bulk.content.decode()
    assert Event.objects.filter(pk__in=[congress.pk, sub_event.pk]).count() == 2
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


# --- Quota grid -------------------------------------------------------------------------------


def test_quota_grid_shows_nations_and_types(client, presidency, congress, delegate_type, est, fra):
    html = (
        logged_in(client, presidency)
        .get(reverse("events_quotas:grid", args=[congress.pk]))
        .content.decode()
    )

    assert f'name="q_{est.pk}_{delegate_type.pk}"' in html
    assert f'name="q_{fra.pk}_{delegate_type.pk}"' in html
    assert 'value="2"' in html
    assert "Delegate" in html


def test_quota_grid_saves_and_promotes_a_waiting_registration(
    client, presidency, congress, delegate_type, est, fra, registrations
):
    # Estonia: 2 places, 1 held (Tamm), Kask waiting; fill the second place, then raise to 3.
    RegistrationFactory(
        event=congress, registration_type=delegate_type, person=PersonFactory(nation=est)
    )
    data = {
        f"q_{est.pk}_{delegate_type.pk}": "3",
        f"q_{fra.pk}_{delegate_type.pk}": "",
    }

    response = logged_in(client, presidency).post(
        reverse("events_quotas:grid", args=[congress.pk]), data
    )

    assert response.status_code == 302
    assert Quota.objects.get(registration_type=delegate_type, nation=est).places == 3
    assert not Quota.objects.filter(registration_type=delegate_type, nation=fra).exists()
    assert Registration.objects.get(pk=registrations["kask"].pk).state == State.SUBMITTED
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", content_type__model="quota", user=presidency
    ).exists()


def test_quota_grid_refuses_a_negative_number_and_saves_nothing(
    client, presidency, congress, delegate_type, est, fra
):
    data = {f"q_{est.pk}_{delegate_type.pk}": "-1", f"q_{fra.pk}_{delegate_type.pk}": "9"}

    response = logged_in(client, presidency).post(
        reverse("events_quotas:grid", args=[congress.pk]), data
    )

    assert response.status_code == 200
    assert "could not be saved" in response.content.decode()
    assert Quota.objects.get(registration_type=delegate_type, nation=fra).places == 2


def test_quota_events_lists_events_with_types(client, presidency, congress, delegate_type):
    html = logged_in(client, presidency).get(reverse("events_quotas:index")).content.decode()

    assert congress.title_en in html
    assert reverse("events_quotas:grid", args=[congress.pk]) in html


@pytest.mark.parametrize(
    ("language", "message", "bulk_message"),
    [
        (
            "en",
            "This event is still in use: it cannot be deleted.",
            "Some of these records are still in use: they cannot be deleted.",
        ),
        (
            "fr",
            "Cet événement est encore utilisé : il ne peut pas être supprimé.",
            "Certains de ces enregistrements sont encore utilisés : ils ne peuvent pas être "
            "supprimés.",
        ),
    ],
)
def test_event_delete_blocked_by_a_competition_leaves_no_audit_entry(
    client, presidency, language, message, bulk_message
):
    from wagtail.users.models import UserProfile

    from milcomp.tests.factories import CompetitionFactory

    competition = CompetitionFactory(year=2071)
    event = competition.event
    profile = UserProfile.get_for_user(presidency)
    profile.preferred_language = language
    profile.save()
    client = logged_in(client, presidency)

    single = client.post(reverse(f"{EVENTS}:delete", args=[event.pk]), follow=True)
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["events", "event", "delete"]) + f"?id={event.pk}",
        follow=True,
    )

    assert message in single.content.decode()
    assert bulk_message in bulk.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()
