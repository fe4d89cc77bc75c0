"""The public live results pages (milcomp/views/public.py): pages, live fragment, CSV, PDF."""

import csv
import io
import re

import pytest
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task_backends
from pypdf import PdfReader

from milcomp import queries, services
from milcomp.models import Competition, Discipline, RawResult, ResultsDocument, Team
from milcomp.tasks import make_results_pdf

from .factories import CompetitionFactory, freeze, judge, make_team, shooting_data

SHOOTING_3108 = shooting_data()
SHOOTING_2700 = shooting_data(rings=(10, 9, 9, 8, 10), hits=3)  # 368 + 90 = 458 -> x6 = 2748


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def running(competition, est, fra):
    make_team(competition, est)  # EST 1
    make_team(competition, fra)  # FRA 1
    make_team(competition, est)  # EST 2
    competition = freeze(competition)
    competition.status = Competition.Status.RUNNING
    competition.save(update_fields=["status"])
    return competition


@pytest.fixture
def judge_user(running):
    return judge(running, "shooting", "land")


def save(competition, team_name, kind, data, by, status="ok"):
    team = Team.objects.get(competition=competition, name=team_name)
    discipline = Discipline.objects.get(competition=competition, kind=kind)
    current = RawResult.objects.filter(team=team, discipline=discipline).first()
    reason = "" if discipline.state == "open" else "correction"
    # As committed: the results version moves once the save's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.save_result(
            team,
            discipline,
            data=data,
            status=status,
            by=by,
            reason=reason,
            expected_version=current.version if current else 0,
        )


@pytest.fixture
def scored(running, judge_user):
    """EST 1 first (3108 + 1400), FRA 1 second (3108), EST 2 third (2748), all provisional."""
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    save(running, "EST 1", "land", {"seconds": 200, "failed_obstacles": 0}, judge_user)
    save(running, "FRA 1", "shooting", SHOOTING_3108, judge_user)
    save(running, "EST 2", "shooting", SHOOTING_2700, judge_user)
    return running


def url(name, competition, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=[competition.slug, *args])


def rows_of(html):
    """Return (place, team, total) of each row of the results table, in order."""
    return re.findall(
        r'<tr class="[^"]*" data-team="([^"]+)">\s*<td class="results-table__place" data-place>'
        r"(.*?)</td>.*?data-total>(.*?)</td>",
        html,
        re.S,
    )


def official(competition, *kinds):
    Discipline.objects.filter(competition=competition, kind__in=kinds).update(
        state="official", published_at="2027-08-01T10:00Z", official_at="2027-08-01T12:00Z"
    )
    queries.bump_results_version(competition)


def test_overall_page_shows_places_teams_nations_and_points_in_english(client, scored):
    response = client.get(url("milcomp_results_overall", scored))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert rows_of(html) == [("EST 1", "1", "4508"), ("FRA 1", "2", "3108"), ("EST 2", "3", "2748")]
    assert '<span class="results-nation">EST</span>' in html
    assert "img/flags/est.svg" in html or "img/flags/" not in html  # a flag when one is drawn
    assert "Overall ranking" in html and "MILCOMP 2027" in html
    assert ">1400<" in html  # EST 1's land points in its column


