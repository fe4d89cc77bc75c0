"""Security walk of every route of milcomp/urls.py and of the MILCOMP back-office.

The routes are read from `milcomp.urls.urlpatterns`: a route added there without an entry in
EXPECTED below fails `test_every_route_is_walked`. Each route is requested, for nation A's
(Estonia's) team and protest, by every role: anonymous, a participant (a registered competitor,
no role, in no team), the head of delegation and the national staff of A, the head of delegation
of B (France), a judge (land obstacles only), a jury member, the presidency. B's users never get
A's team members or protest reasons (outside the public results), a judge enters only the
assigned discipline, a head of delegation never alters results, refused changes leave the
database as it was, nothing answers 500.
"""

import json
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from accounts.tests.factories import UserFactory
from conftest import kept_for_module
from milcomp import services
from milcomp import urls as milcomp_urls
from milcomp.models import (
    Competition,
    Discipline,
    Protest,
    RawResult,
    ResultChange,
    Team,
    TeamMember,
)
from nations.tests.factories import NationFactory

from .factories import (
    CompetitionFactory,
    competitor,
    freeze,
    judge,
    jury,
    make_team,
    shooting_data,
)

Role = RoleAssignment.Role

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
# Who must never read A's team members or protest reasons on a private page.
OUTSIDERS = {"anonymous", "participant", "hod_fra"}
A_MARKERS = ["aamember", "aaprotest"]


def _rename_members(team, stem):
    for member in team.members.select_related("person"):
        member.person.last_name = f"{stem}{member.position}"
        member.person.save(update_fields=["last_name"])


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """A running competition (teams frozen, shooting published, A's protest filed) and one
    being set up, with the delegations of Estonia and France, built once."""
    with kept_for_module(django_db_blocker):
        est = NationFactory(code="EST", name_en="Estonia", name_fr="Estonie")
        fra = NationFactory(code="FRA", name_en="France", name_fr="France")
        users = {
            "anonymous": None,
            "hod_est": staff_user(Role.HEAD_OF_DELEGATION, nation=est),
            "staff_est": staff_user(Role.NATIONAL_STAFF, nation=est),
            "hod_fra": staff_user(Role.HEAD_OF_DELEGATION, nation=fra),
            "presidency": staff_user(Role.PRESIDENCY),
        }

        running = CompetitionFactory(year=2051)
        est_1 = make_team(running, est, captain_user=True)
        est_2 = make_team(running, est)
        fra_1 = make_team(running, fra)
        _rename_members(est_1, "Aamember")
        _rename_members(est_2, "Aamembertwo")
        _rename_members(fra_1, "Bbmember")
        freeze(running)
        shooting = running.disciplines.get(kind="shooting")
        shooting_judge = judge(running, "shooting")
        for team in (est_1, est_2, fra_1):
            services.save_result(
                team, shooting, data=shooting_data(), by=shooting_judge, expected_version=0
            )
        services.publish_discipline(shooting, by=shooting_judge)
        protest = services.file_protest(
            est_1, shooting, reasons="Aaprotest: rifle 6 hits, not 5.", by=users["hod_est"]
        )
        participant = competitor(running, est)
        users["participant"] = UserFactory(person=participant.person)
        users["judge"] = judge(running, "land")
        users["jury"] = jury(running)

        setup = CompetitionFactory(year=2052)
        setup_est = make_team(setup, est)
        setup_fra = make_team(setup, fra)
        spares = [competitor(setup, est) for _ in range(3)]
        yield SimpleNamespace(
            est=est,
            fra=fra,
            users=users,
            running=running,
            est_1=est_1,
            est_2=est_2,
            fra_1=fra_1,
            captain=est_1.captain_user,
            protest=protest,
            setup=setup,
            setup_est=setup_est,
            setup_fra=setup_fra,
            spares=spares,
        )


@pytest.fixture
def w(world, db):
    return world


def client_for(world, role):
    client = Client()
    user = world.captain if role == "captain" else world.users[role]
    if user is not None:
        client.force_login(user)
    return client


# --- The routes -------------------------------------------------------------------------------


def routes():
    return [p for p in milcomp_urls.urlpatterns if isinstance(p, URLPattern)]


