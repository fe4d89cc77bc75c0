import pytest
from django.urls import reverse

from accounts.models import Person
from milcomp.models import Team

from .factories import competitor, freeze, make_team


def teams_url(competition):
    return reverse("milcomp_teams", args=[competition.slug])


def declare_url(competition, nation="EST"):
    return reverse("milcomp_team_declare", args=[competition.slug]) + f"?nation={nation}"


def team_post(registrations, *, category="experienced", participations=(1, 0, 0), captain=0):
    data = {"category": category, "captain": captain}
    for n, (registration, previous) in enumerate(
        zip(registrations, participations, strict=True), 1
    ):
        data[f"member_{n}"] = registration.pk
        data[f"participations_{n}"] = previous
    return data


def test_head_of_delegation_declares_a_team_of_own_competitors(client, competition, est, hod_est):
    registrations = [competitor(competition, est) for _ in range(3)]
    client.force_login(hod_est)

    form = client.get(declare_url(competition)).content.decode()
    response = client.post(declare_url(competition), team_post(registrations), follow=True)

    assert registrations[0].person.full_name in form
    team = Team.objects.get()
    assert team.name == "EST 1"
    assert "Team EST 1 declared." in response.content.decode()
    assert [m.previous_participations for m in team.members.order_by("position")] == [1, 0, 0]


def test_team_not_meeting_its_category_is_refused_with_the_reason(
    client, competition, est, hod_est
):
    registrations = [competitor(competition, est, sex=Person.Sex.FEMALE) for _ in range(2)]
    registrations.append(competitor(competition, est, sex=Person.Sex.MALE))
    client.force_login(hod_est)

    response = client.post(
        declare_url(competition),
        team_post(registrations, category="female", participations=(0, 0, 0)),
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "The team does not meet the Female category:" in page
    assert "In the female category every member is female." in page
    assert not Team.objects.exists()


def test_form_offers_only_the_nations_confirmed_competitors(client, competition, est, fra, hod_est):
    own = competitor(competition, est)
    foreign = competitor(competition, fra)
    unconfirmed = competitor(competition, est, state="submitted")
    client.force_login(hod_est)

    page = client.get(declare_url(competition)).content.decode()

    assert own.person.full_name in page
    assert foreign.person.full_name not in page
    assert unconfirmed.person.full_name not in page


def test_head_of_delegation_cannot_declare_for_another_nation(
    client, competition, est, fra, hod_est
):
    registrations = [competitor(competition, fra) for _ in range(3)]
    client.force_login(hod_est)

    assert client.get(declare_url(competition, "FRA")).status_code == 404
    assert client.post(declare_url(competition, "FRA"), team_post(registrations)).status_code == 404
    assert client.get(declare_url(competition, "INT")).status_code == 404
    assert not Team.objects.exists()


def test_other_nations_team_is_not_shown_nor_editable(client, competition, est, fra, hod_est):
    own = make_team(competition, est)
    other = make_team(competition, fra)
    client.force_login(hod_est)

    listing = client.get(teams_url(competition)).content.decode()
    edit = client.get(reverse("milcomp_team_edit", args=[competition.slug, other.pk]))
    history = client.get(reverse("milcomp_team_history", args=[competition.slug, other.pk]))

    assert own.name in listing and other.name not in listing
    assert (edit.status_code, history.status_code) == (404, 404)


def test_presidency_declares_an_international_team(client, competition, est, fra, presidency):
    registrations = [
        competitor(competition, est),
        competitor(competition, fra),
        competitor(competition, est),
    ]
    client.force_login(presidency)

    client.post(
        declare_url(competition, "INT"),
        team_post(registrations, category="international", participations=(0, 2, 0)),
    )

    team = Team.objects.get()
    assert (team.name, team.nation, team.category) == ("INT 1", None, "international")


def test_teams_cannot_change_after_the_freeze(client, competition, est, hod_est):
    team = make_team(competition, est)
    freeze(competition)
    registrations = [competitor(competition, est) for _ in range(3)]
    client.force_login(hod_est)

    page = client.get(teams_url(competition)).content.decode()
    response = client.post(
        reverse("milcomp_team_edit", args=[competition.slug, team.pk]),
        team_post(registrations, category="novice", participations=(0, 0, 0)),
    )

    assert "they can no longer be changed" in page
    assert "The teams are frozen" in response.content.decode()
    team.refresh_from_db()
    assert team.category == "experienced"


def test_head_of_delegation_withdraws_a_team_before_the_freeze(client, competition, est, hod_est):
    team = make_team(competition, est)
    client.force_login(hod_est)

    client.post(reverse("milcomp_team_withdraw", args=[competition.slug, team.pk]))

    assert not Team.objects.exists()


def test_a_judge_without_a_nation_role_has_no_teams_page(client, competition):
    from .factories import judge

    client.force_login(judge(competition, "shooting"))

    assert client.get(teams_url(competition)).status_code == 404


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_teams_page_answers_in_both_languages(client, competition, est, hod_est, lang):
    make_team(competition, est)
    client.force_login(hod_est)
    from django.utils import translation

    with translation.override(lang):
        url = teams_url(competition)

    assert url.startswith(f"/{lang}/milcomp/")
    assert "EST 1" in client.get(url).content.decode()


# --- The admin: competitions, freeze and draw, teams ---------------------------------------


def admin_url(name, *args):
    return reverse(f"wagtailsnippets_milcomp_{name}", args=args)


def test_presidency_edits_the_points_table_in_the_admin(client, competition, presidency):
    client.force_login(presidency)

    listing = client.get(admin_url("competition:list")).content.decode()
    edit = client.get(admin_url("competition:edit", competition.pk)).content.decode()
    add = client.get(admin_url("competition:add"))

    assert "MILCOMP 2027" in listing
    assert "Points table" in edit and "Category rules" in edit and "Technical Jury" in edit
    assert 'name="precision_points_per_ring" value="8.00"' in edit
    assert add.status_code == 200


def test_presidency_freezes_and_draws_from_the_admin(client, competition, est, fra, presidency):
    make_team(competition, est)
    make_team(competition, fra)
    client.force_login(presidency)

    client.post(admin_url("competition:freeze", competition.pk))
    response = client.post(
        admin_url("competition:draw", competition.pk), {"seed": "42"}, follow=True
    )

    competition.refresh_from_db()
    assert competition.frozen_at is not None
    assert competition.draw_seed == "42"
    assert "Start order drawn (seed 42)" in response.content.decode()
    assert sorted(competition.teams.values_list("start_number", flat=True)) == [1, 2]


def test_head_of_delegation_has_no_competition_admin(client, competition, est, hod_est):
    make_team(competition, est)
    client.force_login(hod_est)

    response = client.post(admin_url("competition:freeze", competition.pk))

    competition.refresh_from_db()
    assert response.status_code in (302, 403)
    assert competition.frozen_at is None


def test_presidency_disqualifies_a_team_in_the_admin(client, competition, est, presidency):
    team = make_team(competition, est)
    client.force_login(presidency)

    client.post(
        admin_url("team:edit", team.pk),
        {"disqualified": "on", "disqualification_reason": "Unsportsmanlike conduct"},
    )

    team.refresh_from_db()
    assert (team.disqualified, team.disqualification_reason) == (True, "Unsportsmanlike conduct")
