"""Registration writes: register, confirm, reject, cancel, substitute, promote.

Each runs in a transaction that locks the registration type's row (`select_for_update` on
PostgreSQL; SQLite transactions are IMMEDIATE, one writer at a time), counts the places held
under that lock, decides with `engine.py`, writes an audit entry and sends the notifications
once the transaction has committed.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, ProtectedError, Q, RestrictedError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from accounts import audit

from . import engine, notifications, tasks
from .models import (
    DiscountCode,
    DocumentJob,
    Event,
    ImportJob,
    Quota,
    Registration,
    RegistrationType,
)

State = Registration.State

DETAIL_FIELDS = [
    "arrival_date",
    "departure_date",
    "accommodation",
    "room_shared_with",
    "diet",
    "dietary_notes",
    "accessibility_needs",
    "passport_number",
    "nationality",
    "passport_expires_on",
    "date_of_birth",
    "place_of_birth",
]
AUDITED_FIELDS = ["state", "registration_type", "person", "fee", "discount_code", *DETAIL_FIELDS]
# Passport data is erased after the event (erase_passport_data): the audit trail records that
# it changed, never its values, or the erasure would leave copies in the history.
PASSPORT_FIELDS = [
    "passport_number",
    "nationality",
    "passport_expires_on",
    "date_of_birth",
    "place_of_birth",
]
HIDDEN = "***"


def _audit_changes(before, after, fields) -> dict:
    """Return audit.changes with the passport values hidden (set/blank only)."""
    changed = audit.changes(before, after, fields)
    for name in PASSPORT_FIELDS:
        if name in changed:
            changed[name] = [HIDDEN if value else value for value in changed[name]]
    return changed


def _save(registration, **kwargs):
    """Save `registration`, leaving Wagtail's reference index (which the admin's "usage" of a
    person, an event or a nation lists) out of the transaction: a new registration is indexed
    by the task queue once the transaction has committed; a saved one changes no reference (its
    state, details and attendance are not relations). Wagtail would index every save at once,
    5 queries inside the type's lock."""
    new = registration.pk is None
    with disable_reference_index_auto_update():
        registration.save(**kwargs)
    if new:
        pk = str(registration.pk)
        transaction.on_commit(
            lambda: update_reference_index_task.using(backend=tasks.BACKEND).enqueue(
                "events", "registration", pk
            )
        )


def _check_detail_names(details):
    unknown = set(details or {}) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not registration details: {sorted(unknown)}")


def may_change(user, event: Event, nation, *, now=None) -> bool:
    """Return whether `user` may register or change registrations of `nation` for `event` now:
    the presidency at any time; the nation's delegation while registration is open."""
    return user.has_perm("events.register_for_nation", nation) and is_open_for(user, event, now=now)


def is_open_for(user, event: Event, *, now=None) -> bool:
    """Return whether registration of `event` is open to `user` now (for the presidency it
    always is); may_change without the nation, for a caller that has checked it."""
    # Open first: a delegation's usual case answers without the model-permission queries.
    return event.registration_is_open(now) or user.has_perm("events.manage_registrations")


def _check_may_change(user, event, nation, *, now=None):
    if not user.has_perm("events.register_for_nation", nation):
        raise PermissionDenied
    if not is_open_for(user, event, now=now):
        raise ValidationError(_("Registration for this event is closed."))


def places(registration_type: RegistrationType, nation) -> engine.Places:
    """Return the nation's places for the type, counted now (lock the type first to rely on it)."""
    nation_id = getattr(nation, "pk", nation)
    quota = (
        Quota.objects.filter(registration_type_id=registration_type.pk, nation_id=nation_id)
        .order_by("pk")  # not the default ordering, which joins three tables
        .values_list("places", flat=True)
        .first()
    )
    # Per nation (a row each), which the ORM builds faster than two conditional counts.
    held = dict(
        Registration.objects.holding_a_place()
        .filter(registration_type_id=registration_type.pk)
        .order_by()
        .values_list("nation_id")
        .annotate(count=Count("pk"))
        .values_list("nation_id", "count")
    )
    return engine.Places(
        quota=quota,
        capacity=registration_type.capacity,
        held_by_nation=held.get(nation_id, 0),
        held_in_type=sum(held.values()),
    )


