"""Security walk of every route of events/urls.py and of the events back-office.

The routes are read from `events.urls.urlpatterns`: a route added there without an entry in
EXPECTED below fails `test_every_route_is_walked`. Each route is requested, for the objects of
nation A (Estonia), by every role: anonymous, a participant (registered, no role), the head of
delegation and the national staff of A, the head of delegation of B (France), a MILCOMP judge, a
jury member, the presidency. B's users and the participant must never get A's data (their 200
answers are searched for A's names), refused changes leave the database as it was, nothing
answers 500.
"""

import io
from types import SimpleNamespace

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, reverse
from wagtail.models import ModelLogEntry

from accounts.models import Person, RoleAssignment
from accounts.tests.conftest import staff_user
from accounts.tests.factories import PersonFactory, UserFactory
from conftest import kept_for_module
from events import urls as events_urls
from events import verification
from events.models import DocumentJob, Event, ImportJob, Quota, Registration
from events.queries import feed_token_for
from milcomp.tests.factories import CompetitionFactory, judge, jury
from nations.tests.factories import NationFactory

from .factories import EventFactory, QuotaFactory, RegistrationFactory, RegistrationTypeFactory

Role = RoleAssignment.Role
State = Registration.State

ROLES = [
    "anonymous",
    "participant",
    "hod_est",
    "staff_est",
    "hod_fra",
    "judge",
    "jury",
    "presidency",
]
A_ROLES = {"hod_est", "staff_est", "presidency"}  # who may see nation A's registrations
OUTSIDERS = [role for role in ROLES if role not in A_ROLES]
# A's secrets: the last names and notes of Estonia's registered people (not the participant's).
A_MARKERS = ["aamarker", "aasubmitted"]
B_MARKER = "bbmarker"


# --- The world --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Two nations, their delegations, an open congress with registrations of each, built once."""
    with kept_for_module(django_db_blocker):
        est = NationFactory(code="EST", name_en="Estonia", name_fr="Estonie")
        fra = NationFactory(code="FRA", name_en="France", name_fr="France")
        event = EventFactory(slug="walk-congress", kind=Event.Kind.SUMMER_CONGRESS)
        kind = RegistrationTypeFactory(event=event, kind="delegate", capacity=20)
        QuotaFactory(registration_type=kind, nation=est, places=5)
        QuotaFactory(registration_type=kind, nation=fra, places=5)
        details = {
            "accommodation": Registration.Accommodation.HOTEL_SINGLE,
            "diet": Registration.Diet.VEGETARIAN,
            "passport_number": "X1234567",
            "nationality": "Estonian",
            "date_of_birth": "1980-01-01",
            "passport_expires_on": "2035-01-01",
            "place_of_birth": "Tartu",
        }
        reg_a = RegistrationFactory(
            event=event,
            registration_type=kind,
            person=PersonFactory(nation=est, first_name="Aadu", last_name="Aamarker"),
            state=State.CONFIRMED,
            dietary_notes="Aamarker needs",
            **details,
        )
        reg_a2 = RegistrationFactory(
            event=event,
            registration_type=kind,
            person=PersonFactory(nation=est, first_name="Anu", last_name="Aasubmitted"),
            state=State.SUBMITTED,
        )
        reg_b = RegistrationFactory(
            event=event,
            registration_type=kind,
            person=PersonFactory(nation=fra, first_name="Benoît", last_name="Bbmarker"),
            state=State.CONFIRMED,
            dietary_notes="Bbmarker needs",
            **details,
        )
        participant_person = PersonFactory(nation=est, first_name="Pille", last_name="Ppmarker")
        reg_p = RegistrationFactory(
            event=event,
            registration_type=kind,
            person=participant_person,
            state=State.CONFIRMED,
            accommodation=Registration.Accommodation.HOTEL_SINGLE,
        )
        spare_est = PersonFactory(nation=est, first_name="Ergo", last_name="Espare")
        spare_fra = PersonFactory(nation=fra, first_name="Fabien", last_name="Fspare")
        competition = CompetitionFactory(year=2041)
        users = {
            "anonymous": None,
            "participant": UserFactory(person=participant_person),
            "hod_est": staff_user(Role.HEAD_OF_DELEGATION, nation=est),
            "staff_est": staff_user(Role.NATIONAL_STAFF, nation=est),
            "hod_fra": staff_user(Role.HEAD_OF_DELEGATION, nation=fra),
            "judge": judge(competition, "land"),
            "jury": jury(competition),
            "presidency": staff_user(Role.PRESIDENCY),
        }
        # A's batch and import, asked for by A's head of delegation: theirs and the presidency's.
        document_job = DocumentJob.objects.create(
            kind="badges",
            event=event,
            nation=est,
            requested_by=users["hod_est"],
            state=DocumentJob.State.DONE,
            done=1,
            total=1,
        )
        document_job.file.save("walk.pdf", ContentFile(b"%PDF-1.4 walk"))
        import_job = ImportJob.objects.create(
            event=event,
            nation=est,
            requested_by=users["hod_est"],
            state=ImportJob.State.DONE,
            rows=1,
            report={"errors": [], "registrations": [reg_a.pk], "created_people": 0},
        )
        yield SimpleNamespace(
            document_job=document_job,
            import_job=import_job,
            est=est,
            fra=fra,
            event=event,
            kind=kind,
            reg_a=reg_a,
            reg_a2=reg_a2,
            reg_b=reg_b,
            reg_p=reg_p,
            spare_est=spare_est,
            spare_fra=spare_fra,
            users=users,
            feed_token=feed_token_for(participant_person).token,
            badge_token=verification.make_token(reg_a, verification.BADGE),
        )


