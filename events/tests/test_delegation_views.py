"""The delegation pages: what heads of delegation, the presidency and participants see and do."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Person
from accounts.tests.factories import PersonFactory, UserFactory
from conftest import log_in_with_two_factor
from events import services
from events.models import Registration

from .factories import DiscountCodeFactory, RegistrationFactory, RegistrationTypeFactory

State = Registration.State
pytestmark = pytest.mark.django_db


def text(response):
    """Return the page's text without tags, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def logged_in(client, user):
    client.force_login(user)
    return client


def nation_url(event, code):
    return reverse("delegation_event", args=[event.slug, code])


def register_url(event, code):
    return reverse("delegation_register", args=[event.slug, code])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def estonians(est):
    return [
        PersonFactory(nation=est, first_name=name, last_name=f"Tamm{i}", email="")
        for i, name in enumerate(["Jaan", "Kadri", "Peeter", "Liis"])
    ]


def _register(event, people, kind, by):
    return [
        services.register(event, person=person, registration_type=kind, by=by, notify=False)
        for person in people
    ]


# Home ------------------------------------------------------------------------------------------


def test_home_anonymous_is_sent_to_login(client):
    response = client.get(reverse("delegation_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_home_head_of_delegation_links_to_own_nation_page(client, hod_est, congress):
    response = logged_in(client, hod_est).get(reverse("delegation_home"))

    assert response.status_code == 200
    page = text(response)
    assert congress.title in page
    assert "Registrations of Estonia" in page
    html = response.content.decode()
    assert nation_url(congress, "EST") in html
    assert "/FRA/" not in html
    overview = reverse("delegation_event_overview", args=[congress.slug])
    assert f'href="{overview}"' not in html


def test_home_presidency_links_to_overview(client, presidency, congress):
    response = logged_in(client, presidency).get(reverse("delegation_home"))

    assert reverse("delegation_event_overview", args=[congress.slug]) in response.content.decode()
    assert "Overview of all nations" in text(response)


def test_home_participant_sees_own_registrations_and_calendar_feed(client, congress, est):
    person = PersonFactory(nation=est, first_name="Kaja", last_name="Kask")
    user = UserFactory(person=person)
    registration = RegistrationFactory(event=congress, person=person, state=State.CONFIRMED)
    other = RegistrationFactory(event=congress, person=PersonFactory(nation=est))

    response = logged_in(client, user).get(reverse("delegation_home"))

    page = text(response)
    html = response.content.decode()
    assert "My registrations" in page
    assert "Confirmed" in page
    assert reverse("registration_badge", args=[registration.pk]) in html
    assert reverse("registration_detail", args=[other.pk]) not in html
    token = person.calendar_feed.token
    assert reverse("events_personal_feed", args=[token]) in html
    assert "Events taking registrations" not in page


# The nation page -------------------------------------------------------------------------------


def test_nation_page_shows_quota_use_waiting_and_states(
    client, hod_est, congress, delegate_type, estonians
):
    regs = _register(congress, estonians[:3], delegate_type, hod_est)
    services.cancel(regs[1], by=hod_est, reason="Ill")  # The waiting third is promoted.
    services.register(
        congress, person=estonians[3], registration_type=delegate_type, by=hod_est, notify=False
    )

    response = logged_in(client, hod_est).get(nation_url(congress, "EST"))

    page = text(response)
    assert "Delegate: 2 of 2 places, 1 waiting; capacity 5, 2 taken" in page
    assert "Submitted (2)" in page
    assert "Waiting list (1)" in page
    assert "Cancelled (1)" in page
    assert "Registration open" in page
    closes = timezone.localtime(congress.registration_closes_at, congress.tz)
    assert closes.strftime("%H:%M") in page
    assert "Register a person" in page
    html = response.content.decode()
    assert reverse("delegation_import", args=[congress.slug, "EST"]) in html
    assert reverse("delegation_badges", args=[congress.slug, "EST"]) in html
    assert (
        reverse("events_export_participants", args=[congress.slug, "xlsx"]) + "?nation=EST" in html
    )


def test_nation_page_closed_hides_actions_for_head_of_delegation(
    client, hod_est, congress, delegate_type, estonians
):
    registration = _register(congress, estonians[:1], delegate_type, hod_est)[0]
    congress.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    congress.registration_opens_at = timezone.now() - datetime.timedelta(days=10)
    congress.save()

    response = logged_in(client, hod_est).get(nation_url(congress, "EST"))

    page = text(response)
    assert "Registration closed" in page
    assert "Registration for this event is closed." in page
    assert "Register a person" not in page
    assert reverse("registration_cancel", args=[registration.pk]) not in response.content.decode()


def test_nation_page_queries_stay_bounded_with_many_registrations(
    client, hod_est, congress, delegate_type, est, django_assert_max_num_queries
):
    observer = RegistrationTypeFactory(event=congress, kind="observer")
    for i in range(60):
        kind = delegate_type if i % 2 else observer
        state = [State.SUBMITTED, State.CONFIRMED, State.WAITING, State.CANCELLED][i % 4]
        RegistrationFactory(
            event=congress,
            registration_type=kind,
            person=PersonFactory(nation=est),
            state=state,
        )
    client = logged_in(client, hod_est)
    client.get(nation_url(congress, "EST"))  # Warm the site and menu caches.

    with django_assert_max_num_queries(20):
        response = client.get(nation_url(congress, "EST"))

    assert response.content.decode().count('data-registration="') == 60


# Register --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("existing", "state"), [(0, State.SUBMITTED), (60, State.WAITING)])
def test_register_post_queries_stay_bounded_with_many_registrations(
    client,
    hod_est,
    congress,
    delegate_type,
    est,
    existing,
    state,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    for i in range(existing):
        RegistrationFactory(
            event=congress,
            registration_type=delegate_type,
            person=PersonFactory(nation=est),
            state=[State.SUBMITTED, State.WAITING, State.CANCELLED][i % 3],
        )
    first, person = PersonFactory(nation=est), PersonFactory(nation=est)
    client = log_in_with_two_factor(client, hod_est)
    url = register_url(congress, "EST")
    client.post(url, {"person": first.pk, "registration_type": delegate_type.pk})  # Warm caches.
    data = {"person": person.pk, "registration_type": delegate_type.pk, "idempotency_key": "k1"}

    # Session, user, authenticator, event, nation, roles, person, type; the type's lock, the
    # places, the quota, the waiting list, the key, the insert, the audit entry. What follows
    # the commit is queued (one row each on the production queue): the reference index and
    # the mails, made by the worker.
    with (
        django_assert_max_num_queries(22),
        django_capture_on_commit_callbacks(execute=False) as queued,
    ):
        response = client.post(url, data)

    assert len(queued) == 2
    assert response["Location"] == nation_url(congress, "EST")
    assert Registration.objects.get(person=person).state == state


def test_register_submits_then_puts_third_on_waiting_list(
    client, hod_est, congress, delegate_type, estonians
):
    client = logged_in(client, hod_est)
    responses = [
        client.post(
            register_url(congress, "EST"),
            {"person": person.pk, "registration_type": delegate_type.pk, "diet": "vegetarian"},
            follow=True,
        )
        for person in estonians[:3]
    ]

    assert responses[0].redirect_chain[-1][0] == nation_url(congress, "EST")
    assert "is registered as Delegate: submitted" in messages_of(responses[0])[0]
    assert "the quota is full" in messages_of(responses[2])[0]
    assert "waiting list" in messages_of(responses[2])[0]
    states = list(
        Registration.objects.filter(event=congress).order_by("pk").values_list("state", "diet")
    )
    assert states == [
        (State.SUBMITTED, "vegetarian"),
        (State.SUBMITTED, "vegetarian"),
        (State.WAITING, "vegetarian"),
    ]
    assert "Delegate: 2 of 2 places, 1 waiting" in text(responses[2])


def test_register_form_lists_only_people_not_yet_registered(
    client, hod_est, congress, delegate_type, estonians, fra
):
    _register(congress, estonians[:1], delegate_type, hod_est)
    PersonFactory(nation=fra, first_name="Jean", last_name="Dupont")

    response = logged_in(client, hod_est).get(register_url(congress, "EST"))

    options = response.context["form"].fields["person"].queryset
    assert set(options) == set(estonians[1:]) | {hod_est.person}
    assert "DUPONT" not in response.content.decode()


def test_register_creates_a_new_person_of_the_nation(client, hod_est, congress, delegate_type, est):
    response = logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {
            "registration_type": delegate_type.pk,
            "new_first_name": "Tiit",
            "new_last_name": "Uus",
            "new_rank": "Captain",
            "new_nato_code": "of-2",
            "new_sex": "male",
            "new_email": "tiit.uus@example.org",
            "new_preferred_language": "en",
        },
    )

    assert response.status_code == 302
    person = Person.objects.get(last_name="Uus")
    assert (person.nation, person.nato_code, person.rank_en) == (est, "OF-2", "Captain")
    assert Registration.objects.get(person=person).state == State.SUBMITTED


def test_register_already_registered_person_shows_error(
    client, hod_est, congress, delegate_type, estonians
):
    _register(congress, estonians[:1], delegate_type, hod_est)

    response = logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {"person": estonians[0].pk, "registration_type": delegate_type.pk},
    )

    assert response.status_code == 200
    assert "This person cannot be chosen" in text(response)
    assert Registration.objects.filter(person=estonians[0]).count() == 1


def test_register_discount_code_of_another_nation_shows_error(
    client, hod_est, congress, delegate_type, estonians, est, fra
):
    DiscountCodeFactory(event=congress, nation=fra, code="FRA-2027", percent=50)
    DiscountCodeFactory(event=congress, nation=est, code="EST-2027", percent=20)
    client = logged_in(client, hod_est)

    refused = client.post(
        register_url(congress, "EST"),
        {
            "person": estonians[0].pk,
            "registration_type": delegate_type.pk,
            "discount_code": "FRA-2027",
        },
    )
    accepted = client.post(
        register_url(congress, "EST"),
        {
            "person": estonians[0].pk,
            "registration_type": delegate_type.pk,
            "discount_code": "est-2027",
        },
    )

    assert "This discount code is not valid for this nation and event." in text(refused)
    assert accepted.status_code == 302
    assert Registration.objects.get(person=estonians[0]).fee == 200


def test_register_new_person_rolled_back_when_registration_refused(
    client, hod_est, congress, delegate_type, est, fra
):
    DiscountCodeFactory(event=congress, nation=fra, code="FRA-2027")

    response = logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {
            "registration_type": delegate_type.pk,
            "new_last_name": "Uus",
            "discount_code": "FRA-2027",
        },
    )

    assert "This discount code is not valid" in text(response)
    assert not Person.objects.filter(last_name="Uus").exists()