def _lock_type(registration_type, *, event=None) -> RegistrationType:
    """Lock the type's row and return it as stored, with its event (`event`, when the caller
    has it, saves reading it again)."""
    # The type's row only, not its event's: places are counted per type, and the event's other
    # types take registrations meanwhile.
    rows = RegistrationType.objects.select_for_update(of=("self",))
    if event is None:
        return rows.select_related("event").get(pk=registration_type.pk)
    locked = rows.get(pk=registration_type.pk)
    locked.event = event
    return locked


def _discount(event, nation_id, code: str):
    code = (code or "").strip()
    if not code:
        return None
    discount = DiscountCode.objects.filter(event=event, code__iexact=code).first()
    if discount is None or discount.nation_id != nation_id:
        raise ValidationError(
            {"discount_code": _("This discount code is not valid for this nation and event.")}
        )
    return discount


def _validate(registration):
    """Validate the fields (choices, lengths) and the stay dates. The relations were checked by
    the caller and the one-live-registration constraint is the database's (IntegrityError)."""
    relations = ["event", "registration_type", "person", "nation", "registered_by", "discount_code"]
    registration.full_clean(exclude=relations, validate_constraints=False)
    arrival, departure = registration.arrival_date, registration.departure_date
    if arrival and departure and departure < arrival:
        raise ValidationError({"departure_date": _("The departure cannot be before the arrival.")})


def _check_yro_rank(event, registration_type, person):
    """Refuse a participant above OF-2 for a YRO event or as a YRO participant, saying why."""
    if engine.above_yro_rank(event.kind, registration_type.kind, person.nato_code):
        raise ValidationError(
            _("%(person)s holds the rank %(code)s: YRO events take officers up to OF-2.")
            % {"person": person, "code": person.nato_code}
        )


def _admitted_state(event):
    return State.CONFIRMED if event.auto_confirm else State.SUBMITTED


def register(
    event: Event,
    *,
    person,
    registration_type: RegistrationType,
    by,
    discount_code: str = "",
    details: dict | None = None,
    notify: bool = True,
    now=None,
) -> Registration:
    """Register `person` for `event`; put the registration on the waiting list when the nation's
    quota or the type's capacity is full.

    Locks the registration type, writes an audit entry, and sends the registrant and the head of
    delegation a mail after commit. Raises PermissionDenied when `by` may not register for the
    person's nation, ValidationError for a closed registration, a person without a nation or
    already registered, a type of another event or a discount code of another nation.
    """
    _check_detail_names(details)
    if person.nation_id is None:
        raise ValidationError(_("This person has no nation: set it before registering."))
    if registration_type.event_id != event.pk:
        raise ValidationError(_("This registration type belongs to another event."))
    if not event.takes_registrations:
        raise ValidationError(_("This event does not take registrations."))
    _check_yro_rank(event, registration_type, person)
    # The rules read the person's nation_id: the nation itself is not fetched.
    _check_may_change(by, event, person, now=now)
    nation_id = person.nation_id
    try:
        with transaction.atomic():
            registration_type = _lock_type(registration_type, event=event)
            if Registration.objects.filter(
                event_id=event.pk, person_id=person.pk, state__in=Registration.ACTIVE
            ).exists():
                raise ValidationError(
                    _("%(person)s is already registered for this event.") % {"person": person}
                )
            discount = _discount(event, nation_id, discount_code)
            room = places(registration_type, nation_id).has_room
            # A place freed without a promotion (a quota or capacity raised in the admin) goes
            # to the waiting list first: a new registration never overtakes an earlier one.
            if room and _promote(registration_type, by=by):
                room = places(registration_type, nation_id).has_room
            registration = Registration(
                event=event,
                registration_type=registration_type,
                person=person,
                nation_id=nation_id,
                state=_admitted_state(event) if room else State.WAITING,
                registered_by=by if getattr(by, "is_authenticated", False) else None,
                fee=engine.discounted_fee(
                    registration_type.fee, discount.percent if discount else None
                ),
                discount_code=discount,
                submitted_at=now or timezone.now(),
                **(details or {}),
            )
            _validate(registration)
            _save(registration)
            audit.record(
                registration,
                action="cior.registration",
                by=by,
                changes=_audit_changes({}, registration, AUDITED_FIELDS),
            )
    except IntegrityError as error:
        # Two simultaneous registrations of the same person: the constraint refused the second.
        raise ValidationError(
            _("%(person)s is already registered for this event.") % {"person": person}
        ) from error
    if notify:
        transaction.on_commit(lambda: notifications.send(registration, registration.state))
    return registration