@pytest.fixture
def w(world, db):
    return world


def client_for(world, role):
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


# --- The routes -------------------------------------------------------------------------------


def routes():
    return [p for p in events_urls.urlpatterns if isinstance(p, URLPattern)]


def url_of(world, name, *, pk=None, nation="EST", fmt="csv"):
    """Return the URL of route `name` for nation A's objects (or the ones given)."""
    pattern = next(p for p in routes() if p.name == name)
    if name in ("document_job", "document_job_file"):
        pk = pk or world.document_job.pk
    elif name == "import_job":
        pk = pk or world.import_job.pk
    values = {
        "event": world.event.slug,
        "nation": nation,
        "fmt": fmt,
        "kind": "summer_congress",
        "pk": pk or world.reg_a.pk,
        "token": world.badge_token if name == "events_verify" else world.feed_token,
    }
    kwargs = {key: values[key] for key in pattern.pattern.regex.groupindex}
    return reverse(name, kwargs=kwargs)


PUBLIC = dict.fromkeys(ROLES, 200)
NATION_A = {
    **dict.fromkeys(ROLES, 404),
    "anonymous": "login",
    **dict.fromkeys(A_ROLES, 200),
}
ANY_DELEGATION = {**NATION_A, "hod_fra": 200}
POST_ONLY = dict.fromkeys(ROLES, 405)
EXPORT = {**dict.fromkeys(ROLES, 403), "anonymous": "login", **dict.fromkeys(A_ROLES, 200)}
EXPORT["hod_fra"] = "clean"  # France's own rows only
POST_ONLY_LOGGED_IN = {**POST_ONLY, "anonymous": "login"}
# A job is its requester's (A's head of delegation) and the presidency's, not A's other staff.
REQUESTER = {**NATION_A, "staff_est": 404}