def test_register_departure_before_arrival_shows_error(
    client, hod_est, congress, delegate_type, estonians
):
    response = logged_in(client, hod_est).post(
        register_url(congress, "EST"),
        {
            "person": estonians[0].pk,
            "registration_type": delegate_type.pk,
            "arrival_date": "2027-07-28",
            "departure_date": "2027-07-20",
        },
    )

    assert "The departure cannot be before the arrival." in text(response)
    assert not Registration.objects.exists()


def test_register_closed_refused_for_head_of_delegation_allowed_for_presidency(
    client, hod_est, presidency, congress, delegate_type, estonians
):
    congress.registration_opens_at = timezone.now() - datetime.timedelta(days=10)
    congress.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    congress.save()
    data = {"person": estonians[0].pk, "registration_type": delegate_type.pk}

    refused = logged_in(client, hod_est).post(register_url(congress, "EST"), data, follow=True)
    assert messages_of(refused) == ["Registration for this event is closed."]
    assert not Registration.objects.exists()

    accepted = logged_in(client, presidency).post(register_url(congress, "EST"), data)
    assert accepted.status_code == 302
    assert Registration.objects.get().person == estonians[0]


def test_register_in_french_shows_errors_in_french(
    client, hod_est, congress, delegate_type, estonians
):
    from django.utils import translation

    with translation.override("fr"):
        url = register_url(congress, "EST")
    response = logged_in(client, hod_est).post(url, {"registration_type": delegate_type.pk})

    assert url.startswith("/fr/")
    assert response.status_code == 200
    assert response.context["form"].errors["person"]
    assert 'lang="fr"' in response.content.decode()


