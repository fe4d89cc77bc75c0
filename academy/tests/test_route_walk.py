"""Every Language Academy and YRO route with each role: what answers, what is hidden."""

import pytest
from django.urls import reverse
from django.utils import timezone

from academy import services
from accounts.tests.factories import PersonFactory, UserFactory
from events import services as registrations
from events.models import Event
from events.tests.factories import EventFactory, RegistrationTypeFactory

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db

CLA_ROUTES = ["session", "nation", "application", "class", "classes", "fees", "certificate"]
YRO_ROUTES = ["yro_events", "yro_results", "yro_export", "yro_certificate"]
OK, HIDDEN = 200, 404
EXPECTED = {
    "presidency": dict.fromkeys(CLA_ROUTES + YRO_ROUTES, OK),
    "director": {**dict.fromkeys(CLA_ROUTES, OK), **dict.fromkeys(YRO_ROUTES, HIDDEN)},
    "yro_chair": {**dict.fromkeys(CLA_ROUTES, HIDDEN), **dict.fromkeys(YRO_ROUTES, OK)},
    "hod_est": {
        **dict.fromkeys(CLA_ROUTES + YRO_ROUTES, HIDDEN),
        "nation": OK,
        "application": OK,
        "fees": OK,
        "certificate": OK,
        "yro_export": OK,
        "yro_certificate": OK,
    },
    "staff_est": {
        **dict.fromkeys(CLA_ROUTES + YRO_ROUTES, HIDDEN),
        "nation": OK,
        "application": OK,
        "fees": OK,
        "certificate": OK,
        "yro_export": OK,
        "yro_certificate": OK,
    },
    "hod_fra": {**dict.fromkeys(CLA_ROUTES + YRO_ROUTES, HIDDEN), "fees": OK},
    "participant": {
        **dict.fromkeys(CLA_ROUTES + YRO_ROUTES, HIDDEN),
        "application": OK,
        "certificate": OK,
    },
}


@pytest.fixture
def urls(session, est, director, presidency):
    """One record of each kind, of Estonia, with its certificates issued."""
    person = PersonFactory(nation=est)
    application = ApplicationFactory(session=session, person=person)
    services.allocate(session, by=director)
    services.record_placement_score(application, score=50, by=director)
    application.refresh_from_db()
    application.certificate_issued_at = timezone.now()
    application.save()
    workshop = EventFactory(kind=Event.Kind.YRO_WORKSHOP, slug="yro-walk", auto_confirm=True)
    kind = RegistrationTypeFactory(event=workshop, kind="yro")
    registration = registrations.register(
        workshop,
        person=PersonFactory(nation=est, nato_code="OF-1"),
        registration_type=kind,
        by=presidency,
    )
    result = services.record_loac_result(registration, percent=90, by=presidency)
    services.issue_loac_certificate(result, by=presidency)
    return person, {
        "session": reverse("academy_session", args=[session.year]),
        "nation": reverse("academy_nation", args=[session.year, "EST"]),
        "application": reverse("academy_application", args=[application.pk]),
        "class": reverse("academy_class", args=[session.year, application.course_class_id]),
        "classes": reverse("academy_export_classes", args=[session.year, "csv"]),
        "fees": reverse("academy_export_fees", args=[session.year, "csv"]),
        "certificate": reverse("academy_certificate", args=[application.pk]),
        "yro_events": reverse("academy_yro_events"),
        "yro_results": reverse("academy_yro_results", args=[workshop.slug]),
        "yro_export": reverse("academy_yro_export", args=[workshop.slug, "csv"]),
        "yro_certificate": reverse("academy_yro_certificate", args=[result.pk]),
    }


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_every_route_answers_each_role_by_the_rules(client, request, urls, role):
    person, routes = urls
    is_participant = role == "participant"
    user = UserFactory(person=person) if is_participant else request.getfixturevalue(role)
    client.force_login(user)
    answers = {name: client.get(url).status_code for name, url in routes.items()}
    assert answers == EXPECTED[role]


def test_every_route_sends_a_visitor_to_the_login(client, urls):
    _person, routes = urls
    for url in routes.values():
        response = client.get(url)
        assert (response.status_code, "/accounts/login/" in response["Location"]) == (302, True)


def test_dashboard_is_hidden_from_a_user_without_a_role(client, director, session):
    client.force_login(UserFactory(person=PersonFactory()))
    assert client.get(reverse("academy_dashboard")).status_code == 404
    client.force_login(director)
    assert "All applications" in client.get(reverse("academy_dashboard")).content.decode()


def test_admin_session_set_up_is_the_presidency_s(client, session, presidency, hod_est, director):
    url = reverse("wagtailsnippets_academy_session:list")
    client.force_login(presidency)
    response = client.get(url)
    assert response.status_code == 200
    assert str(session) in response.content.decode()
    for user in (hod_est, director):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert str(session) not in response.content.decode()
