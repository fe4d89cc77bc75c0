"""Writes to committee memberships and to the Council's meetings, proxies, motions and votes.

Each runs in a transaction, locks the row it counts or changes, checks the permission of `by`
(the acting user; None is the system itself: the demo loader, an import) and writes an audit
entry (accounts.audit) with the old and new values.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit
from accounts.rules import is_head_of_delegation_for
from nations.models import Nation

from . import engine
from .models import (
    Attendance,
    Committee,
    CommitteeMembership,
    CouncilMeeting,
    Motion,
    NationStandingRecord,
    Proxy,
    Vote,
)
from .rules import holds_its_proxy
from .signals import motion_closed

MEMBERSHIP_FIELDS = ["committee", "person", "role", "nation", "starts_on", "ends_on"]
ATTENDANCE_FIELDS = ["present_in_person", "represented_by"]
PROXY_FIELDS = ["from_nation", "to_nation", "notes"]
VOTE_FIELDS = ["choice", "proxy_holder", "recorded_by_sg"]
OUTCOME_FIELDS = [
    "status",
    "votes_for",
    "votes_against",
    "abstentions",
    "eligible_count",
    "present_count",
    "quorum_reached",
    "result",
]


def _require(by, permission, obj=None):
    if by is not None and not by.has_perm(permission, obj):
        raise PermissionDenied(permission)


def _not_ended(on):
    return Q(ends_on__isnull=True) | Q(ends_on__gte=on)


# Committees.


def check_nation_quota(committee, nation, *, exclude=None, on=None):
    """Raise ValidationError when `nation` already has its five members on `committee`."""
    on = on or timezone.localdate()
    members = CommitteeMembership.objects.filter(
        _not_ended(on), committee=committee, nation=nation, role=CommitteeMembership.Role.MEMBER
    )
    if exclude is not None:
        members = members.exclude(pk=exclude.pk)
    if members.count() >= CommitteeMembership.MAX_MEMBERS_PER_NATION:
        raise ValidationError(
            _("%(nation)s already has %(count)d members on %(committee)s, the most allowed.")
            % {
                "nation": nation.name,
                "count": CommitteeMembership.MAX_MEMBERS_PER_NATION,
                "committee": committee.acronym,
            }
        )


def nominate_member(
    committee: Committee, person, *, by, starts_on: datetime.date | None = None
) -> CommitteeMembership:
    """Make `person` a member of `committee` for their nation, within its five seats.

    Locks the committee row (so two nominations cannot both take the fifth seat), checks that
    `by` heads the person's delegation or is the presidency, creates the membership and writes
    a "cior.membership" audit entry.
    """
    if person.nation_id is None:
        raise ValidationError(_("Only a person of a member nation can serve on a committee."))
    _require(by, "governance.nominate_committee_member", person.nation)
    with transaction.atomic():
        Committee.objects.select_for_update().get(pk=committee.pk)
        check_nation_quota(committee, person.nation)
        if CommitteeMembership.objects.filter(
            _not_ended(timezone.localdate()), committee=committee, person=person
        ).exists():
            raise ValidationError(_("This person already serves on this committee."))
        membership = CommitteeMembership.objects.create(
            committee=committee,
            person=person,
            nation=person.nation,
            role=CommitteeMembership.Role.MEMBER,
            starts_on=starts_on or timezone.localdate(),
            nominated_by=by,
        )
        audit.record(
            membership,
            action="cior.membership",
            by=by,
            changes=audit.changes({}, membership, MEMBERSHIP_FIELDS),
            reason=_("Nominated"),
        )
    return membership


def appoint_officer(
    committee: Committee, person, *, role: str, by, starts_on: datetime.date | None = None
) -> CommitteeMembership:
    """Appoint `person` chair or secretary of `committee`, ending the current holder's post.

    Presidency only. Locks the committee row; the previous holder's post ends the day before;
    writes a "cior.membership" audit entry for each row changed.
    """
    if role not in (CommitteeMembership.Role.CHAIR, CommitteeMembership.Role.SECRETARY):
        raise ValidationError(_("Only a chair or a secretary is appointed."))
    if person.nation_id is None:
        raise ValidationError(_("Only a person of a member nation can serve on a committee."))
    _require(by, "governance.appoint_committee_officer", committee)
    starts_on = starts_on or timezone.localdate()
    with transaction.atomic():
        Committee.objects.select_for_update().get(pk=committee.pk)
        for current in CommitteeMembership.objects.filter(
            committee=committee, role=role, ends_on__isnull=True
        ):
            before = audit.snapshot(current, MEMBERSHIP_FIELDS)
            current.ends_on = max(
                starts_on - datetime.timedelta(days=1), current.starts_on or starts_on
            )
            current.save(update_fields=["ends_on"])
            audit.record(
                current,
                action="cior.membership",
                by=by,
                changes=audit.changes(before, current, MEMBERSHIP_FIELDS),
                reason=_("Succeeded"),
            )
        membership = CommitteeMembership.objects.create(
            committee=committee,
            person=person,
            nation=person.nation,
            role=role,
            starts_on=starts_on,
            nominated_by=by,
        )
        audit.record(
            membership,
            action="cior.membership",
            by=by,
            changes=audit.changes({}, membership, MEMBERSHIP_FIELDS),
            reason=_("Appointed"),
        )
    return membership


def end_membership(membership: CommitteeMembership, *, by, on: datetime.date | None = None):
    """End `membership` on `on` (today); writes a "cior.membership" audit entry."""
    _require(by, "governance.change_committeemembership", membership)
    with transaction.atomic():
        stored = CommitteeMembership.objects.select_for_update().get(pk=membership.pk)
        before = audit.snapshot(stored, MEMBERSHIP_FIELDS)
        stored.ends_on = on or timezone.localdate()
        stored.full_clean()
        stored.save(update_fields=["ends_on"])
        audit.record(
            stored,
            action="cior.membership",
            by=by,
            changes=audit.changes(before, stored, MEMBERSHIP_FIELDS),
            reason=_("Ended"),
        )
    return stored


# Council.


def record_attendance(
    meeting: CouncilMeeting, *, nation, present_in_person: bool, by, represented_by=None
) -> Attendance:
    """Record whether `nation` attends `meeting` in person, and who represents it.

    Presidency only; writes a "wagtail.create" or "wagtail.edit" audit entry.
    """
    _require(by, "governance.manage_meeting", meeting)
    with transaction.atomic():
        attendance = (
            Attendance.objects.select_for_update().filter(meeting=meeting, nation=nation).first()
        )
        created = attendance is None
        if created:
            attendance = Attendance(meeting=meeting, nation=nation)
        before = {} if created else audit.snapshot(attendance, ATTENDANCE_FIELDS)
        attendance.present_in_person = present_in_person
        attendance.represented_by = represented_by
        attendance.save()
        changed = audit.changes(before, attendance, ATTENDANCE_FIELDS)
        if changed or created:
            audit.record(
                attendance,
                action="wagtail.create" if created else "wagtail.edit",
                by=by,
                changes=changed,
            )
    return attendance


def give_proxy(
    meeting: CouncilMeeting, *, from_nation, to_nation, by, notes: str = "", document=None
) -> Proxy:
    """Record `from_nation`'s written proxy to `to_nation`'s head of delegation at `meeting`.

    Presidency only (the SG receives the written proxy). Refuses a proxy to oneself, a second
    proxy given or held; locks the meeting row; writes a "wagtail.create" audit entry.
    """
    _require(by, "governance.manage_meeting", meeting)
    if from_nation.pk == to_nation.pk:
        raise ValidationError(_("A nation cannot give its proxy to itself."))
    with transaction.atomic():
        CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
        proxies = Proxy.objects.filter(meeting=meeting)
        if proxies.filter(from_nation=from_nation).exists():
            raise ValidationError(
                _("%(nation)s has already given its proxy for this meeting.")
                % {"nation": from_nation.name}
            )
        if proxies.filter(to_nation=to_nation).exists():
            raise ValidationError(
                _("%(nation)s already holds a proxy for this meeting; a nation holds one at most.")
                % {"nation": to_nation.name}
            )
        proxy = Proxy.objects.create(
            meeting=meeting,
            from_nation=from_nation,
            to_nation=to_nation,
            notes=notes,
            document=document,
        )
        audit.record(
            proxy, action="wagtail.create", by=by, changes=audit.changes({}, proxy, PROXY_FIELDS)
        )
    return proxy


def _set_motion_status(motion, *, by, expected, status, reason):
    _require(by, "governance.manage_meeting", motion.meeting)
    with transaction.atomic():
        stored = Motion.objects.select_for_update().get(pk=motion.pk)
        if stored.status != expected:
            raise ValidationError(
                _("The motion is %(status)s.") % {"status": stored.get_status_display()}
            )
        before = audit.snapshot(stored, ["status"])
        stored.status = status
        stored.save(update_fields=["status"])
        audit.record(
            stored,
            action="cior.motion",
            by=by,
            changes=audit.changes(before, stored, ["status"]),
            reason=reason,
        )
    return stored


def add_motion(
    meeting: CouncilMeeting,
    *,
    text_en: str,
    text_fr: str,
    subject: str,
    by,
    majority: str = "",
    open_to_associates: bool = False,
) -> Motion:
    """Add a draft motion to `meeting`, numbered after its last one.

    Presidency only. Locks the meeting row (two motions added at once get distinct numbers);
    writes a "wagtail.create" audit entry with the values.
    """
    _require(by, "governance.add_motion", meeting)
    with transaction.atomic():
        CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
        last = Motion.objects.filter(meeting=meeting).order_by("-number").first()
        motion = Motion(
            meeting=meeting,
            number=(last.number if last else 0) + 1,
            text_en=text_en,
            text_fr=text_fr,
            subject=subject,
            majority=majority,
            open_to_associates=open_to_associates,
        )
        motion.full_clean()
        motion.save()
        audit.record(
            motion,
            action="wagtail.create",
            by=by,
            changes=audit.changes(
                {}, motion, ["meeting", "number", "text_en", "text_fr", "subject", "majority"]
            ),
        )
    return motion


def open_voting(motion: Motion, *, by) -> Motion:
    """Open the vote on a draft motion. Presidency only; writes a "cior.motion" audit entry."""
    motion = _set_motion_status(
        motion,
        by=by,
        expected=Motion.Status.DRAFT,
        status=Motion.Status.VOTING,
        reason=_("Voting opened"),
    )
    CouncilMeeting.objects.filter(
        pk=motion.meeting_id, status=CouncilMeeting.Status.PLANNED
    ).update(status=CouncilMeeting.Status.OPEN)
    return motion


def _casting_capacity(motion, nation, by):
    """Return (proxy_holder, recorded_by_sg) for `by` casting `nation`'s vote, or refuse."""
    proxy = (
        Proxy.objects.filter(meeting_id=motion.meeting_id, from_nation=nation)
        .select_related("to_nation")
        .first()
    )
    holder = proxy.to_nation if proxy else None
    if by is None:
        return holder, True
    probe = Vote(motion=motion, nation=nation)
    if is_head_of_delegation_for(by, nation):
        return None, False
    if holds_its_proxy(by, probe):
        return holder, False
    if by.has_perm("governance.record_vote", probe):
        return holder, True
    raise PermissionDenied("governance.cast_vote")