# Cancel, substitute, confirm, reject -----------------------------------------------------------


def test_cancel_promotes_the_waiting_registration_visibly(
    client, hod_est, congress, delegate_type, estonians
):
    regs = _register(congress, estonians[:3], delegate_type, hod_est)

    response = logged_in(client, hod_est).post(
        reverse("registration_cancel", args=[regs[0].pk]),
        {"reason": "Cannot travel", "next": nation_url(congress, "EST")},
        follow=True,
    )

    assert [r.state for r in Registration.objects.order_by("pk")] == [
        State.CANCELLED,
        State.SUBMITTED,
        State.SUBMITTED,
    ]
    notes = messages_of(response)
    assert any("is cancelled" in note for note in notes)
    assert any(f"{estonians[2]} moves up from the waiting list" in note for note in notes)
    page = text(response)
    assert "Delegate: 2 of 2 places; capacity 5, 2 taken" in page
    assert "Promoted from the waiting list" in page
    assert "Cannot travel" in page


def test_substitute_gives_the_place_to_another_person(
    client, hod_est, congress, delegate_type, estonians
):
    registration = _register(congress, estonians[:1], delegate_type, hod_est)[0]

    response = logged_in(client, hod_est).post(
        reverse("registration_substitute", args=[registration.pk]),
        {"person": estonians[1].pk},
        follow=True,
    )

    registration.refresh_from_db()
    new = Registration.objects.get(person=estonians[1])
    assert registration.state == State.CANCELLED
    assert new.state == State.SUBMITTED
    assert response.redirect_chain[-1][0] == reverse("registration_detail", args=[new.pk])
    assert f"{estonians[1]} takes the place of {estonians[0]}." in messages_of(response)
    assert "History" in text(response)


