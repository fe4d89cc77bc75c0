"""Demo loader: this year's Language Academy with 130 applicants for 100 places (every priority
group, placements), last year's session finished with certificates, a YRO Workshop with LOAC
results, and login accounts for the CLA director and the YRO-C chair.

Idempotent: each part is made once (found again by its event's slug); people are found by
their e-mail address. Decisions go through academy.services (allocation, placement,
certificates) by the demo administrator, so the engine's rules and the audit apply.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import services as people
from accounts.demo import DEMO_PASSWORD, demo_totp_secret
from accounts.models import Person
from events import services as registrations
from events.models import Event, Registration, RegistrationType
from governance.models import CommitteeMembership
from nations.models import Nation

from . import engine, services
from .models import Application, Attendance, CourseClass, PlacementThreshold, Session

NATIONS = ["EST", "FRA", "NOR", "DEU", "POL", "USA", "ROU", "BGR", "ITA", "LVA", "LTU", "CZE"]
# (category, age, how many) of this year's 130 applicants: every priority group.
MIX = [
    (engine.RESERVE_OFFICER, None, 55),
    (engine.RESERVE_NCO, None, 20),
    (engine.RESERVE_OFFICER, 61, 5),
    (engine.ACTIVE_DUTY, None, 30),
    (engine.CIVILIAN, None, 20),
]
CLASSES = [
    ("English 1", "en", 1, 20),
    ("English 2A", "en", 2, 16),
    ("English 2B", "en", 2, 16),
    ("English 3", "en", 3, 20),
    ("Français 1", "fr", 1, 18),
    ("Français 2", "fr", 2, 16),
    ("Français 3", "fr", 3, 16),
]
THRESHOLDS = [
    (language, level, score)
    for language in ("en", "fr")
    for level, score in ((1, 0), (2, 40), (3, 70))
]
FIRST_NAMES = ["Anna", "Mark", "Eva", "Jan", "Ilze", "Paul", "Marta", "Luca", "Ana", "Tom"]
LAST_NAMES = ["Berg", "Novak", "Rossi", "Ozols", "Popa", "Ivanov", "Kovac", "Moreau", "Lind"]
CHAIR_ACCOUNTS = [("cla.director@example.org", "CLA-C"), ("yro.chair@example.org", "YRO-C")]


def load(context):
    nations = {n.code: n for n in Nation.objects.filter(code__in=NATIONS)}
    admin = get_user_model().objects.filter(username="admin").first()
    if len(nations) < len(NATIONS) or admin is None:
        return  # The nations' or accounts' demo was left out.
    rng = random.Random(2018)  # the same demo on every machine
    _chair_accounts(context)
    today = timezone.localdate()
    year = today.year if today < datetime.date(today.year, 6, 1) else today.year + 1
    current = _session(context, year, nations, finished=False, today=today)
    if current is not None:
        _applicants(context, current, nations, rng, count=130, admin=admin)
        services.allocate(current, by=admin)
        _place(current, rng, admin)
    previous = _session(context, year - 1, nations, finished=True, today=today)
    if previous is not None:
        _applicants(context, previous, nations, rng, count=40, admin=admin, mix_all=True)
        services.allocate(previous, by=admin)
        _place(previous, rng, admin)
        _graduate(previous, admin)
    _yro_workshop(context, year - 1, nations, rng, admin)


def _chair_accounts(context):
    """Login accounts for the chairs of the CLA-C (the director) and the YRO-C."""
    User = get_user_model()
    for email, acronym in CHAIR_ACCOUNTS:
        chair = (
            CommitteeMembership.objects.active()
            .filter(committee__acronym=acronym, role=CommitteeMembership.Role.CHAIR)
            .select_related("person")
            .first()
        )
        if chair is None or User.objects.filter(email__iexact=email).exists():
            continue
        if hasattr(chair.person, "user"):
            continue
        user = people.create_account(chair.person, email=email, password=DEMO_PASSWORD, by=None)
        people.activate_totp(user, secret=demo_totp_secret(email), by=None)
        context.log(f"account {email} ({acronym} chair)")


def _session(context, year, nations, *, finished, today):
    """The Language Academy event and session of `year`, made once (None when it exists)."""
    slug = f"language-academy-{year}"
    if Session.objects.filter(year=year).exists():
        return None
    starts_on = _monday(datetime.date(year, 7, 6))
    event, _created = Event.objects.get_or_create(
        slug=slug,
        defaults={
            "title_en": f"CIOR Language Academy {year}",
            "title_fr": f"Académie de langues de la CIOR {year}",
            "kind": Event.Kind.LANGUAGE_ACADEMY,
            "status": Event.Status.PUBLISHED,
            "host_nation": nations["EST" if finished else "LVA"],
            "city_en": "Tartu" if finished else "Riga",
            "city_fr": "Tartu" if finished else "Riga",
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=11),
            "time_zone": "Europe/Tallinn" if finished else "Europe/Riga",
        },
    )
    deadline = starts_on - datetime.timedelta(days=30)
    if not finished:
        deadline = max(deadline, min(today + datetime.timedelta(days=30), starts_on))
    session = Session.objects.create(
        event=event, year=year, capacity=100, application_deadline=deadline
    )
    for order, (name, language, level, capacity) in enumerate(CLASSES):
        CourseClass.objects.create(
            session=session,
            name=name,
            language=language,
            level=level,
            capacity=capacity,
            sort_order=order,
        )
    for language, level, score in THRESHOLDS:
        PlacementThreshold.objects.create(
            session=session, language=language, level=level, min_score=score
        )
    context.log(f"Language Academy session {year}")
    return session


def _monday(day):
    return day - datetime.timedelta(days=day.weekday())


def _person(nations, rng, index, year, category):
    email = f"cla{year}.{index:03d}@example.org"
    person = Person.objects.filter(email=email).first()
    if person is not None:
        return person
    code = {
        engine.RESERVE_OFFICER: rng.choice(["OF-1", "OF-2", "OF-3", "OF-4"]),
        engine.RESERVE_NCO: rng.choice(["OR-6", "OR-7", "OR-8", "WO-1"]),
        engine.ACTIVE_DUTY: rng.choice(["OF-2", "OF-3", "OR-7"]),
        engine.CIVILIAN: "",
    }[category]
    return Person.objects.create(
        first_name=rng.choice(FIRST_NAMES),
        last_name=f"{rng.choice(LAST_NAMES)}-{index}",
        nato_code=code,
        nation=nations[NATIONS[index % len(NATIONS)]],
        email=email,
        preferred_language=rng.choice(["en", "fr"]),
    )


def _applicants(context, session, nations, rng, *, count, admin, mix_all=False):
    """Create `count` applications: the MIX of groups, a few awaiting endorsement, declined or
    unconfirmed (this year), the rest confirmed and endorsed, over four weeks of applying."""
    start = timezone.make_aware(
        datetime.datetime.combine(session.application_deadline, datetime.time(9))
    ) - datetime.timedelta(days=60)
    specs = [(category, age) for category, age, n in MIX for _ in range(n)][:count]
    if mix_all:
        specs = [(engine.RESERVE_OFFICER, None)] * count
    rows = []
    for index, (category, age) in enumerate(specs):
        age = age or rng.randint(24, 58)
        person = _person(nations, rng, index, session.year, category)
        endorsement = Application.Endorsement.ENDORSED
        confirmed = True
        if not mix_all and index % 37 == 5:
            endorsement = Application.Endorsement.PENDING
        if not mix_all and index % 53 == 7:
            endorsement = Application.Endorsement.DECLINED
        if not mix_all and index % 61 == 11:
            confirmed = False
        applied = start + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 28))
        rows.append(
            Application(
                session=session,
                person=person,
                nation=person.nation,
                email=person.email,
                category=category,
                date_of_birth=session.starts_on.replace(year=session.starts_on.year - age)
                - datetime.timedelta(days=rng.randint(1, 300)),
                language=rng.choice(["en", "en", "fr"]),
                applied_at=applied,
                email_confirmed_at=applied if confirmed else None,
                endorsement=endorsement,
                endorsement_reason="Not a member of the national association."
                if endorsement == Application.Endorsement.DECLINED
                else "",
                endorsed_at=applied + datetime.timedelta(days=2)
                if endorsement != Application.Endorsement.PENDING
                else None,
                fee=session.fee_for(category),
            )
        )
    Application.objects.bulk_create(rows)
    context.log(f"{len(rows)} applications to {session}")


def _place(session, rng, admin):
    holders = Application.objects.filter(session=session, state="allocated").order_by("pk")
    scores = {pk: rng.randint(5, 98) for pk in holders.values_list("pk", flat=True)}
    services.record_placement_scores(session, scores, by=admin)


def _graduate(session, admin):
    """Attendance for every placed student (one absence for some), then the certificates."""
    placed = list(Application.objects.filter(session=session, course_class__isnull=False))
    days = session.course_days()
    Attendance.objects.bulk_create(
        Attendance(application=a, day=day, present=not (a.pk % 7 == 0 and day == days[3]))
        for a in placed
        for day in days
    )
    after = session.ends_on + datetime.timedelta(days=1)
    for application in placed:
        services.issue_certificate(application, by=admin, today=after)


YRO_PEOPLE = [
    ("EST", "Kertu", "Tamm", "OF-1"),
    ("EST", "Mihkel", "Org", "OF-2"),
    ("FRA", "Léa", "Robert", "OF-1"),
    ("FRA", "Julien", "Petit", "OF-2"),
    ("NOR", "Ola", "Nordmann", "OF-1"),
    ("DEU", "Lukas", "Fischer", "OF-2"),
    ("POL", "Anna", "Nowak", "OF-1"),
    ("USA", "Ryan", "Brooks", "OF-2"),
    ("ROU", "Ioana", "Stan", "OF-1"),
    ("LVA", "Jānis", "Bērziņš", "OF-2"),
    ("ITA", "Marco", "Conti", "OF-1"),
    ("CZE", "Jakub", "Dvořák", "OF-2"),
]


def _yro_workshop(context, year, nations, rng, admin):
    """Last year's YRO Workshop: confirmed participants (the OF-2 rule applied by the
    registration service), LOAC results, certificates for those who passed."""
    slug = f"yro-workshop-{year}"
    if Event.objects.filter(slug=slug).exists():
        return
    starts_on = _monday(datetime.date(year, 7, 20))
    event = Event.objects.create(
        slug=slug,
        title_en=f"YRO Workshop {year}",
        title_fr=f"Atelier YRO {year}",
        kind=Event.Kind.YRO_WORKSHOP,
        status=Event.Status.REGISTRATION_CLOSED,
        host_nation=nations["EST"],
        city_en="Tallinn",
        city_fr="Tallinn",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=4),
        time_zone="Europe/Tallinn",
        auto_confirm=True,
    )
    kind = RegistrationType.objects.create(
        event=event, kind=RegistrationType.Kind.YRO, fee="150.00", capacity=60
    )
    for code, first, last, nato in YRO_PEOPLE:
        email = f"{first}.{last}@yro.example.org".lower()
        person = Person.objects.filter(email=email).first() or Person.objects.create(
            first_name=first, last_name=last, nato_code=nato, nation=nations[code], email=email
        )
        registration = registrations.register(
            event, person=person, registration_type=kind, by=admin, notify=False
        )
        if last == "Nordmann":
            Registration.objects.filter(pk=registration.pk).update(attended=False)
            registration.refresh_from_db()
        result = services.record_loac_result(
            registration, percent=rng.choice([55, 64, 72, 78, 85, 91, 96]), by=admin
        )
        if result.passed and registration.attended:
            services.issue_loac_certificate(result, by=admin)
    context.log(f"event {event} with LOAC results")
