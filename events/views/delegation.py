"""The delegation pages: heads of delegation, national staff and the presidency register people
for events; a participant sees the own registrations.

Every page needs a login (the accounts middleware asks staff for their second factor). Scope
comes from the permission rules: a nation page answers 404 unless the user may register for
that nation (`events.register_for_nation`), a registration 404 unless it is in
`Registration.objects.visible_to(user)`. Changes are POST-only and go through events.services;
a refused change (closed registration, full rule) comes back as a message, nothing changed.
"""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from accounts import audit
from accounts import rules as access
from accounts import services as people
from accounts.models import Person
from core import idempotency
from nations.models import Nation

from .. import engine, queries, services
from ..forms import CancelForm, RegisterForm, RegistrationDetailsForm, RejectForm, SubstituteForm
from ..models import Event, Quota, Registration

State = Registration.State
# The order of the groups on a nation's page.
STATE_ORDER = [State.SUBMITTED, State.CONFIRMED, State.WAITING, State.CANCELLED, State.REJECTED]
TAKING_REGISTRATIONS = [Event.Status.REGISTRATION_OPEN, Event.Status.REGISTRATION_CLOSED]


# Lookups -------------------------------------------------------------------------------------


def _event(slug) -> Event:
    """Return the public event `slug` (404 for a draft or an unknown one)."""
    return get_object_or_404(Event.objects.public().select_related("host_nation"), slug=slug)


def _nation_for(user, code) -> Nation:
    """Return the nation `code` if `user` may register for it; 404 otherwise (no hint)."""
    try:
        nation = Nation.objects.get(code=code.upper())
    except Nation.DoesNotExist:
        raise Http404 from None
    if not user.has_perm("events.register_for_nation", nation):
        raise Http404
    return nation


def _registration_for(user, pk) -> Registration:
    """Return the registration `pk` if `user` may see it; 404 otherwise."""
    return get_object_or_404(
        Registration.objects.visible_to(user).select_related(
            "event", "nation", "person", "registration_type", "discount_code"
        ),
        pk=pk,
    )


def _changeable(user, registration) -> Registration:
    """Refuse (403) a user who sees the registration but may not change it (the registrant)."""
    if not user.has_perm("events.change_registration", registration):
        raise PermissionDenied
    return registration


def _next_url(request, default):
    """Return the page to go back to after a POST: `next` when it is ours, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _nation_url(registration):
    return reverse("delegation_event", args=[registration.event.slug, registration.nation.code])


def _people_to_register(event, nation):
    """Return the people of `nation` without a live registration for `event`."""
    live = Registration.objects.filter(event=event, state__in=Registration.ACTIVE)
    return (
        Person.objects.filter(nation=nation)
        .exclude(pk__in=live.values("person_id"))
        .order_by("last_name", "first_name", "pk")
    )


def _error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


def _add_errors(form, error: ValidationError):
    """Show a service's ValidationError on the form, by field where the form has the field."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def _create_person(fields, *, nation, by) -> Person:
    """Create a person of `nation` from the form's `new_*` fields (audited)."""
    return people.create_person(by=by, reason=_("Added when registering"), nation=nation, **fields)


# Home ----------------------------------------------------------------------------------------


@login_required
def home(request):
    """The user's starting point: the events taking registrations, with a link per own nation
    (or to the overview for the presidency), and the user's own registrations."""
    user = request.user
    is_presidency = access.is_presidency(user)
    nations = list(Nation.objects.filter(pk__in=access.nation_ids_for(user)).order_by("code"))
    events = []
    if is_presidency or nations:
        events = list(
            Event.objects.filter(status__in=TAKING_REGISTRATIONS)
            .upcoming()
            .select_related("host_nation", "parent")
        )
    own = []
    feed_url = None
    if user.person_id:
        own = list(
            Registration.objects.filter(person_id=user.person_id)
            .select_related("event", "registration_type", "nation")
            .order_by("-event__starts_on", "-pk")
        )
        if own:
            token = queries.feed_token_for(user.person).token
            feed_url = request.build_absolute_uri(reverse("events_personal_feed", args=[token]))
    today = timezone.localdate()
    for registration in own:
        registration.certificate_ready = (
            registration.state == State.CONFIRMED
            and registration.attended
            and registration.event.ends_on < today
        )
    return TemplateResponse(
        request,
        "events/delegation/home.html",
        {
            "events": events,
            "nations": nations,
            "is_presidency": is_presidency,
            "own_registrations": own,
            "feed_url": feed_url,
        },
    )


# The presidency's overview of an event -------------------------------------------------------


