import datetime

import pytest

from accounts.models import Person
from governance import demo
from governance.models import Appointment, Committee, PresidencyPage, PresidencyTerm
from nations import demo as nations_demo

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
    assert {page.term.nation.code for page in PresidencyPage.objects.all()} == {"EST"}


def test_load_twice_changes_nothing(loaded):
    counts = [m.objects.count() for m in (Committee, PresidencyTerm, Person, Appointment)]
    loaded.created.clear()

    nations_demo.load(loaded)
    demo.load(loaded)

    assert [m.objects.count() for m in (Committee, PresidencyTerm, Person, Appointment)] == counts
    assert counts == [8, 4, 7, 7]
    assert PresidencyPage.objects.count() == 2
    assert loaded.created == []


def test_load_keeps_a_name_filled_in_since(loaded):
    secretary = Appointment.objects.get(role="secretary_general").person
    secretary.first_name, secretary.last_name = "Mari", "Tamm"
    secretary.save()

    demo.load(loaded)

    assert Appointment.objects.get(role="secretary_general").person.full_name == "Mari TAMM"
