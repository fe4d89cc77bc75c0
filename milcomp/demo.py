"""Demo loader: last year's finished MILCOMP (2026) and this year's running one (2027).

- 2026: 32 teams of 14 nations in every category (two international teams), all six
  disciplines official; one protest upheld with a correction (land obstacles), one rejected
  (shooting); one team DNF on the orienteering march.
- 2027: 24 teams (many 2026 competitors again, one more participation each), frozen and drawn;
  shooting partly entered (pistol for every team, rifle for the first half of the start order:
  the rest is left for a judge to enter), land entered and published (provisional, protest
  window open from the loading time); the other disciplines open.
- Accounts (password "cior-demo" and TOTP as every demo account: judges and jury change results):
  judge@example.org judges shooting and land of 2027; jury@example.org sits on the Technical
  Jury of 2026 and 2027.

The competitions hang on the MILCOMP sub-event of each year's Summer Congress when the events
demo has one, else on events of their own ("milcomp-2026", "milcomp-2027", under the year's
congress when there is one). Competitors' confirmed registrations are written directly (not
through events.services.register/confirm): the registration windows of these events are
closed, and 150 confirmation mails would only fill the console. Results, protests and
decisions go through milcomp.services, so the history and audit entries are real.

Idempotent: a competition that exists is left as it is.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import services as account_services
from accounts.demo import demo_totp_secret
from accounts.models import Person
from accounts.queries import totp_authenticator
from events.models import Event, Registration, RegistrationType
from nations.models import Nation

from . import services
from .models import Competition, DisciplineKind, JudgeAssignment, JuryMember, Team

DEMO_PASSWORD = "cior-demo"
JUDGE_EMAIL = "judge@example.org"
JURY_EMAIL = "jury@example.org"
TRUE_DISTANCES = [350, 520, 780]

# First names (men, women) and family names per nation; the people are fictitious.
NAMES = {
    "EST": (
        ["Karl", "Jaan", "Mihkel", "Andres"],
        ["Kadri", "Liis", "Triin"],
        ["Tamm", "Saar", "Sepp", "Kask", "Ilves", "Rebane"],
    ),
    "FRA": (
        ["Julien", "Thomas", "Nicolas", "Pierre"],
        ["Camille", "Claire", "Élodie"],
        ["Martin", "Bernard", "Durand", "Lefèvre", "Moreau", "Girard"],
    ),
    "DEU": (
        ["Lukas", "Jonas", "Felix", "Stefan"],
        ["Anna", "Lena", "Katrin"],
        ["Müller", "Schmidt", "Becker", "Wagner", "Hoffmann", "Koch"],
    ),
    "POL": (
        ["Piotr", "Marek", "Tomasz", "Paweł"],
        ["Agnieszka", "Katarzyna", "Magda"],
        ["Nowak", "Kowalski", "Wiśniewski", "Zieliński", "Lewandowski", "Mazur"],
    ),
    "NLD": (
        ["Daan", "Sem", "Bram", "Joris"],
        ["Sanne", "Lotte", "Eva"],
        ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder"],
    ),
    "BEL": (
        ["Pieter", "Louis", "Arnaud", "Wout"],
        ["Marie", "Elise", "Sofie"],
        ["Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Claes"],
    ),
    "NOR": (
        ["Lars", "Ole", "Erik", "Henrik"],
        ["Ingrid", "Kari", "Silje"],
        ["Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen"],
    ),
    "DNK": (
        ["Mads", "Rasmus", "Jens", "Søren"],
        ["Mette", "Line", "Freja"],
        ["Jensen", "Nielsen", "Pedersen", "Andersen", "Madsen", "Kristensen"],
    ),
    "GBR": (
        ["James", "Oliver", "Harry", "George"],
        ["Emily", "Charlotte", "Sophie"],
        ["Smith", "Jones", "Taylor", "Brown", "Evans", "Walker"],
    ),
    "USA": (
        ["Michael", "Daniel", "Ryan", "Kevin"],
        ["Jessica", "Ashley", "Megan"],
        ["Johnson", "Williams", "Miller", "Davis", "Garcia", "Clark"],
    ),
    "CAN": (
        ["Liam", "Noah", "Étienne", "Owen"],
        ["Chloé", "Emma", "Olivia"],
        ["Tremblay", "Roy", "Gagnon", "Wilson", "MacDonald", "Côté"],
    ),
    "FIN": (
        ["Mikko", "Juha", "Antti", "Ville"],
        ["Aino", "Laura", "Sanna"],
        ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Laine", "Heikkinen"],
    ),
    "LVA": (
        ["Jānis", "Andris", "Mārtiņš"],
        ["Ilze", "Anna", "Laura"],
        ["Bērziņš", "Kalniņš", "Ozoliņš", "Liepa"],
    ),
    "LTU": (
        ["Tomas", "Mantas", "Darius"],
        ["Rūta", "Eglė", "Ieva"],
        ["Kazlauskas", "Petrauskas", "Jankauskas", "Žukauskas"],
    ),
}

# 2026's teams: (nation code or "INT" with the members' nations, category).
TEAMS_2026 = [
    ("EST", "experienced"),
    ("EST", "novice"),
    ("EST", "female"),
    ("FRA", "experienced"),
    ("FRA", "veteran"),
    ("FRA", "novice"),
    ("DEU", "experienced"),
    ("DEU", "experienced"),
    ("DEU", "veteran"),
    ("POL", "experienced"),
    ("POL", "female"),
    ("NLD", "experienced"),
    ("NLD", "novice"),
    ("BEL", "experienced"),
    ("BEL", "veteran"),
    ("NOR", "experienced"),
    ("NOR", "female"),
    ("DNK", "experienced"),
    ("DNK", "novice"),
    ("GBR", "experienced"),
    ("GBR", "veteran"),
    ("USA", "experienced"),
    ("USA", "experienced"),
    ("USA", "female"),
    ("CAN", "experienced"),
    ("CAN", "novice"),
    ("FIN", "experienced"),
    ("FIN", "veteran"),
    ("LVA", "experienced"),
    ("LTU", "experienced"),
    (("LVA", "LTU", "EST"), "international"),
    (("CAN", "USA", "GBR"), "international"),
]
PARTICIPATIONS = {
    "novice": (0, 0, 0),
    "experienced": (2, 0, 1),
    "veteran": (5, 4, 7),
    "female": (1, 0, 2),
    "international": (1, 0, 0),
}


class _Namer:
    """Deterministic fictitious names per nation and sex."""

    def __init__(self):
        self.used = {}

    def name(self, code, female):
        men, women, lasts = NAMES[code]
        firsts = women if female else men
        index = self.used.get((code, female), 0)
        self.used[(code, female)] = index + 1
        first = firsts[index % len(firsts)]
        last = lasts[(index * 5 + (3 if female else 0)) % len(lasts)]
        if index >= len(firsts) * len(lasts):
            last = f"{last}-{index}"
        return first, last


def load(context):
    nations = {nation.code: nation for nation in Nation.objects.all()}
    if any(code not in nations for code in NAMES):
        context.log("MILCOMP demo skipped: the demo nations are missing")
        return
    admin = _admin()
    if admin is None:
        context.log("MILCOMP demo skipped: no administrator account")
        return
    judge_user = _account(
        context, JUDGE_EMAIL, "Luc", "Vermeulen", nations["BEL"], "Captain", "Capitaine"
    )
    jury_user = _account(
        context,
        JURY_EMAIL,
        "Hanna",
        "Lindqvist",
        nations["FIN"],
        "Lieutenant Colonel",
        "Lieutenant-colonel",
    )
    people_2026 = _competition_2026(context, nations, admin, jury_user)
    _competition_2027(context, nations, admin, judge_user, jury_user, people_2026)


def _admin():
    User = get_user_model()
    return User.objects.filter(is_superuser=True).order_by("pk").first()


def _user(email, fallback):
    """The demo account `email` (a head of delegation of accounts.demo), else `fallback`."""
    return get_user_model().objects.filter(email__iexact=email).first() or fallback


def _account(context, email, first, last, nation, rank_en, rank_fr):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        if totp_authenticator(user) is None:
            account_services.activate_totp(user, secret=demo_totp_secret(email), by=None)
        return user
    person = Person.objects.filter(email=email).first() or account_services.create_person(
        by=None,
        reason="demo",
        first_name=first,
        last_name=last,
        rank_en=rank_en,
        rank_fr=rank_fr,
        nation=nation,
        email=email,
    )
    user = account_services.create_account(person, email=email, password=DEMO_PASSWORD, by=None)
    account_services.activate_totp(user, secret=demo_totp_secret(email), by=None)
    context.log(f"account {email}")
    return user


def _event(context, year, starts_on):
    """The year's MILCOMP event: the congress's sub-event if there is one, else our own."""
    found = Event.objects.filter(kind=Event.Kind.MILCOMP, starts_on__year=year).order_by("pk")
    event = found.first()
    if event is None:
        congress = (
            Event.objects.filter(kind=Event.Kind.SUMMER_CONGRESS, starts_on__year=year)
            .order_by("pk")
            .first()
        )
        if congress is not None:
            starts_on = max(congress.starts_on, min(starts_on, congress.ends_on))
        event, created = Event.objects.get_or_create(
            slug=f"milcomp-{year}",
            defaults={
                "title_en": f"Military Competition (MILCOMP) {year}",
                "title_fr": f"Compétition militaire (MILCOMP) {year}",
                "kind": Event.Kind.MILCOMP,
                "parent": congress,
                "status": Event.Status.REGISTRATION_CLOSED,
                "starts_on": starts_on,
                "ends_on": starts_on + datetime.timedelta(days=2),
                "city_en": congress.city_en if congress else "Tallinn",
                "host_nation": congress.host_nation if congress else None,
            },
        )
        if created:
            context.log(f"event {event.slug}")
    competitor_type, _ = RegistrationType.objects.get_or_create(
        event=event, kind=RegistrationType.Kind.COMPETITOR, defaults={"fee": 0}
    )
    return event, competitor_type


def _register(event, competitor_type, person, admin, when):
    registration = Registration.objects.filter(
        event=event, person=person, state__in=Registration.ACTIVE
    ).first()
    if registration is None:
        registration = Registration.objects.create(
            event=event,
            registration_type=competitor_type,
            person=person,
            nation=person.nation,
            state=Registration.State.CONFIRMED,
            submitted_at=when,
            decided_at=when,
            registered_by=admin,
            fee=0,
        )
    return registration


def _new_person(namer, code, nations, female, rng):
    first, last = namer.name(code, female)
    return Person.objects.create(
        first_name=first,
        last_name=last,
        rank_en=rng.choice(["Lieutenant", "Captain", "Major", "Sergeant"]),
        nato_code=rng.choice(["OF-1", "OF-2", "OF-3", "OR-6"]),
        nation=nations[code],
        service=Person.Service.ARMY,
        sex=Person.Sex.FEMALE if female else Person.Sex.MALE,
    )


def _aware(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _competition(context, year, event, admin, jury_user):
    competition = Competition.objects.filter(year=year).first()
    if competition is not None:
        return competition, False
    competition = services.create_competition(
        event=event,
        year=year,
        slug=str(year),
        title_en=f"MILCOMP {year}",
        title_fr=f"MILCOMP {year}",
        by=admin,
    )
    competition.disciplines.filter(kind=DisciplineKind.ORIENTEERING).update(
        true_distances=TRUE_DISTANCES
    )
    JuryMember.objects.get_or_create(competition=competition, person=jury_user.person)
    context.log(f"MILCOMP competition {year}")
    return competition, True


# --- Results ---------------------------------------------------------------------------------


def _shooting(rng, skill, *, rifle=True):
    def rings():
        return [max(0, min(10, round(rng.gauss(7.5 + skill, 1.4)))) for _ in range(5)]

    def hits():
        return max(0, min(6, round(rng.gauss(4 + skill, 1.2))))

    members = []
    for _ in range(3):
        member = {"pistol_precision": rings(), "pistol_rapid_hits": hits()}
        if rifle:
            member.update(rifle_precision=rings(), rifle_rapid_hits=hits())
        members.append(member)
    return {"members": members}


def _raw(kind, rng, skill):
    """Return (status, data) of a plausible result; `skill` from -1 (weak) to 1 (strong)."""
    if kind == DisciplineKind.SHOOTING:
        return "ok", _shooting(rng, skill)
    if kind == DisciplineKind.LAND:
        return "ok", {
            "seconds": int(rng.gauss(255 - 25 * skill, 18)),
            "failed_obstacles": rng.choice([0, 0, 0, 1, 1, 2]),
        }
    if kind == DisciplineKind.WATER:
        return "ok", {
            "seconds": int(rng.gauss(95 - 10 * skill, 9)),
            "failed_obstacles": rng.choice([0, 0, 1]),
        }
    if kind == DisciplineKind.ORIENTEERING:
        return "ok", {
            "seconds": int(rng.gauss(6300 - 900 * skill, 600)),
            "missed_posts": rng.choice([0, 0, 0, 0, 1, 2]),
            "true_distances": TRUE_DISTANCES,
            "members": [
                {
                    "estimates": [int(true * rng.uniform(0.8, 1.2)) for true in TRUE_DISTANCES],
                    "throws": [rng.random() < 0.5 + skill / 4 for _ in range(3)],
                }
                for _ in range(3)
            ],
        }
    if kind == DisciplineKind.FIRST_AID:
        return "ok", {"score": max(0, min(300, int(rng.gauss(220 + 40 * skill, 25))))}
    return "ok", {
        "members": [
            {"percent": max(0, min(100, int(rng.gauss(78 + 10 * skill, 9))))} for _ in range(3)
        ]
    }


def _declare(competition, nations, admin, specs, members_of, when):
    """Declare the teams of `specs` [(nation code or nation codes, category, [(person,
    previous participations)])] and return them."""
    teams = []
    event = competition.event
    competitor_type = RegistrationType.objects.get(
        event=event, kind=RegistrationType.Kind.COMPETITOR
    )
    for code, category, members in members_of(specs):
        entries = [
            services.MemberEntry(_register(event, competitor_type, person, admin, when), previous)
            for person, previous in members
        ]
        nation = None if category == "international" else nations[code]
        teams.append(
            services.declare_team(
                competition, nation=nation, category=category, members=entries, by=admin
            )
        )
    return teams


def _competition_2026(context, nations, admin, jury_user):
    """Create the finished 2026 competition; return {team spec index: [(person, previous)]}."""
    day = datetime.date(2026, 8, 4)
    event, _ = _event(context, 2026, day)
    day = event.starts_on
    competition, created = _competition(context, 2026, event, admin, jury_user)
    rng = random.Random(2026)
    namer = _Namer()
    if not created:
        return _people_of(competition)

    def members_of(specs):
        for index, (code, category) in enumerate(specs):
            codes = list(code) if isinstance(code, tuple) else [code] * 3
            previous = PARTICIPATIONS[category]
            members = []
            for position, member_code in enumerate(codes):
                female = category == "female" or (
                    category != "veteran" and index % 5 == 0 and position == 2
                )
                members.append(
                    (_new_person(namer, member_code, nations, female, rng), previous[position])
                )
            yield (code if isinstance(code, str) else None), category, members

    opening = _aware(day, 8)
    teams = _declare(competition, nations, admin, TEAMS_2026, members_of, opening)
    services.freeze_teams(competition, by=admin, now=opening)
    services.draw_start_order(competition, by=admin, seed="milcomp-2026", now=opening)
    skills = {team.pk: rng.uniform(-1, 1) for team in teams}
    schedule = {
        DisciplineKind.SHOOTING: _aware(day, 12),
        DisciplineKind.LOAC: _aware(day, 17),
        DisciplineKind.LAND: _aware(day + datetime.timedelta(days=1), 12),
        DisciplineKind.WATER: _aware(day + datetime.timedelta(days=1), 16),
        DisciplineKind.FIRST_AID: _aware(day + datetime.timedelta(days=1), 18),
        DisciplineKind.ORIENTEERING: _aware(day + datetime.timedelta(days=2), 15),
    }
    disciplines = {d.kind: d for d in competition.disciplines.all()}
    for kind, published_at in schedule.items():
        discipline = disciplines[kind]
        for team in teams:
            status, data = _raw(kind, rng, skills[team.pk])
            if kind == DisciplineKind.ORIENTEERING and team.name == "DNK 2":
                status = "dnf"
            services.save_result(
                team,
                discipline,
                data=data,
                status=status,
                by=admin,
                expected_version=0,
                now=published_at - datetime.timedelta(hours=1),
            )
        services.publish_discipline(discipline, by=admin, now=published_at)
    _protests_2026(competition, disciplines, schedule, admin, jury_user, nations)
    for kind, published_at in schedule.items():
        services.declare_official(
            disciplines[kind], by=jury_user, now=published_at + datetime.timedelta(hours=2)
        )
    context.log("MILCOMP 2026 results, protests and official rankings")
    return _people_of(competition)


def _protests_2026(competition, disciplines, schedule, admin, jury_user, nations):
    """One protest upheld with a correction (land), one rejected (shooting)."""
    land, shooting = disciplines[DisciplineKind.LAND], disciplines[DisciplineKind.SHOOTING]
    fra_1 = Team.objects.get(competition=competition, name="FRA 1")
    est_1 = Team.objects.get(competition=competition, name="EST 1")
    # Land: FRA 1 says obstacle 14 was cleared; the jury agrees and removes one failure.
    result = fra_1.raw_results.get(discipline=land)
    data = dict(result.data, failed_obstacles=max(1, result.data["failed_obstacles"]))
    if data != result.data:
        services.save_result(
            fra_1,
            land,
            data=data,
            by=admin,
            expected_version=result.version,
            reason="Obstacle judges' sheet transcribed",
            now=schedule[DisciplineKind.LAND] + datetime.timedelta(minutes=5),
        )
    filed = schedule[DisciplineKind.LAND] + datetime.timedelta(minutes=20)
    protest = services.file_protest(
        fra_1,
        land,
        reasons="Obstacle 14 (wall) was cleared by Member 2 at the second attempt, within the "
        "rules; the video of the lane shows it.",
        by=_user("hod.fra@example.org", admin),
        now=filed,
    )
    corrected = dict(data, failed_obstacles=data["failed_obstacles"] - 1)
    services.decide_protest(
        protest,
        upheld=True,
        decision="Video reviewed: obstacle 14 cleared. One failed obstacle removed.",
        correction_data=corrected,
        by=jury_user,
        now=filed + datetime.timedelta(minutes=25),
    )
    # Shooting: EST 1 asks for a re-count of a rifle target; the jury confirms the score.
    filed = schedule[DisciplineKind.SHOOTING] + datetime.timedelta(minutes=30)
    protest = services.file_protest(
        est_1,
        shooting,
        reasons="Member 1's third rifle shot touches the 10 ring; please re-score the target.",
        by=_user("hod.est@example.org", admin),
        now=filed,
    )
    services.decide_protest(
        protest,
        upheld=False,
        decision="Target gauged by two jury members: the shot is a 9. Score confirmed.",
        by=jury_user,
        now=filed + datetime.timedelta(minutes=20),
    )


def _people_of(competition):
    """Return the competitors of a competition by team: {team name: [(person, previous)]}."""
    return {
        team.name: [
            (m.person, m.previous_participations) for m in team.members.order_by("position")
        ]
        for team in competition.teams.prefetch_related("members__person")
    }


def _competition_2027(context, nations, admin, judge_user, jury_user, people_2026):
    day = datetime.date(2027, 8, 3)
    event, _ = _event(context, 2027, day)
    competition, created = _competition(context, 2027, event, admin, jury_user)
    for kind in (DisciplineKind.SHOOTING, DisciplineKind.LAND):
        JudgeAssignment.objects.get_or_create(
            competition=competition, discipline_kind=kind, person=judge_user.person
        )
    if not created:
        return
    rng = random.Random(2027)
    # Most 2026 teams come back, one more participation each; novices are new people.
    specs = []
    for name, members in people_2026.items():
        if len(specs) >= 22 or name.endswith(" 3"):
            continue
        category = _category_again(name, members)
        code = "INT" if name.startswith("INT") else name.split()[0]
        specs.append((code, category, [(person, previous + 1) for person, previous in members]))
    fresh = _Namer()
    fresh.used = {(code, False): 7 for code in NAMES}  # past the names of 2026
    for code in ("EST", "NOR"):
        members = [(_new_person(fresh, code, nations, False, rng), 0) for _ in range(3)]
        specs.append((code, "novice", members))

    def members_of(specs):
        for code, category, members in specs:
            yield (None if code == "INT" else code), category, members

    opening = timezone.now() - datetime.timedelta(hours=3)
    teams = _declare(competition, nations, admin, specs, members_of, opening)
    services.freeze_teams(competition, by=admin, now=opening)
    services.draw_start_order(competition, by=admin, seed="milcomp-2027", now=opening)
    disciplines = {d.kind: d for d in competition.disciplines.all()}
    skills = {team.pk: rng.uniform(-1, 1) for team in teams}
    ordered = list(Team.objects.filter(competition=competition).order_by("start_number"))
    for index, team in enumerate(ordered):
        data = _shooting(rng, skills[team.pk], rifle=index < len(ordered) // 2)
        services.save_result(
            team, disciplines[DisciplineKind.SHOOTING], data=data, by=judge_user, expected_version=0
        )
        _status, data = _raw(DisciplineKind.LAND, rng, skills[team.pk])
        services.save_result(
            team, disciplines[DisciplineKind.LAND], data=data, by=judge_user, expected_version=0
        )
    services.publish_discipline(disciplines[DisciplineKind.LAND], by=judge_user)
    context.log("MILCOMP 2027 teams, draw and first results")


def _category_again(name, members):
    """The 2026 team's category for 2027: novices are experienced now, others keep theirs."""
    sexes = {person.sex for person, _ in members}
    if name.startswith("INT"):
        return "international"
    if all(previous + 1 >= 4 for _, previous in members):
        return "veteran"
    if sexes == {Person.Sex.FEMALE}:
        return "female"
    return "experienced"