@login_required
def event_overview(request, event):
    """Every nation's use of the quotas and the queue of submitted registrations (presidency);
    a nation-scoped user goes to the own nation's page (or chooses among the own nations)."""
    event = _event(event)
    user = request.user
    if not access.is_presidency(user):
        nations = list(Nation.objects.filter(pk__in=access.nation_ids_for(user)).order_by("code"))
        if not nations:
            raise Http404
        if len(nations) == 1:
            return redirect("delegation_event", event.slug, nations[0].code)
        return TemplateResponse(
            request,
            "events/delegation/nation_choice.html",
            {"event": event, "nations": nations},
        )

    types = list(event.registration_types.all())
    quotas = defaultdict(dict)
    for type_id, nation_id, places in Quota.objects.filter(
        registration_type__event=event
    ).values_list("registration_type_id", "nation_id", "places"):
        quotas[nation_id][type_id] = places
    counts = defaultdict(lambda: {"held": 0, "waiting": 0})
    totals = defaultdict(lambda: {"held": 0, "waiting": 0})
    for row in (
        Registration.objects.filter(event=event, state__in=Registration.ACTIVE)
        .values("nation_id", "registration_type_id")
        .annotate(
            held=Count("pk", filter=Q(state__in=Registration.HOLDING)),
            waiting=Count("pk", filter=Q(state=State.WAITING)),
        )
    ):
        key = (row["nation_id"], row["registration_type_id"])
        for name in ("held", "waiting"):
            counts[key][name] = row[name]
            totals[row["registration_type_id"]][name] += row[name]
    nation_ids = set(quotas) | {nation_id for nation_id, _type in counts}
    rows = []
    for nation in Nation.objects.filter(pk__in=nation_ids).order_by("code"):
        cells = []
        for kind in types:
            count = counts[(nation.pk, kind.pk)]
            cells.append(
                {
                    "type": kind,
                    "held": count["held"],
                    "waiting": count["waiting"],
                    "quota": quotas[nation.pk].get(kind.pk),
                }
            )
        rows.append({"nation": nation, "cells": cells})
    capacity = [
        {
            "type": kind,
            "capacity": kind.capacity,
            "held": totals[kind.pk]["held"],
            "waiting": totals[kind.pk]["waiting"],
        }
        for kind in types
    ]
    queue = list(
        Registration.objects.filter(event=event, state=State.SUBMITTED)
        .select_related("person", "nation", "registration_type")
        .order_by("submitted_at", "pk")
    )
    return TemplateResponse(
        request,
        "events/delegation/event_overview.html",
        {
            "event": event,
            "types": types,
            "rows": rows,
            "capacity": capacity,
            "queue": queue,
            "reject_form": RejectForm(),
            "registration_is_open": event.registration_is_open(),
        },
    )


# A nation's page for an event ----------------------------------------------------------------


def _type_summaries(event, nation):
    """Return, per registration type of the event, the nation's use of its places as numbers
    and as one sentence ("Delegate: 2 of 2 places, 1 waiting; capacity 150, 120 taken")."""
    types = list(event.registration_types.all())
    quotas = dict(
        Quota.objects.filter(registration_type__event=event, nation=nation).values_list(
            "registration_type_id", "places"
        )
    )
    counts = {
        row["registration_type_id"]: row
        for row in Registration.objects.filter(event=event, state__in=Registration.ACTIVE)
        .values("registration_type_id")
        .annotate(
            held=Count("pk", filter=Q(state__in=Registration.HOLDING)),
            nation_held=Count("pk", filter=Q(state__in=Registration.HOLDING, nation=nation)),
            nation_waiting=Count("pk", filter=Q(state=State.WAITING, nation=nation)),
        )
    }
    summaries = []
    for kind in types:
        row = counts.get(kind.pk, {"held": 0, "nation_held": 0, "nation_waiting": 0})
        places = engine.Places(
            quota=quotas.get(kind.pk),
            capacity=kind.capacity,
            held_by_nation=row["nation_held"],
            held_in_type=row["held"],
        )
        if places.quota is None:
            text = ngettext(
                "%(held)s place taken (no quota)",
                "%(held)s places taken (no quota)",
                places.held_by_nation,
            ) % {"held": places.held_by_nation}
        else:
            text = ngettext(
                "%(held)s of %(quota)s place", "%(held)s of %(quota)s places", places.quota
            ) % {"held": places.held_by_nation, "quota": places.quota}
        if row["nation_waiting"]:
            text += ", " + _("%(count)s waiting") % {"count": row["nation_waiting"]}
        if places.capacity is not None:
            text += "; " + _("capacity %(capacity)s, %(taken)s taken") % {
                "capacity": places.capacity,
                "taken": places.held_in_type,
            }
        summaries.append(
            {
                "type": kind,
                "places": places,
                "waiting": row["nation_waiting"],
                "text": f"{kind.get_kind_display()}: {text}",
                "full": not places.has_room,
            }
        )
    return summaries