def test_overall_page_in_french_has_french_links_and_the_same_figures(client, scored):
    response = client.get(url("milcomp_results_overall", scored, lang="fr"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert rows_of(html) == [("EST 1", "1", "4508"), ("FRA 1", "2", "3108"), ("EST 2", "3", "2748")]
    assert 'hx-get="/fr/milcomp/results/2027/live/"' in html
    assert 'href="/fr/milcomp/results/2027/category/novice/"' in html
    assert "MILCOMP 2027 (fr)" in html  # the competition's French title


def test_results_say_provisional_while_no_discipline_is_official(client, scored):
    html = client.get(url("milcomp_results_overall", scored)).content.decode()

    assert "PROVISIONAL RESULTS" in html
    assert "OFFICIAL RESULTS" not in html
    assert html.count(">Provisional</span>") == 12  # in the banner and on each column
    assert html.count('data-state="') == 6
    assert ">Official<" not in html
    assert "Last updated" in html and "data-results-updated" in html


def test_one_official_discipline_is_official_on_its_own_page_only(client, scored):
    official(scored, "shooting")

    shooting = client.get(url("milcomp_results_discipline", scored, "shooting")).content.decode()
    overall = client.get(url("milcomp_results_overall", scored)).content.decode()

    assert "OFFICIAL RESULTS" in shooting and "PROVISIONAL RESULTS" not in shooting
    assert "PROVISIONAL RESULTS" in overall
    assert 'data-state="shooting">Official</span>' in overall
    assert 'data-state="land">Provisional</span>' in overall


def test_everything_official_stops_the_polling(client, scored):
    live = client.get(url("milcomp_results_overall", scored)).content.decode()
    official(scored, "shooting", "land", "water", "orienteering", "first_aid", "loac")

    html = client.get(url("milcomp_results_overall", scored)).content.decode()

    assert 'hx-trigger="every 5s"' in live
    assert "OFFICIAL RESULTS" in html and "PROVISIONAL" not in html
    assert "hx-trigger" not in html and "hx-get" not in html
    assert "1 Aug 2027" in html  # when the jury declared it


def test_shared_places_show_an_equals_sign(client, running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    save(running, "FRA 1", "shooting", SHOOTING_3108, judge_user)
    save(running, "EST 2", "shooting", SHOOTING_2700, judge_user)

    html = client.get(url("milcomp_results_overall", running)).content.decode()

    assert rows_of(html) == [
        ("EST 1", "1=", "3108"),
        ("FRA 1", "1=", "3108"),
        ("EST 2", "3", "2748"),
    ]


def test_dns_is_marked_and_a_disqualified_team_listed_last_unranked(client, scored, judge_user):
    save(scored, "FRA 1", "land", {}, judge_user, status="dns")
    Team.objects.filter(competition=scored, name="EST 1").update(
        disqualified=True, disqualification_reason="Doping"
    )
    queries.bump_results_version(scored)

    html = client.get(url("milcomp_results_overall", scored)).content.decode()

    assert [row[:2] for row in rows_of(html)] == [
        ("FRA 1", "1"),
        ("EST 2", "2"),
        ("EST 1", '<abbr title="Disqualified: not ranked">DSQ</abbr>'),
    ]
    assert '0 <span class="results-mark__code">DNS</span>' in html
    assert 'class="results-row--dsq" data-team="EST 1"' in html


def test_category_discipline_shooting_and_nation_cup_pages(client, scored):
    category = client.get(url("milcomp_results_category", scored, "experienced")).content.decode()
    land = client.get(url("milcomp_results_discipline", scored, "land")).content.decode()
    shooting = client.get(url("milcomp_results_shooting", scored)).content.decode()
    nations = client.get(url("milcomp_results_nations", scored)).content.decode()

    assert [row[0] for row in rows_of(category)] == ["EST 1", "FRA 1", "EST 2"]
    assert rows_of(land)[0] == ("EST 1", "1", "1400")
    assert "3:20" in land  # the effective time
    member = Team.objects.get(competition=scored, name="EST 1").members.get(position=1).person
    assert f"{member.first_name} {member.last_name.upper()}" in shooting
    assert "1036" in shooting  # (46 x 8 + 5 x 30) x 2 weapons
    est = re.search(r'data-nation="EST">.*?data-total>(\d+)<', nations, re.S).group(1)
    assert est == str(4508 + 2748)
    assert "EST 1 (4508), EST 2 (2748)" in nations


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("milcomp_results_overall", []),
        ("milcomp_results_category", ["nosuch"]),
        ("milcomp_results_discipline", ["javelin"]),
        ("milcomp_results_overall_live", []),
        ("milcomp_results_category_csv", ["nosuch"]),
        ("milcomp_results_pdf", []),
    ],
)
def test_unknown_competition_category_or_discipline_is_404(client, scored, name, args):
    competition = scored if args else Competition(slug="1900")
    assert client.get(url(name, competition, *args)).status_code == 404


def test_live_fragment_answers_304_until_a_result_changes(client, scored, judge_user):
    live_url = url("milcomp_results_overall_live", scored)
    version = queries.results_version(scored)
    first = client.get(live_url)
    etag = first["ETag"]

    unchanged = client.get(live_url, HTTP_IF_NONE_MATCH=etag)
    save(scored, "EST 2", "land", {"seconds": 180, "failed_obstacles": 0}, judge_user)
    changed = client.get(live_url, HTTP_IF_NONE_MATCH=etag)

    assert first.status_code == 200
    assert first.content.decode().startswith('<section id="live-results"')
    assert "no-cache" in first["Cache-Control"]
    assert first["X-Results-Version"] == str(version)
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert rows_of(changed.content.decode())[1] == ("EST 2", "2", str(2748 + 1500))


def test_live_fragment_etag_differs_by_language_and_view(client, scored):
    en = client.get(url("milcomp_results_overall_live", scored))["ETag"]
    fr = client.get(url("milcomp_results_overall_live", scored, lang="fr"))["ETag"]
    cup = client.get(url("milcomp_results_nations_live", scored))["ETag"]

    assert len({en, fr, cup}) == 3
    assert '-en-overall"' in en and '-fr-overall"' in fr and '-en-nations"' in cup


def test_live_fragment_queries_cold_at_most_six_and_warm_one(
    client, scored, django_assert_max_num_queries, django_assert_num_queries
):
    """Warm: the competition's row only (its title and status show at once); the results
    and the fragment come from the shared cache under the results version."""
    live_url = url("milcomp_results_overall_live", scored)
    cache.clear()

    with django_assert_max_num_queries(9):
        cold = client.get(live_url)
    with django_assert_num_queries(1):
        warm = client.get(live_url)

    assert cold.content == warm.content
    assert rows_of(cold.content.decode())[0] == ("EST 1", "1", "4508")


def test_a_kept_fragment_is_served_without_reading_the_results(client, scored, monkeypatch):
    """The polling hot path: the competition's id and version, then the kept fragment; the
    competition's row and its results are read only when this version's fragment is not kept."""
    from milcomp import results

    live_url = url("milcomp_results_overall_live", scored)
    first = client.get(live_url)
    reads = []
    monkeypatch.setattr(results, "live_results", lambda *a, **k: reads.append(a))
    monkeypatch.setattr(results, "competition_for", lambda *a, **k: reads.append(a))

    again = client.get(live_url)

    assert again.status_code == 200 and again.content == first.content
    assert reads == []


def test_a_competition_title_or_new_slug_shows_at_once_on_the_live_fragment(
    client, scored, django_capture_on_commit_callbacks
):
    old_url = url("milcomp_results_overall_live", scored)
    before = client.get(old_url)
    with django_capture_on_commit_callbacks(execute=True):
        scored.slug = "2027-tallinn"
        scored.status = Competition.Status.FINISHED  # polling stops
        scored.save()

    assert client.get(old_url).status_code == 404
    new_url = url("milcomp_results_overall_live", scored)
    after = client.get(new_url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert "hx-trigger" in before.content.decode()
    assert "hx-trigger" not in after.content.decode()


def test_full_page_after_a_change_queries_stay_bounded(
    client, scored, judge_user, django_assert_max_num_queries
):
    client.get(url("milcomp_results_overall", scored))  # the site's own caches warm
    save(scored, "FRA 1", "land", {"seconds": 190, "failed_obstacles": 0}, judge_user)

    with django_assert_max_num_queries(9):
        response = client.get(url("milcomp_results_overall", scored))

    assert rows_of(response.content.decode())[:2] == [
        ("FRA 1", "1", "4558"),
        ("EST 1", "2", "4508"),
    ]


def test_index_lists_competitions_by_year_past_ones_included(client, running):
    CompetitionFactory(year=2026, status=Competition.Status.FINISHED)
    CompetitionFactory(year=2019, status=Competition.Status.FINISHED)

    with translation.override("fr"):
        index_url = reverse("milcomp_results_index")
    html = client.get(index_url).content.decode()

    years = re.findall(r'data-year="(\d+)"', html)
    assert years == ["2027", "2026", "2019"]
    assert 'href="/fr/milcomp/results/2019/"' in html
    assert "MILCOMP 2019 (fr)" in html
    assert client.get("/fr/milcomp/results/2019/").status_code == 200


def test_csv_of_the_overall_ranking_has_a_row_per_team(client, scored):
    response = client.get(url("milcomp_results_overall_csv", scored))

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="milcomp-2027-overall-en.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0] == [
        "Place", "Team", "Nation", "Category", "Shooting", "Land obstacles",
        "Water obstacles", "Orienteering", "First aid", "LOAC", "Total",
    ]  # fmt: skip
    assert lines[1] == [
        "1",
        "EST 1",
        "EST",
        "Experienced",
        "3108",
        "1400",
        "0",
        "0",
        "0",
        "0",
        "4508",
    ]
    assert [line[1] for line in lines[1:]] == ["EST 1", "FRA 1", "EST 2"]


def test_csv_of_the_nation_cup_and_individual_shooting(client, scored):
    cup = client.get(url("milcomp_results_nations_csv", scored)).content.decode("utf-8-sig")
    shooting = client.get(url("milcomp_results_shooting_csv", scored)).content.decode("utf-8-sig")

    cup_lines = list(csv.reader(io.StringIO(cup)))
    assert cup_lines[1] == ["1", "EST", "EST 1 (4508); EST 2 (2748)", str(4508 + 2748)]
    assert cup_lines[2] == ["2", "FRA", "FRA 1 (3108)", "3108"]
    shooting_lines = list(csv.reader(io.StringIO(shooting)))
    assert len(shooting_lines) == 1 + 9
    assert shooting_lines[1][0] == "1=" and shooting_lines[1][-1] == "1036"


def test_pdf_states_provisional_and_lists_every_ranking(
    client, scored, django_capture_on_commit_callbacks
):
    official(scored, "shooting")
    with django_capture_on_commit_callbacks(execute=True):  # the task runs at once in tests
        pending = client.get(url("milcomp_results_pdf", scored))
    response = client.get(url("milcomp_results_pdf", scored))

    assert "being prepared" in pending.content.decode()
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "MILCOMP 2027" in text
    assert "PROVISIONAL RESULTS" in text and "OFFICIAL RESULTS" not in text
    assert re.search(r"Shooting\s+Official", text)
    assert re.search(r"1\s+EST 1\s+EST\s+Experienced\s+3108\s+1400", text)
    for title in ("Overall ranking", "Individual shooting", "Nation cup", "Land obstacle course"):
        assert title in text


# The results PDF: made by a task once per results version and language, kept, and handed
# over by the request, which never makes it.

QUEUED_ONLY = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}


