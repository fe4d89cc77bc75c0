"""What a nation's home page (accounts.home) shows of events: the events taking registrations
with their deadline and the places left, the nation's registrations by state, the fees they
come to, and the documents to print."""

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.home import Panel

from . import engine
from .models import Event, Quota, Registration

TAKING_REGISTRATIONS = [Event.Status.REGISTRATION_OPEN, Event.Status.REGISTRATION_CLOSED]


def nation_events(nations):
    """Return, per nation id, the upcoming events taking registrations with the places left
    per registration type; five queries whatever the number of events, types or people."""
    events = list(
        Event.objects.filter(status__in=TAKING_REGISTRATIONS)
        .upcoming()
        .select_related("host_nation")
        .prefetch_related("registration_types")
        .order_by("starts_on", "pk")
    )
    nation_ids = [nation.pk for nation in nations]
    quotas = {
        (q.registration_type_id, q.nation_id): q.places
        for q in Quota.objects.filter(
            registration_type__event__in=events, nation_id__in=nation_ids
        ).only("registration_type_id", "nation_id", "places")
    }
    held_in_type = Counter()
    by_nation = Counter()
    waiting = Counter()
    rows = (
        Registration.objects.filter(event__in=events, state__in=Registration.ACTIVE)
        .values("registration_type_id", "nation_id", "state")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        key = (row["registration_type_id"], row["nation_id"])
        if row["state"] in Registration.HOLDING:
            held_in_type[row["registration_type_id"]] += row["count"]
            by_nation[key] += row["count"]
        else:
            waiting[key] += row["count"]
    found = defaultdict(list)
    for nation_id in nation_ids:
        for event in events:
            types = []
            for kind in event.registration_types.all():
                key = (kind.pk, nation_id)
                places = engine.Places(
                    quota=quotas.get(key),
                    capacity=kind.capacity,
                    held_by_nation=by_nation[key],
                    held_in_type=held_in_type[kind.pk],
                )
                types.append({"type": kind, "places": places, "waiting": waiting[key]})
            found[nation_id].append({"event": event, "types": types})
    return found


def nation_registrations(nations):
    """Return, per nation id, its registrations to events not yet ended: the count per state
    and the fees of those holding a place (submitted or confirmed)."""
    rows = (
        Registration.objects.filter(nation__in=nations)
        .exclude(event__status=Event.Status.CANCELLED)
        .filter(event__ends_on__gte=timezone.localdate())
        .values("nation_id", "state")
        .annotate(count=Count("pk"), fees=Sum("fee", filter=Q(state__in=Registration.HOLDING)))
    )
    found = defaultdict(lambda: {"states": [], "fees": Decimal("0")})
    labels = dict(Registration.State.choices)
    for row in sorted(rows, key=lambda row: list(labels).index(row["state"])):
        entry = found[row["nation_id"]]
        entry["states"].append({"label": labels[row["state"]], "count": row["count"]})
        entry["fees"] += row["fees"] or Decimal("0")
    return found


def panels(user, nations):
    events = nation_events(nations)
    registrations = nation_registrations(nations)
    return [
        Panel(
            title=_("Events and registrations"),
            template="events/includes/home_panel.html",
            context={
                "nation": nation,
                "events": events[nation.pk],
                "registrations": registrations[nation.pk],
            },
            order=10,
        )
        for nation in nations
    ]
