"""Demo loader: the next Mid-Winter Meeting, the next Summer Congress with its sub-events, and
last year's congress, with registrations of several nations in every state.

Dates follow the day the demo is loaded, so registration is always open for the two coming
events (it opened 45 days ago and closes a few weeks before each event). Registrations go
through events.services (by the demo administrator), so quotas, waiting list and audit apply;
the mails the services queue are dropped (demo people have no inbox).

Estonia's delegate quota at the coming congress is 3 with one place held (its head of
delegation): a head of delegation who registers three more delegates sees the third go to the
waiting list (the browser test tests_browser/test_delegation.py does exactly this).
"""

import datetime
import zoneinfo
from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts import services as people_services
from accounts.models import Person
from nations.models import Nation

from . import services
from .models import DiscountCode, Event, ProgrammeItem, Quota, Registration, RegistrationType

Kind = Event.Kind
Type = RegistrationType.Kind
State = Registration.State

# kind: (fee, capacity, per-nation quota or None, badge colour)
CONGRESS_TYPES = {
    Type.DELEGATE: ("350.00", 150, 3, "#1f3a68"),
    Type.OBSERVER: ("300.00", 80, 2, "#4d5a68"),
    Type.ACCOMPANYING: ("250.00", 100, None, "#2e7d32"),
    Type.COMPETITOR: ("200.00", 250, 6, "#b3261e"),
    Type.YRO: ("150.00", 60, 3, "#c9a227"),
    Type.CIMEX: ("150.00", 50, 1, "#6a1b9a"),
    Type.SPEAKER: ("0.00", 20, None, "#00838f"),
}
MWM_TYPES = {
    Type.DELEGATE: ("80.00", 120, 2, "#1f3a68"),
    Type.OBSERVER: ("80.00", 40, 1, "#4d5a68"),
}
PAST_TYPES = {
    Type.DELEGATE: ("320.00", 150, 3, "#1f3a68"),
    Type.COMPETITOR: ("180.00", 250, 6, "#b3261e"),
    Type.YRO: ("140.00", 60, 3, "#c9a227"),
}
DISCOUNTS = {"EST": 20, "FRA": 15, "NOR": 10, "DEU": 15}

# Demo people who register (fictitious): nation, first name, last name, rank (en, fr), NATO code,
# sex. Their e-mail (first.last@example.org) finds them again on a second run.
PEOPLE = [
    ("EST", "Kristjan", "Kask", ("Major", "Commandant"), "OF-3", "male"),
    ("EST", "Liina", "Mets", ("Captain", "Capitaine"), "OF-2", "female"),
    ("EST", "Andres", "Rebane", ("First Lieutenant", "Lieutenant"), "OF-1", "male"),
    ("EST", "Tiina", "Lepp", ("Sergeant First Class", "Sergent-chef"), "OR-7", "female"),
    ("EST", "Rasmus", "Ilves", ("Captain", "Capitaine"), "OF-2", "male"),
    ("FRA", "Camille", "Laurent", ("Commandant", "Commandant"), "OF-3", "female"),
    ("FRA", "Antoine", "Girard", ("Capitaine", "Capitaine"), "OF-2", "male"),
    ("FRA", "Élodie", "Fournier", ("Lieutenant", "Lieutenant"), "OF-1", "female"),
    ("FRA", "Hugo", "Lefèvre", ("Lieutenant-colonel", "Lieutenant-colonel"), "OF-4", "male"),
    ("NOR", "Kari", "Solberg", ("Major", "Major"), "OF-3", "female"),
    ("NOR", "Erik", "Johansen", ("Captain", "Capitaine"), "OF-2", "male"),
    ("NOR", "Silje", "Dahl", ("Lieutenant", "Lieutenant"), "OF-1", "female"),
    ("NOR", "Magnus", "Lie", ("Sergeant", "Sergent"), "OR-5", "male"),
    ("DEU", "Thomas", "Becker", ("Oberst", "Colonel"), "OF-5", "male"),
    ("DEU", "Julia", "Hoffmann", ("Major", "Commandant"), "OF-3", "female"),
    ("DEU", "Stefan", "Wagner", ("Hauptmann", "Capitaine"), "OF-2", "male"),
    ("DEU", "Katrin", "Schulz", ("Oberleutnant", "Lieutenant"), "OF-1", "female"),
    ("DEU", "Michael", "Braun", ("Leutnant", "Sous-lieutenant"), "OF-1", "male"),
    ("POL", "Piotr", "Kowalski", ("Lieutenant Colonel", "Lieutenant-colonel"), "OF-4", "male"),
    ("POL", "Magdalena", "Wiśniewska", ("Major", "Commandant"), "OF-3", "female"),
    ("POL", "Tomasz", "Lewandowski", ("Captain", "Capitaine"), "OF-2", "male"),
    ("POL", "Katarzyna", "Zielińska", ("Lieutenant", "Lieutenant"), "OF-1", "female"),
    ("USA", "John", "Miller", ("Colonel", "Colonel"), "OF-5", "male"),
    ("USA", "Sarah", "Davis", ("Major", "Commandant"), "OF-3", "female"),
    ("USA", "Robert", "Wilson", ("Captain", "Capitaine"), "OF-2", "male"),
    ("USA", "Emily", "Clark", ("First Lieutenant", "Lieutenant"), "OF-1", "female"),
]