@override_settings(TASKS=QUEUED_ONLY)
def test_results_pdf_request_queues_the_task_then_serves_the_kept_file(
    client, scored, django_capture_on_commit_callbacks
):
    pdf_url = url("milcomp_results_pdf", scored)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(pdf_url)
        again = client.get(pdf_url)  # a poll before the worker got to it: queued once only

    [queued] = task_backends["background"].results
    document = ResultsDocument.objects.get()
    assert first.status_code == 200
    assert "The PDF of the latest results is being prepared" in first.content.decode()
    assert 'hx-trigger="every 2s"' in first.content.decode()
    assert "no-cache" in first["Cache-Control"]
    assert again.status_code == 200 and not document.file
    assert queued.task.func is make_results_pdf.func and queued.args == [document.pk]
    assert (document.version, document.language) == (queries.results_version(scored), "en")

    make_results_pdf.call(*queued.args)  # what the worker does
    poll = client.get(pdf_url, HTTP_HX_REQUEST="true")
    served = client.get(pdf_url)

    assert poll["HX-Redirect"] == pdf_url
    assert served["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(b"".join(served.streaming_content))).pages
    assert "MILCOMP 2027" in pages[0].extract_text()
    assert len(task_backends["background"].results) == 1  # served, not queued again
    assert "no-cache" in served["Cache-Control"]
    assert client.get(pdf_url, HTTP_IF_NONE_MATCH=served["ETag"]).status_code == 304


@override_settings(TASKS=QUEUED_ONLY)
def test_results_pdf_of_a_new_version_is_made_again_and_the_old_one_dropped(
    client, scored, judge_user, django_capture_on_commit_callbacks
):
    pdf_url = url("milcomp_results_pdf", scored)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(pdf_url)
    make_results_pdf.call(ResultsDocument.objects.get().pk)
    old_file = ResultsDocument.objects.get().file.name

    save(scored, "EST 2", "land", {"seconds": 180, "failed_obstacles": 0}, judge_user)
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.get(pdf_url)
    newest = ResultsDocument.objects.latest("version")
    make_results_pdf.call(newest.pk)

    assert "being prepared" in pending.content.decode()
    assert list(ResultsDocument.objects.values_list("pk", flat=True)) == [newest.pk]
    assert not ResultsDocument.file.field.storage.exists(old_file)
    assert client.get(pdf_url)["Content-Type"] == "application/pdf"


@override_settings(TASKS=QUEUED_ONLY)
def test_results_pdf_of_a_version_gone_by_before_its_turn_is_not_made(
    client, scored, judge_user, django_capture_on_commit_callbacks
):
    pdf_url = url("milcomp_results_pdf", scored)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(pdf_url)
    stale = ResultsDocument.objects.get()
    save(scored, "EST 2", "land", {"seconds": 180, "failed_obstacles": 0}, judge_user)

    make_results_pdf.call(stale.pk)  # its turn comes after the results changed

    assert not ResultsDocument.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert "being prepared" in client.get(pdf_url).content.decode()
    assert ResultsDocument.objects.get().version == queries.results_version(scored)


def test_results_pdf_in_french_is_its_own_document(
    client, scored, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url("milcomp_results_pdf", scored, lang="fr"))
    french = client.get(url("milcomp_results_pdf", scored, lang="fr"))

    assert ResultsDocument.objects.get().language == "fr"
    assert french["Content-Type"] == "application/pdf"
    assert 'filename="milcomp-' in french["Content-Disposition"]
    assert "-fr.pdf" in french["Content-Disposition"]