def _set_state(registration, state, *, by, reason="", notify=True):
    before = audit.snapshot(registration, ["state"])
    registration.state = state
    registration.state_reason = reason
    registration.decided_at = timezone.now()
    _save(registration, update_fields=["state", "state_reason", "decided_at"])
    audit.record(
        registration,
        action="cior.registration",
        by=by,
        changes=audit.changes(before, registration, ["state"]),
        reason=reason,
    )
    if notify:
        transaction.on_commit(lambda: notifications.send(registration, state))


def _locked(registration) -> Registration:
    _lock_type(registration.registration_type)
    return (
        Registration.objects.select_for_update()
        .select_related("event", "person", "nation", "registration_type")
        .get(pk=registration.pk)
    )


@transaction.atomic
def confirm(registration: Registration, *, by) -> Registration:
    """Confirm a submitted registration (presidency only). Audited; mails the registrant."""
    if not by.has_perm("events.manage_registrations"):
        raise PermissionDenied
    registration = _locked(registration)
    if registration.state != State.SUBMITTED:
        raise ValidationError(
            _("Only a submitted registration can be confirmed; this one is %(state)s.")
            % {"state": registration.get_state_display()}
        )
    _set_state(registration, State.CONFIRMED, by=by)
    return registration


@transaction.atomic
def reject(registration: Registration, *, by, reason: str) -> Registration:
    """Reject a submitted or waiting registration (presidency only), giving a reason; promote
    from the waiting list into the freed place. Audited; mails the registrant."""
    if not by.has_perm("events.manage_registrations"):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the rejection.")})
    registration = _locked(registration)
    if registration.state not in (State.SUBMITTED, State.WAITING):
        raise ValidationError(
            _("Only a submitted or waiting registration can be rejected; this one is %(state)s.")
            % {"state": registration.get_state_display()}
        )
    freed = registration.holds_a_place
    _set_state(registration, State.REJECTED, by=by, reason=reason.strip())
    if freed:
        _promote(registration.registration_type, by=by, prefer_nation=registration.nation)
    return registration


@transaction.atomic
def cancel(registration: Registration, *, by, reason: str = "", now=None) -> Registration:
    """Cancel a registration; the first waiting registration of the same nation and type takes
    the freed place. Audited; mails the registrant, the head of delegation and the promoted."""
    registration = _locked(registration)
    _check_may_change(by, registration.event, registration.nation, now=now)
    if registration.state not in Registration.ACTIVE:
        raise ValidationError(_("This registration is already cancelled or rejected."))
    freed = registration.holds_a_place
    _set_state(registration, State.CANCELLED, by=by, reason=reason.strip())
    if freed:
        _promote(registration.registration_type, by=by, prefer_nation=registration.nation)
    return registration


def promote_waiting(registration_type: RegistrationType, *, by=None, prefer_nation=None):
    """Promote waiting registrations of the type into the free places (engine.to_promote).

    Locks the type (call it after changing a quota or a capacity). Returns the promoted
    registrations.
    """
    with transaction.atomic():
        return _promote(_lock_type(registration_type), by=by, prefer_nation=prefer_nation)


def _promote(registration_type, *, by=None, prefer_nation=None):
    """promote_waiting for a type the caller has locked (in its transaction)."""
    waiting = list(
        Registration.objects.waiting()
        .filter(registration_type=registration_type)
        .values_list("pk", "nation_id")
    )
    if not waiting:
        return []
    nations = {nation for _pk, nation in waiting}
    quotas = dict(
        Quota.objects.filter(registration_type=registration_type, nation__in=nations).values_list(
            "nation_id", "places"
        )
    )
    held = dict(
        Registration.objects.holding_a_place()
        .filter(registration_type=registration_type)
        .values_list("nation_id")
        .annotate(n=Count("pk"))
        .values_list("nation_id", "n")
    )
    ids = engine.to_promote(
        [engine.Waiting(pk, nation) for pk, nation in waiting],
        quotas=quotas,
        held=held,
        capacity=registration_type.capacity,
        prefer_nation=getattr(prefer_nation, "pk", prefer_nation),
    )
    promoted = list(
        Registration.objects.filter(pk__in=ids).select_related("event", "person", "nation")
    )
    promoted.sort(key=lambda r: ids.index(r.pk))
    for registration in promoted:
        _set_state(
            registration,
            _admitted_state(registration_type.event),
            by=by,
            reason=_("Promoted from the waiting list"),
            notify=False,
        )
        transaction.on_commit(
            lambda registration=registration: notifications.send(registration, "promoted")
        )
    return promoted


