"""YRO: the OF-2 rule on registration, LOAC results and certificates; the bilingual
certificates of both programmes and their verification."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from academy import documents, services, verification
from academy.models import LoacResult
from accounts.tests.factories import PersonFactory
from events import services as registrations
from events.models import Event, Registration
from events.tests.factories import EventFactory, QuotaFactory, RegistrationTypeFactory

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def workshop(est):
    event = EventFactory(
        kind=Event.Kind.YRO_WORKSHOP,
        slug="yro-workshop-2031",
        title_en="YRO Workshop 2031",
        title_fr="Atelier YRO 2031",
        auto_confirm=True,
    )
    kind = RegistrationTypeFactory(event=event, kind="yro", capacity=60)
    QuotaFactory(registration_type=kind, nation=est, places=5)
    return event


def _register(workshop, person, by):
    kind = workshop.registration_types.get()
    return registrations.register(workshop, person=person, registration_type=kind, by=by)


# The OF-2 rule -----------------------------------------------------------------------------


def test_yro_registration_refuses_an_officer_above_of2_with_the_reason(workshop, est, hod_est):
    major = PersonFactory(nation=est, nato_code="OF-3", last_name="Kask")
    with pytest.raises(ValidationError) as caught:
        _register(workshop, major, hod_est)
    assert "OF-3" in caught.value.messages[0]
    assert "up to OF-2" in caught.value.messages[0]
    assert not Registration.objects.exists()


@pytest.mark.parametrize("code", ["OF-1", "OF-2", "OR-7", ""])
def test_yro_registration_takes_ranks_up_to_of2(workshop, est, hod_est, code):
    person = PersonFactory(nation=est, nato_code=code)
    assert _register(workshop, person, hod_est).state == "confirmed"


def test_other_events_take_any_rank(est, hod_est):
    congress = EventFactory()
    kind = RegistrationTypeFactory(event=congress, kind="delegate")
    colonel = PersonFactory(nation=est, nato_code="OF-5")
    registration = registrations.register(
        congress, person=colonel, registration_type=kind, by=hod_est
    )
    assert registration.pk


def test_yro_register_page_shows_the_refusal_in_french(client, workshop, est, hod_est):
    major = PersonFactory(nation=est, nato_code="OF-4")
    client.force_login(hod_est)
    with translation.override("fr"):
        url = reverse("delegation_register", args=[workshop.slug, "EST"])
    response = client.post(
        url,
        {"person": major.pk, "registration_type": workshop.registration_types.get().pk},
    )
    assert "les événements YRO accueillent les officiers jusqu’à OF-2" in response.content.decode()
    assert not Registration.objects.exists()


# LOAC results and certificates -------------------------------------------------------------


@pytest.fixture
def participant(workshop, est, hod_est):
    person = PersonFactory(
        nation=est, nato_code="OF-2", first_name="Kadri", last_name="Saar", rank_en="Captain"
    )
    return _register(workshop, person, hod_est)


def test_loac_result_is_for_the_yro_chair(participant, yro_chair, director, hod_est):
    for user in (director, hod_est):
        with pytest.raises(PermissionDenied):
            services.record_loac_result(participant, percent=80, by=user)
    result = services.record_loac_result(participant, percent=80, by=yro_chair)
    assert (result.percent, result.passed, result.exam.pass_mark) == (80, True, 70)


@pytest.mark.parametrize("percent", [-5, 101])
def test_loac_result_outside_0_100_is_refused(participant, yro_chair, percent):
    with pytest.raises(ValidationError):
        services.record_loac_result(participant, percent=percent, by=yro_chair)
    assert not LoacResult.objects.exists()


def test_loac_certificate_needs_the_pass_mark_and_attendance(participant, yro_chair):
    result = services.record_loac_result(participant, percent=69, by=yro_chair)
    with pytest.raises(ValidationError, match="below the pass mark of 70"):
        services.issue_loac_certificate(result, by=yro_chair)
    result = services.record_loac_result(participant, percent=70, by=yro_chair)
    participant.attended = False
    participant.save()
    with pytest.raises(ValidationError, match="attended"):
        services.issue_loac_certificate(result, by=yro_chair)
    participant.attended = True
    participant.save()
    assert services.issue_loac_certificate(result, by=yro_chair).certificate_issued_at


def test_yro_results_page_lists_the_participants_for_the_chair(
    client, workshop, participant, yro_chair, director
):
    services.record_loac_result(participant, percent=85, by=yro_chair)
    client.force_login(director)
    assert client.get(reverse("academy_yro_results", args=[workshop.slug])).status_code == 404
    client.force_login(yro_chair)
    response = client.get(reverse("academy_yro_results", args=[workshop.slug]))
    content = response.content.decode()
    assert "SAAR" in content
    assert 'value="85"' in content


def test_yro_results_page_records_a_result_and_refuses_bad_input(
    client, workshop, participant, yro_chair
):
    client.force_login(yro_chair)
    url = reverse("academy_yro_results", args=[workshop.slug])
    response = client.post(url, {"registration": participant.pk, "percent": "150"}, follow=True)
    assert "A result is a whole percentage from 0 to 100." in response.content.decode()
    assert not LoacResult.objects.exists()
    client.post(url, {"registration": participant.pk, "percent": "72"})
    assert LoacResult.objects.get().percent == 72


def test_yro_certificate_is_bilingual_and_verifiable(client, participant, yro_chair):
    result = services.record_loac_result(participant, percent=90, by=yro_chair)
    services.issue_loac_certificate(result, by=yro_chair)
    result.refresh_from_db()
    text = _text(documents.yro_pdf(result))
    assert "Kadri SAAR" in text
    assert "Law of Armed Conflict" in text
    assert "droit des conflits armés" in text
    assert "90 %" in text
    token = verification.make_token(verification.YRO, result.pk)
    assert "Valid" in client.get(reverse("academy_verify", args=[token])).content.decode()


# Graduation certificate --------------------------------------------------------------------


def test_graduation_certificate_states_course_level_and_attendance_in_both_languages(
    session, est, director
):
    application = ApplicationFactory(
        session=session,
        person=PersonFactory(nation=est, first_name="Mari", last_name="Kuusk", rank_en="Major"),
    )
    services.allocate(session, by=director)
    services.record_placement_score(application, score=55, by=director)
    application.refresh_from_db()
    for day in session.course_days():
        services.record_attendance(application, day=day, present=True, by=director)
    services.record_exam(application, by=director, listening=2, speaking=3, reading=3, writing=2)
    services.issue_certificate(
        application, by=director, today=session.ends_on + datetime.timedelta(days=1)
    )
    application.refresh_from_db()
    text = _text(documents.graduation_pdf(application))
    days = len(session.course_days())
    assert "Mari KUUSK" in text
    assert "Certificate of graduation" in text
    assert "Certificat de fin de formation" in text
    assert "level 2 (STANAG 6001), class English 2" in text
    assert "niveau 2 (STANAG 6001), classe English 2" in text
    assert f"Attendance: {days} of {days} course days" in text
    assert f"Assiduité : {days} jours de cours sur {days}" in text
    assert "2332" in text


def test_verification_of_a_forged_or_unissued_certificate_says_not_valid(client, session, est):
    application = ApplicationFactory(session=session, person=PersonFactory(nation=est))
    token = verification.make_token(verification.GRADUATION, application.pk)
    assert "Not valid" in client.get(reverse("academy_verify", args=[token])).content.decode()
    application.certificate_issued_at = timezone.now()
    application.save()
    page = client.get(reverse("academy_verify", args=[token])).content.decode()
    assert "Valid" in page and application.person.last_name not in page
    forged = token[:-3] + "abc"
    assert "Not valid" in client.get(reverse("academy_verify", args=[forged])).content.decode()


def test_a_yro_participant_at_a_congress_is_held_to_the_of2_rule(est, hod_est):
    congress = EventFactory()
    kind = RegistrationTypeFactory(event=congress, kind="yro")
    with pytest.raises(ValidationError, match="up to OF-2"):
        registrations.register(
            congress,
            person=PersonFactory(nation=est, nato_code="OF-3"),
            registration_type=kind,
            by=hod_est,
        )


def test_yro_results_post_of_a_garbled_participant_answers_404(client, workshop, yro_chair):
    client.force_login(yro_chair)
    url = reverse("academy_yro_results", args=[workshop.slug])
    assert client.post(url, {"registration": "abc", "percent": "80"}).status_code == 404
    assert not LoacResult.objects.exists()