# route name -> (answer per role for nation A's object, whether A's page shows A's names)
EXPECTED = {
    "events_feed": (PUBLIC, False),
    "events_kind_feed": (PUBLIC, False),
    "events_personal_feed": (PUBLIC, False),  # the token is the key (the participant's)
    "events_verify": (PUBLIC, False),
    "delegation_home": ({**dict.fromkeys(ROLES, 200), "anonymous": "login"}, False),
    "delegation_event_overview": (
        {
            **NATION_A,
            "hod_est": "redirect",
            "staff_est": "redirect",
            "hod_fra": "redirect",
        },
        False,
    ),
    "delegation_event": (NATION_A, True),
    "delegation_register": (NATION_A, False),
    "delegation_import": (NATION_A, False),
    "delegation_badges": (NATION_A, False),  # PDF
    "delegation_import_template": (ANY_DELEGATION, False),
    "registration_detail": (NATION_A, True),
    "registration_cancel": (POST_ONLY, False),
    "registration_substitute": (POST_ONLY, False),
    "registration_confirm": (POST_ONLY, False),
    "registration_reject": (POST_ONLY, False),
    "registration_badge": (NATION_A, False),  # PDF
    "registration_visa_letter": (NATION_A, False),  # PDF
    # The event is not over: the certificate is refused with the reason (409) to A's users.
    "registration_certificate": ({**NATION_A, **dict.fromkeys(A_ROLES, 409)}, False),
    "events_export_participants": (EXPORT, True),
    "events_export_rooms": (EXPORT, True),
    "events_export_needs": (EXPORT, True),
    "event_documents": (POST_ONLY_LOGGED_IN, False),
    "nation_documents": (POST_ONLY_LOGGED_IN, False),
    "document_job": (REQUESTER, False),
    "document_job_file": (REQUESTER, False),  # PDF
    "import_job": (REQUESTER, True),
}
PDF_ROUTES = {
    "delegation_badges",
    "document_job_file",
    "registration_badge",
    "registration_visa_letter",
    "registration_certificate",
}


def body(response):
    """Return the response's text, lower case (names may be shown in capitals)."""
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        text = "\n".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    else:
        text = response.content.decode("utf-8-sig", errors="replace")
    return text.lower()


def is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def check(response, expected, *, role, name, shows_a):
    """Assert the answer `expected` ("login", "redirect", "clean" or a status code)."""
    where = f"{name} as {role}: {response.status_code}"
    assert response.status_code != 500, where
    if expected == "login":
        assert is_login_redirect(response), where
    elif expected == "redirect":
        assert response.status_code == 302 and not is_login_redirect(response), where
    elif expected == "clean":
        assert response.status_code == 200, where
    else:
        assert response.status_code == expected, where
    if response.status_code == 200 and name not in PDF_ROUTES:
        text = body(response)
        if role in A_ROLES:
            if shows_a:
                assert "aamarker" in text, where
        else:
            for marker in A_MARKERS:
                assert marker not in text, f"{where}: {marker} leaked"


def snapshot():
    """Every row a refused request must leave as it was."""
    return {
        "registrations": list(Registration.objects.order_by("pk").values()),
        "people": list(Person.objects.order_by("pk").values()),
        "quotas": list(Quota.objects.order_by("pk").values()),
        "events": list(Event.objects.order_by("pk").values()),
        "log": ModelLogEntry.objects.count(),
    }


# --- The walk ---------------------------------------------------------------------------------


def test_every_route_is_walked():
    names = [pattern.name for pattern in routes()]

    assert len(names) == len(set(names))
    assert set(names) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_route_get_by_every_role_answers_within_scope(w, name):
    expected, shows_a = EXPECTED[name]
    url = url_of(w, name)
    for role in ROLES:
        if name in PDF_ROUTES and expected[role] == 200 and role != "hod_est":
            continue  # one rendering of each PDF is enough: the others are the same document
        response = client_for(w, role).get(url)
        check(response, expected[role], role=role, name=name, shows_a=shows_a)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_route_post_by_outsiders_changes_nothing(w, name):
    url = url_of(w, name, pk=w.reg_a2.pk)
    before = snapshot()
    for role in ["anonymous", "participant", "hod_fra", "judge", "jury"]:
        response = client_for(w, role).post(url, {"reason": "walk", "dietary_notes": "x"})

        assert response.status_code != 500, f"{name} as {role}"
        assert response.status_code != 200 or EXPECTED[name][0][role] in (200, "clean"), name
        if response.status_code == 200:
            for marker in A_MARKERS:
                assert marker not in body(response), f"{name} as {role}: {marker} leaked"
    assert snapshot() == before