def substitute(registration: Registration, *, person, by, now=None) -> Registration:
    """Give the registration's place to `person` (same nation) before registration closes.

    The old registration is cancelled ("Substituted by ..."), the new one takes its state and its
    place in the waiting order; passport data is not carried over. Audited; mails both people.
    Raises PermissionDenied when `by` may not change the nation's registrations, ValidationError
    after closing (but for the presidency), for a person of another nation (the presidency may),
    or for a person already registered.
    """
    try:
        with transaction.atomic():
            return _substitute(registration, person=person, by=by, now=now)
    except IntegrityError as error:
        # The substitute was registered by someone else at the same moment.
        raise ValidationError(
            _("%(person)s is already registered for this event.") % {"person": person}
        ) from error


def _substitute(registration, *, person, by, now):
    registration = _locked(registration)
    _check_may_change(by, registration.event, registration.nation, now=now)
    if registration.state not in Registration.ACTIVE:
        raise ValidationError(_("Only a live registration can be substituted."))
    _check_yro_rank(registration.event, registration.registration_type, person)
    if person.nation_id != registration.nation_id and not by.has_perm(
        "events.manage_registrations"
    ):
        raise ValidationError(_("The substitute must belong to the same nation."))
    if (
        person.pk == registration.person_id
        or Registration.objects.filter(
            event=registration.event, person=person, state__in=Registration.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            _("%(person)s is already registered for this event.") % {"person": person}
        )
    previous_state = registration.state
    kept = {
        name: getattr(registration, name)
        for name in ["arrival_date", "departure_date", "accommodation", "diet"]
    }
    _set_state(
        registration,
        State.CANCELLED,
        by=by,
        reason=_("Substituted by %(person)s") % {"person": person},
    )
    new = Registration(
        event=registration.event,
        registration_type=registration.registration_type,
        person=person,
        nation_id=registration.nation_id,
        state=previous_state,
        submitted_at=registration.submitted_at,
        registered_by=by if getattr(by, "is_authenticated", False) else None,
        fee=registration.fee,
        discount_code=registration.discount_code,
        **kept,
    )
    _save(new)
    audit.record(
        new,
        action="cior.registration",
        by=by,
        changes={
            "state": [None, previous_state],
            "person": [str(registration.person), str(person)],
        },
        reason=_("Substitution"),
    )
    transaction.on_commit(lambda: notifications.send(new, new.state))
    return new


@transaction.atomic
def update_details(registration: Registration, *, by, now=None, **details) -> Registration:
    """Change the stay, diet, accessibility and passport details of a registration. Audited."""
    registration = _locked(registration)
    _check_may_change(by, registration.event, registration.nation, now=now)
    if registration.state not in Registration.ACTIVE:
        raise ValidationError(
            _("This registration is cancelled or rejected: it no longer changes.")
        )
    _check_detail_names(details)
    before = audit.snapshot(registration, DETAIL_FIELDS)
    for name, value in details.items():
        setattr(registration, name, value)
    _validate(registration)
    _save(registration)
    changed = _audit_changes(before, registration, DETAIL_FIELDS)
    if changed:
        audit.record(registration, action="cior.registration", by=by, changes=changed)
    return registration


@transaction.atomic
def set_attendance(registration: Registration, *, attended: bool, by) -> Registration:
    """Record whether the registrant attended (presidency only): a no-show gets no certificate.

    Audited.
    """
    if not by.has_perm("events.manage_registrations"):
        raise PermissionDenied
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.attended != attended:
        before = audit.snapshot(registration, ["attended"])
        registration.attended = attended
        _save(registration, update_fields=["attended"])
        audit.record(
            registration,
            action="cior.registration",
            by=by,
            changes=audit.changes(before, registration, ["attended"]),
        )
    return registration


# --- Events and quotas (the presidency's, in the admin) ------------------------------------


def event_fields() -> list[str]:
    """Return the event fields an admin write records in the audit entry."""
    return [f.name for f in Event._meta.concrete_fields if f.editable and not f.primary_key]


def _require_event_permission(by, permission):
    if by is not None and not by.has_perm(permission):
        raise PermissionDenied(permission)


def _raised(old, new) -> bool:
    """Return whether a limit went up (None is no limit)."""
    if new is None:
        return old is not None
    return old is not None and new > old


def create_event(event: Event, *, by) -> Event:
    """Save a new event that a validated admin form filled in (its registration types,
    discount codes and programme too).

    Checks `by`'s permission; in one transaction, saves and writes a "wagtail.create" audit
    entry with every value set.
    """
    _require_event_permission(by, "events.add_event")
    with transaction.atomic():
        event.save()
        audit.record(
            event,
            action="wagtail.create",
            by=by,
            changes=audit.changes({}, event, event_fields()),
        )
    return event


def save_event(event: Event, *, by) -> list[Registration]:
    """Save an edited event (values and inline rows set by a validated admin form).

    Checks `by`'s permission; in one transaction, locks the stored row, saves, writes a
    "wagtail.edit" audit entry with the old and new values, records a permanent redirect from
    each public address the event lost (a changed slug or French slug), then promotes the
    waiting registrations of each registration type whose capacity went up or was removed.
    Returns the registrations promoted.
    """
    _require_event_permission(by, "events.change_event")
    with transaction.atomic():
        stored = Event.objects.select_for_update().get(pk=event.pk)
        capacities = dict(
            RegistrationType.objects.filter(event=stored).values_list("pk", "capacity")
        )
        event.save()
        changed = audit.changes(stored, event, event_fields())
        audit.record(event, action="wagtail.edit", by=by, changes=changed)
        _redirect_old_addresses(stored, event)
        promoted = []
        for registration_type in RegistrationType.objects.filter(event=event):
            if registration_type.pk in capacities and _raised(
                capacities[registration_type.pk], registration_type.capacity
            ):
                promoted += promote_waiting(registration_type, by=by)
    return promoted


def _redirect_old_addresses(before: Event, after: Event) -> None:
    """Point each public address `before` had and `after` lost to the new one (Wagtail's
    redirects, which answer where the calendar finds no event)."""
    from wagtail.contrib.redirects.models import Redirect

    from .queries import event_indexes

    for index in event_indexes():
        language = index.locale.language_code
        old, new = before.slug_for(language), after.slug_for(language)
        parts = index.get_url_parts()
        if old == new or parts is None:
            continue
        site_id, _root, path = parts
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(f"{path}{old}/"),
            site_id=site_id,
            defaults={
                "redirect_page": index,
                "redirect_page_route_path": Redirect.normalise_page_route_path(f"{new}/"),
                "redirect_link": "",
                "is_permanent": True,
            },
        )


