"""Applications: the public form and its e-mail confirmation, entry by a delegation,
endorsement, allocation and withdrawal (the places, by academy.engine)."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import audit
from accounts import services as people
from accounts.models import Person

from .. import engine
from ..models import Application, Session

Endorsement = Application.Endorsement
State = Application.State

MIN_AGE, MAX_AGE = 18, 99  # ages an applicant can have on the first day of the course
CONFIRMATION_DAYS = 14  # how long an e-mail confirmation link stays good
AUDITED = [
    "state",
    "decision_reason",
    "waiting_position",
    "endorsement",
    "endorsement_reason",
    "placement_score",
    "level",
    "course_class",
    "fee",
]


# Checks --------------------------------------------------------------------------------------


def check_age(session: Session, date_of_birth: datetime.date) -> None:
    """Raise ValidationError unless the applicant's age on the first day is plausible."""
    if date_of_birth >= session.starts_on:
        raise ValidationError(
            {"date_of_birth": _("The date of birth must be before the course starts.")}
        )
    age = engine.age_on(date_of_birth, session.starts_on)
    if not MIN_AGE <= age <= MAX_AGE:
        raise ValidationError(
            {
                "date_of_birth": _(
                    "An applicant must be %(min)s to %(max)s years old when the course starts "
                    "(this date of birth gives %(age)s)."
                )
                % {"min": MIN_AGE, "max": MAX_AGE, "age": age}
            }
        )


def check_score(score) -> int:
    try:
        engine.check_score(score)
    except ValueError:
        raise ValidationError(
            {"placement_score": _("A score is a whole number from 0 to 100.")}
        ) from None
    return score


def _duplicate_message():
    return _("This person has already applied to this session.")


def _check_duplicate(session, *, person=None, email="", first_name="", last_name="", dob=None):
    applications = Application.objects.filter(session=session)
    if person is not None and applications.filter(person=person).exists():
        raise ValidationError(_duplicate_message())
    if email and applications.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("An application with this e-mail address already exists for this session.")}
        )
    if (
        first_name
        and last_name
        and dob
        and applications.filter(
            person__first_name__iexact=first_name,
            person__last_name__iexact=last_name,
            date_of_birth=dob,
        ).exists()
    ):
        raise ValidationError(_duplicate_message())


def _lock_session(session) -> Session:
    return (
        Session.objects.select_for_update(of=("self",)).select_related("event").get(pk=session.pk)
    )


def _locked(application) -> Application:
    _lock_session(application.session)
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("session__event", "person", "nation", "course_class")
        .get(pk=application.pk)
    )


def _record(application, *, before, by, reason=""):
    changes = audit.changes(before, application, AUDITED) if before is not None else None
    if before is None:
        changes = {"state": [None, application.state]}
    audit.record(application, action="cior.academy", by=by, changes=changes or {}, reason=reason)


# Applications --------------------------------------------------------------------------------