def cast_vote(motion: Motion, *, nation, choice: str, by) -> Vote:
    """Cast or change `nation`'s ballot on `motion` while voting is open.

    `by` is the nation's head of delegation, the head of the delegation holding its proxy, or
    the presidency (the SG records the vote: flagged `recorded_by_sg`). Locks the motion row;
    writes a "cior.vote" audit entry with the old and new choice.
    """
    if choice not in Vote.Choice.values:
        raise ValidationError(_("Choose for, against or abstain."))
    with transaction.atomic():
        locked = Motion.objects.select_for_update().select_related("meeting").get(pk=motion.pk)
        if locked.status != Motion.Status.VOTING:
            raise ValidationError(_("Voting on this motion is not open."))
        proxy_holder, recorded_by_sg = _casting_capacity(locked, nation, by)
        vote = Vote.objects.filter(motion=locked, nation=nation).first()
        created = vote is None
        before = {} if created else audit.snapshot(vote, VOTE_FIELDS)
        if created:
            vote = Vote(motion=locked, nation=nation)
        vote.choice = choice
        vote.proxy_holder = proxy_holder
        vote.recorded_by_sg = recorded_by_sg
        vote.cast_by = by
        vote.cast_at = timezone.now()
        vote.save()
        changed = audit.changes(before, vote, VOTE_FIELDS)
        if changed:
            audit.record(vote, action="cior.vote", by=by, changes=changed)
    return vote