def has_registrations(events) -> bool:
    """Whether the events or their sub-events have registrations (which are kept, not deleted)."""
    return Registration.objects.filter(Q(event__in=events) | Q(event__parent__in=events)).exists()


def delete_event(event: Event, *, by) -> None:
    """Delete an event without registrations, recording the values it had.

    Refuses (ValidationError) an event that has registrations (cancel it instead) or that a
    protected row still uses (a MILCOMP competition...); then nothing is deleted and no audit
    entry is written. Otherwise, in one transaction: locks the row, writes the "wagtail.delete"
    entry and deletes it.
    """
    _require_event_permission(by, "events.delete_event")
    if has_registrations([event]):
        raise ValidationError(
            _("This event has registrations: it cannot be deleted. Cancel it instead.")
        )
    try:
        with transaction.atomic():
            stored = Event.objects.select_for_update().get(pk=event.pk)
            audit.record(
                stored,
                action="wagtail.delete",
                by=by,
                changes=audit.changes(stored, {}, event_fields()),
            )
            stored.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(_("This event is still in use: it cannot be deleted.")) from error


def save_quotas(event: Event, places, *, by) -> list[Registration]:
    """Set quotas of `event`: `places` maps (nation, registration type) to a number of places
    (None: no limit for the nation).

    Checks `by`'s permission; in one transaction, locks the event's registration types (as a
    registration does), creates, changes or deletes each quota that differs, with an audit entry
    of its old and new places, then promotes the waiting registrations of each type whose quota
    went up or was removed. Returns the registrations promoted.
    """
    _require_event_permission(by, "events.change_quota")
    promoted = []
    with transaction.atomic():
        types = {
            registration_type.pk: registration_type
            for registration_type in RegistrationType.objects.select_for_update().filter(
                event=event
            )
        }
        raised = {}
        for (nation, registration_type), new in places.items():
            if registration_type.pk not in types:
                raise ValidationError(_("This registration type belongs to another event."))
            quota = Quota.objects.filter(registration_type=registration_type, nation=nation).first()
            old = quota.places if quota is not None else None
            if old == new:
                continue
            if new is None:
                audit.record(quota, action="wagtail.delete", by=by, changes={"places": [old, None]})
                quota.delete()
            elif quota is None:
                quota = Quota.objects.create(
                    registration_type=registration_type, nation=nation, places=new
                )
                audit.record(quota, action="wagtail.create", by=by, changes={"places": [None, new]})
            else:
                quota.places = new
                quota.save(update_fields=["places"])
                audit.record(quota, action="wagtail.edit", by=by, changes={"places": [old, new]})
            if _raised(old, new):
                raised[registration_type.pk] = registration_type
        for registration_type in raised.values():
            promoted += promote_waiting(registration_type, by=by)
    return promoted


