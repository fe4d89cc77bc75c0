"""Security walk of EVERY URL pattern of the site, the admin's included.

The patterns are read from the URLconf (`get_resolver()`, walked recursively), so a route added
anywhere is walked without editing this test. Each pattern's keyword arguments are filled from
nation B's (France's) rows: a `pk` after `.../registration/` is B's registration, a `pk` in the
invoice snippet's namespace is B's invoice, `nation` is B's code, and so on (see `fill`). Each
URL is requested with GET and with an empty POST by every role: anonymous, the head of
delegation and national staff of nation A (Estonia), the editor, the treasurer, a committee
chair, a MILCOMP judge and a jury member, and the presidency. For each answer:

- nothing answers 5xx;
- no marker of a B row shows unless the rules let the role see that row
  (`user.has_perm("<app>.view_<model>", row)`);
- a POST leaves every B row the role may not change as it was, and writes no audit entry about
  it (each POST runs in a transaction rolled back afterwards, so the walk leaves no trace).
"""

import datetime
import io
import logging
import re
import uuid
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import get_snippet_models

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from accounts.tests.factories import PersonFactory
from conftest import kept_for_module, log_in_with_two_factor
from events import verification
from events.models import Event, Registration
from events.queries import feed_token_for
from events.tests.factories import EventFactory, QuotaFactory, RegistrationTypeFactory
from governance.models import Attendance, CommitteeMembership, Proxy
from governance.tests.factories import (
    AppointmentFactory,
    CommitteeFactory,
    CouncilMeetingFactory,
    MotionFactory,
    PresidencyTermFactory,
)
from milcomp.tests.factories import CompetitionFactory, judge, jury, make_team
from nations.models import Association, Invoice, SubscriptionRate
from nations.tests.factories import NationFactory

Role = RoleAssignment.Role

ROLES = [
    "anonymous",
    "hod_a",
    "staff_a",
    "editor",
    "treasurer",
    "chair",
    "judge",
    "jury",
    "presidency",
]

# Patterns that serve files, not data: the static and media file servers.
STATIC = re.compile(r"^\^?(static|media)/|favicon|\.(css|js|png|svg|ico|woff2?)$")
# Wagtail's page that raises on purpose, to test the error reporting ("failwhale").
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}


