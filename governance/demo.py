"""Demo loader: the committees, the presidency terms and the Estonian team, and their pages."""

import datetime

from accounts.models import Person
from core.demo import seed_content
from core.demo.pages import add_translated_page
from nations.models import Nation

from .models import Appointment, Committee, CommitteeIndexPage, PresidencyPage, PresidencyTerm

# (nation, first year, description) of the known terms; each runs from the handover at one Summer
# Congress (August) to the next but one, so consecutive terms never overlap.
TERMS = [
    ("GBR", 2018, {}),
    ("DEU", 2020, {}),
    ("EST", 2022, {}),
    (
        "NOR",
        2024,
        {
            "en": "Nordic presidency led by Norway",
            "fr": "Présidence nordique conduite par la Norvège",
        },
    ),
]
# The team in seed_content.PRESIDENCY_TEAM is the Estonian one.
TEAM_TERM = "EST"


def load(context):
    """Create or update the committees and terms; add the team and the two record pages."""
    _committees(context)
    terms = _terms(context)
    _team(context, terms[TEAM_TERM])
    _pages(context, terms[TEAM_TERM])


def _committees(context):
    for order, spec in enumerate(seed_content.COMMITTEES):
        formed_year, formed_on = _formed(spec.get("formed"))
        fields = {"acronym": spec["acronym"], "sort_order": order}
        fields.update(formed_year=formed_year, formed_on=formed_on)
        for name in ("name", "summary", "description", "main_product"):
            for language in ("en", "fr"):
                fields[f"{name}_{language}"] = spec.get(name, {}).get(language, "")
        _, created = Committee.objects.update_or_create(slug=spec["slug"], defaults=fields)
        if created:
            context.log(f"committee {spec['acronym']}")


def _formed(value):
    """Read the seed's "formed": None, a year ("2012") or a date ("2022-08-01")."""
    if not value:
        return None, None
    if len(value) == 4:
        return int(value), None
    day = datetime.date.fromisoformat(value)
    return day.year, day


def _terms(context):
    terms = {}
    for code, year, description in TERMS:
        term, created = PresidencyTerm.objects.update_or_create(
            nation=Nation.objects.get(code=code),
            starts_on=datetime.date(year, 8, 1),
            defaults={
                "ends_on": datetime.date(year + 2, 7, 31),
                "description_en": description.get("en", ""),
                "description_fr": description.get("fr", ""),
            },
        )
        if created:
            context.log(f"presidency term {term}")
        terms[code] = term
    return terms


def _team(context, term):
    """Create the seed's team once; records edited since (a name filled in) are left alone."""
    nations = {nation.code: nation for nation in Nation.objects.all()}
    for order, spec in enumerate(seed_content.PRESIDENCY_TEAM):
        # The Permanent Representative serves without a term.
        office_term = None if spec["role"] == Appointment.Role.PERM_REP else term
        office = {"term": office_term, "role": spec["role"], "portfolio": spec["portfolio"]}
        if Appointment.objects.filter(**office).exists():
            continue
        person = Person.objects.create(
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            rank_en=spec["rank"]["en"],
            rank_fr=spec["rank"]["fr"],
            nato_code=spec["nato_code"],
            nation=nations[spec["nation"]],
            service=spec["service"],
        )
        appointment = Appointment.objects.create(person=person, sort_order=order, **office)
        context.log(f"appointment {appointment}")


def _pages(context, term):
    structure = context.pages["structure"]
    for key, model, common in [
        ("presidency", PresidencyPage, {"term": term}),
        ("committees", CommitteeIndexPage, {}),
    ]:
        spec = seed_content.RECORD_PAGES[key]
        fields = {
            language: {
                "title": spec["title"][language],
                "slug": spec["slug"][language],
                "intro": spec["intro"][language],
            }
            for language in ("en", "fr")
        }
        add_translated_page(context, key, structure, model, common=common, **fields)
