"""Writes to Medal of Merit nominations, from submission to the diploma.

Each function runs in a transaction, locks the rows it decides on, checks the permission of
`by` (the acting user; None is the system itself: the demo loader, the Council's vote closing),
writes a "cior.nomination" audit entry with the old and new values, and mails the nominator
in their language after the commit (awards.notifications). A refused step raises
ValidationError with the reason in the active language and changes nothing.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts import services as people
from accounts.models import Person
from accounts.rules import is_head_of_delegation_for
from governance import services as council
from governance.models import CouncilMeeting, Motion

from . import notifications
from .models import Nomination, SupportingDocument

State = Nomination.State
ACTION = "cior.nomination"
FIELDS = [
    "nominee",
    "year",
    "citation_en",
    "citation_fr",
    "grounds",
    "state",
    "nominating_nation",
    "decline_reason",
    "motion",
    "awarded_on",
    "presented_at",
    "diploma_issued_on",
    "publication_consent",
]
NEW_PERSON_FIELDS = {
    "first_name",
    "last_name",
    "rank_en",
    "rank_fr",
    "nato_code",
    "nation",
    "email",
    "preferred_language",
}


def _require(by, permission, obj=None):
    if by is not None and not by.has_perm(permission, obj):
        raise PermissionDenied(permission)


def _locked(nomination, *states) -> Nomination:
    """Return the nomination's row locked; refuse unless it is in one of `states`."""
    stored = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if states and stored.state not in states:
        raise ValidationError(
            _("This nomination is “%(state)s”: that step is not possible now.")
            % {"state": stored.get_state_display()}
        )
    return stored


def _save(stored, before, *, by, reason="", fields=None):
    stored.full_clean()
    stored.save(update_fields=fields)
    audit.record(
        stored, action=ACTION, by=by, changes=audit.changes(before, stored, FIELDS), reason=reason
    )


def _mail_after_commit(nomination, what):
    transaction.on_commit(lambda: notifications.send(nomination, what))


# Nominating ------------------------------------------------------------------------------------


def find_or_create_person(fields: dict, *, by) -> Person:
    """Return the registry's person of that nation with that first and last name (case aside),
    or a new one made from `fields`: a second nomination of the same person then meets the
    duplicate rule, whoever typed the name."""
    unknown = set(fields) - NEW_PERSON_FIELDS
    if unknown:
        raise TypeError(f"Unknown person fields: {', '.join(sorted(unknown))}")
    matches = list(
        Person.objects.filter(
            nation=fields.get("nation"),
            first_name__iexact=fields.get("first_name", "").strip(),
            last_name__iexact=fields.get("last_name", "").strip(),
        )[:2]
    )
    if len(matches) == 1:
        return matches[0]
    # No reason recorded: the person's history is seen by their nation's staff, and the
    # nomination is confidential.
    return people.create_person(by=by, **fields)


def check_nominee(nominee: Person, year: int, *, exclude=None) -> None:
    """Raise ValidationError when `nominee` holds the medal or has a nomination this year."""
    nominations = Nomination.objects.filter(nominee=nominee)
    if exclude is not None:
        nominations = nominations.exclude(pk=exclude.pk)
    if nominations.filter(state=State.AWARDED).exists():
        raise ValidationError(
            {"nominee": _("%(person)s already holds the Medal of Merit.") % {"person": nominee}}
        )
    if nominations.filter(year=year).exclude(state__in=Nomination.CLOSED_STATES).exists():
        raise ValidationError(
            {
                "nominee": _("%(person)s has already been nominated in %(year)s.")
                % {"person": nominee, "year": year}
            }
        )