def url_of(world, name, *, competition=None, pk=None, kind="shooting", nation="EST"):
    """Return the URL of route `name` for A's objects of the running competition."""
    pattern = next(p for p in routes() if p.name == name)
    competition = competition or world.running
    team_pk = world.est_1.pk if competition == world.running else world.setup_est.pk
    values = {
        "competition": competition.slug,
        "kind": kind,
        "pk": pk or (world.protest.pk if name == "milcomp_protest_decide" else team_pk),
        "arg": "shooting" if name.startswith("milcomp_results_discipline") else "experienced",
    }
    url = reverse(name, kwargs={key: values[key] for key in pattern.pattern.regex.groupindex})
    if name == "milcomp_team_declare":
        url += f"?nation={nation}"
    return url


PUBLIC = dict.fromkeys(ROLES, 200)
POST_ONLY = dict.fromkeys(ROLES, 405)
REFUSED = {**dict.fromkeys(ROLES, 404), "anonymous": "login"}


def allowed(*roles, **others):
    return {**REFUSED, **dict.fromkeys(roles, 200), **others}


# route name -> (answer per role, the A marker that A's users see there, or None)
EXPECTED = {
    "milcomp_judge_home": ({**dict.fromkeys(ROLES, 200), "anonymous": "login"}, None),
    "milcomp_judge_entry": (allowed("jury", "presidency"), "aamember"),
    "milcomp_judge_entry_save": (POST_ONLY, None),
    "milcomp_judge_sw": (PUBLIC, None),
    "milcomp_discipline_publish": (POST_ONLY, None),
    "milcomp_discipline_official": (POST_ONLY, None),
    "milcomp_teams": (allowed("hod_est", "presidency", hod_fra="clean"), "aamember"),
    "milcomp_team_declare": (allowed("hod_est", "presidency"), None),
    "milcomp_team_edit": (allowed("hod_est", "presidency"), "aamember"),
    "milcomp_team_withdraw": (POST_ONLY, None),
    "milcomp_team_history": (allowed("hod_est", "staff_est", "jury", "presidency"), "aamember"),
    "milcomp_protests": (
        allowed("hod_est", "staff_est", "jury", "presidency", hod_fra="clean"),
        "aaprotest",
    ),
    "milcomp_protest_file": (allowed("hod_est", "presidency", hod_fra="clean"), None),
    "milcomp_protest_decide": (allowed("jury", "presidency"), "aaprotest"),
}
PUBLIC_ROUTES = {p.name for p in routes() if p.name.startswith("milcomp_results")}
EXPECTED.update(dict.fromkeys(PUBLIC_ROUTES, (PUBLIC, None)))


def body(response):
    return response.content.decode("utf-8-sig", errors="replace").lower()


def is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def check(response, expected, *, role, name, marker=None):
    """Assert the answer `expected` ("login", "clean" or a status code)."""
    where = f"{name} as {role}: {response.status_code}"
    assert response.status_code != 500, where
    if expected == "login":
        assert is_login_redirect(response), where
    elif expected == "clean":
        assert response.status_code == 200, where
    else:
        assert response.status_code == expected, where
    if response.status_code in (200, 400) and name not in PUBLIC_ROUTES:
        text = body(response)
        if role in OUTSIDERS:
            for secret in A_MARKERS:
                assert secret not in text, f"{where}: {secret} leaked"
        elif marker and expected == 200:
            assert marker in text, f"{where}: {marker} missing"


