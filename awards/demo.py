"""Demo loader: the Medal of Merit roll of a few years, a nomination in review and one before
the Council, and the roll page below About > Medal of Merit.

- The roll: medals of the last three years entered from the archive (services.record_past_award),
  all but one with the recipient's consent (the one without stays off the public roll).
- In review: Estonia's head of delegation (hod.est@example.org) nominates an Estonian officer.
- Before the Council: France's head of delegation (hod.fra@example.org) nominates a German
  officer; the Presidency recommends it and puts it to the coming Mid-Winter Meeting's Council,
  whose vote is open (every active nation present), so that the vote can be tried on the
  Council page of the admin: closing it with two thirds for awards the medal.

Everything goes through awards.services (and governance.services for the meeting's
attendance); a second run adds only what is missing. The mails are dropped (demo people have
no inbox).
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.demo.pages import add_translated_page
from events.demo import _without_mail
from governance import demo as governance_demo
from governance import services as council
from governance.models import CouncilMeeting, Motion
from nations.models import Nation

from . import services
from .models import MedalRollPage, Nomination

# years ago, nation, first name, last name, (rank en, rank fr), NATO code, consent,
# (citation en, citation fr). The people are fictitious.
ROLL = [
    (
        3,
        "BEL",
        "Luc",
        "Peeters",
        ("Colonel", "Colonel"),
        "OF-5",
        True,
        (
            "For two decades of service to the CIOR Language Academy, which he directed.",
            "Pour vingt ans au service de l'Académie de langues de la CIOR, qu'il a dirigée.",
        ),
    ),
    (
        3,
        "NLD",
        "Anouk",
        "de Vries",
        ("Lieutenant Colonel", "Lieutenant-colonel"),
        "OF-4",
        True,
        (
            "For building the Young Reserve Officers' Workshop into a school of leadership.",
            "Pour avoir fait de l'atelier des jeunes officiers de réserve une école du "
            "commandement.",
        ),
    ),
    (
        2,
        "CAN",
        "Robert",
        "Tremblay",
        ("Colonel", "Colonel"),
        "OF-5",
        True,
        (
            "For his outstanding work on the reserve forces' place in NATO's defence planning.",
            "Pour son travail exceptionnel sur la place des forces de réserve dans la "
            "planification de défense de l'OTAN.",
        ),
    ),
    (
        2,
        "POL",
        "Agnieszka",
        "Nowak",
        ("Major", "Commandant"),
        "OF-3",
        False,
        (
            "For her service as Secretary General of CIOR.",
            "Pour ses services comme Secrétaire générale de la CIOR.",
        ),
    ),
    (
        1,
        "USA",
        "Daniel",
        "Brooks",
        ("Captain (Navy)", "Capitaine de vaisseau"),
        "OF-5",
        True,
        (
            "For leading the Military Competition's Technical Jury with fairness and rigour.",
            "Pour avoir présidé le jury technique de la compétition militaire avec équité et "
            "rigueur.",
        ),
    ),
]

IN_REVIEW = {
    "by": "hod.est@example.org",
    "nation": "EST",
    "person": {
        "first_name": "Peeter",
        "last_name": "Saar",
        "rank_en": "Major",
        "rank_fr": "Commandant",
        "nato_code": "OF-3",
        "preferred_language": "en",
    },
    "citation_en": "For founding the Baltic reserve officers' exchange programme.",
    "citation_fr": "Pour avoir fondé le programme d'échanges des officiers de réserve baltes.",
    "grounds": "Major Saar created the exchange programme in 2019 and has run it since; "
    "over 200 reserve officers of the three Baltic nations took part.",
}
BEFORE_COUNCIL = {
    "by": "hod.fra@example.org",
    "nation": "FRA",
    "person": {
        "first_name": "Katrin",
        "last_name": "Vogel",
        "rank_en": "Colonel",
        "rank_fr": "Colonel",
        "nato_code": "OF-5",
        "preferred_language": "en",
    },
    "person_nation": "DEU",
    "citation_en": "For her decisive part in the CIOR–NRFC cooperation on reserve readiness.",
    "citation_fr": "Pour sa part décisive dans la coopération CIOR–NRFC sur la disponibilité "
    "des réserves.",
    "grounds": "Colonel Vogel chaired the joint working group of CIOR and the NATO National "
    "Reserve Forces Committee for four years.",
}


def load(context):
    """Create the roll, the two open nominations and the roll page (only what is missing)."""
    with transaction.atomic(), _without_mail():
        nations = {nation.code: nation for nation in Nation.objects.all()}
        if not {"BEL", "NLD", "CAN", "POL", "USA", "EST", "FRA", "DEU"} <= set(nations):
            return  # The nations' demo was left out.
        User = get_user_model()
        admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        today = timezone.localdate()
        _roll(context, nations, admin, today)
        _nomination(context, IN_REVIEW, nations, User, admin=None)
        meeting = _coming_meeting(context, nations, today)
        if meeting is not None:
            _nomination(context, BEFORE_COUNCIL, nations, User, admin=admin, meeting=meeting)
        _roll_page(context)


def _person(nations, nation_code, first_name, last_name, rank, nato_code, by):
    return services.find_or_create_person(
        {
            "first_name": first_name,
            "last_name": last_name,
            "rank_en": rank[0],
            "rank_fr": rank[1],
            "nato_code": nato_code,
            "nation": nations[nation_code],
        },
        by=by,
    )


def _roll(context, nations, admin, today):
    for years_ago, code, first, last, rank, nato_code, consent, citation in ROLL:
        person = _person(nations, code, first, last, rank, nato_code, admin)
        if Nomination.objects.filter(nominee=person, state=Nomination.State.AWARDED).exists():
            continue
        services.record_past_award(
            person,
            awarded_on=datetime.date(today.year - years_ago, 2, 6),
            citation_en=citation[0],
            citation_fr=citation[1],
            consent=consent,
            by=admin,
        )
        context.log(f"Medal of Merit {today.year - years_ago}: {person}")


def _coming_meeting(context, nations, today):
    """The coming Mid-Winter Meeting's Council: the one the governance demo prepares (its dates,
    attendance and proxy), made here only when that loader did not run."""
    starts_on, ends_on = governance_demo.next_mid_winter_meeting(today)
    meeting, created = CouncilMeeting.objects.get_or_create(
        kind=CouncilMeeting.Kind.MWM,
        starts_on=starts_on,
        defaults={
            "ends_on": ends_on,
            "title_en": f"Mid-Winter Meeting {starts_on.year}",
            "title_fr": f"Réunion de mi-hiver {starts_on.year}",
            "place_en": "NATO Headquarters, Brussels",
            "place_fr": "Quartier général de l'OTAN, Bruxelles",
            "host_nation": nations.get("BEL"),
            "status": CouncilMeeting.Status.PLANNED,
        },
    )
    if created:
        context.log(f"council meeting {meeting}")
        for nation in Nation.objects.active():
            council.record_attendance(meeting, nation=nation, present_in_person=True, by=None)
    return meeting


def _nomination(context, spec, nations, User, *, admin, meeting=None):
    nominator = User.objects.filter(email=spec["by"]).first()
    if nominator is None:
        return
    fields = dict(spec["person"], nation=nations[spec.get("person_nation", spec["nation"])])
    person = services.find_or_create_person(fields, by=nominator)
    if Nomination.objects.filter(nominee=person).exists():
        return
    nomination = services.nominate(
        by=nominator,
        nominee=person,
        nation=nations[spec["nation"]],
        citation_en=spec["citation_en"],
        citation_fr=spec["citation_fr"],
        grounds=spec["grounds"],
    )
    context.log(f"Medal of Merit nomination of {person}")
    if meeting is None:
        return
    services.recommend(nomination, by=admin)
    motion = services.put_to_council(nomination, meeting=meeting, by=admin)
    council.open_voting(motion, by=admin)
    context.log(f"Council motion {Motion.objects.get(pk=motion.pk)}")


def _roll_page(context):
    """The roll page below About > Medal of Merit, in English and French."""
    parents = context.pages.get("medal-of-merit")
    if parents is None:
        return
    add_translated_page(
        context,
        "medal-of-merit-roll",
        parents,
        MedalRollPage,
        en={
            "title": "Roll of the Medal of Merit",
            "slug": "roll",
            "intro": "The recipients of the CIOR Medal of Merit, by year of award, who agreed "
            "to be listed here.",
        },
        fr={
            "title": "Palmarès de la Médaille du mérite",
            "slug": "palmares",
            "intro": "Les récipiendaires de la Médaille du mérite de la CIOR, par année "
            "d'attribution, qui ont accepté d'y figurer.",
        },
    )