def nominate(
    *,
    by,
    citation_en: str,
    citation_fr: str,
    grounds: str,
    nominee: Person | None = None,
    new_person: dict | None = None,
    nation=None,
    documents=(),
    today: datetime.date | None = None,
) -> Nomination:
    """Nominate `nominee` (or the person described by `new_person`) for the Medal of Merit.

    `nation` is the nominating head of delegation's nation (None for the Presidency);
    `documents` are uploaded files, already checked by the form. Locks the nominee's row so
    that two nominations of one person cannot both pass the duplicate check; stores the files
    in private storage; writes a "cior.nomination" audit entry; mails the nominator.
    """
    _require(by, "awards.nominate")
    if nation is not None and by is not None and not is_head_of_delegation_for(by, nation):
        raise PermissionDenied("awards.nominate")
    citation_en, citation_fr, grounds = (
        (citation_en or "").strip(),
        (citation_fr or "").strip(),
        (grounds or "").strip(),
    )
    missing = {
        name: _("This field is required.")
        for name, value in (
            ("citation_en", citation_en),
            ("citation_fr", citation_fr),
            ("grounds", grounds),
        )
        if not value
    }
    if missing:
        raise ValidationError(missing)
    if (nominee is None) == (new_person is None):
        raise ValidationError({"nominee": _("Choose the nominee, or describe a new person.")})
    year = (today or timezone.localdate()).year
    try:
        with transaction.atomic():
            if nominee is None:
                nominee = find_or_create_person(new_person, by=by)
            Person.objects.select_for_update().get(pk=nominee.pk)
            check_nominee(nominee, year)
            nomination = Nomination(
                nominee=nominee,
                year=year,
                citation_en=citation_en,
                citation_fr=citation_fr,
                grounds=grounds,
                nominated_by=by if getattr(by, "is_authenticated", False) else None,
                nominating_nation=nation,
            )
            nomination.full_clean(exclude=["nominee"])
            nomination.save()
            for upload in documents:
                SupportingDocument.objects.create(
                    nomination=nomination, file=upload, name=upload.name[:255], size=upload.size
                )
            audit.record(
                nomination,
                action=ACTION,
                by=by,
                changes=audit.changes({}, nomination, FIELDS),
                reason=_("Nominated"),
            )
            _mail_after_commit(nomination, "submitted")
    except IntegrityError as error:  # the database's own duplicate rule (a race lost)
        raise ValidationError(
            {
                "nominee": _("%(person)s has already been nominated in %(year)s.")
                % {"person": nominee, "year": year}
            }
        ) from error
    return nomination


# The Presidency's review ---------------------------------------------------------------------


def recommend(nomination: Nomination, *, by, note: str = "") -> Nomination:
    """Recommend a nomination in review to the Council. Presidency only; audit; mail."""
    _require(by, "awards.review_nomination", nomination)
    with transaction.atomic():
        stored = _locked(nomination, State.IN_REVIEW)
        before = audit.snapshot(stored, FIELDS)
        stored.state = State.RECOMMENDED
        stored.decided_at = timezone.now()
        _save(stored, before, by=by, reason=note or _("Recommended"))
        _mail_after_commit(stored, "recommended")
    return stored


def decline(nomination: Nomination, *, reason: str, by) -> Nomination:
    """Decline a nomination in review (or recommended, not yet before the Council), with the
    reason the nominator reads. Presidency only; audit; mail."""
    _require(by, "awards.review_nomination", nomination)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for declining.")})
    with transaction.atomic():
        stored = _locked(nomination, State.IN_REVIEW, State.RECOMMENDED)
        before = audit.snapshot(stored, FIELDS)
        stored.state = State.DECLINED
        stored.decline_reason = reason
        stored.decided_at = timezone.now()
        _save(stored, before, by=by, reason=reason)
        _mail_after_commit(stored, "declined")
    return stored


def motion_texts(nomination: Nomination) -> dict[str, str]:
    """Return the motion's text in English and French: the nominee and the citation."""
    from django.utils import translation

    texts = {}
    for language in ("en", "fr"):
        with translation.override(language):
            person = nomination.nominee
            nation = person.nation.name if person.nation else ""
            texts[f"text_{language}"] = _(
                "The Council awards the CIOR Medal of Merit to %(rank)s %(name)s (%(nation)s). "
                "Citation: %(citation)s"
            ) % {
                "rank": person.rank,
                "name": person.full_name,
                "nation": nation,
                "citation": getattr(nomination, f"citation_{language}"),
            }
    return texts


def put_to_council(nomination: Nomination, *, meeting: CouncilMeeting, by) -> Motion:
    """Put a recommended nomination to `meeting`'s vote: a draft motion on the Medal of Merit
    with a qualified majority (governance.services.add_motion), which the Presidency opens and
    closes on the Council page. Refuses a meeting that is over. Presidency only; audit; mail."""
    _require(by, "awards.review_nomination", nomination)
    if meeting.ends_on < timezone.localdate() or meeting.status == CouncilMeeting.Status.CLOSED:
        raise ValidationError({"meeting": _("This Council meeting is over: choose a coming one.")})
    with transaction.atomic():
        stored = _locked(nomination, State.RECOMMENDED)
        before = audit.snapshot(stored, FIELDS)
        motion = council.add_motion(
            meeting,
            subject=Motion.Subject.MEDAL,
            majority=Motion.Majority.QUALIFIED,
            by=by,
            **motion_texts(stored),
        )
        stored.motion = motion
        stored.state = State.BEFORE_COUNCIL
        _save(stored, before, by=by, reason=str(meeting))
        _mail_after_commit(stored, "before_council")
    return motion