def standings(meeting: CouncilMeeting, *, arrears: set[int]) -> dict[int, engine.NationStanding]:
    """Return each active nation's standing at `meeting`, by nation id (arrears given)."""
    present = set(
        Attendance.objects.filter(meeting=meeting, present_in_person=True).values_list(
            "nation_id", flat=True
        )
    )
    proxies = dict(
        Proxy.objects.filter(meeting=meeting).values_list("from_nation_id", "to_nation__code")
    )
    return {
        nation.pk: engine.NationStanding(
            code=nation.code,
            membership=nation.membership,
            in_arrears=nation.pk in arrears,
            present=nation.pk in present,
            proxy_to=proxies.get(nation.pk),
        )
        for nation in Nation.objects.active()
    }


def close_voting(motion: Motion, *, by) -> Motion:
    """Close the vote on `motion` and freeze its outcome.

    Presidency only. Locks the motion row; loads each nation's standing (attendance, proxies,
    arrears from nations.queries.nations_in_arrears as of the meeting's last day, or today
    when closed earlier: a payment made at the meeting restores the vote), computes the
    outcome with
    engine.vote_outcome, and stores the counts, quorum and result on the motion, each nation's
    eligibility (NationStandingRecord) and whether each ballot counted, so that a later payment
    of arrears does not rewrite the vote. Writes a "cior.motion" audit entry.
    """
    from nations.queries import nations_in_arrears

    _require(by, "governance.manage_meeting", motion.meeting)
    with transaction.atomic():
        locked = Motion.objects.select_for_update().select_related("meeting").get(pk=motion.pk)
        if locked.status != Motion.Status.VOTING:
            raise ValidationError(_("Voting on this motion is not open."))
        on = min(timezone.localdate(), locked.meeting.ends_on)
        by_id = standings(locked.meeting, arrears=set(nations_in_arrears(on=on)))
        votes = list(locked.votes.select_related("nation"))
        outcome = engine.vote_outcome(
            engine.MotionRules(
                majority=locked.required_majority, open_to_associates=locked.open_to_associates
            ),
            list(by_id.values()),
            [engine.Ballot(vote.nation.code, vote.choice) for vote in votes],
        )
        before = audit.snapshot(locked, OUTCOME_FIELDS)
        _freeze(locked, by_id, votes, outcome)
        audit.record(
            locked,
            action="cior.motion",
            by=by,
            changes=audit.changes(before, locked, OUTCOME_FIELDS),
            reason=_("Voting closed"),
        )
        motion_closed.send(sender=Motion, motion=locked, by=by)
    return locked