# Registrations for the coming congress, in submission order: (e-mail, type, final state,
# reason, discount, details key). Every state appears, from several nations.
CONGRESS_REGISTRATIONS = [
    ("hod.est@example.org", Type.DELEGATE, State.CONFIRMED, "", True, "passport"),
    ("karl.saar@example.org", Type.COMPETITOR, State.CONFIRMED, "", True, "stay"),
    ("kristjan.kask@example.org", Type.COMPETITOR, State.SUBMITTED, "", True, "stay"),
    ("liina.mets@example.org", Type.YRO, State.SUBMITTED, "", False, "diet"),
    ("hod.fra@example.org", Type.DELEGATE, State.CONFIRMED, "", True, "passport"),
    ("sophie.bernard@example.org", Type.DELEGATE, State.SUBMITTED, "", True, "diet"),
    ("camille.laurent@example.org", Type.DELEGATE, State.SUBMITTED, "", True, ""),
    ("antoine.girard@example.org", Type.DELEGATE, State.WAITING, "", True, ""),
    ("elodie.fournier@example.org", Type.YRO, State.CONFIRMED, "", False, "access"),
    ("lars.haugen@example.org", Type.DELEGATE, State.CONFIRMED, "", False, "passport"),
    (
        "kari.solberg@example.org",
        Type.DELEGATE,
        State.REJECTED,
        "Not a member of the national association.",
        False,
        "",
    ),
    ("erik.johansen@example.org", Type.OBSERVER, State.SUBMITTED, "", True, ""),
    ("silje.dahl@example.org", Type.ACCOMPANYING, State.CONFIRMED, "", False, "stay"),
    ("magnus.lie@example.org", Type.COMPETITOR, State.CANCELLED, "Injured in training.", False, ""),
    ("thomas.becker@example.org", Type.DELEGATE, State.CONFIRMED, "", True, "stay"),
    ("julia.hoffmann@example.org", Type.DELEGATE, State.SUBMITTED, "", True, "diet"),
    ("stefan.wagner@example.org", Type.DELEGATE, State.CANCELLED, "Duty conflict.", False, ""),
    ("katrin.schulz@example.org", Type.CIMEX, State.SUBMITTED, "", False, ""),
    ("michael.braun@example.org", Type.CIMEX, State.WAITING, "", False, ""),
    ("piotr.kowalski@example.org", Type.DELEGATE, State.SUBMITTED, "", False, ""),
    ("magdalena.wisniewska@example.org", Type.OBSERVER, State.CONFIRMED, "", False, "diet"),
    ("tomasz.lewandowski@example.org", Type.COMPETITOR, State.CONFIRMED, "", False, "stay"),
    (
        "katarzyna.zielinska@example.org",
        Type.YRO,
        State.REJECTED,
        "Rank above OF-2: not eligible for the YRO Workshop.",
        False,
        "",
    ),
    ("john.miller@example.org", Type.DELEGATE, State.CONFIRMED, "", False, "passport"),
    ("sarah.davis@example.org", Type.OBSERVER, State.SUBMITTED, "", False, ""),
    ("robert.wilson@example.org", Type.ACCOMPANYING, State.CANCELLED, "", False, ""),
    ("emily.clark@example.org", Type.SPEAKER, State.CONFIRMED, "", False, "access"),
]
MWM_REGISTRATIONS = [
    ("hod.est@example.org", Type.DELEGATE, State.SUBMITTED, "", False, ""),
    ("hod.fra@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
    ("lars.haugen@example.org", Type.DELEGATE, State.SUBMITTED, "", False, ""),
    ("thomas.becker@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
    ("john.miller@example.org", Type.OBSERVER, State.SUBMITTED, "", False, ""),
]
# Last year's congress: everyone confirmed and present (certificates), but one no-show.
PAST_REGISTRATIONS = [
    ("hod.est@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
    ("karl.saar@example.org", Type.COMPETITOR, State.CONFIRMED, "", False, ""),
    ("hod.fra@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
    ("sophie.bernard@example.org", Type.YRO, State.CONFIRMED, "", False, ""),
    ("lars.haugen@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
    ("thomas.becker@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
    ("tomasz.lewandowski@example.org", Type.COMPETITOR, State.CONFIRMED, "", False, ""),
    ("john.miller@example.org", Type.DELEGATE, State.CONFIRMED, "", False, ""),
]
NO_SHOW = "tomasz.lewandowski@example.org"


def load(context):
    """Create the events, their registration rules and registrations (only what is missing)."""
    with transaction.atomic(), _without_mail():
        nations = {nation.code: nation for nation in Nation.objects.all()}
        if not {"EST", "FRA", "NOR", "BEL"} <= set(nations):
            return  # The nations' demo was left out: nothing to register.
        admin = _admin()
        people = _people(context, nations)
        today = timezone.localdate()
        now = timezone.now()

        mwm = _mid_winter_meeting(context, nations, today, now)
        _rules(context, mwm, MWM_TYPES, nations)
        _register_all(context, mwm, MWM_REGISTRATIONS, people, admin)

        congress = _summer_congress(context, nations, today, now)
        _rules(context, congress, CONGRESS_TYPES, nations)
        _discounts(context, congress, nations)
        _register_all(context, congress, CONGRESS_REGISTRATIONS, people, admin)

        past = _past_congress(context, nations, congress.starts_on.year - 1, today)
        _rules(context, past, PAST_TYPES, nations)
        _register_all(context, past, PAST_REGISTRATIONS, people, admin)
        if NO_SHOW in people:
            past.registrations.filter(person=people[NO_SHOW]).update(attended=False)


@contextmanager
def _without_mail():
    """Drop the registration mails the services queue for after the commit."""
    connection = transaction.get_connection()
    queued = len(connection.run_on_commit)
    yield
    del connection.run_on_commit[queued:]


def _admin():
    User = get_user_model()
    return (
        User.objects.filter(username="admin").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )


def _email(first_name, last_name):
    ascii_name = f"{first_name}.{last_name}".lower()
    for accented, plain in {"é": "e", "è": "e", "ś": "s", "ń": "n", "ł": "l"}.items():
        ascii_name = ascii_name.replace(accented, plain)
    return f"{ascii_name}@example.org"


def _people(context, nations) -> dict:
    """Return {e-mail: Person} of the demo people, creating those that are missing.

    A person of the same name and nation made by another demo loader (a committee member) is
    the same person: it is reused, not doubled.
    """
    people = {person.email: person for person in Person.objects.exclude(email="")}
    for code, first_name, last_name, (rank_en, rank_fr), nato_code, sex in PEOPLE:
        if code not in nations:
            continue
        email = _email(first_name, last_name)
        if email in people:
            continue
        person = Person.objects.filter(
            first_name=first_name, last_name=last_name, nation=nations[code]
        ).first()
        if person is None:
            person = people_services.create_person(
                by=None,
                reason="demo",
                first_name=first_name,
                last_name=last_name,
                rank_en=rank_en,
                rank_fr=rank_fr,
                nato_code=nato_code,
                nation=nations[code],
                sex=sex,
                email=email,
                preferred_language="fr" if code == "FRA" else "en",
            )
            context.log(f"person {person}")
        people[email] = person
    return people


def _at(day, hour, minute, tz):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


def _event(context, slug, **fields) -> Event:
    event, created = Event.objects.get_or_create(slug=slug, defaults=fields)
    if created:
        context.log(f"event {event}")
    return event


def _programme(context, event, items):
    """Add the programme (day offset, hour, minute, English, French, place) once."""
    if event.programme.exists():
        return
    tz = zoneinfo.ZoneInfo(event.time_zone)
    for offset, hour, minute, title_en, title_fr, location in items:
        day = event.starts_on + datetime.timedelta(days=offset)
        ProgrammeItem.objects.create(
            event=event,
            starts_at=_at(day, hour, minute, tz),
            ends_at=_at(day, hour + 2, minute, tz) if hour < 21 else None,
            title_en=title_en,
            title_fr=title_fr,
            location_en=location,
            location_fr=location,
        )
    context.log(f"programme of {event}")


def _mid_winter_meeting(context, nations, today, now) -> Event:
    """The next Mid-Winter Meeting at NATO HQ, early February, with its Council session."""
    year = today.year if today < datetime.date(today.year, 1, 10) else today.year + 1
    starts_on = datetime.date(year, 2, 4)
    tz = zoneinfo.ZoneInfo("Europe/Brussels")
    mwm = _event(
        context,
        f"mid-winter-meeting-{year}",
        title_en=f"Mid-Winter Meeting {year}",
        title_fr=f"Réunion de mi-hiver {year}",
        kind=Kind.MID_WINTER,
        status=Event.Status.REGISTRATION_OPEN,
        summary_en="The Council, the presidency and the committees meet at NATO Headquarters.",
        summary_fr="Le Conseil, la présidence et les commissions se réunissent au siège de l'OTAN.",
        host_nation=nations["BEL"],
        city_en="Brussels",
        city_fr="Bruxelles",
        venue_en="NATO Headquarters",
        venue_fr="Siège de l'OTAN",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=2),
        time_zone="Europe/Brussels",
        registration_opens_at=now - datetime.timedelta(days=45),
        registration_closes_at=_at(datetime.date(year, 1, 25), 23, 59, tz),
    )
    council = _event(
        context,
        f"{mwm.slug}-council",
        title_en=f"Council meeting, Mid-Winter Meeting {year}",
        title_fr=f"Réunion du Conseil, réunion de mi-hiver {year}",
        kind=Kind.COUNCIL,
        status=Event.Status.PUBLISHED,
        parent=mwm,
        host_nation=nations["BEL"],
        city_en="Brussels",
        city_fr="Bruxelles",
        venue_en="NATO Headquarters",
        venue_fr="Siège de l'OTAN",
        starts_on=starts_on + datetime.timedelta(days=2),
        ends_on=starts_on + datetime.timedelta(days=2),
        time_zone="Europe/Brussels",
    )
    _programme(
        context,
        mwm,
        [
            (0, 9, 0, "Committee meetings", "Réunions des commissions", "NATO HQ"),
            (
                1,
                9,
                0,
                "Presidency and heads of delegation",
                "Présidence et chefs de délégation",
                "NATO HQ",
            ),
            (1, 18, 30, "Reception", "Réception", "NATO HQ, Agora"),
        ],
    )
    _programme(
        context,
        council,
        [(0, 9, 0, "Council session", "Session du Conseil", "NATO HQ, Council room")],
    )
    return mwm


CONGRESS_PARTS = [
    # suffix, kind, English, French, first day offset, days, venue
    ("cimex", Kind.CIMEX, "CIMEX", "CIMEX", 0, 3, "Estonian Military Academy"),
    (
        "yro-workshop",
        Kind.YRO_WORKSHOP,
        "YRO Workshop",
        "Atelier YRO",
        0,
        5,
        "Estonian Military Academy",
    ),
    ("milcomp", Kind.MILCOMP, "MILCOMP", "MILCOMP", 2, 3, "Männiku training area"),
    ("symposium", Kind.SYMPOSIUM, "Symposium", "Symposium", 3, 1, "Tallinn Creative Hub"),
    (
        "council",
        Kind.COUNCIL,
        "Council meeting",
        "Réunion du Conseil",
        5,
        1,
        "Tallinn Creative Hub",
    ),
    ("gala", Kind.GALA, "Gala dinner", "Dîner de gala", 5, 1, "Kadriorg Palace"),
]


def _summer_congress(context, nations, today, now) -> Event:
    """The next Summer Congress (end of July, Tallinn) with its sub-events and programme."""
    year = today.year if today < datetime.date(today.year, 6, 1) else today.year + 1
    starts_on = datetime.date(year, 7, 26)
    tz = zoneinfo.ZoneInfo("Europe/Tallinn")
    common = {
        "host_nation": nations["EST"],
        "city_en": "Tallinn",
        "city_fr": "Tallinn",
        "time_zone": "Europe/Tallinn",
    }
    congress = _event(
        context,
        f"summer-congress-{year}",
        title_en=f"Summer Congress {year}",
        title_fr=f"Congrès d'été {year}",
        kind=Kind.SUMMER_CONGRESS,
        status=Event.Status.REGISTRATION_OPEN,
        summary_en="The yearly congress: Council, committees, MILCOMP, CIMEX, YRO Workshop, "
        "Symposium.",
        summary_fr="Le congrès annuel : Conseil, commissions, MILCOMP, CIMEX, atelier YRO, "
        "symposium.",
        venue_en="Tallinn Creative Hub",
        venue_fr="Tallinn Creative Hub",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=6),
        registration_opens_at=now - datetime.timedelta(days=45),
        registration_closes_at=_at(starts_on - datetime.timedelta(days=21), 23, 59, tz),
        visa_signatory_name="Colonel Jaan TAMM",
        visa_signatory_title_en="Head of the Organising Committee",
        visa_signatory_title_fr="Chef du comité d'organisation",
        **common,
    )
    for suffix, kind, title_en, title_fr, offset, days, venue in CONGRESS_PARTS:
        part = _event(
            context,
            f"{congress.slug}-{suffix}",
            title_en=f"{title_en} {year}",
            title_fr=f"{title_fr} {year}",
            kind=kind,
            status=Event.Status.PUBLISHED,
            parent=congress,
            venue_en=venue,
            venue_fr=venue,
            starts_on=starts_on + datetime.timedelta(days=offset),
            ends_on=starts_on + datetime.timedelta(days=offset + days - 1),
            **common,
        )
        if kind == Kind.MILCOMP:
            _programme(
                context,
                part,
                [
                    (0, 8, 0, "Shooting: pistol and rifle", "Tir : pistolet et fusil", venue),
                    (1, 7, 0, "Orienteering march", "Marche d'orientation", venue),
                    (2, 9, 0, "Obstacle courses", "Parcours d'obstacles", venue),
                ],
            )
    _programme(
        context,
        congress,
        [
            (0, 18, 0, "Opening ceremony", "Cérémonie d'ouverture", "Freedom Square"),
            (1, 9, 0, "Committee meetings", "Réunions des commissions", "Tallinn Creative Hub"),
            (3, 9, 0, "Symposium", "Symposium", "Tallinn Creative Hub"),
            (5, 9, 0, "Council session", "Session du Conseil", "Tallinn Creative Hub"),
            (5, 19, 0, "Gala dinner", "Dîner de gala", "Kadriorg Palace"),
        ],
    )
    return congress


def _past_congress(context, nations, year, today) -> Event:
    """Last year's Summer Congress (Oslo), over: its registrations are confirmed and attended."""
    while datetime.date(year, 8, 1) >= today:
        year -= 1
    starts_on = datetime.date(year, 7, 27)
    tz = zoneinfo.ZoneInfo("Europe/Oslo")
    return _event(
        context,
        f"summer-congress-{year}",
        title_en=f"Summer Congress {year}",
        title_fr=f"Congrès d'été {year}",
        kind=Kind.SUMMER_CONGRESS,
        status=Event.Status.REGISTRATION_CLOSED,
        summary_en="The congress where the Nordic presidency hosted the confederation.",
        summary_fr="Le congrès où la présidence nordique a accueilli la Confédération.",
        host_nation=nations["NOR"],
        city_en="Oslo",
        city_fr="Oslo",
        venue_en="Akershus Fortress",
        venue_fr="Forteresse d'Akershus",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=5),
        time_zone="Europe/Oslo",
        registration_opens_at=_at(datetime.date(year, 3, 1), 9, 0, tz),
        registration_closes_at=_at(datetime.date(year, 7, 1), 23, 59, tz),
        visa_signatory_name="Colonel Ola NORDLI",
        visa_signatory_title_en="Head of the Organising Committee",
        visa_signatory_title_fr="Chef du comité d'organisation",
    )


def _rules(context, event, types, nations):
    """Create the event's registration types and a quota per active nation for each."""
    for kind, (fee, capacity, quota, colour) in types.items():
        registration_type, created = RegistrationType.objects.get_or_create(
            event=event,
            kind=kind,
            defaults={"fee": Decimal(fee), "capacity": capacity, "colour": colour},
        )
        if created:
            context.log(f"registration type {kind} of {event}")
        if quota is None or registration_type.quotas.exists():
            continue
        Quota.objects.bulk_create(
            Quota(registration_type=registration_type, nation=nation, places=quota)
            for nation in nations.values()
            if nation.status == Nation.Status.ACTIVE
        )
        context.log(f"quotas of {kind} for {event}")


def _discounts(context, event, nations):
    year = event.starts_on.year % 100
    for code, percent in DISCOUNTS.items():
        if code in nations:
            _, created = DiscountCode.objects.get_or_create(
                event=event,
                nation=nations[code],
                defaults={"code": f"{code}{year}", "percent": percent},
            )
            if created:
                context.log(f"discount code {code}{year}")


def _details(kind, person, event):
    arrival = event.starts_on - datetime.timedelta(days=1)
    stay = {
        "arrival_date": arrival,
        "departure_date": event.ends_on + datetime.timedelta(days=1),
        "accommodation": Registration.Accommodation.HOTEL_SINGLE,
    }
    if kind == "stay":
        return stay
    if kind == "diet":
        return {**stay, "diet": Registration.Diet.VEGETARIAN, "dietary_notes": "No nuts."}
    if kind == "access":
        return {**stay, "accessibility_needs": "Step-free access to the rooms."}
    if kind == "passport":
        return {
            **stay,
            "accommodation": Registration.Accommodation.HOTEL_DOUBLE,
            "room_shared_with": "Spouse",
            "passport_number": f"P{person.pk:07d}",
            "nationality": str(person.nation.name),
            "passport_expires_on": event.ends_on + datetime.timedelta(days=3 * 365),
            "date_of_birth": datetime.date(1975, 3, 14),
            "place_of_birth": str(person.nation.name),
        }
    return {}


def _register_all(context, event, specs, people, admin):
    """Register each person once through the services and take them to the final state."""
    types = {t.kind: t for t in event.registration_types.all()}
    discounts = {d.nation_id: d.code for d in event.discount_codes.all()}
    for email, kind, state, reason, discounted, details in specs:
        person = people.get(email)
        if person is None or kind not in types:
            continue
        if Registration.objects.filter(event=event, person=person).exists():
            continue
        registration = services.register(
            event,
            person=person,
            registration_type=types[kind],
            by=admin,
            discount_code=discounts.get(person.nation_id, "") if discounted else "",
            details=_details(details, person, event),
            notify=False,
        )
        if state == State.CONFIRMED:
            services.confirm(registration, by=admin)
        elif state == State.REJECTED:
            services.reject(registration, by=admin, reason=reason)
        elif state == State.CANCELLED:
            services.cancel(registration, by=admin, reason=reason)
        registration.refresh_from_db()
        if registration.state != state:
            raise RuntimeError(f"Demo registration of {email} is {registration.state}, not {state}")
        context.log(f"registration of {person} for {event} ({state})")