def record_outcome(nomination: Nomination, *, by) -> Nomination:
    """Move a nomination before the Council by its motion's frozen result: adopted → awarded
    (on the day the vote closed), rejected → refused, no quorum → recommended again, without
    its motion, to be put to another meeting. Called when the vote closes
    (awards.receivers); does nothing while the vote is open. Audit; mail."""
    _require(by, "awards.review_nomination", nomination)
    with transaction.atomic():
        stored = _locked(nomination, State.BEFORE_COUNCIL)
        motion = Motion.objects.select_related("meeting").get(pk=stored.motion_id)
        if motion.status != Motion.Status.CLOSED:
            return stored
        before = audit.snapshot(stored, FIELDS)
        if motion.result == Motion.Result.ADOPTED:
            stored.state = State.AWARDED
            stored.awarded_on = timezone.localdate(motion.closed_at)
            what = "awarded"
        elif motion.result == Motion.Result.REJECTED:
            stored.state = State.REFUSED
            what = "refused"
        else:
            stored.state = State.RECOMMENDED
            stored.motion = None
            what = "no_quorum"
        _save(stored, before, by=by, reason=str(motion))
        _mail_after_commit(stored, what)
    return stored


# After the award -------------------------------------------------------------------------------


def issue_diploma(nomination: Nomination, *, presented_at, by, on: datetime.date | None = None):
    """Record where the medal is presented (a Mid-Winter Meeting or a Summer Congress) and
    issue the diploma (issued again when the event changes). Presidency only; audit; mail."""
    _require(by, "awards.review_nomination", nomination)
    if presented_at is None or presented_at.kind not in Nomination.PRESENTATION_KINDS:
        raise ValidationError(
            {
                "presented_at": _(
                    "The medal is presented at a Mid-Winter Meeting or a Summer Congress."
                )
            }
        )
    with transaction.atomic():
        stored = _locked(nomination, State.AWARDED)
        before = audit.snapshot(stored, FIELDS)
        stored.presented_at = presented_at
        stored.diploma_issued_on = on or timezone.localdate()
        _save(stored, before, by=by, reason=_("Diploma issued"))
        _mail_after_commit(stored, "diploma")
    return stored


def record_consent(nomination: Nomination, *, consent: bool, by) -> Nomination:
    """Record whether the recipient consents to appear on the public roll (withdrawn at any
    time). Awarded nominations only; Presidency only; audit."""
    _require(by, "awards.review_nomination", nomination)
    with transaction.atomic():
        stored = _locked(nomination, State.AWARDED)
        before = audit.snapshot(stored, FIELDS)
        stored.publication_consent = bool(consent)
        stored.consent_recorded_at = timezone.now()
        _save(
            stored,
            before,
            by=by,
            reason=_("Consent to the public roll given")
            if consent
            else _("Consent to the public roll withdrawn"),
        )
    return stored


def record_past_award(
    nominee: Person,
    *,
    awarded_on: datetime.date,
    citation_en: str,
    citation_fr: str,
    by,
    consent: bool = False,
    presented_at=None,
) -> Nomination:
    """Enter a medal awarded before the platform kept nominations (the roll's archive): an
    awarded nomination without a motion, the consent as the Presidency holds it. Refuses a
    person who already holds the medal. Presidency only; audit; no mail."""
    _require(by, "awards.review_nomination")
    if not (citation_en or "").strip() or not (citation_fr or "").strip():
        raise ValidationError(_("Give the citation in English and in French."))
    with transaction.atomic():
        Person.objects.select_for_update().get(pk=nominee.pk)
        check_nominee(nominee, awarded_on.year)
        nomination = Nomination(
            nominee=nominee,
            year=awarded_on.year,
            citation_en=citation_en.strip(),
            citation_fr=citation_fr.strip(),
            grounds=_("Entered from the archive of the Medal of Merit."),
            state=State.AWARDED,
            submitted_at=timezone.now(),
            awarded_on=awarded_on,
            presented_at=presented_at,
            diploma_issued_on=awarded_on if presented_at else None,
            publication_consent=consent,
            consent_recorded_at=timezone.now() if consent else None,
        )
        nomination.full_clean(exclude=["nominee"])
        nomination.save()
        audit.record(
            nomination,
            action=ACTION,
            by=by,
            changes=audit.changes({}, nomination, FIELDS),
            reason=_("Entered from the archive"),
        )
    return nomination