def apply(
    session: Session,
    *,
    category: str,
    date_of_birth: datetime.date,
    language: str,
    by=None,
    person: Person | None = None,
    new_person: dict | None = None,
    motivation: str = "",
    now=None,
) -> Application:
    """Record an application to `session`, of an existing `person` or of a new one.

    `by` None: the public form (no account). A new person is created from `new_person`
    (first_name, last_name, rank, nato_code, nation, email, preferred_language); the application
    counts once its e-mail address is confirmed: a confirmation link is mailed after commit.
    `by` a user: a delegation (own nations only) or the programme's managers; the application
    counts at once. Refused after the deadline (but for the managers), for an impossible age,
    and for a second application of the same person (same person, e-mail, or name and date of
    birth). Audited.
    """
    now = now or timezone.now()
    staff = by is not None and getattr(by, "is_authenticated", False)
    nation = person.nation if person is not None else (new_person or {}).get("nation")
    if nation is None:
        raise ValidationError({"nation": _("Choose the applicant's nation.")})
    if staff and not by.has_perm("academy.enter_application", nation):
        raise PermissionDenied
    managing = staff and by.has_perm("academy.manage_language_academy")
    if timezone.localdate(now) > session.application_deadline and not managing:
        raise ValidationError(_("The application deadline of this session has passed."))
    check_age(session, date_of_birth)
    email = (person.email if person is not None else new_person.get("email", "")).strip().lower()
    if not staff and not email:
        raise ValidationError({"email": _("Give an e-mail address: we send a link to confirm it.")})
    try:
        with transaction.atomic():
            session = _lock_session(session)
            names = new_person or {}
            _check_duplicate(
                session,
                person=person,
                email=email,
                first_name=names.get("first_name", ""),
                last_name=names.get("last_name", ""),
                dob=date_of_birth,
            )
            if person is None:
                person = people.create_person(
                    by=by if staff else None,
                    reason=_("Applied to the %(session)s") % {"session": session},
                    **{**new_person, "email": email},
                )
            application = Application.objects.create(
                session=session,
                person=person,
                nation=nation,
                email=email,
                category=category,
                date_of_birth=date_of_birth,
                language=language,
                motivation=motivation,
                applied_at=now,
                entered_by=by if staff else None,
                email_confirmed_at=now if staff else None,
                fee=session.fee_for(category),
            )
            _record(application, before=None, by=by if staff else None)
    except IntegrityError as error:
        raise ValidationError(_duplicate_message()) from error
    if not staff:
        transaction.on_commit(lambda: send_confirmation(application))
    return application


def _signer():
    return signing.TimestampSigner(salt="cior.academy.confirm-email")


def confirmation_token(application: Application) -> str:
    return _signer().sign(f"{application.pk}:{application.email}")


def send_confirmation(application: Application) -> int:
    """Mail the applicant the link that confirms the e-mail address, in their language."""
    language = application.person.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("academy_confirm", kwargs={"token": confirmation_token(application)})
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _(
            "Confirm your application to the %(session)s"
        ) % {"session": application.session}
        body = render_to_string(
            "academy/mail/confirm.txt",
            {
                "application": application,
                "url": settings.SITE_URL + path,
                "days": CONFIRMATION_DAYS,
            },
        )
    return send_mail(subject, body, None, [application.email], fail_silently=True)


@transaction.atomic
def confirm_email(token: str) -> Application:
    """Confirm an application's e-mail address from the mailed link (idempotent).

    Raises ValidationError for a forged, garbled or expired link, or an address since changed.
    """
    try:
        value = _signer().unsign(token, max_age=datetime.timedelta(days=CONFIRMATION_DAYS))
        pk, email = value.split(":", 1)
        application = _locked(Application.objects.select_related("session").get(pk=int(pk)))
    except (signing.BadSignature, ValueError, Application.DoesNotExist):
        raise ValidationError(_("This confirmation link is not valid or has expired.")) from None
    if application.email != email:
        raise ValidationError(_("This confirmation link is not valid or has expired."))
    if application.email_confirmed_at is None:
        application.email_confirmed_at = timezone.now()
        application.save(update_fields=["email_confirmed_at"])
        audit.record(
            application,
            action="cior.academy",
            changes={"email_confirmed": [False, True]},
        )
    return application


def _check_may_endorse(application, by):
    if not by.has_perm("academy.endorse_application", application):
        raise PermissionDenied
    if application.withdrawn_at is not None:
        raise ValidationError(_("This application was withdrawn."))
    if application.email_confirmed_at is None:
        raise ValidationError(_("The applicant has not confirmed the e-mail address yet."))


@transaction.atomic
def endorse(application: Application, *, by) -> Application:
    """Endorse the nation's applicant (the nation's delegation only). Audited."""
    application = _locked(application)
    _check_may_endorse(application, by)
    before = audit.snapshot(application, AUDITED)
    application.endorsement = Endorsement.ENDORSED
    application.endorsement_reason = ""
    application.endorsed_at = timezone.now()
    application.save(update_fields=["endorsement", "endorsement_reason", "endorsed_at"])
    _record(application, before=before, by=by)
    return application