def test_nation_page_of_b_is_refused_to_a_and_shows_b_to_b(w):
    url = url_of(w, "delegation_event", nation="FRA")

    assert client_for(w, "hod_est").get(url).status_code == 404
    assert client_for(w, "staff_est").get(url).status_code == 404
    page = body(client_for(w, "hod_fra").get(url))
    assert B_MARKER in page
    assert "aamarker" not in page


def test_unknown_or_lowercase_nation_codes_answer_404_or_the_own_page(w):
    hod = client_for(w, "hod_est")

    assert hod.get(url_of(w, "delegation_event", nation="XXX")).status_code == 404
    assert hod.get(url_of(w, "delegation_register", nation="fra")).status_code == 404
    assert hod.get(url_of(w, "delegation_import", nation="fra")).status_code == 404
    assert "aamarker" in body(hod.get(url_of(w, "delegation_event", nation="est")))


def test_overview_sends_each_delegation_to_its_own_nation(w):
    url = url_of(w, "delegation_event_overview")

    assert client_for(w, "hod_est").get(url)["Location"].endswith("/EST/")
    assert client_for(w, "hod_fra").get(url)["Location"].endswith("/FRA/")
    page = body(client_for(w, "presidency").get(url))
    assert "aasubmitted" in page  # the presidency's queue of submitted registrations


def test_participant_sees_only_own_registration(w):
    participant = client_for(w, "participant")

    home = body(participant.get(url_of(w, "delegation_home")))
    own = participant.get(url_of(w, "registration_detail", pk=w.reg_p.pk))
    assert w.event.title.lower() in home  # the own registration
    assert all(marker not in home for marker in A_MARKERS)
    assert own.status_code == 200
    assert "ppmarker" in body(own)
    for other in (w.reg_a, w.reg_a2, w.reg_b):
        assert participant.get(url_of(w, "registration_detail", pk=other.pk)).status_code == 404
        assert participant.get(url_of(w, "registration_badge", pk=other.pk)).status_code == 404


def test_participant_downloads_own_badge(w):
    response = client_for(w, "participant").get(url_of(w, "registration_badge", pk=w.reg_p.pk))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_documents_of_b_are_refused_to_a(w):
    hod = client_for(w, "hod_est")

    for name in ("registration_badge", "registration_visa_letter", "registration_certificate"):
        assert hod.get(url_of(w, name, pk=w.reg_b.pk)).status_code == 404, name
    assert hod.get(url_of(w, "registration_detail", pk=w.reg_b.pk)).status_code == 404


def test_badge_sheet_with_forged_or_foreign_nation_code_answers_404(w):
    hod = client_for(w, "hod_est")
    presidency = client_for(w, "presidency")

    assert hod.get(url_of(w, "delegation_badges", nation="FRA")).status_code == 404
    assert hod.get(url_of(w, "delegation_badges", nation="XXX")).status_code == 404
    assert presidency.get(url_of(w, "delegation_badges", nation="XXX")).status_code == 404
    assert hod.get(url_of(w, "delegation_badges", nation="E%2FST")).status_code == 404
    unknown_event = reverse("delegation_badges", args=["no-such-event", "EST"])
    assert hod.get(unknown_event).status_code == 404


def test_badge_sheet_of_own_nation_is_a_pdf(w):
    response = client_for(w, "hod_est").get(url_of(w, "delegation_badges"))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('-EST.pdf"')


# --- Exports ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["events_export_participants", "events_export_rooms", "events_export_needs"]
)
def test_export_without_filter_holds_only_the_own_nation(w, name):
    est_text = body(client_for(w, "hod_est").get(url_of(w, name)))
    fra_text = body(client_for(w, "hod_fra").get(url_of(w, name)))
    all_text = body(client_for(w, "presidency").get(url_of(w, name)))

    assert "aamarker" in est_text
    assert B_MARKER not in est_text
    assert B_MARKER in fra_text
    assert "aamarker" not in fra_text
    assert "aamarker" in all_text and B_MARKER in all_text