def test_substitute_with_a_person_already_registered_is_refused(
    client, hod_est, congress, delegate_type, estonians
):
    first, _second = _register(congress, estonians[:2], delegate_type, hod_est)

    response = logged_in(client, hod_est).post(
        reverse("registration_substitute", args=[first.pk]),
        {"person": estonians[1].pk},
        follow=True,
    )

    assert any("cannot be chosen" in note for note in messages_of(response))
    first.refresh_from_db()
    assert first.state == State.SUBMITTED


def test_confirm_and_reject_by_presidency(
    client, presidency, hod_est, congress, delegate_type, estonians
):
    first, second = _register(congress, estonians[:2], delegate_type, hod_est)
    client = logged_in(client, presidency)

    confirmed = client.post(reverse("registration_confirm", args=[first.pk]), follow=True)
    rejected = client.post(
        reverse("registration_reject", args=[second.pk]), {"reason": "Not a reservist"}
    )
    without_reason = client.post(reverse("registration_reject", args=[first.pk]), {"reason": ""})

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (State.CONFIRMED, State.REJECTED)
    assert second.state_reason == "Not a reservist"
    assert f"The registration of {estonians[0]} is confirmed." in messages_of(confirmed)
    assert rejected.status_code == 302
    assert without_reason.status_code == 302
    assert first.state == State.CONFIRMED


def test_confirm_and_reject_refused_to_head_of_delegation(
    client, hod_est, congress, delegate_type, estonians
):
    registration = _register(congress, estonians[:1], delegate_type, hod_est)[0]
    client = logged_in(client, hod_est)

    confirm = client.post(reverse("registration_confirm", args=[registration.pk]))
    reject = client.post(reverse("registration_reject", args=[registration.pk]), {"reason": "x"})

    assert (confirm.status_code, reject.status_code) == (403, 403)
    registration.refresh_from_db()
    assert registration.state == State.SUBMITTED


def test_changes_need_post(client, hod_est, congress, delegate_type, estonians):
    registration = _register(congress, estonians[:1], delegate_type, hod_est)[0]

    response = logged_in(client, hod_est).get(
        reverse("registration_cancel", args=[registration.pk])
    )

    assert response.status_code == 405
    registration.refresh_from_db()
    assert registration.state == State.SUBMITTED


# The registration page -------------------------------------------------------------------------