@login_required
def event_nation(request, event, nation):
    """A nation's registrations for an event, grouped by state, with the quota use and the
    actions the user may take now."""
    event = _event(event)
    nation = _nation_for(request.user, nation)
    registrations = list(
        Registration.objects.filter(event=event, nation=nation)
        .select_related("person", "registration_type", "discount_code")
        .order_by("submitted_at", "pk")
    )
    groups = {state: [] for state in STATE_ORDER}
    for registration in registrations:
        groups[registration.state].append(registration)
    for position, registration in enumerate(groups[State.WAITING], start=1):
        registration.waiting_position = position
    return TemplateResponse(
        request,
        "events/delegation/event_nation.html",
        {
            "event": event,
            "nation": nation,
            "summaries": _type_summaries(event, nation),
            "groups": [(state, State(state).label, groups[state]) for state in STATE_ORDER],
            "registration_count": len(registrations),
            "registration_is_open": event.registration_is_open(),
            "may_change": services.may_change(request.user, event, nation),
            "can_manage": request.user.has_perm("events.manage_registrations"),
            "reject_form": RejectForm(),
            "cancel_form": CancelForm(),
            "export_formats": ["xlsx", "csv"],
            "event_is_over": event.ends_on < timezone.localdate(),
        },
    )


# Register ------------------------------------------------------------------------------------


def _registered_message(registration):
    names = {
        "person": registration.person,
        "type": registration.registration_type.get_kind_display(),
    }
    if registration.state == State.WAITING:
        return messages.WARNING, _(
            "%(person)s: the quota is full, so the registration as %(type)s is on the waiting "
            "list. It moves up when a place frees."
        ) % names
    if registration.state == State.CONFIRMED:
        return messages.SUCCESS, _("%(person)s is registered as %(type)s: confirmed.") % names
    return messages.SUCCESS, _(
        "%(person)s is registered as %(type)s: submitted, to be confirmed by the presidency."
    ) % names


@login_required
def register(request, event, nation):
    """Register a person of the nation (chosen, or added to the registry here) for the event."""
    event = _event(event)
    nation = _nation_for(request.user, nation)
    nation_url = reverse("delegation_event", args=[event.slug, nation.code])
    if not event.takes_registrations:
        messages.error(request, _("This event does not take registrations."))
        return redirect(nation_url)
    # _nation_for has checked the nation: only the time window is left.
    if not services.is_open_for(request.user, event):
        messages.error(request, _("Registration for this event is closed."))
        return redirect(nation_url)
    form = RegisterForm(
        request.POST or None,
        event=event,
        nation=nation,
        people=_people_to_register(event, nation),
        registration_types=event.registration_types.all(),
    )
    key = request.POST.get("idempotency_key", "")[:64]
    valid = request.method == "POST" and form.is_valid()
    # A retry of a submission already carried out goes to its result: one whose form is no
    # longer valid (its person is no longer one to choose) here, a valid one when its claim
    # of the key fails below.
    if (
        request.method == "POST"
        and not valid
        and idempotency.previous_result(key, user=request.user)
    ):
        return idempotency.replay(request, key)
    if valid:
        try:
            with transaction.atomic():
                idempotency.claim(key, user=request.user, result_url=nation_url)
                person = form.cleaned_data["person"]
                new_person = form.new_person_fields()
                if new_person is not None:
                    person = _create_person(new_person, nation=nation, by=request.user)
                registration = services.register(
                    event,
                    person=person,
                    registration_type=form.cleaned_data["registration_type"],
                    by=request.user,
                    discount_code=form.cleaned_data["discount_code"],
                    details=form.details(),
                )
        except ValidationError as error:
            _add_errors(form, error)
        except IntegrityError:
            if not idempotency.previous_result(key, user=request.user):
                raise
            return idempotency.replay(request, key)  # the same POST, twice at once
        else:
            level, text = _registered_message(registration)
            messages.add_message(request, level, text)
            return redirect(nation_url)
    return TemplateResponse(
        request,
        "events/delegation/register.html",
        {
            "event": event,
            "nation": nation,
            "form": form,
            "summaries": _type_summaries(event, nation),
            "discount_codes": event.discount_codes.filter(nation=nation).exists(),
        },
    )


# One registration ----------------------------------------------------------------------------


def _history(registration):
    entries = list(
        ModelLogEntry.objects.for_instance(registration)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )
    for entry in entries:
        entry.description = audit.describe(entry)
    return entries


