import datetime

import pytest

from accounts.models import Person
from governance import demo
from governance.models import (
    Appointment,
    Committee,
    CommitteeMembership,
    CouncilMeeting,
    Motion,
    PresidencyPage,
    PresidencyTerm,
    Vote,
)
from nations import demo as nations_demo
from nations.models import Nation
from nations.queries import nations_in_arrears

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo_site):
    return demo_site


def test_load_creates_the_eight_committees_in_both_languages(loaded):
    committees = list(Committee.objects.all())

    assert [c.acronym for c in committees] == [
        "YRO-C",
        "CLA-C",
        "CIMIC-C",
        "MILCOMP-C",
        "CR-C",
        "STRATCOM-C",
        "DEFSEC-C",
        "LEGAL-C",
    ]
    yro = committees[0]
    assert (yro.name_en, yro.name_fr) == (
        "Young Reserve Officers Committee",
        "Comité des jeunes officiers de réserve",
    )
    assert yro.main_product_fr == "Atelier YRO et séminaire YRO"
    assert yro.description_fr.startswith("<p>Le Comité des jeunes officiers de réserve")


def test_load_records_when_committees_were_formed(loaded):
    cimic = Committee.objects.get(acronym="CIMIC-C")
    cyber = Committee.objects.get(acronym="CR-C")

    assert (cimic.formed_year, cimic.formed_on) == (2012, None)
    assert (cyber.formed_year, cyber.formed_on) == (2022, datetime.date(2022, 8, 1))
    assert Committee.objects.filter(formed_year=None).count() == 6


def test_load_creates_the_four_terms_from_august_to_august(loaded):
    terms = [
        (t.nation.code, t.starts_on, t.ends_on)
        for t in PresidencyTerm.objects.select_related("nation").order_by("starts_on")
    ]

    assert terms == [
        ("GBR", datetime.date(2018, 8, 1), datetime.date(2020, 7, 31)),
        ("DEU", datetime.date(2020, 8, 1), datetime.date(2022, 7, 31)),
        ("EST", datetime.date(2022, 8, 1), datetime.date(2024, 7, 31)),
        ("NOR", datetime.date(2024, 8, 1), datetime.date(2026, 7, 31)),
    ]
    norway = PresidencyTerm.objects.get(nation__code="NOR")
    assert norway.description_en == "Nordic presidency led by Norway"
    assert norway.description_fr == "Présidence nordique conduite par la Norvège"


def test_load_creates_the_estonian_team_as_the_seed_gives_it(loaded):
    estonia = PresidencyTerm.objects.get(nation__code="EST")
    team = Appointment.objects.filter(term=estonia).select_related("person__nation")
    perm_rep = Appointment.objects.select_related("person__nation").get(role="perm_rep")

    assert team.count() == 6
    president = team.get(role="president").person
    assert (president.full_name, president.rank_en, president.rank_fr) == (
        "Toomas LUMAN",
        "Lieutenant Colonel",
        "Lieutenant-colonel",
    )
    assert (president.nation.code, president.service) == ("EST", "army")
    organization = team.get(role="asg", portfolio="organization").person
    assert (organization.first_name, organization.last_name) == ("", "")
    assert organization.rank_en == "Lieutenant Senior Grade"
    assert team.get(portfolio="international").person.nation.code == "FIN"
    assert perm_rep.term is None
    assert (perm_rep.person.nation.code, perm_rep.person.rank_en) == ("BEL", "Colonel")


def test_load_adds_the_record_pages_under_structure(loaded):
    presidency = loaded.pages["presidency"]
    committees = loaded.pages["committees"]

    assert (presidency["en"].url, presidency["fr"].url) == (
        "/en/structure/presidency/",
        "/fr/structure/presidence/",
    )
    assert (committees["en"].url, committees["fr"].url) == (
        "/en/structure/committees/",
        "/fr/structure/comites/",
    )
    assert committees["fr"].title == "Comités"
    # No term pinned: the page follows the date.
    assert [page.term for page in PresidencyPage.objects.all()] == [None, None]


RECORDS = (Committee, PresidencyTerm, Person, Appointment, CommitteeMembership, Motion, Vote)


def test_load_twice_changes_nothing(loaded):
    counts = [m.objects.count() for m in RECORDS]
    loaded.created.clear()

    nations_demo.load(loaded)
    demo.load(loaded)

    assert [m.objects.count() for m in RECORDS] == counts
    # 7 of the Estonian team and 2 of the Norwegian one, 46 serving on committees; 25 nations
    # voted on 3 motions at the last meeting, 6 and 2 so far on the next meeting's 2 motions.
    assert counts == [8, 4, 55, 9, 46, 5, 83]
    assert PresidencyPage.objects.count() == 2
    assert loaded.created == []