def test_registration_details_edited_and_history_shown(
    client, hod_est, congress, delegate_type, estonians
):
    registration = _register(congress, estonians[:1], delegate_type, hod_est)[0]
    client = logged_in(client, hod_est)

    response = client.post(
        reverse("registration_detail", args=[registration.pk]),
        {
            "accommodation": "hotel_single",
            "diet": "vegan",
            "passport_number": "K1234567",
            "nationality": "Estonian",
            "date_of_birth": "1980-05-17",
        },
        follow=True,
    )

    registration.refresh_from_db()
    assert (registration.diet, registration.accommodation) == ("vegan", "hotel_single")
    assert registration.date_of_birth == datetime.date(1980, 5, 17)
    assert "The details are saved." in messages_of(response)
    page = text(response)
    assert "History" in page
    assert "Diet: Vegan" in page
    assert "Passport number: ***" in page  # The audit keeps no passport data.
    assert 'value="K1234567"' in response.content.decode()  # The form shows it.


def test_registration_participant_sees_but_cannot_change(client, congress, est):
    person = PersonFactory(nation=est)
    user = UserFactory(person=person)
    registration = RegistrationFactory(event=congress, person=person, diet="halal")
    client = logged_in(client, user)

    page = client.get(reverse("registration_detail", args=[registration.pk]))
    edit = client.post(reverse("registration_detail", args=[registration.pk]), {"diet": "vegan"})
    cancel = client.post(reverse("registration_cancel", args=[registration.pk]))

    assert "Halal" in text(page)
    assert "History" not in text(page)
    assert (edit.status_code, cancel.status_code) == (403, 403)
    registration.refresh_from_db()
    assert (registration.diet, registration.state) == ("halal", State.SUBMITTED)


def test_registration_details_closed_for_head_of_delegation(
    client, hod_est, congress, delegate_type, estonians
):
    registration = _register(congress, estonians[:1], delegate_type, hod_est)[0]
    congress.registration_opens_at = timezone.now() - datetime.timedelta(days=10)
    congress.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    congress.save()
    client = logged_in(client, hod_est)

    response = client.post(
        reverse("registration_detail", args=[registration.pk]), {"diet": "vegan"}, follow=True
    )
    cancel = client.post(
        reverse("registration_cancel", args=[registration.pk]), {"reason": ""}, follow=True
    )

    assert "Registration for this event is closed." in messages_of(response)
    assert "Registration for this event is closed." in messages_of(cancel)
    registration.refresh_from_db()
    assert (registration.diet, registration.state) == ("", State.SUBMITTED)


# The presidency's overview ---------------------------------------------------------------------


def test_overview_shows_every_nation_and_the_queue(
    client, presidency, hod_est, hod_fra, congress, delegate_type, estonians, fra
):
    _register(congress, estonians[:3], delegate_type, hod_est)
    french = PersonFactory(nation=fra, first_name="Jean", last_name="Dupont")
    _register(congress, [french], delegate_type, hod_fra)

    response = logged_in(client, presidency).get(
        reverse("delegation_event_overview", args=[congress.slug])
    )

    page = text(response)
    assert "Delegate: 3 of 5 taken, 1 waiting" in page
    assert "Estonia 2/2 (1)" in page
    assert "France 1/2" in page
    assert "To confirm (3)" in page
    assert "Jean DUPONT" in page


def test_overview_sends_a_head_of_delegation_to_the_own_nation(client, hod_est, congress):
    response = logged_in(client, hod_est).get(
        reverse("delegation_event_overview", args=[congress.slug])
    )

    assert response.status_code == 302
    assert response["Location"] == nation_url(congress, "EST")


def test_nation_page_of_a_past_event_links_certificates(client, hod_est, est):
    from .factories import EventFactory

    past = EventFactory(
        status="registration_closed",
        starts_on=timezone.localdate() - datetime.timedelta(days=40),
        ends_on=timezone.localdate() - datetime.timedelta(days=37),
        registration_opens_at=timezone.now() - datetime.timedelta(days=90),
        registration_closes_at=timezone.now() - datetime.timedelta(days=50),
    )
    present = RegistrationFactory(event=past, person=PersonFactory(nation=est), state="confirmed")
    absent = RegistrationFactory(
        event=past, person=PersonFactory(nation=est), state="confirmed", attended=False
    )

    response = logged_in(client, hod_est).get(nation_url(past, "EST"))

    html = response.content.decode()
    assert reverse("registration_certificate", args=[present.pk]) in html
    assert reverse("registration_certificate", args=[absent.pk]) not in html
    assert "Register a person" not in text(response)
