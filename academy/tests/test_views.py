"""The Language Academy pages: scopes on every route with each role, the public form in
French, bad input, bounded queries."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from academy import services
from academy.models import Application
from accounts.models import Person
from accounts.tests.factories import PersonFactory

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def est_application(session, est):
    return ApplicationFactory(session=session, person=PersonFactory(nation=est, last_name="Tamm"))


@pytest.fixture
def fra_application(session, fra):
    return ApplicationFactory(session=session, person=PersonFactory(nation=fra, last_name="Dupont"))


def _url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


# Who sees what ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("director", 200), ("presidency", 200), ("hod_est", 404), ("yro_chair", 404)],
)
def test_session_overview_is_for_the_managers(
    client, request, session, est_application, who, status
):
    response = _get(client, request.getfixturevalue(who), _url("academy_session", session.year))
    assert response.status_code == status
    if status == 200:
        assert "TAMM" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("hod_est", 200),
        ("staff_est", 200),
        ("director", 200),
        ("hod_fra", 404),
        ("yro_chair", 404),
    ],
)
def test_nation_page_is_for_the_nation_and_the_managers(
    client, request, session, est_application, fra_application, who, status
):
    response = _get(
        client, request.getfixturevalue(who), _url("academy_nation", session.year, "EST")
    )
    assert response.status_code == status
    if status == 200:
        content = response.content.decode()
        assert "TAMM" in content
        assert "DUPONT" not in content


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("hod_est", 200),
        ("director", 200),
        ("presidency", 200),
        ("hod_fra", 404),
        ("yro_chair", 404),
    ],
)
def test_application_page_scope(client, request, est_application, who, status):
    response = _get(
        client, request.getfixturevalue(who), _url("academy_application", est_application.pk)
    )
    assert response.status_code == status


def test_anonymous_visitors_are_sent_to_the_login(client, session, est_application):
    for url in [
        _url("academy_session", session.year),
        _url("academy_nation", session.year, "EST"),
        _url("academy_application", est_application.pk),
        _url("academy_export_fees", session.year, "csv"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_another_nation_cannot_endorse_and_nothing_changes(client, hod_fra, est_application):
    est_application.endorsement = "pending"
    est_application.save()
    client.force_login(hod_fra)
    response = client.post(_url("academy_endorse", est_application.pk))
    assert response.status_code == 404
    assert Application.objects.get(pk=est_application.pk).endorsement == "pending"


def test_the_director_cannot_endorse_for_a_nation(client, director, est_application):
    est_application.endorsement = "pending"
    est_application.save()
    client.force_login(director)
    client.post(_url("academy_endorse", est_application.pk))
    assert Application.objects.get(pk=est_application.pk).endorsement == "pending"


def test_the_nation_endorses_from_its_page(client, hod_est, session, est_application):
    est_application.endorsement = "pending"
    est_application.save()
    client.force_login(hod_est)
    page = _url("academy_nation", session.year, "EST")
    response = client.post(_url("academy_endorse", est_application.pk), {"next": page}, follow=True)
    assert "application endorsed" in response.content.decode()
    assert Application.objects.get(pk=est_application.pk).endorsement == "endorsed"


def test_fee_export_of_a_head_of_delegation_holds_only_the_own_nation(
    client, hod_est, director, session, est_application, fra_application
):
    services.allocate(session, by=director)
    response = _get(client, hod_est, _url("academy_export_fees", session.year, "csv"))
    text = response.content.decode("utf-8-sig")
    assert "Tamm" in text
    assert "Dupont" not in text
    assert "500.00" in text


def test_class_export_is_for_the_managers(client, hod_est, director, session, est_application):
    services.allocate(session, by=director)
    services.record_placement_score(est_application, score=45, by=director)
    assert (
        _get(client, hod_est, _url("academy_export_classes", session.year, "xlsx")).status_code
        == 404
    )
    response = _get(client, director, _url("academy_export_classes", session.year, "xlsx"))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["English 2"]
    assert [cell.value for cell in sheet[3]][2] == "Tamm"


def test_class_page_records_attendance(client, director, session, est_application):
    services.allocate(session, by=director)
    services.record_placement_score(est_application, score=10, by=director)
    est_application.refresh_from_db()
    day = session.course_days()[0]
    client.force_login(director)
    url = _url("academy_class", session.year, est_application.course_class_id)
    client.post(url, {"day": day.isoformat()})  # nobody ticked: absent
    assert est_application.attendances.get(day=day).present is False
    response = client.get(url)
    assert "✗" in response.content.decode()


def test_a_score_outside_0_to_100_is_refused_with_a_message(
    client, director, session, est_application
):
    services.allocate(session, by=director)
    client.force_login(director)
    response = client.post(
        _url("academy_score", est_application.pk, language="fr"),
        {"placement_score": "140"},
        follow=True,
    )
    assert "Un score est un nombre entier de 0 à 100." in response.content.decode()
    assert Application.objects.get(pk=est_application.pk).placement_score is None


def test_certificate_pdf_of_another_nation_answers_404(client, hod_fra, est_application):
    est_application.certificate_issued_at = timezone.now()
    est_application.save()
    assert _get(client, hod_fra, _url("academy_certificate", est_application.pk)).status_code == 404


# The public form ---------------------------------------------------------------------------


def _form(est, **extra):
    return {
        "first_name": "Camille",
        "last_name": "Durand",
        "rank": "Lieutenant",
        "nato_code": "OF-1",
        "nation": est.pk,
        "email": "camille.durand@example.org",
        "category": "reserve_officer",
        "date_of_birth": "1990-05-04",
        "language": "en",
        "motivation": "",
        **extra,
    }


def test_public_form_in_french_creates_an_application(
    client, session, est, mailoutbox, django_capture_on_commit_callbacks
):
    url = _url("academy_apply", session.year, language="fr")
    page = client.get(url)
    assert "Envoyer la candidature" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _form(est))
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.person.preferred_language == "fr"
    assert application.email_confirmed_at is None
    assert mailoutbox[0].to == ["camille.durand@example.org"]


def test_public_form_in_french_says_what_is_wrong_and_saves_nothing(client, session, est):
    url = _url("academy_apply", session.year, language="fr")
    response = client.post(url, _form(est, date_of_birth="2030-01-01", nato_code="OR-2"))
    content = response.content.decode()
    assert response.status_code == 400
    assert "Un officier de réserve a un code de grade OTAN de OF-1 à OF-10." in content
    assert not Application.objects.exists()
    assert not Person.objects.filter(last_name="Durand").exists()


def test_public_form_refuses_a_duplicate(client, session, est):
    url = _url("academy_apply", session.year)
    client.post(url, _form(est))
    response = client.post(url, _form(est))
    assert response.status_code == 400
    assert "already exists for this session" in response.content.decode()
    assert Application.objects.count() == 1


def test_public_form_after_the_deadline_says_so(client, session, est):
    session.application_deadline = timezone.localdate() - datetime.timedelta(days=1)
    session.save()
    response = client.post(_url("academy_apply", session.year), _form(est))
    assert "deadline of this session has passed" in response.content.decode()
    assert not Application.objects.exists()


def test_confirmation_link_confirms(client, session, est):
    client.post(_url("academy_apply", session.year), _form(est))
    application = Application.objects.get()
    response = client.get(_url("academy_confirm", services.confirmation_token(application)))
    assert "now counts" in response.content.decode()
    application.refresh_from_db()
    assert application.email_confirmed_at is not None
    bad = client.get(_url("academy_confirm", "1:x@example.org:abc:def"))
    assert bad.status_code == 400


# Bounded queries -------------------------------------------------------------------------


def _many(session, nations, count):
    people = [PersonFactory(nation=nations[n % 2]) for n in range(count)]
    for person in people:
        ApplicationFactory(session=session, person=person)


@pytest.mark.parametrize("count", [10, 200])
def test_pages_take_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, director, hod_est, session, est, fra, count
):
    _many(session, [est, fra], count)
    services.allocate(session, by=director)
    client.force_login(director)
    with django_assert_max_num_queries(20):
        response = client.get(_url("academy_session", session.year))
    assert response.content.decode().count("data-application=") == count
    with django_assert_max_num_queries(20):
        client.get(_url("academy_export_fees", session.year, "csv"))
    client.force_login(hod_est)
    with django_assert_max_num_queries(20):
        response = client.get(_url("academy_nation", session.year, "EST"))
    assert response.content.decode().count("data-application=") == count // 2