def _freeze(motion, by_id, votes, outcome):
    codes = {standing.code: nation_id for nation_id, standing in by_id.items()}
    NationStandingRecord.objects.filter(motion=motion).delete()
    NationStandingRecord.objects.bulk_create(
        NationStandingRecord(
            motion=motion,
            nation_id=nation_id,
            membership=standing.membership,
            in_arrears=standing.in_arrears,
            present=standing.present,
            proxy_to_id=codes.get(outcome.proxies_used.get(standing.code)),
            eligible=standing.code not in outcome.not_eligible,
            reason=outcome.not_eligible.get(standing.code, ""),
        )
        for nation_id, standing in by_id.items()
    )
    for vote in votes:
        reason = outcome.ignored.get(vote.nation.code, "")
        vote.counted = not reason
        vote.ignored_reason = reason
    Vote.objects.bulk_update(votes, ["counted", "ignored_reason"])
    motion.status = Motion.Status.CLOSED
    motion.votes_for = outcome.votes_for
    motion.votes_against = outcome.votes_against
    motion.abstentions = outcome.abstentions
    motion.eligible_count = outcome.eligible
    motion.quorum_base = outcome.quorum_base
    motion.present_count = outcome.present_or_represented
    motion.quorum_reached = outcome.quorum_reached
    motion.result = outcome.result.value
    motion.closed_at = timezone.now()
    motion.save()