# --- The world --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Nation A (Estonia) and its delegation, nation B (France) with a row of every kind, the
    other roles; built once. Every B row carries a marker (`qqb…`) found nowhere else."""
    with kept_for_module(django_db_blocker):
        est = NationFactory(code="EST", name_en="Estonia", name_fr="Estonie")
        fra = NationFactory(code="FRA", name_en="France", name_fr="France")
        other = NationFactory(code="NOR", name_en="Norway", name_fr="Norvège")
        committee = CommitteeFactory(acronym="CLC", slug="clc")
        event = EventFactory(slug="walk-all-congress", kind=Event.Kind.SUMMER_CONGRESS)
        kind = RegistrationTypeFactory(event=event, kind="delegate", capacity=20)
        QuotaFactory(registration_type=kind, nation=fra, places=5)
        competition = CompetitionFactory(year=2061)
        meeting = CouncilMeetingFactory()

        def b_person(stem):
            return PersonFactory(
                nation=fra, first_name="Bruno", last_name=stem, email=f"{stem}@example.org"
            )

        b_hod = staff_user(Role.HEAD_OF_DELEGATION, nation=fra)
        b_hod.person.last_name = "Qqbhead"
        b_hod.person.save()
        b_hod.email = "qqbhead@example.org"
        b_hod.save()
        person = b_person("Qqbperson")
        registration = Registration.objects.create(
            event=event,
            registration_type=kind,
            person=b_person("Qqbregistrant"),
            nation=fra,
            state=Registration.State.CONFIRMED,
            dietary_notes="Qqbdiet",
            passport_number="QQBPASS1",
            fee=0,
        )
        team = make_team(competition, fra, name="Qqbteam")
        rows = SimpleNamespace(
            person=person,
            role=RoleAssignment.objects.get(person=b_hod.person),
            user=b_hod,
            association=Association.objects.create(
                nation=fra,
                name_en="Qqbassociation",
                name_fr="Qqbassociation",
                contact_name="Qqbcontact",
                contact_email="qqbcontact@example.org",
            ),
            invoice=Invoice.objects.create(
                nation=fra,
                year=2061,
                sequence=77,
                number="QQB-2061-077",
                amount=Decimal("1500.00"),
                issued_on=datetime.date(2061, 1, 10),
                due_on=datetime.date(2061, 3, 31),
            ),
            rate=SubscriptionRate.objects.create(
                year=2061, membership=fra.membership, amount=Decimal("97531.00")
            ),
            membership=CommitteeMembership.objects.create(
                committee=committee, person=b_person("Qqbmember"), nation=fra
            ),
            term=PresidencyTermFactory(nation=fra, description_en="Qqbterm"),
            appointment=None,
            attendance=Attendance.objects.create(meeting=meeting, nation=fra),
            proxy=Proxy.objects.create(
                meeting=meeting, from_nation=fra, to_nation=other, notes="Qqbproxy"
            ),
            motion=MotionFactory(meeting=meeting, text_en="Qqbmotion", text_fr="Qqbmotion"),
            registration=registration,
            team=team,
            competition=competition,
            event=event,
            meeting=meeting,
            committee=committee,
            nation=fra,
        )
        rows.appointment = AppointmentFactory(person=b_person("Qqbappointee"), term=rows.term)
        chair = staff_user(Role.COMMITTEE_CHAIR, committee=committee, nation=None)
        users = {
            "anonymous": None,
            "hod_a": staff_user(Role.HEAD_OF_DELEGATION, nation=est),
            "staff_a": staff_user(Role.NATIONAL_STAFF, nation=est),
            "editor": staff_user(Role.EDITOR),
            "treasurer": staff_user(Role.TREASURER),
            "chair": chair,
            "judge": judge(competition, "land"),
            "jury": jury(competition),
            "presidency": staff_user(Role.PRESIDENCY),
        }
        yield SimpleNamespace(
            est=est,
            fra=fra,
            rows=rows,
            users=users,
            feed_token=feed_token_for(person).token,
            badge_token=verification.make_token(registration, verification.BADGE),
        )


@pytest.fixture
def w(world, db):
    return world


# Each B row's marker: text that only this row (or a B person in it) puts on a page.
MARKERS = {
    "person": ["qqbperson"],
    "role": ["qqbhead"],
    "user": ["qqbhead@"],
    "association": ["qqbassociation", "qqbcontact"],
    "invoice": ["qqb-2061-077"],
    "rate": ["97531", "97 531", "97,531"],
    "membership": ["qqbmember"],
    "term": ["qqbterm"],
    "appointment": ["qqbappointee"],
    "proxy": ["qqbproxy"],
    "motion": ["qqbmotion"],
    "registration": ["qqbregistrant", "qqbdiet", "qqbpass1"],
}


# What a public route shows on purpose: the association's name (the member-nations page shows
# it too, its contact never) and the presidency's terms and officers (the presidency page).
PUBLIC_MARKERS = {
    "api_nations": {"qqbassociation"},
    "api_nation": {"qqbassociation"},
    "api_presidency": {"qqbterm", "qqbappointee"},
}


def view_permission(obj):
    return f"{obj._meta.app_label}.view_{obj._meta.model_name}"


def forbidden_markers(world, user):
    """Return {marker: row name} of the B rows the rules do not let `user` see."""
    found = {}
    for name, markers in MARKERS.items():
        row = getattr(world.rows, name)
        # A row's marker may show to whoever may see the row, or the person it names.
        person = getattr(row, "person", None)
        if user is not None and (
            user.has_perm(view_permission(row), row)
            or (person is not None and user.has_perm(view_permission(person), person))
        ):
            continue
        for marker in markers:
            found[marker] = name
    return found


def changeable(user, obj):
    if user is None:
        return False
    label, model = obj._meta.app_label, obj._meta.model_name
    return any(
        user.has_perm(f"{label}.{action}_{model}", obj) for action in ("change", "delete")
    ) or user.has_perm("milcomp.disqualify_team", obj)


def guarded_rows(world, user):
    """Return the B rows `user` may not change (a POST must leave them as they were)."""
    names = [
        "person",
        "role",
        "user",
        "association",
        "invoice",
        "rate",
        "membership",
        "term",
        "appointment",
        "attendance",
        "proxy",
        "motion",
        "registration",
        "team",
    ]
    return [
        getattr(world.rows, name)
        for name in names
        if not changeable(user, getattr(world.rows, name))
    ]


def snapshot(rows):
    """Every value of `rows`, and the number of audit entries about them."""
    values = []
    for row in rows:
        values.append(list(type(row).objects.filter(pk=row.pk).values()))
    entries = sum(
        ModelLogEntry.objects.filter(
            content_type__app_label=row._meta.app_label,
            content_type__model=row._meta.model_name,
            object_id=str(row.pk),
        ).count()
        for row in rows
    )
    return values, entries


# --- The URLs ---------------------------------------------------------------------------------


def patterns(resolver=None, prefix="", namespace=""):
    """Yield (route, namespaced name, pattern) of every pattern of the URLconf, recursively."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from patterns(entry, route, inner)
        else:
            name = f"{namespace}:{entry.name}".lstrip(":") if entry.name else ""
            yield route, name, entry


