"""Demo loader: the committees, the presidency terms and the Estonian team, and their pages."""

import datetime

from django.utils import timezone

from accounts.models import Person
from core.demo import seed_content
from core.demo.pages import add_translated_page
from nations.models import Nation

from . import services
from .models import (
    AgendaItem,
    Appointment,
    Committee,
    CommitteeIndexPage,
    CommitteeMembership,
    CouncilMeeting,
    Motion,
    PresidencyPage,
    PresidencyTerm,
)

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
    _nameless_team(context, terms["NOR"])
    _pages(context)
    _committee_members(context)
    _council_meeting(context)
    _upcoming_council_meeting(context)


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


def _nameless_team(context, term):
    """Give the Nordic term its President and Secretary General, by role only.

    The client's text names the Estonian team alone; the records wait for the names.
    """
    for order, role in enumerate((Appointment.Role.PRESIDENT, Appointment.Role.SECRETARY_GENERAL)):
        if Appointment.objects.filter(term=term, role=role).exists():
            continue
        person = Person.objects.create(nation=term.nation, service=Person.Service.OTHER)
        appointment = Appointment.objects.create(
            person=person, term=term, role=role, sort_order=order
        )
        context.log(f"appointment {appointment}")


def _pages(context):
    structure = context.pages["structure"]
    # No term pinned: the presidency page follows the date (the current term, else the latest).
    for key, model, common in [
        ("presidency", PresidencyPage, {"term": None}),
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


# Ranks of the demo people: (English, French, NATO code).
RANKS = {
    "COL": ("Colonel", "Colonel", "OF-5"),
    "LTC": ("Lieutenant Colonel", "Lieutenant-colonel", "OF-4"),
    "CDR": ("Commander", "Capitaine de frégate", "OF-4"),
    "MAJ": ("Major", "Commandant", "OF-3"),
    "LCDR": ("Lieutenant Commander", "Capitaine de corvette", "OF-3"),
    "CPT": ("Captain", "Capitaine", "OF-2"),
    "LT": ("Lieutenant", "Lieutenant", "OF-1"),
}

# Invented people serving on the committees: acronym -> chair, secretary, members
# (nation, first name, last name, rank). Germany fills its five seats on MILCOMP-C.
COMMITTEE_PEOPLE = {
    "YRO-C": {
        "chair": ("NLD", "Pieter", "de Vries", "LTC"),
        "secretary": ("DEU", "Lena", "Hoffmann", "MAJ"),
        "members": [
            ("BEL", "Thomas", "Peeters", "CPT"),
            ("BEL", "Sarah", "Janssens", "LT"),
            ("FRA", "Camille", "Lefèvre", "CPT"),
            ("POL", "Michał", "Kowalczyk", "LT"),
            ("USA", "Emily", "Carter", "CPT"),
        ],
    },
    "CLA-C": {
        "chair": ("FRA", "Isabelle", "Moreau", "COL"),
        "secretary": ("CAN", "Marc-André", "Tremblay", "MAJ"),
        "members": [
            ("GBR", "Oliver", "Hughes", "MAJ"),
            ("ITA", "Giulia", "Romano", "CPT"),
            ("ROU", "Andrei", "Popescu", "CPT"),
        ],
    },
    "CIMIC-C": {
        "chair": ("DNK", "Mikkel", "Sørensen", "LTC"),
        "secretary": ("LTU", "Rūta", "Kazlauskienė", "MAJ"),
        "members": [
            ("NOR", "Ingrid", "Haugen", "MAJ"),
            ("CZE", "Petr", "Novák", "CPT"),
            ("ESP", "Javier", "Martínez", "CPT"),
        ],
    },
    "MILCOMP-C": {
        "chair": ("FIN", "Juha", "Virtanen", "LTC"),
        "secretary": ("SWE", "Erik", "Lindqvist", "MAJ"),
        "members": [
            ("DEU", "Jonas", "Becker", "CPT"),
            ("DEU", "Katrin", "Schulz", "MAJ"),
            ("DEU", "Florian", "Wagner", "LT"),
            ("DEU", "Stefan", "Neumann", "CPT"),
            ("DEU", "Anna", "Fischer", "LT"),
            ("EST", "Markus", "Tamm", "CPT"),
            ("LVA", "Jānis", "Bērziņš", "LT"),
        ],
    },
    "CR-C": {
        "chair": ("EST", "Kristjan", "Saar", "MAJ"),
        "secretary": ("USA", "Daniel", "Brooks", "LCDR"),
        "members": [
            ("GBR", "Charlotte", "Evans", "CPT"),
            ("NLD", "Sanne", "Bakker", "MAJ"),
            ("SVK", "Martin", "Horváth", "CPT"),
        ],
    },
    "STRATCOM-C": {
        "chair": ("GBR", "James", "Whitfield", "CDR"),
        "secretary": ("BEL", "Sophie", "Dubois", "MAJ"),
        "members": [
            ("FRA", "Antoine", "Girard", "CPT"),
            ("HUN", "Zsófia", "Tóth", "CPT"),
            ("SVN", "Luka", "Kovač", "LT"),
        ],
    },
    "DEFSEC-C": {
        "chair": ("CAN", "Robert", "MacLeod", "COL"),
        "secretary": ("ITA", "Marco", "Ferrari", "LTC"),
        "members": [
            ("NOR", "Lars", "Johansen", "LTC"),
            ("BGR", "Georgi", "Ivanov", "MAJ"),
            ("PRT", "João", "Silva", "MAJ"),
        ],
    },
    "LEGAL-C": {
        "chair": ("BEL", "Luc", "Vermeulen", "COL"),
        "secretary": ("FRA", "Claire", "Bernard", "LTC"),
        "members": [
            ("DEU", "Matthias", "Krüger", "LTC"),
            ("HRV", "Ivana", "Horvat", "MAJ"),
            ("USA", "Rebecca", "Lawson", "MAJ"),
        ],
    },
}

# Officers and members have served since the Summer Congress that opened the Nordic term.
SERVING_SINCE = datetime.date(2024, 8, 1)


def _demo_person(nations, code, first_name, last_name, rank):
    rank_en, rank_fr, nato_code = RANKS[rank]
    # The first of that name and nation: other demo loaders may have made a namesake since.
    person = (
        Person.objects.filter(first_name=first_name, last_name=last_name, nation=nations[code])
        .order_by("pk")
        .first()
    )
    if person is None:
        person = Person.objects.create(
            first_name=first_name,
            last_name=last_name,
            nation=nations[code],
            rank_en=rank_en,
            rank_fr=rank_fr,
            nato_code=nato_code,
            service=Person.Service.ARMY,
        )
    return person


def _committee_members(context):
    """Give each committee a chair, a secretary and members, through the services, once."""
    nations = {nation.code: nation for nation in Nation.objects.all()}
    for acronym, spec in COMMITTEE_PEOPLE.items():
        committee = Committee.objects.get(acronym=acronym)
        for role in (CommitteeMembership.Role.CHAIR, CommitteeMembership.Role.SECRETARY):
            person = _demo_person(nations, *spec[role])
            if not committee.memberships.filter(role=role).exists():
                services.appoint_officer(
                    committee, person, role=role, by=None, starts_on=SERVING_SINCE
                )
                context.log(f"{acronym} {role} {person}")
        for member in spec["members"]:
            person = _demo_person(nations, *member)
            if not committee.memberships.filter(person=person).exists():
                services.nominate_member(committee, person, by=None, starts_on=SERVING_SINCE)
                context.log(f"{acronym} member {person}")


def last_mid_winter_meeting(today=None):
    """Return (starts_on, ends_on) of the latest Mid-Winter Meeting held by `today`.

    Relative to today, like the nations' demo invoices ("last year" unpaid by Greece), so that
    Greece is in arrears at the meeting whatever year the demo is loaded.
    """
    today = today or timezone.localdate()
    year = today.year if today > datetime.date(today.year, 2, 7) else today.year - 1
    return datetime.date(year, 2, 5), datetime.date(year, 2, 7)


def next_mid_winter_meeting(today=None):
    """Return (starts_on, ends_on) of the first Mid-Winter Meeting after `today`."""
    starts_on, ends_on = last_mid_winter_meeting(today)
    return starts_on.replace(year=starts_on.year + 1), ends_on.replace(year=ends_on.year + 1)


def _meeting_fields(starts_on, ends_on):
    return {
        "kind": CouncilMeeting.Kind.MWM,
        "title_en": f"Mid-Winter Meeting {starts_on.year}",
        "title_fr": f"Réunion de mi-hiver {starts_on.year}",
        "starts_on": starts_on,
        "ends_on": ends_on,
        "place_en": "NATO Headquarters, Brussels",
        "place_fr": "Quartier général de l'OTAN, Bruxelles",
    }


AGENDA = [
    ("Opening and adoption of the agenda", "Ouverture et adoption de l'ordre du jour"),
    ("Accounts of the confederation", "Comptes de la Confédération"),
    ("Medal of Merit", "Médaille du mérite"),
    ("Statutes", "Statuts"),
]
# Absent nations; absent nations giving a written proxy to a present one.
ABSENT = {"CAN", "PRT", "MKD", "ZAF", "AUS", "MDA"}
PROXIES = {"LUX": "BEL", "SVN": "HRV"}
STATUTE_OPPONENTS = ("BEL", "LUX", "FRA", "DEU", "NLD", "ITA", "POL", "ESP", "USA", "HRV")
# number, agenda item, subject, English, French, each voting nation's choice (default "for").
MOTIONS = [
    (
        1,
        2,
        Motion.Subject.OTHER,
        "The Council approves the accounts of the confederation for {last_year} and discharges "
        "the Treasurer.",
        "Le Conseil approuve les comptes de la Confédération pour {last_year} et donne décharge "
        "au trésorier.",
        {"DNK": "abstain", "GRC": "against"},
    ),
    (
        2,
        3,
        Motion.Subject.MEDAL,
        "The Council awards the CIOR Medal of Merit to Colonel (ret.) Henrik Dahl (Norway) for "
        "twenty years of service to the Military Competition.",
        "Le Conseil décerne la Médaille du mérite de la CIOR au colonel (er) Henrik Dahl "
        "(Norvège) pour vingt années au service de la compétition militaire.",
        {"HUN": "abstain", "ITA": "against", "GRC": "for"},
    ),
    (
        3,
        4,
        Motion.Subject.STATUTE,
        "The Council amends Article 12 of the Statutes so that the Council meets three times a "
        "year instead of four.",
        "Le Conseil modifie l'article 12 des statuts afin que le Conseil se réunisse trois fois "
        "par an au lieu de quatre.",
        dict.fromkeys(
            ("BEL", "LUX", "FRA", "DEU", "NLD", "ITA", "POL", "ESP", "USA", "HRV"), "against"
        )
        | {"EST": "abstain", "LVA": "abstain"},
    ),
]


def _council_meeting(context):
    """Hold the latest Mid-Winter Meeting once: attendance, proxies, three motions voted, closed.

    Votes go through the services and each motion is closed there, so the outcome is frozen
    with the arrears of the day (Greece's ballot is ignored: last year's subscription is unpaid).
    """
    nations = {nation.code: nation for nation in Nation.objects.active()}
    starts_on, ends_on = last_mid_winter_meeting()
    meeting, created = CouncilMeeting.objects.get_or_create(
        kind=CouncilMeeting.Kind.MWM,
        starts_on=starts_on,
        defaults={**_meeting_fields(starts_on, ends_on), "host_nation": nations["BEL"]},
    )
    if not created:
        return
    context.log(f"council meeting {meeting}")
    items = {}
    for order, (title_en, title_fr) in enumerate(AGENDA, start=1):
        items[order] = AgendaItem.objects.create(
            meeting=meeting, order=order, title_en=title_en, title_fr=title_fr
        )
    for code, nation in nations.items():
        services.record_attendance(
            meeting, nation=nation, present_in_person=code not in ABSENT | set(PROXIES), by=None
        )
    for giver, holder in PROXIES.items():
        services.give_proxy(
            meeting,
            from_nation=nations[giver],
            to_nation=nations[holder],
            by=None,
            notes="Written proxy received by the Secretary General.",
        )
    voters = [code for code in nations if code not in ABSENT]
    for number, item, subject, text_en, text_fr, choices in MOTIONS:
        motion = Motion.objects.create(
            meeting=meeting,
            agenda_item=items[item],
            number=number,
            subject=subject,
            text_en=text_en.format(last_year=starts_on.year - 1),
            text_fr=text_fr.format(last_year=starts_on.year - 1),
        )
        services.open_voting(motion, by=None)
        for code in voters:
            if nations[code].membership == Nation.Membership.FULL or motion.open_to_associates:
                services.cast_vote(
                    motion, nation=nations[code], choice=choices.get(code, "for"), by=None
                )
        services.close_voting(motion, by=None)
    CouncilMeeting.objects.filter(pk=meeting.pk).update(status=CouncilMeeting.Status.CLOSED)


# The next meeting's motions, open for voting so that anyone trying the platform can cast,
# change and close a vote: number, agenda item, subject, English, French, and the nations that
# have already voted "for" (the demo heads of delegation of Estonia and France have not).
UPCOMING_MOTIONS = [
    (
        1,
        2,
        Motion.Subject.OTHER,
        "The Council adopts the budget of the confederation for {year}.",
        "Le Conseil adopte le budget de la Confédération pour {year}.",
        ("BEL", "DEU", "NLD", "NOR", "DNK", "POL"),
    ),
    (
        2,
        4,
        Motion.Subject.STATUTE,
        "The Council amends Article 7 of the Statutes so that a written proxy may be sent by "
        "e-mail.",
        "Le Conseil modifie l'article 7 des statuts afin qu'une procuration écrite puisse être "
        "envoyée par courrier électronique.",
        ("BEL", "LUX"),
    ),
]


def _upcoming_council_meeting(context):
    """Prepare the next Mid-Winter Meeting once: agenda, attendance, a proxy, two open motions.

    Relative to today, like the past meeting, so the demo always has a vote to try.
    """
    nations = {nation.code: nation for nation in Nation.objects.active()}
    starts_on, ends_on = next_mid_winter_meeting()
    meeting, created = CouncilMeeting.objects.get_or_create(
        kind=CouncilMeeting.Kind.MWM,
        starts_on=starts_on,
        defaults={**_meeting_fields(starts_on, ends_on), "host_nation": nations["BEL"]},
    )
    if not created:
        return
    context.log(f"council meeting {meeting}")
    CouncilMeeting.objects.filter(pk=meeting.pk).update(status=CouncilMeeting.Status.OPEN)
    items = {}
    for order, (title_en, title_fr) in enumerate(AGENDA, start=1):
        items[order] = AgendaItem.objects.create(
            meeting=meeting, order=order, title_en=title_en, title_fr=title_fr
        )
    for code, nation in nations.items():
        services.record_attendance(
            meeting, nation=nation, present_in_person=code not in ABSENT | {"LUX"}, by=None
        )
    services.give_proxy(
        meeting,
        from_nation=nations["LUX"],
        to_nation=nations["BEL"],
        by=None,
        notes="Written proxy received by the Secretary General.",
    )
    for number, item, subject, text_en, text_fr, voted in UPCOMING_MOTIONS:
        motion = Motion.objects.create(
            meeting=meeting,
            agenda_item=items[item],
            number=number,
            subject=subject,
            text_en=text_en.format(year=starts_on.year),
            text_fr=text_fr.format(year=starts_on.year),
        )
        services.open_voting(motion, by=None)
        for code in voted:
            services.cast_vote(motion, nation=nations[code], choice="for", by=None)