def _has_passport_data():
    from django.db.models import Q

    return (
        ~Q(passport_number="")
        | ~Q(nationality="")
        | ~Q(place_of_birth="")
        | Q(passport_expires_on__isnull=False)
        | Q(date_of_birth__isnull=False)
    )


def events_due_for_passport_erasure(today=None) -> list[tuple[Event, int]]:
    """Return (event, registrations with passport data) for the events whose retention is over:
    ends_on + passport_retention_days < today."""
    import datetime

    today = today or timezone.localdate()
    counts = dict(
        Registration.objects.filter(_has_passport_data(), event__ends_on__lt=today)
        .values_list("event_id")
        .annotate(n=Count("pk"))
        .values_list("event_id", "n")
    )
    events = Event.objects.filter(pk__in=counts).order_by("ends_on", "pk")
    return [
        (event, counts[event.pk])
        for event in events
        if event.ends_on + datetime.timedelta(days=event.passport_retention_days) < today
    ]


@transaction.atomic
def erase_passport_data(*, today=None, dry_run=False) -> list[tuple[Event, int]]:
    """Blank the passport data of every registration of the events whose retention is over
    (domain.md §7), note the time on the event and write an audit entry per event (counts
    only). Returns what was (or, with dry_run, would be) erased. Idempotent."""
    due = events_due_for_passport_erasure(today)
    if dry_run:
        return due
    erased_at = timezone.now()
    for event, count in due:
        Registration.objects.filter(event=event).filter(_has_passport_data()).update(
            passport_number="",
            nationality="",
            passport_expires_on=None,
            date_of_birth=None,
            place_of_birth="",
        )
        event.passport_data_erased_at = erased_at
        event.save(update_fields=["passport_data_erased_at"])
        audit.record(
            event,
            action="cior.passport_erasure",
            by=None,
            changes={"registrations_with_passport_data": [count, 0]},
        )
    return due


# Batch documents -----------------------------------------------------------------------------


def request_documents(event, *, kind: str, nation=None, by) -> DocumentJob:
    """Queue the making of every `kind` document (badges, certificates) of the event, or of
    `nation` at it; return the job, which the requester's page follows.

    Raises documents.DocumentRefused (in the active language) when there is nothing to make.
    Side effects: a DocumentJob row; the task (events.tasks.make_documents) is queued once the
    transaction has committed, with the active language for its messages.
    """
    from . import documents, tasks

    total = documents.check_batch(kind, event, nation)
    job = DocumentJob.objects.create(
        kind=kind, event=event, nation=nation, requested_by=by, total=total
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    transaction.on_commit(lambda: tasks.make_documents.enqueue(job.pk, language))
    return job


# Large imports -------------------------------------------------------------------------------

LARGE_IMPORT_ROWS = 100  # more rows than this: checked and saved by the task worker


def queue_import(event, nation, upload, *, rows: int, by) -> ImportJob:
    """Keep the uploaded list (private storage) and queue its import (events.imports, by the
    task events.tasks.run_import) once the transaction has committed; return the job.

    The task checks and saves it exactly as an import in the request does, in the active
    language, then keeps the report and drops the file.
    """
    from . import tasks

    job = ImportJob(event=event, nation=nation, requested_by=by, rows=rows)
    job.file.save(upload.name, upload, save=False)
    job.save()
    language = translation.get_language() or settings.LANGUAGE_CODE
    transaction.on_commit(lambda: tasks.run_import.enqueue(job.pk, language))
    return job