def b_rows_by_model(world):
    return {type(row)._meta.model_name: row for row in vars(world.rows).values() if row}


def model_of_namespace(name):
    """Return the snippet model whose admin or chooser URLs live under `name`'s namespace."""
    namespace = name.rsplit(":", 1)[0]
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        if namespace in (
            viewset.get_admin_url_namespace(),
            viewset.get_chooser_admin_url_namespace(),
        ):
            return model
    return None


def _row_for_segment(world, segment):
    """The B row of the model a path segment names ("registration", "motions", "meetings")."""
    segment = segment.replace("-", "").replace("_", "").lower()
    singular = segment[:-1] if segment.endswith("s") else segment
    rows = b_rows_by_model(world)
    for key in (segment, singular):
        if key in rows:
            return rows[key]
    for model_name, row in rows.items():
        if singular and model_name.endswith(singular):
            return row
    return None


def value_for(world, name, route, kwarg, converter):
    """Return the value of `kwarg` for the pattern `name`: from B's rows where one fits."""
    rows = world.rows
    by_name = {
        "nation": rows.nation.code,
        "event": rows.event.slug,
        "competition": rows.competition.slug,
        "fmt": "csv",
        "app_label": "accounts",
        "model_name": "person",
        "action": "delete",
        "token": world.badge_token if "verify" in name else world.feed_token,
        "arg": "experienced" if "category" in name else "shooting",
    }
    if kwarg == "kind":
        return "land" if "milcomp" in name else rows.event.kind
    if kwarg in by_name:
        return by_name[kwarg]
    if converter in ("int", "str") or kwarg.endswith("id") or kwarg == "pk":
        model = model_of_namespace(name) if ":" in name else None
        row = None
        if model is not None:
            row = b_rows_by_model(world).get(model._meta.model_name)
            if row is None:
                row = model._default_manager.order_by("pk").first()
        if row is None:
            before = route.split(f"<{converter}:{kwarg}>")[0].rstrip("/").split("/")
            row = _row_for_segment(world, before[-1]) if before else None
        if row is None and kwarg.endswith("_id"):
            row = _row_for_segment(world, kwarg[:-3])
        return str(row.pk if row is not None else rows.person.pk)
    if converter == "uuid":
        return str(uuid.uuid4())
    return "x"


ROUTE_KWARG = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<kwarg>\w+)>")


def _fill_regex(regex, values):
    """Turn a regular expression into a path: each group becomes its value (digits for `\\d`)."""
    out, index = [], 0
    regex = regex.replace("\\Z", "")
    while index < len(regex):
        char = regex[index]
        if char == "(":
            depth, end = 1, index + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(regex[end], 0)
                end += 1
            group = regex[index + 1 : end - 1]
            named = re.match(r"\?P<(\w+)>", group)
            if named:
                out.append(values(named.group(1), "str"))
            elif "\\d" in group:
                out.append(values("pk", "int"))
            index = end
            while index < len(regex) and regex[index] in "?*+":
                index += 1
        elif char == "\\" and index + 1 < len(regex):
            out.append(regex[index + 1])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def fill(world, route, label):
    """Return the path of `route` (path() and re_path() parts) with B's values in it."""

    def values(kwarg, converter):
        return value_for(world, label, route, kwarg, converter)

    text = ROUTE_KWARG.sub(lambda m: values(m["kwarg"], m["converter"] or "str"), route)
    if "(" in text or "\\" in text or "^" in text:
        text = _fill_regex(text.replace("^", "").replace("$", ""), values)
    return "/" + text


