"""Exports of an event's registrations as XLSX or CSV: participants, rooms, dietary needs.

The presidency exports every nation; a head of delegation or national staff only the own
nations (`events.export_registrations` on the nation). Filters: `?nation=EST` (a nation outside
the user's scope, or unknown, answers 404), `?type=delegate` (a registration type kind),
`?state=confirmed`; an unknown type or state answers 404 too.

Default states: the participants export lists the live registrations (submitted, confirmed,
waiting); the room list and the needs the registrations holding a place (submitted, confirmed).
`?state=` narrows to one state (`?state=all` for the participants: every state).

A draft event's exports are the presidency's only: anyone else gets a page saying that the
event is not published (404).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts import rules as access
from nations.models import Nation

from .. import exports
from ..models import Event, Registration, RegistrationType
from .documents import refused_unpublished

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _registrations(request, event, *, default_states, allow_all=False):
    """Return (registrations, nation code for the file name) the user may export, filtered."""
    user = request.user
    if not user.has_perm("events.export_registrations"):
        raise PermissionDenied
    presidency = access.is_presidency(user)
    queryset = Registration.objects.filter(event=event)
    if not presidency:
        queryset = queryset.filter(nation_id__in=access.nation_ids_for(user))
    suffix = ""
    code = request.GET.get("nation", "").strip().upper()
    if code:
        nation = Nation.objects.filter(code=code).first()
        if nation is None or not user.has_perm("events.export_registrations", nation):
            raise Http404
        queryset = queryset.filter(nation=nation)
        suffix = nation.code
    elif not presidency:
        own = Nation.objects.filter(pk__in=access.nation_ids_for(user)).values_list(
            "code", flat=True
        )
        suffix = "-".join(sorted(own))
    kind = request.GET.get("type", "").strip()
    if kind:
        if kind not in RegistrationType.Kind.values:
            raise Http404
        queryset = queryset.filter(registration_type__kind=kind)
    state = request.GET.get("state", "").strip()
    if state == "all" and allow_all:
        pass
    elif state:
        if state not in Registration.State.values:
            raise Http404
        queryset = queryset.filter(state=state)
    else:
        queryset = queryset.filter(state__in=default_states)
    queryset = queryset.select_related(
        "person", "nation", "registration_type", "discount_code"
    ).order_by("nation__code", "person__last_name", "person__first_name", "pk")
    return list(queryset), suffix


def _respond(event, sheets, *, fmt, name, suffix):
    filename = "-".join(part for part in ("CIOR", event.slug, name, suffix) if part)
    if fmt == "xlsx":
        content = exports.to_xlsx(sheets, title=f"{event.title} – {sheets[0].title}")
    else:
        content = exports.to_csv(sheets)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _event(slug, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    return get_object_or_404(Event, slug=slug)


@login_required
def participants(request, event, fmt):
    """Send the participants of the event (passport columns for the presidency only)."""
    event = _event(event, fmt)
    registrations, suffix = _registrations(
        request, event, default_states=Registration.ACTIVE, allow_all=True
    )
    if refusal := refused_unpublished(request, event, title=_("Export")):
        return refusal
    sheets = exports.participants(
        event, registrations, with_passport=access.is_presidency(request.user)
    )
    return _respond(event, sheets, fmt=fmt, name="participants", suffix=suffix)


@login_required
def rooms(request, event, fmt):
    """Send the room list: who needs a hotel room, by nation, with room type and room-mate."""
    event = _event(event, fmt)
    registrations, suffix = _registrations(request, event, default_states=Registration.HOLDING)
    if refusal := refused_unpublished(request, event, title=_("Export")):
        return refusal
    return _respond(
        event, exports.rooms(event, registrations), fmt=fmt, name="rooms", suffix=suffix
    )


@login_required
def needs(request, event, fmt):
    """Send the dietary and accessibility summary: diets per nation, then the notes."""
    event = _event(event, fmt)
    registrations, suffix = _registrations(request, event, default_states=Registration.HOLDING)
    if refusal := refused_unpublished(request, event, title=_("Export")):
        return refusal
    return _respond(
        event, exports.needs(event, registrations), fmt=fmt, name="needs", suffix=suffix
    )
