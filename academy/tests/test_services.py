"""Language Academy and YRO services through the database: rules, refusals, audit."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from academy import engine, services
from academy.models import Application, Attendance
from accounts.models import Person
from accounts.tests.factories import PersonFactory

from .factories import ApplicationFactory

State = Application.State
pytestmark = pytest.mark.django_db


def _new_person(nation, **extra):
    return {
        "first_name": "Anne",
        "last_name": "Martin",
        "rank_en": "Capitaine",
        "rank_fr": "Capitaine",
        "nato_code": "OF-2",
        "nation": nation,
        "email": "Anne.Martin@example.org",
        "preferred_language": "fr",
        **extra,
    }


def _dob(session, age):
    start = session.starts_on
    return start.replace(year=start.year - age)


def test_apply_publicly_creates_an_unconfirmed_application_and_mails_the_link(
    session, est, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = services.apply(
            session,
            category="reserve_officer",
            date_of_birth=_dob(session, 35),
            language="en",
            new_person=_new_person(est),
        )
    assert application.email == "anne.martin@example.org"
    assert application.email_confirmed_at is None
    assert application.fee == 500
    assert application.person.preferred_language == "fr"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anne.martin@example.org"]
    assert "Confirmez votre candidature" in message.subject
    token = re.search(r"/fr/academy/confirm/([^/\s]+)/", message.body).group(1)
    assert services.confirm_email(token).pk == application.pk


def test_confirm_email_counts_the_application_and_is_idempotent(session, est):
    application = services.apply(
        session,
        category="civilian",
        date_of_birth=_dob(session, 30),
        language="fr",
        new_person=_new_person(est, nato_code=""),
    )
    token = services.confirmation_token(application)
    assert services.confirm_email(token).email_confirmed_at is not None
    assert services.confirm_email(token).pk == application.pk
    assert Application.objects.get().fee == 600


def test_confirm_email_refuses_a_forged_link(session):
    with pytest.raises(ValidationError, match="not valid"):
        services.confirm_email("12:someone@example.org:forged")


@pytest.mark.parametrize("age", [17, 100])
def test_apply_refuses_an_impossible_age_and_changes_nothing(session, est, age):
    with pytest.raises(ValidationError) as caught:
        services.apply(
            session,
            category="civilian",
            date_of_birth=_dob(session, age),
            language="en",
            new_person=_new_person(est),
        )
    assert "date_of_birth" in caught.value.message_dict
    assert not Application.objects.exists()
    assert not Person.objects.filter(last_name="Martin").exists()


def test_apply_refuses_a_duplicate_by_email_or_by_name_and_birth(session, est):
    first = _new_person(est)
    services.apply(
        session,
        category="civilian",
        date_of_birth=_dob(session, 30),
        language="en",
        new_person=first,
    )
    with pytest.raises(ValidationError):
        services.apply(
            session,
            category="civilian",
            date_of_birth=_dob(session, 30),
            language="en",
            new_person=_new_person(est, email="ANNE.martin@example.org"),
        )
    with pytest.raises(ValidationError):
        services.apply(
            session,
            category="civilian",
            date_of_birth=_dob(session, 30),
            language="en",
            new_person=_new_person(est, email="other@example.org"),
        )
    assert Application.objects.count() == 1


def test_apply_by_a_delegation_for_an_existing_person_counts_at_once(session, est, hod_est):
    person = PersonFactory(nation=est)
    application = services.apply(
        session,
        person=person,
        category="active_duty",
        date_of_birth=_dob(session, 45),
        language="fr",
        by=hod_est,
    )
    assert application.email_confirmed_at is not None
    assert application.entered_by == hod_est
    with pytest.raises(ValidationError, match="already applied"):
        services.apply(
            session,
            person=person,
            category="active_duty",
            date_of_birth=_dob(session, 45),
            language="fr",
            by=hod_est,
        )


def test_apply_by_another_nation_is_refused(session, est, hod_fra):
    with pytest.raises(PermissionDenied):
        services.apply(
            session,
            person=PersonFactory(nation=est),
            category="civilian",
            date_of_birth=_dob(session, 45),
            language="fr",
            by=hod_fra,
        )


def test_apply_after_the_deadline_is_refused_but_for_the_director(session, est, director):
    session.application_deadline = timezone.localdate() - datetime.timedelta(days=1)
    session.save()
    with pytest.raises(ValidationError, match="deadline"):
        services.apply(
            session,
            category="civilian",
            date_of_birth=_dob(session, 30),
            language="en",
            new_person=_new_person(est),
        )
    application = services.apply(
        session,
        person=PersonFactory(nation=est),
        category="civilian",
        date_of_birth=_dob(session, 30),
        language="en",
        by=director,
    )
    assert application.pk


def test_endorse_is_for_the_nation_only(session, est, hod_est, staff_est, hod_fra, presidency):
    application = ApplicationFactory(
        session=session, person=PersonFactory(nation=est), endorsement="pending"
    )
    for outsider in (hod_fra, presidency):
        with pytest.raises(PermissionDenied):
            services.endorse(application, by=outsider)
    services.endorse(application, by=staff_est)
    application.refresh_from_db()
    assert application.endorsement == "endorsed"
    entry = ModelLogEntry.objects.filter(action="cior.academy", object_id=str(application.pk))
    assert entry.last().data["changes"]["endorsement"] == ["pending", "endorsed"]


def test_decline_needs_a_reason(session, est, hod_est):
    application = ApplicationFactory(session=session, person=PersonFactory(nation=est))
    with pytest.raises(ValidationError):
        services.decline(application, by=hod_est, reason=" ")
    services.decline(application, by=hod_est, reason="Not a reservist")
    application.refresh_from_db()
    assert (application.endorsement, application.endorsement_reason) == (
        "declined",
        "Not a reservist",
    )


def _applicants(session, nation, spec):
    """Create applications from (category, age, minutes after the first) tuples."""
    start = timezone.now()
    return [
        ApplicationFactory(
            session=session,
            person=PersonFactory(nation=nation),
            category=category,
            date_of_birth=_dob(session, age),
            applied_at=start + datetime.timedelta(minutes=minutes),
        )
        for category, age, minutes in spec
    ]


def test_allocate_saves_each_decision_with_its_reason(session, est, director):
    session.capacity = 2
    session.save()
    civilian, active, reservist = _applicants(
        session, est, [("civilian", 30, 0), ("active_duty", 30, 1), ("reserve_nco", 59, 2)]
    )
    counts = services.allocate(session, by=director)
    assert counts == {"allocated": 2, "waiting": 1, "not_considered": 0, "withdrawn": 0}
    for application in (civilian, active, reservist):
        application.refresh_from_db()
    assert (reservist.state, reservist.group_reason) == ("allocated", "reserve_under_age")
    assert active.state == "allocated"
    assert (civilian.state, civilian.waiting_position, civilian.decision_reason) == (
        "waiting",
        1,
        engine.Reason.CAPACITY_FULL,
    )
    assert "waiting list" in civilian.decision_text


def test_allocate_is_for_the_managers_only(session, hod_est, yro_chair):
    for user in (hod_est, yro_chair):
        with pytest.raises(PermissionDenied):
            services.allocate(session, by=user)


def test_withdraw_promotes_the_first_waiting(session, est, director, hod_est):
    session.capacity = 1
    session.save()
    first, second, third = _applicants(
        session, est, [("reserve_officer", 40, 0), ("reserve_officer", 40, 1), ("civilian", 40, 2)]
    )
    services.allocate(session, by=director)
    services.withdraw(first, by=hod_est, reason="Ill")
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.state, second.decision_reason) == ("allocated", engine.Reason.PROMOTED)
    assert (third.state, third.waiting_position) == ("waiting", 1)
    first.refresh_from_db()
    assert first.state == "withdrawn"


def test_record_placement_score_places_within_class_capacity(session, est, director):
    students = _applicants(session, est, [("reserve_officer", 40, n) for n in range(3)])
    services.allocate(session, by=director)
    for student in students:
        services.record_placement_score(student, score=75, by=director)
    placed = [Application.objects.get(pk=s.pk) for s in students]
    assert [p.level for p in placed] == [3, 3, 3]
    assert [p.course_class.name if p.course_class else None for p in placed] == [
        "English 3",
        "English 3",
        None,
    ]
    assert placed[2].placement_reason == engine.Reason.CLASSES_FULL


@pytest.mark.parametrize("score", [-1, 101])
def test_record_placement_score_refuses_a_score_outside_0_100(session, est, director, score):
    (student,) = _applicants(session, est, [("reserve_officer", 40, 0)])
    services.allocate(session, by=director)
    with pytest.raises(ValidationError):
        services.record_placement_score(student, score=score, by=director)
    assert Application.objects.get(pk=student.pk).placement_score is None


def test_certificate_needs_the_course_over_and_enough_attendance(session, est, director):
    (student,) = _applicants(session, est, [("reserve_officer", 40, 0)])
    services.allocate(session, by=director)
    services.record_placement_score(student, score=50, by=director)
    student.refresh_from_db()
    days = session.course_days()
    for day in days:
        services.record_attendance(student, day=day, present=day != days[0], by=director)
    assert Attendance.objects.filter(application=student, present=True).count() == len(days) - 1
    with pytest.raises(ValidationError, match="ended"):
        services.issue_certificate(student, by=director)
    after = session.ends_on + datetime.timedelta(days=1)
    services.issue_certificate(student, by=director, today=after)
    student.refresh_from_db()
    assert student.certificate_issued_at is not None


def test_record_exam_refuses_a_mark_outside_0_to_5(session, est, director):
    (student,) = _applicants(session, est, [("reserve_officer", 40, 0)])
    services.allocate(session, by=director)
    with pytest.raises(ValidationError):
        services.record_exam(student, by=director, listening=6)
    services.record_exam(student, by=director, listening=2, speaking=2, reading=3, writing=2)
    assert Application.objects.get(pk=student.pk).exam_profile == "2232"


def test_record_placement_scores_places_a_whole_class_list_in_order(session, est, director):
    students = _applicants(session, est, [("reserve_officer", 40, n) for n in range(4)])
    services.allocate(session, by=director)
    placed = services.record_placement_scores(
        session,
        {s.pk: score for s, score in zip(students, [45, 50, 55, 10], strict=True)},
        by=director,
    )
    assert [(a.level, a.course_class.name if a.course_class else None) for a in placed] == [
        (2, "English 2"),
        (2, "English 2"),
        (2, None),
        (1, "English 1"),
    ]


def test_record_placement_scores_refuses_the_whole_list_for_one_bad_entry(session, est, director):
    holder, outsider = _applicants(session, est, [("reserve_officer", 40, 0), ("civilian", 40, 1)])
    session.capacity = 1
    session.save()
    services.allocate(session, by=director)
    with pytest.raises(ValidationError):
        services.record_placement_scores(session, {holder.pk: 50, outsider.pk: 50}, by=director)
    assert Application.objects.filter(placement_score__isnull=False).count() == 0
