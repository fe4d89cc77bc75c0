"""The course: placement by the test score, attendance per day, the STANAG 6001 profile, the
graduation certificate."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit

from .. import engine
from ..models import Application, Attendance, CourseClass
from .applications import AUDITED, State, _lock_session, _locked, _record, check_score

# Placement, attendance, exams, certificates -------------------------------------------------


def _check_manager(by):
    if not by.has_perm("academy.manage_language_academy"):
        raise PermissionDenied


def record_placement_score(application: Application, *, score: int, by) -> Application:
    """Record the placement test score (0–100) and place the student in a class of the level
    it gives, within class capacity (engine.place). Only an allocated application is placed.
    Audited."""
    return record_placement_scores(application.session, {application.pk: score}, by=by)[0]


def record_placement_scores(session, scores: dict[int, int], *, by) -> list[Application]:
    """Record the placement scores of several applications of `session` ({id: score}) and
    place each, in the order given, in a class of the level its score gives, within class
    capacity. Locks the session and its classes once; one audit entry per application.
    Refused as a whole (nothing saved) when a score is outside 0–100 or an application
    holds no place."""
    _check_manager(by)
    for score in scores.values():
        check_score(score)
    with transaction.atomic():
        session = _lock_session(session)
        found = Application.objects.select_for_update(of=("self",)).in_bulk(list(scores))
        applications = [found[pk] for pk in scores if pk in found]
        if len(applications) != len(scores) or any(
            a.session_id != session.pk or a.state != State.ALLOCATED for a in applications
        ):
            raise ValidationError(_("Only an applicant with a place can be placed in a class."))
        classes = list(CourseClass.objects.select_for_update().filter(session=session))
        taken = _class_counts(session, exclude=list(scores))
        thresholds = [
            engine.Threshold(t.language, t.level, t.min_score) for t in session.thresholds.all()
        ]
        for application in applications:
            decision = engine.place(
                scores[application.pk],
                application.language,
                thresholds,
                [
                    engine.CourseClass(
                        c.pk, c.language, c.level, c.capacity, taken.get(c.pk, 0), c.sort_order
                    )
                    for c in classes
                ],
            )
            if decision.class_id is not None:
                taken[decision.class_id] = taken.get(decision.class_id, 0) + 1
            application.audit_before = audit.snapshot(application, AUDITED)
            application.placement_score = scores[application.pk]
            application.level = decision.level
            application.course_class_id = decision.class_id
            application.placement_reason = decision.reason
        Application.objects.bulk_update(
            applications, ["placement_score", "level", "course_class", "placement_reason"]
        )
        for application in applications:
            _record(application, before=application.audit_before, by=by)
    return applications


def _class_counts(session, *, exclude=()) -> dict[int, int]:
    rows = (
        Application.objects.filter(session=session, course_class__isnull=False)
        .exclude(pk__in=exclude)
        .values("course_class")
        .annotate(n=Count("pk"))
    )
    return {row["course_class"]: row["n"] for row in rows}


@transaction.atomic
def record_attendance(application: Application, *, day: datetime.date, present: bool, by):
    """Record whether a placed student was present on a course day. Audited."""
    _check_manager(by)
    application = _locked(application)
    if application.course_class_id is None:
        raise ValidationError(_("Attendance is kept for students placed in a class."))
    if day not in application.session.course_days():
        raise ValidationError({"day": _("This day is not a day of the course.")})
    attendance, created = Attendance.objects.get_or_create(
        application=application, day=day, defaults={"present": present}
    )
    if not created and attendance.present == present:
        return attendance
    old = None if created else attendance.present
    attendance.present = present
    attendance.save(update_fields=["present"])
    audit.record(
        application,
        action="cior.academy",
        by=by,
        changes={f"present {day.isoformat()}": [old, present]},
    )
    return attendance


EXAM_FIELDS = ["exam_listening", "exam_speaking", "exam_reading", "exam_writing"]


@transaction.atomic
def record_exam(application: Application, *, by, **marks) -> Application:
    """Record the STANAG 6001 exam profile (each skill 0–5, None: not taken). Audited."""
    _check_manager(by)
    unknown = set(marks) - {name.removeprefix("exam_") for name in EXAM_FIELDS}
    if unknown:
        raise ValueError(f"Not exam skills: {sorted(unknown)}")
    for skill, mark in marks.items():
        if mark is not None and not (isinstance(mark, int) and 0 <= mark <= 5):
            raise ValidationError({skill: _("A STANAG 6001 level is a whole number from 0 to 5.")})
    application = _locked(application)
    if application.state != State.ALLOCATED:
        raise ValidationError(_("Only a student of the course takes the exam."))
    before = audit.snapshot(application, EXAM_FIELDS)
    for skill, mark in marks.items():
        setattr(application, f"exam_{skill}", mark)
    application.save(update_fields=EXAM_FIELDS)
    audit.record(
        application,
        action="cior.academy",
        by=by,
        changes=audit.changes(before, application, EXAM_FIELDS),
    )
    return application


def attendance_summary(application: Application, days=None, present_days=None) -> tuple[int, int]:
    """Return (days present, course days) of a student."""
    days = days if days is not None else application.session.course_days()
    if present_days is None:
        present_days = application.attendances.filter(present=True).count()
    return present_days, len(days)


def certificate_refusal(application: Application, *, today=None, present_days=None) -> str:
    """Return why no graduation certificate can be issued, or "" when one can."""
    today = today or timezone.localdate()
    session = application.session
    if application.state != State.ALLOCATED or application.course_class_id is None:
        return _("A certificate is issued to a student placed in a class.")
    if today < session.ends_on:
        return _("A certificate is issued once the course has ended.")
    present, total = attendance_summary(application, present_days=present_days)
    if total and present * 100 < session.min_attendance_percent * total:
        return _(
            "The student attended %(present)s of %(total)s days; %(percent)s %% are needed."
        ) % {"present": present, "total": total, "percent": session.min_attendance_percent}
    return ""


@transaction.atomic
def issue_certificate(application: Application, *, by, today=None) -> Application:
    """Issue the graduation certificate (once; again is a no-op). Audited."""
    _check_manager(by)
    application = _locked(application)
    refusal = certificate_refusal(application, today=today)
    if refusal:
        raise ValidationError(refusal)
    if application.certificate_issued_at is None:
        application.certificate_issued_at = timezone.now()
        application.save(update_fields=["certificate_issued_at"])
        audit.record(
            application, action="cior.academy", by=by, changes={"certificate": [None, "issued"]}
        )
    return application