def snapshot():
    """Every row a refused request must leave as it was."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Competition, Discipline, Team, TeamMember, RawResult, ResultChange, Protest)
    }


# --- The walk ---------------------------------------------------------------------------------


def test_every_route_is_walked():
    names = [pattern.name for pattern in routes()]

    assert len(names) == len(set(names))
    assert set(names) == set(EXPECTED)
    assert len(PUBLIC_ROUTES) == 17


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_route_get_by_every_role_answers_within_scope(w, name):
    expected, marker = EXPECTED[name]
    url = url_of(w, name)
    for role in ROLES:
        response = client_for(w, role).get(url)
        check(response, expected[role], role=role, name=name, marker=marker)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_route_post_by_outsiders_changes_nothing(w, name):
    """A POST of any route by B, a participant, anonymous: nothing changed, nothing leaked."""
    url = url_of(w, name, pk=w.protest.pk if "protest" in name else w.est_2.pk)
    data = {
        "team": w.est_2.pk,
        "discipline": w.running.disciplines.get(kind="shooting").pk,
        "reasons": "walk",
        "decision-outcome": "reject",
        "decision-decision": "walk",
    }
    before = snapshot()
    for role in ("anonymous", "participant", "hod_fra", "staff_est"):
        response = client_for(w, role).post(url, data)

        assert response.status_code != 500, f"{name} as {role}"
        if role in OUTSIDERS and response.status_code in (200, 400) and name not in PUBLIC_ROUTES:
            for secret in A_MARKERS:
                assert secret not in body(response), f"{name} as {role}: {secret} leaked"
    assert snapshot() == before


def test_judge_enters_only_the_assigned_discipline(w):
    client = client_for(w, "judge")

    land = client.get(url_of(w, "milcomp_judge_entry", kind="land"))
    home = body(client.get(reverse("milcomp_judge_home")))
    assert land.status_code == 200
    assert "est 1" in body(land) and "fra 1" in body(land)  # the teams to judge
    for kind in ("shooting", "water", "orienteering", "first_aid", "loac", "nonsense"):
        assert client.get(url_of(w, "milcomp_judge_entry", kind=kind)).status_code == 404, kind
    assert "land" in home


def test_captain_reads_own_team_history_but_not_another(w):
    captain = client_for(w, "captain")

    own = captain.get(url_of(w, "milcomp_team_history"))
    other = captain.get(url_of(w, "milcomp_team_history", pk=w.fra_1.pk))
    assert own.status_code == 200
    assert "aamember" in body(own)
    assert other.status_code == 404


def test_b_reads_own_team_history_not_a(w):
    hod = client_for(w, "hod_fra")

    assert hod.get(url_of(w, "milcomp_team_history", pk=w.fra_1.pk)).status_code == 200
    assert hod.get(url_of(w, "milcomp_team_history", pk=w.est_2.pk)).status_code == 404
    assert hod.get(url_of(w, "milcomp_team_edit", pk=w.est_2.pk)).status_code == 404


def test_b_protest_form_offers_only_own_teams(w):
    page = body(client_for(w, "hod_fra").get(url_of(w, "milcomp_protest_file")))

    assert "fra 1" in page
    assert "est 1" not in page and "est 2" not in page


def test_team_of_another_competition_answers_404(w):
    """A team's id under another competition's slug is not found, even for its own HoD."""
    hod = client_for(w, "hod_est")

    url = url_of(w, "milcomp_team_history", pk=w.setup_est.pk)
    assert hod.get(url).status_code == 404
    assert hod.get(url_of(w, "milcomp_team_edit", pk=w.setup_est.pk)).status_code == 404


def test_declare_for_another_nation_or_unknown_code_answers_404(w):
    hod = client_for(w, "hod_est")

    for code in ("FRA", "fra", "XXX", "INT"):
        url = url_of(w, "milcomp_team_declare", competition=w.setup, nation=code)
        assert hod.get(url).status_code == 404, code
    own = url_of(w, "milcomp_team_declare", competition=w.setup, nation="")
    assert hod.get(own).status_code == 200  # the own nation by default


# --- Changes: refused to the others, done by their owner -------------------------------------


def _shooting_post(team, *, version, reason="walk"):
    prefix = f"t{team.pk}"
    data = {
        "team": team.pk,
        f"{prefix}-version": version,
        f"{prefix}-status": "ok",
        f"{prefix}-reason": reason,
    }
    for m in range(3):
        for weapon in ("rifle", "pistol"):
            for k, ring in enumerate((10, 10, 10, 10, 10), start=1):
                data[f"{prefix}-m{m}_{weapon}_{k}"] = ring
            data[f"{prefix}-m{m}_{weapon}_rapid"] = 6
    return data


def _team_post(registrations, *, participations):
    data = {"category": "experienced", "captain": 0}
    for n, (registration, previous) in enumerate(
        zip(registrations, participations, strict=True), 1
    ):
        data[f"member_{n}"] = registration.pk
        data[f"participations_{n}"] = previous
    return data


def change_request(w, name):
    """Return (url, data) of a change of A's objects by route `name` (data: a dict posted as a
    form, or a str posted as JSON)."""
    if name == "milcomp_judge_entry_save":
        version = RawResult.objects.get(team=w.est_2, discipline__kind="shooting").version
        form = _shooting_post(w.est_2, version=version)
        fields = {key: str(value) for key, value in form.items()}
        return url_of(w, name), json.dumps({"team": w.est_2.pk, "fields": fields})
    if name == "milcomp_judge_entry":
        version = RawResult.objects.get(team=w.est_2, discipline__kind="shooting").version
        return url_of(w, name), _shooting_post(w.est_2, version=version)
    if name == "milcomp_discipline_publish":
        return url_of(w, name, kind="water"), {}
    if name == "milcomp_discipline_official":
        return url_of(w, name), {}
    if name == "milcomp_team_declare":
        return url_of(w, name, competition=w.setup), _team_post(w.spares, participations=(1, 0, 0))
    if name == "milcomp_team_edit":
        registrations = [m.registration for m in w.setup_est.members.order_by("position")]
        return url_of(w, name, competition=w.setup), _team_post(
            registrations, participations=(3, 2, 1)
        )
    if name == "milcomp_team_withdraw":
        return url_of(w, name, competition=w.setup), {}
    if name == "milcomp_protest_file":
        shooting = w.running.disciplines.get(kind="shooting")
        return url_of(w, name), {"team": w.est_2.pk, "discipline": shooting.pk, "reasons": "x"}
    assert name == "milcomp_protest_decide"
    return url_of(w, name), {"decision-outcome": "reject", "decision-decision": "Not proven."}


REFUSED_POST = {**dict.fromkeys(["hod_est", "staff_est", "hod_fra", "participant"], 404)}
CHANGES = {
    # route: (who changes it, answers to the refused roles)
    "milcomp_judge_entry": ("jury", {**REFUSED_POST, "judge": 404}),
    # The offline mode's JSON endpoint answers problems, not pages: 403, and 401 signed out.
    "milcomp_judge_entry_save": (
        "jury",
        {**dict.fromkeys([*REFUSED_POST, "judge"], 403), "anonymous": 401},
    ),
    "milcomp_discipline_publish": ("presidency", {**REFUSED_POST, "judge": 404}),
    "milcomp_discipline_official": ("jury", {**REFUSED_POST, "judge": 404}),
    "milcomp_team_declare": (
        "hod_est",
        {"hod_fra": 404, "staff_est": 404, "participant": 404, "judge": 404, "jury": 404},
    ),
    "milcomp_team_edit": (
        "hod_est",
        {"hod_fra": 404, "staff_est": 404, "participant": 404, "judge": 404, "jury": 404},
    ),
    "milcomp_team_withdraw": (
        "hod_est",
        {"hod_fra": 404, "staff_est": 404, "participant": 404, "judge": 404, "jury": 404},
    ),
    "milcomp_protest_file": (
        "hod_est",
        {"hod_fra": 400, "staff_est": 404, "participant": 404, "judge": 404, "jury": 404},
    ),
    "milcomp_protest_decide": ("jury", {**REFUSED_POST, "judge": 404}),
}
# Changes refused by the rules of the competition's state, even to their owner.
NO_CHANGE_EXPECTED = {"milcomp_discipline_publish", "milcomp_discipline_official"}


def post(client, url, data):
    if isinstance(data, str):
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


def test_every_changing_route_is_tried():
    posting = {p.name for p in routes() if p.name in CHANGES or EXPECTED[p.name][0] == POST_ONLY}

    assert posting == set(CHANGES)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_change_refused_to_others_then_done_by_its_owner(w, name):
    owner, refusals = CHANGES[name]
    before = snapshot()
    for role, status in {"anonymous": "login", **refusals}.items():
        url, data = change_request(w, name)
        response = post(client_for(w, role), url, data)

        check(response, status, role=role, name=name)
        assert snapshot() == before, f"{name} as {role} changed the database"

    url, data = change_request(w, name)
    response = post(client_for(w, owner), url, data)

    done = 200 if isinstance(data, str) else 302
    assert response.status_code == done, f"{name} as {owner}: {response.status_code}"
    if name not in NO_CHANGE_EXPECTED:
        assert snapshot() != before, f"{name} as {owner} changed nothing"


def test_head_of_delegation_cannot_alter_results_of_own_team(w):
    before = snapshot()
    hod = client_for(w, "hod_est")
    version = RawResult.objects.get(team=w.est_1, discipline__kind="shooting").version

    for kind in ("shooting", "land"):
        response = hod.post(
            url_of(w, "milcomp_judge_entry", kind=kind), _shooting_post(w.est_1, version=version)
        )
        assert response.status_code == 404
    decide = hod.post(
        url_of(w, "milcomp_protest_decide"),
        {"decision-outcome": "uphold", "decision-decision": "Mine."},
    )
    assert decide.status_code == 404
    assert snapshot() == before


def test_b_cannot_declare_a_team_of_a_competitors(w):
    """B's HoD declaring for France with A's competitors is refused with a message."""
    before = snapshot()
    url = url_of(w, "milcomp_team_declare", competition=w.setup, nation="FRA")

    response = client_for(w, "hod_fra").post(url, _team_post(w.spares, participations=(1, 0, 0)))

    assert response.status_code == 400
    assert snapshot() == before


# --- The back-office --------------------------------------------------------------------------

ADMIN_NAMESPACES = {
    "wagtailsnippets_milcomp_competition": "competition",
    "wagtailsnippets_milcomp_team": "team",
    "wagtailsnippetchoosers_milcomp_competition": "competition",
    "wagtailsnippetchoosers_milcomp_team": "team",
}


def admin_urls(w):
    """Every admin URL of the MILCOMP back-office, for the competition being set up."""
    found = []
    for namespace, target in ADMIN_NAMESPACES.items():
        resolver = get_resolver().namespace_dict[namespace][1]
        for pattern in resolver.url_patterns:
            pk = w.setup.pk if target == "competition" else w.setup_est.pk
            args = [pk] if pattern.pattern.regex.groupindex else []
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
    assert len(urls) >= 20
    for role in ("hod_est", "staff_est", "hod_fra"):
        client = client_for(w, role)
        for name, url in urls:
            response = client.get(url)
            assert response.status_code != 500, f"{name} as {role}"
            if name.startswith("wagtailsnippetchoosers_"):
                # Competitions and team names are public (the results); no member is named.
                assert "aamember" not in body(response), f"{name} as {role}"
                continue
            assert refused_in_admin(response), f"{name} as {role}: {response.status_code}"


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
        assert client.get(url).status_code != 500, name
    for name, pk in (
        ("wagtailsnippets_milcomp_competition:list", None),
        ("wagtailsnippets_milcomp_team:list", None),
        ("wagtailsnippets_milcomp_competition:edit", w.setup.pk),
        ("wagtailsnippets_milcomp_competition:freeze", w.setup.pk),
        ("wagtailsnippets_milcomp_team:edit", w.setup_est.pk),
        ("wagtailsnippets_milcomp_team:inspect", w.setup_est.pk),
    ):
        response = client.get(reverse(name, args=[pk] if pk else []))
        assert response.status_code == 200, name


def test_admin_freeze_draw_disqualify_by_a_delegation_are_refused(w):
    before = snapshot()
    posts = [
        (reverse("wagtailsnippets_milcomp_competition:freeze", args=[w.setup.pk]), {}),
        (reverse("wagtailsnippets_milcomp_competition:draw", args=[w.running.pk]), {"seed": "x"}),
        (
            reverse("wagtailsnippets_milcomp_team:edit", args=[w.est_1.pk]),
            {"disqualified": "on", "disqualification_reason": "walk"},
        ),
        (reverse("wagtailsnippets_milcomp_team:delete", args=[w.fra_1.pk]), {}),
        (reverse("wagtailsnippets_milcomp_competition:delete", args=[w.setup.pk]), {}),
        (reverse("wagtailsnippets_milcomp_competition:edit", args=[w.setup.pk]), {"year": 2099}),
    ]
    for role in ("hod_est", "hod_fra"):
        client = client_for(w, role)
        for url, data in posts:
            response = client.post(url, data)
            assert refused_in_admin(response), f"{url} as {role}: {response.status_code}"
    assert snapshot() == before


def test_admin_bulk_pages_name_no_member_and_change_nothing(w):
    before = snapshot()
    for role in ("hod_fra", "hod_est"):
        client = client_for(w, role)
        for model, pk in (("team", w.est_1.pk), ("competition", w.running.pk)):
            url = f"/admin/bulk/milcomp/{model}/delete/?id={pk}"
            for response in (client.get(url), client.post(url)):
                # Wagtail lists the chosen teams by name (public, as in the results), no member.
                assert response.status_code in (200, 302, 403, 404), f"{url} as {role}"
                assert "aamember" not in body(response)
    assert snapshot() == before


def test_admin_freeze_by_the_presidency_freezes(w):
    url = reverse("wagtailsnippets_milcomp_competition:freeze", args=[w.setup.pk])

    response = client_for(w, "presidency").post(url)

    assert response.status_code == 302
    assert Competition.objects.get(pk=w.setup.pk).frozen_at is not None