def walk_urls(world):
    """Return [(name, url)] for every pattern (static file servers left out)."""
    urls = []
    for route, name, _pattern in patterns():
        label = name or route
        if STATIC.search(route):
            continue
        url = fill(world, route, label)
        if "chosen_multiple" in name or name == "wagtail_bulk_action":
            urls.extend(_with_ids(world, name, url))
        else:
            urls.append((label, url))
    return urls


def _with_ids(world, name, url):
    """Bulk and multiple-choice pages name their objects by `?id=`: give them B's rows."""
    if name == "wagtail_bulk_action":
        found = []
        for model in get_snippet_models():
            row = b_rows_by_model(world).get(model._meta.model_name)
            if row is None:
                continue
            bulk = f"/admin/bulk/{model._meta.app_label}/{model._meta.model_name}/delete/"
            found.append((f"{name} {model._meta.label}", f"{bulk}?id={row.pk}"))
        return found
    model = model_of_namespace(name)
    row = b_rows_by_model(world).get(model._meta.model_name) if model else None
    return [(name, url + (f"?id={row.pk}" if row else ""))]


# --- Requests ---------------------------------------------------------------------------------


def body(response):
    """Return the response's text, lower case."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        book = openpyxl.load_workbook(io.BytesIO(content))
        return "\n".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        ).lower()
    return content.decode("utf-8", errors="replace").lower()


def client_for(world, role):
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        log_in_with_two_factor(client, user)
    return client


WRITE = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)


def written_tables(queries):
    return {m[2].lower() for q in queries if (m := WRITE.match(q["sql"]))}


def walk(world, role, method):
    """Request every URL as `role`; return the list of problems found."""
    user = world.users[role]
    client = client_for(world, role)
    forbidden = forbidden_markers(world, user)
    guarded = guarded_rows(world, user)
    tables = {type(row)._meta.db_table.lower() for row in guarded}
    tables.add(ModelLogEntry._meta.db_table.lower())
    before = snapshot(guarded)
    problems = []
    for name, url in walk_urls(world):
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url)
            status = response.status_code
            if status >= 500 and name not in DELIBERATE_ERRORS:
                problems.append(f"{method.upper()} {url} ({name}): {status}")
            elif written_tables(queries) & tables and snapshot(guarded) != before:
                problems.append(f"{method.upper()} {url} ({name}): changed a B row")
            if status == 200:
                text = body(response)
                public = PUBLIC_MARKERS.get(name, set())
                leaked = sorted(
                    {
                        row
                        for marker, row in forbidden.items()
                        if marker in text and marker not in public
                    }
                )
                if leaked:
                    problems.append(f"{method.upper()} {url} ({name}): shows B's {leaked}")
            transaction.set_rollback(True)
        if user is not None and settings.SESSION_COOKIE_NAME in response.cookies:
            log_in_with_two_factor(client, user)  # a logout (or login) ended the session
    assert snapshot(guarded) == before
    return problems


# --- Tests ------------------------------------------------------------------------------------


def test_walk_covers_every_pattern_but_static_files(w):
    urls = walk_urls(w)
    names = {name.split(" ")[0] for name, _url in urls}
    every = {name or route for route, name, _pattern in patterns()}

    assert len(urls) > 400
    assert every - names == {
        name or route for route, name, _p in patterns() if STATIC.search(route)
    }


@pytest.fixture
def without_pdf_layout(monkeypatch):
    """The walk asks who gets a document, not how it is laid out: WeasyPrint's layout (about a
    second a PDF) is left out; the document's template is still rendered, with its data."""
    import weasyprint

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, **options: b"%PDF-1.7\n")


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
def test_route_walk_shows_and_changes_nothing_of_another_nation(
    w, role, method, without_pdf_layout
):
    logging.disable(logging.WARNING)  # refused requests log a warning each
    try:
        problems = walk(w, role, method)
    finally:
        logging.disable(logging.NOTSET)

    assert problems == [], "\n".join(problems)