@login_required
def registration(request, pk):
    """A registration's details and history; its delegation (or the presidency) edits the
    details while registration is open, cancels, substitutes; the presidency decides."""
    user = request.user
    registration = _registration_for(user, pk)
    event, nation = registration.event, registration.nation
    can_change = user.has_perm("events.change_registration", registration)
    may_change = can_change and services.may_change(user, event, nation)
    live = registration.state in Registration.ACTIVE
    form = None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if not live:
            messages.error(request, _("This registration is already cancelled or rejected."))
            return redirect("registration_detail", registration.pk)
        if not may_change:
            messages.error(request, _("Registration for this event is closed."))
            return redirect("registration_detail", registration.pk)
    if may_change and live:
        initial = {name: getattr(registration, name) for name in services.DETAIL_FIELDS}
        form = RegistrationDetailsForm(request.POST or None, initial=initial, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_details(registration, by=user, **form.details())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The details are saved."))
            return redirect("registration_detail", registration.pk)
    today = timezone.localdate()
    confirmed = registration.state == State.CONFIRMED
    return TemplateResponse(
        request,
        "events/delegation/registration_detail.html",
        {
            "registration": registration,
            "event": event,
            "nation": nation,
            "form": form,
            "can_change": can_change,
            "may_change": may_change and live,
            "can_manage": user.has_perm("events.manage_registrations"),
            "substitute_form": (
                SubstituteForm(people=_people_to_register(event, nation), nation=nation)
                if may_change and live
                else None
            ),
            "cancel_form": CancelForm(),
            "reject_form": RejectForm(),
            "history": _history(registration) if can_change else [],
            "badge_ready": confirmed,
            "visa_letter_ready": confirmed and registration.has_passport_data,
            "certificate_ready": confirmed and registration.attended and event.ends_on < today,
        },
    )


@require_POST
@login_required
def cancel(request, pk):
    """Cancel a registration; the first waiting one of the nation and type takes the place."""
    registration = _changeable(request.user, _registration_for(request.user, pk))
    back = _next_url(request, _nation_url(registration))
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    waiting = set(
        Registration.objects.waiting()
        .filter(registration_type_id=registration.registration_type_id)
        .values_list("pk", flat=True)
    )
    try:
        services.cancel(registration, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(_error_messages(error)))
        return redirect(back)
    messages.success(
        request, _("The registration of %(person)s is cancelled.") % {"person": registration.person}
    )
    promoted = Registration.objects.filter(pk__in=waiting).exclude(state=State.WAITING)
    for other in promoted.select_related("person"):
        messages.info(
            request,
            _("%(person)s moves up from the waiting list and takes the place.")
            % {"person": other.person},
        )
    return redirect(back)


@require_POST
@login_required
def substitute(request, pk):
    """Give a registration's place to another person of the nation (chosen or added here)."""
    user = request.user
    registration = _changeable(user, _registration_for(user, pk))
    detail_url = reverse("registration_detail", args=[registration.pk])
    if not services.may_change(user, registration.event, registration.nation):
        messages.error(request, _("Registration for this event is closed."))
        return redirect(detail_url)
    form = SubstituteForm(
        request.POST,
        people=_people_to_register(registration.event, registration.nation),
        nation=registration.nation,
    )
    if not form.is_valid():
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
        return redirect(detail_url)
    try:
        with transaction.atomic():
            person = form.cleaned_data["person"]
            new_person = form.new_person_fields()
            if new_person is not None:
                person = _create_person(new_person, nation=registration.nation, by=user)
            new = services.substitute(registration, person=person, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(_error_messages(error)))
        return redirect(detail_url)
    messages.success(
        request,
        _("%(new)s takes the place of %(old)s.") % {"new": new.person, "old": registration.person},
    )
    return redirect("registration_detail", new.pk)


def _decision(request, pk):
    registration = _registration_for(request.user, pk)
    if not request.user.has_perm("events.manage_registrations"):
        raise PermissionDenied
    return registration, _next_url(request, _nation_url(registration))


@require_POST
@login_required
def confirm(request, pk):
    """Confirm a submitted registration (presidency)."""
    registration, back = _decision(request, pk)
    try:
        services.confirm(registration, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(_error_messages(error)))
    else:
        messages.success(
            request,
            _("The registration of %(person)s is confirmed.") % {"person": registration.person},
        )
    return redirect(back)


@require_POST
@login_required
def reject(request, pk):
    """Reject a submitted or waiting registration with a reason (presidency)."""
    registration, back = _decision(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the rejection."))
        return redirect(back)
    try:
        services.reject(registration, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(_error_messages(error)))
    else:
        messages.success(
            request,
            _("The registration of %(person)s is rejected.") % {"person": registration.person},
        )
    return redirect(back)