def save_membership(membership: CommitteeMembership, *, by) -> CommitteeMembership:
    """Save an edited membership (its values set by a validated form).

    Locks the committee row and re-checks the nation's five seats; writes a
    "cior.membership" audit entry with the old and new values.
    """
    _require(by, "governance.change_committeemembership", membership)
    if membership.role != CommitteeMembership.Role.MEMBER:
        _require(by, "governance.appoint_committee_officer", membership.committee)
    with transaction.atomic():
        Committee.objects.select_for_update().get(pk=membership.committee_id)
        stored = CommitteeMembership.objects.get(pk=membership.pk)
        membership.nation = membership.person.nation
        still_serving = membership.ends_on is None or membership.ends_on >= timezone.localdate()
        if membership.role == CommitteeMembership.Role.MEMBER and still_serving:
            check_nation_quota(membership.committee, membership.nation, exclude=membership)
        membership.full_clean()
        membership.save()
        changed = audit.changes(stored, membership, MEMBERSHIP_FIELDS)
        if changed:
            audit.record(membership, action="cior.membership", by=by, changes=changed)
    return membership


def delete_membership(membership: CommitteeMembership, *, by):
    """Delete a membership recorded in error; writes a "wagtail.delete" audit entry first."""
    _require(by, "governance.delete_committeemembership", membership)
    with transaction.atomic():
        audit.record(
            membership,
            action="wagtail.delete",
            by=by,
            changes=audit.changes(membership, {}, MEMBERSHIP_FIELDS),
        )
        membership.delete()


def votable_nations(motion: Motion, *, by):
    """Return the nations whose vote `by` may cast on `motion` as a head of delegation.

    The own nations, and the nations whose written proxy an own nation holds at the meeting.
    """
    from .rules import head_of_delegation_nation_ids

    own = head_of_delegation_nation_ids(by)
    givers = Proxy.objects.filter(meeting_id=motion.meeting_id, to_nation_id__in=own).values_list(
        "from_nation_id", flat=True
    )
    return Nation.objects.filter(Q(pk__in=own) | Q(pk__in=list(givers))).order_by("code")


# Presidency and Council records edited in the admin (appointments, meetings and their agenda,
# attendance, proxies, motions): the admin form fills the record in, the service saves it. Their
# rules are the model's (the presidency's), asked without the record.


def audited_fields(model) -> list[str]:
    """Return the fields an admin write records in the audit entry (every editable one)."""
    return [f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key]


def _permission(action, record):
    return f"{record._meta.app_label}.{action}_{record._meta.model_name}"


def create_record(record, *, by, action: str = "wagtail.create"):
    """Save a new record that a validated admin form filled in (its inline rows too).

    Checks `by`'s add permission; in one transaction, saves and writes an audit entry (`action`)
    with every value set.
    """
    _require(by, _permission("add", record))
    with transaction.atomic():
        record.save()
        audit.record(
            record,
            action=action,
            by=by,
            changes=audit.changes({}, record, audited_fields(type(record))),
        )
    return record


def save_record(record, *, by, action: str = "wagtail.edit"):
    """Save an edited record (values set by a validated admin form, inline rows too).

    Checks `by`'s change permission; in one transaction, locks the stored row, saves, and writes
    an audit entry (`action`) with the old and new value of each field that changed. A motion
    is only edited as a draft: its text is what the nations vote on.
    """
    model = type(record)
    _require(by, _permission("change", record))
    with transaction.atomic():
        stored = model.objects.select_for_update().get(pk=record.pk)
        if isinstance(stored, Motion) and stored.status != Motion.Status.DRAFT:
            raise ValidationError(_("A motion put to the vote can no longer be edited."))
        record.save()
        changed = audit.changes(stored, record, audited_fields(model))
        if changed:
            audit.record(record, action=action, by=by, changes=changed)
    return record


def delete_record(record, *, by) -> None:
    """Delete a record, recording the values it had.

    Checks `by`'s delete permission; in one transaction, locks the row, writes the
    "wagtail.delete" entry and deletes. A delete refused by a protected row raises
    ValidationError and leaves the row and the audit trail as they were.
    """
    model = type(record)
    _require(by, _permission("delete", record))
    try:
        with transaction.atomic():
            stored = model.objects.select_for_update().get(pk=record.pk)
            audit.record(
                stored,
                action="wagtail.delete",
                by=by,
                changes=audit.changes(stored, {}, audited_fields(model)),
            )
            stored.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(
            _("%(record)s is still in use: it cannot be deleted.") % {"record": record}
        ) from error