def test_load_keeps_a_name_filled_in_since(loaded):
    secretary = Appointment.objects.get(role="secretary_general", term__nation__code="EST").person
    secretary.first_name, secretary.last_name = "Mari", "Tamm"
    secretary.save()

    demo.load(loaded)

    estonian = Appointment.objects.get(role="secretary_general", term__nation__code="EST")
    assert estonian.person.full_name == "Mari TAMM"


def test_load_gives_each_committee_a_chair_a_secretary_and_members(loaded):
    for committee in Committee.objects.all():
        active = CommitteeMembership.objects.active().filter(committee=committee)
        roles = [m.role for m in active]
        assert roles.count("chair") == 1, committee
        assert roles.count("secretary") == 1, committee
        assert roles.count("member") >= 3, committee
        assert len({m.nation_id for m in active}) >= 4, committee
    milcomp = CommitteeMembership.objects.filter(committee__acronym="MILCOMP-C", role="member")
    assert milcomp.filter(nation__code="DEU").count() == 5
    assert all(m.nation_id == m.person.nation_id for m in CommitteeMembership.objects.all())


def test_last_mid_winter_meeting_is_this_years_once_held():
    assert demo.last_mid_winter_meeting(datetime.date(2026, 11, 29)) == (
        datetime.date(2026, 2, 5),
        datetime.date(2026, 2, 7),
    )
    assert demo.last_mid_winter_meeting(datetime.date(2027, 1, 10))[0] == datetime.date(2026, 2, 5)


def test_load_holds_the_mid_winter_meeting_with_votes_frozen(loaded):
    starts_on, ends_on = demo.last_mid_winter_meeting()
    meeting = CouncilMeeting.objects.get(kind="mwm", starts_on=starts_on)
    motions = {m.number: m for m in meeting.motions.all()}
    greece = Vote.objects.get(motion=motions[1], nation__code="GRC")

    assert meeting.status == "closed"
    assert meeting.title_en == f"Mid-Winter Meeting {starts_on.year}"
    assert meeting.place_en == "NATO Headquarters, Brussels"
    assert [(p.from_nation.code, p.to_nation.code) for p in meeting.proxies.all()] == [
        ("LUX", "BEL"),
        ("SVN", "HRV"),
    ]
    assert {m.status for m in motions.values()} == {"closed"}
    assert motions[2].required_majority == "qualified"
    assert [motions[n].result for n in (1, 2, 3)] == ["adopted", "adopted", "rejected"]
    # Greece's subscription of last year was unpaid at the meeting: its ballot is not counted.
    assert Nation.objects.get(code="GRC").pk in nations_in_arrears(on=ends_on)
    assert (greece.choice, greece.counted, greece.ignored_reason) == ("against", False, "arrears")
    assert (motions[1].votes_for, motions[1].votes_against, motions[1].abstentions) == (23, 0, 1)
    assert (motions[1].eligible_count, motions[1].quorum_base, motions[1].present_count) == (
        27,
        27,
        24,
    )
    # Statutes: 12 for, 10 against (2 abstain): 55 % of the votes cast, short of two thirds.
    assert (motions[3].votes_for, motions[3].votes_against) == (12, 10)


def test_next_mid_winter_meeting_is_next_february():
    assert demo.next_mid_winter_meeting(datetime.date(2026, 12, 6)) == (
        datetime.date(2027, 2, 5),
        datetime.date(2027, 2, 7),
    )
    assert demo.next_mid_winter_meeting(datetime.date(2026, 1, 10))[0] == datetime.date(2026, 2, 5)


def test_load_prepares_the_next_meeting_with_open_motions_to_vote_on(loaded):
    starts_on, _ = demo.next_mid_winter_meeting()
    meeting = CouncilMeeting.objects.get(kind="mwm", starts_on=starts_on)
    motions = list(meeting.motions.order_by("number"))

    assert meeting.status == "open"
    assert [m.status for m in motions] == ["voting", "voting"]
    assert (
        motions[0].text_en
        == f"The Council adopts the budget of the confederation for {starts_on.year}."
    )
    assert [(p.from_nation.code, p.to_nation.code) for p in meeting.proxies.all()] == [
        ("LUX", "BEL")
    ]
    assert meeting.attendances.filter(present_in_person=True).count() > 20
    # The demo heads of delegation (Estonia, France) have their ballot still to cast.
    assert not Vote.objects.filter(motion__in=motions, nation__code__in=["EST", "FRA"]).exists()
    assert Vote.objects.filter(motion=motions[0]).count() == 6