@transaction.atomic
def decline(application: Application, *, by, reason: str) -> Application:
    """Decline the nation's applicant with a reason (the nation's delegation only). A declined
    application loses any place it held, which the next waiting one takes. Audited."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for declining.")})
    application = _locked(application)
    _check_may_endorse(application, by)
    before = audit.snapshot(application, AUDITED)
    held = application.state == State.ALLOCATED
    application.endorsement = Endorsement.DECLINED
    application.endorsement_reason = reason[:300]
    application.endorsed_at = timezone.now()
    application.save(update_fields=["endorsement", "endorsement_reason", "endorsed_at"])
    _record(application, before=before, by=by, reason=reason)
    if held and application.session.allocated_at:
        _allocate(application.session, by=by)
    return application


# Allocation ----------------------------------------------------------------------------------


def allocate(session: Session, *, by) -> dict[str, int]:
    """Run the allocation of `session` (programme managers only) and save each decision.

    Places held from an earlier run are kept (engine rules). Writes an audit entry for each
    application whose state, reason or waiting position changed. Returns counts per state.
    """
    if not by.has_perm("academy.manage_language_academy"):
        raise PermissionDenied
    with transaction.atomic():
        session = _lock_session(session)
        return _allocate(session, by=by)


def _allocate(session, *, by) -> dict[str, int]:
    applications = {
        a.pk: a
        for a in Application.objects.filter(session=session).select_for_update().order_by("pk")
    }
    held = [pk for pk, a in applications.items() if a.state == State.ALLOCATED]
    waiting = [pk for pk, a in applications.items() if a.state == State.WAITING]
    decisions = engine.allocate(
        (a.to_applicant() for a in applications.values()),
        capacity=session.capacity,
        course_starts_on=session.starts_on,
        age_limit=session.age_limit,
        held=held,
        waiting=waiting,
    )
    counts = {State.ALLOCATED: 0, State.WAITING: 0, State.NOT_CONSIDERED: 0, State.WITHDRAWN: 0}
    changed = []
    for decision in decisions:
        application = applications[decision.applicant_id]
        before = audit.snapshot(application, AUDITED)
        state = decision.outcome
        if decision.reason == engine.Reason.WITHDRAWN:
            state = State.WITHDRAWN
        counts[state] += 1
        new = {
            "state": state,
            "decision_reason": decision.reason,
            "priority_group": decision.group,
            "group_reason": decision.group_reason,
            "waiting_position": decision.position,
        }
        if state != State.ALLOCATED and application.course_class_id:
            new["course_class"] = None  # a place lost frees the class seat too
        if all(getattr(application, k) == v for k, v in new.items()):
            continue
        for name, value in new.items():
            setattr(application, name, value)
        changed.append(application)
        application.audit_before = before
    Application.objects.bulk_update(
        changed,
        [
            "state",
            "decision_reason",
            "priority_group",
            "group_reason",
            "waiting_position",
            "course_class",
        ],
    )
    for application in changed:
        _record(application, before=application.audit_before, by=by)
    session.allocated_at = timezone.now()
    session.save(update_fields=["allocated_at"])
    return {str(state): count for state, count in counts.items()}


def withdraw(application: Application, *, by, reason: str = "") -> Application:
    """Withdraw an application (its nation's delegation or the programme managers); the place
    it held goes to the first waiting application. Audited."""
    with transaction.atomic():
        application = _locked(application)
        if not (
            by.has_perm("academy.manage_language_academy")
            or by.has_perm("academy.endorse_application", application)
        ):
            raise PermissionDenied
        if application.withdrawn_at is not None:
            raise ValidationError(_("This application was withdrawn."))
        before = audit.snapshot(application, AUDITED)
        application.withdrawn_at = timezone.now()
        application.state = State.WITHDRAWN
        application.decision_reason = engine.Reason.WITHDRAWN
        application.waiting_position = None
        application.course_class = None
        application.save(
            update_fields=[
                "withdrawn_at",
                "state",
                "decision_reason",
                "waiting_position",
                "course_class",
            ]
        )
        _record(application, before=before, by=by, reason=reason)
        if application.session.allocated_at:
            _allocate(application.session, by=by)
    return application