def test_export_xlsx_of_b_holds_only_b(w):
    response = client_for(w, "hod_fra").get(
        url_of(w, "events_export_participants", fmt="xlsx") + "?state=all"
    )

    text = body(response)
    assert response.status_code == 200
    assert B_MARKER in text
    assert "aamarker" not in text and "ppmarker" not in text


@pytest.mark.parametrize(
    "name", ["events_export_participants", "events_export_rooms", "events_export_needs"]
)
def test_export_filter_on_another_nation_answers_404(w, name):
    url = url_of(w, name)

    assert client_for(w, "hod_fra").get(url + "?nation=EST").status_code == 404
    assert client_for(w, "hod_est").get(url + "?nation=fra").status_code == 404
    assert client_for(w, "hod_est").get(url + "?nation=XXX").status_code == 404
    assert client_for(w, "staff_est").get(url + "?nation=EST").status_code == 200
    filtered = body(client_for(w, "presidency").get(url + "?nation=FRA"))
    assert B_MARKER in filtered and "aamarker" not in filtered


def test_export_participants_passport_columns_only_for_the_presidency(w):
    url = url_of(w, "events_export_participants")

    own = body(client_for(w, "hod_est").get(url))
    everything = body(client_for(w, "presidency").get(url))
    assert "x1234567" not in own
    assert "x1234567" in everything


def test_export_unknown_format_type_or_state_answers_404(w):
    hod = client_for(w, "hod_est")

    assert hod.get(url_of(w, "events_export_rooms", fmt="pdf")).status_code == 404
    assert hod.get(url_of(w, "events_export_rooms") + "?type=nope").status_code == 404
    assert hod.get(url_of(w, "events_export_rooms") + "?state=nope").status_code == 404


# --- Changes: refused to B, done for A --------------------------------------------------------


def _csv_upload():
    content = "First name,Last name,Registration type\nImre,Imported,delegate\n"
    return SimpleUploadedFile("list.csv", content.encode(), content_type="text/csv")


def change_request(w, name):
    """Return (url, data) of a change to nation A's submitted registration (or for A)."""
    if name == "delegation_register":
        return url_of(w, name), {"person": w.spare_est.pk, "registration_type": w.kind.pk}
    if name == "delegation_import":
        return url_of(w, name), {"file": _csv_upload()}
    data = {
        "registration_detail": {"dietary_notes": "changed by the walk"},
        "registration_cancel": {"reason": "walk"},
        "registration_substitute": {"person": w.spare_est.pk},
        "registration_confirm": {},
        "registration_reject": {"reason": "walk"},
    }[name]
    return url_of(w, name, pk=w.reg_a2.pk), data


CHANGES = {
    # route: (who changes it, answers to the refused roles)
    "delegation_register": ("hod_est", {"hod_fra": 404, "participant": 404, "judge": 404}),
    "delegation_import": ("staff_est", {"hod_fra": 404, "participant": 404, "jury": 404}),
    "registration_detail": ("staff_est", {"hod_fra": 404, "participant": 404, "judge": 404}),
    "registration_cancel": ("hod_est", {"hod_fra": 404, "participant": 404, "jury": 404}),
    "registration_substitute": ("hod_est", {"hod_fra": 404, "participant": 404, "judge": 404}),
    "registration_confirm": ("presidency", {"hod_est": 403, "staff_est": 403, "hod_fra": 404}),
    "registration_reject": ("presidency", {"hod_est": 403, "staff_est": 403, "hod_fra": 404}),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_change_refused_to_outsiders_then_done_by_its_owner(w, name):
    owner, refusals = CHANGES[name]
    before = snapshot()
    for role, status in {**refusals, "anonymous": "login"}.items():
        url, data = change_request(w, name)
        response = client_for(w, role).post(url, data)

        check(response, status, role=role, name=name, shows_a=False)
        assert snapshot() == before, f"{name} as {role} changed the database"

    url, data = change_request(w, name)
    response = client_for(w, owner).post(url, data)

    assert response.status_code in (200, 302), f"{name} as {owner}: {response.status_code}"
    assert snapshot() != before, f"{name} as {owner} changed nothing"


@pytest.mark.parametrize(
    "name",
    [
        "registration_detail",
        "registration_cancel",
        "registration_substitute",
        "registration_confirm",
        "registration_reject",
    ],
)
def test_participant_cannot_change_own_registration(w, name):
    before = snapshot()
    _url, data = change_request(w, name)

    response = client_for(w, "participant").post(url_of(w, name, pk=w.reg_p.pk), data)

    assert response.status_code == 403
    assert snapshot() == before


def test_b_cannot_substitute_a_foreign_person_into_own_registration(w):
    """A head of delegation of B cannot give B's place to a person of A (nor register one)."""
    before = snapshot()
    hod = client_for(w, "hod_fra")
    fra_registration = url_of(w, "registration_substitute", pk=w.reg_b.pk)

    hod.post(fra_registration, {"person": w.spare_est.pk})
    hod.post(
        url_of(w, "delegation_register", nation="FRA"),
        {"person": w.spare_est.pk, "registration_type": w.kind.pk},
    )

    assert snapshot() == before


# --- The back-office --------------------------------------------------------------------------

ADMIN_NAMESPACES = {
    "wagtailsnippets_events_event": "event",
    "wagtailsnippets_events_registration": "registration",
    "wagtailsnippetchoosers_events_event": "event",
    "wagtailsnippetchoosers_events_registration": "registration",
    "events_quotas": "event",
}


def admin_urls(w):
    """Every admin URL of the events back-office, with A's registration or the event."""
    from django.urls import get_resolver

    found = []
    for namespace, target in ADMIN_NAMESPACES.items():
        resolver = get_resolver().namespace_dict[namespace][1]
        for pattern in resolver.url_patterns:
            params = list(pattern.pattern.regex.groupindex)
            pk = w.event.pk if target == "event" else w.reg_a.pk
            args = [pk] if params else []
            name = f"{namespace}:{pattern.name}"
            found.append((name, reverse(name, args=args)))
    return found


def refused_in_admin(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302
        and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    )


def test_admin_is_refused_to_delegations_in_every_view(w):
    urls = admin_urls(w)
    assert len(urls) >= 25
    for role in ("hod_est", "staff_est", "hod_fra"):
        client = client_for(w, role)
        for name, url in urls:
            response = client.get(url)
            if name.startswith("wagtailsnippetchoosers_events_event:"):
                # Events are public records (the calendar): choosing one reveals nothing.
                assert response.status_code != 500, f"{name} as {role}"
                continue
            assert refused_in_admin(response), f"{name} as {role}: {response.status_code}"
            if response.status_code == 200:
                assert "aamarker" not in body(response)


def test_admin_bulk_action_pages_do_not_name_another_nations_registrations(w):
    """Wagtail's bulk pages list the chosen records by name, even those the user may not act
    on: a head of delegation must not read A's names by putting A's ids in the URL."""
    before = snapshot()
    ids = f"?id={w.reg_a.pk}&id={w.reg_a2.pk}"
    for role in ("hod_fra", "hod_est", "staff_est"):
        client = client_for(w, role)
        for action in ("confirm", "delete"):
            url = f"/admin/bulk/events/registration/{action}/{ids}"
            for response in (client.get(url), client.post(url)):
                assert refused_in_admin(response), f"{action} as {role}"
                assert "aamarker" not in body(response), f"{action} as {role}"
    assert snapshot() == before


def test_admin_registration_chooser_is_refused_to_delegations(w):
    for role in ("hod_fra", "hod_est"):
        client = client_for(w, role)
        for url in (
            reverse("wagtailsnippetchoosers_events_registration:choose"),
            reverse("wagtailsnippetchoosers_events_registration:choose_results") + "?q=aamarker",
            reverse("wagtailsnippetchoosers_events_registration:chosen", args=[w.reg_a.pk]),
            reverse("wagtailsnippetchoosers_events_registration:chosen_multiple")
            + f"?id={w.reg_a.pk}",
        ):
            response = client.get(url)
            assert refused_in_admin(response), f"{url} as {role}: {response.status_code}"
            assert "aamarker" not in body(response)
    chosen = client_for(w, "presidency").get(
        reverse("wagtailsnippetchoosers_events_registration:chosen", args=[w.reg_a.pk])
    )
    assert "aamarker" in body(chosen)


def test_admin_bulk_confirm_by_the_presidency_confirms(w):
    url = f"/admin/bulk/events/registration/confirm/?id={w.reg_a2.pk}"

    page = client_for(w, "presidency").get(url)
    response = client_for(w, "presidency").post(url)

    assert "aasubmitted" in body(page)
    assert response.status_code == 302
    assert Registration.objects.get(pk=w.reg_a2.pk).state == State.CONFIRMED


def test_admin_sends_people_without_a_staff_role_to_the_login(w):
    for role in ("anonymous", "participant", "judge", "jury"):
        client = client_for(w, role)
        for name, url in admin_urls(w):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), f"{name} as {role}"
            if response.status_code == 302:
                assert "/login/" in response["Location"], f"{name} as {role}"


def test_admin_views_answer_the_presidency(w):
    client = client_for(w, "presidency")
    for name, url in admin_urls(w):
        response = client.get(url)
        assert response.status_code != 500, name
    for name in (
        "wagtailsnippets_events_registration:list",
        "wagtailsnippets_events_event:list",
        "events_quotas:index",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        if "registration" in name:
            assert "aamarker" in body(response)
    for name, pk in (
        ("wagtailsnippets_events_registration:inspect", w.reg_a.pk),
        ("wagtailsnippets_events_registration:edit", w.reg_a.pk),
        ("wagtailsnippets_events_registration:confirm", w.reg_a2.pk),
        ("wagtailsnippets_events_registration:reject", w.reg_a2.pk),
        ("wagtailsnippets_events_event:edit", w.event.pk),
        ("events_quotas:grid", w.event.pk),
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 200, name


def test_admin_changes_by_a_delegation_are_refused_and_change_nothing(w):
    before = snapshot()
    reg = w.reg_a2.pk
    posts = [
        (reverse("wagtailsnippets_events_registration:confirm", args=[reg]), {}),
        (reverse("wagtailsnippets_events_registration:reject", args=[reg]), {"reason": "x"}),
        (reverse("wagtailsnippets_events_registration:cancel", args=[reg]), {"reason": "x"}),
        (
            reverse("wagtailsnippets_events_registration:edit", args=[reg]),
            {"dietary_notes": "changed"},
        ),
        (reverse("wagtailsnippets_events_registration:delete", args=[reg]), {}),
        (reverse("wagtailsnippets_events_event:delete", args=[w.event.pk]), {}),
        (reverse("events_quotas:grid", args=[w.event.pk]), {}),
        (f"/admin/bulk/events/registration/confirm/?id={reg}", {}),
        (f"/admin/bulk/events/registration/delete/?id={reg}", {}),
    ]
    for role in ("hod_est", "hod_fra"):
        client = client_for(w, role)
        for url, data in posts:
            response = client.post(url, data)
            assert response.status_code != 500, f"{url} as {role}"
            assert refused_in_admin(response), f"{url} as {role}: {response.status_code}"
        # Wagtail's bulk delete of events leaves out what the user may not delete: nothing.
        response = client.post(f"/admin/bulk/events/event/delete/?id={w.event.pk}")
        assert response.status_code in (302, 403), role
    assert snapshot() == before


def test_admin_confirm_by_the_presidency_confirms(w):
    client = client_for(w, "presidency")

    url = reverse("wagtailsnippets_events_registration:confirm", args=[w.reg_a2.pk])
    response = client.post(url)

    assert response.status_code == 302
    assert Registration.objects.get(pk=w.reg_a2.pk).state == State.CONFIRMED
