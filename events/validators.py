"""Plausibility of a registration's dates: one set of rules for the delegation's form and the
import (each adds the messages to its own fields or rows)."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

MIN_AGE_YEARS = 16  # CIOR's youngest participants (YRO) are of age to serve
MAX_AGE_YEARS = 110
PASSPORT_MAX_YEARS = 15  # no passport is issued for longer
STAY_MARGIN = datetime.timedelta(days=366)  # arrival or departure this far from the event: a typo


def years_before(day: datetime.date, years: int) -> datetime.date:
    """Return the same calendar day `years` earlier, or later for negative `years` (28 February
    for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def registration_date_errors(values: dict, *, event, today=None) -> dict[str, str]:
    """Return a message per implausible date among a registration's `values` (field -> date).

    Birth: in the past and at least 16 years ago (at most 110). Passport expiry: not before the
    event's end (a visa letter needs a passport valid until then) nor absurdly far. Arrival and
    departure: departure not before arrival, both within a year of the event.
    """
    today = today or timezone.localdate()
    errors = {}
    born = values.get("date_of_birth")
    if born:
        if born > years_before(today, MIN_AGE_YEARS):
            errors["date_of_birth"] = _(
                "A date of birth must be in the past and at least %(years)d years ago."
            ) % {"years": MIN_AGE_YEARS}
        elif born < years_before(today, MAX_AGE_YEARS):
            errors["date_of_birth"] = _(
                "A date of birth more than %(years)d years ago is not plausible: check the year."
            ) % {"years": MAX_AGE_YEARS}
    expires = values.get("passport_expires_on")
    if expires:
        if expires < event.ends_on:
            errors["passport_expires_on"] = _(
                "The passport expires before the event ends (%(date)s): a visa letter needs a "
                "passport valid until then."
            ) % {"date": date_format(event.ends_on)}
        elif expires > years_before(today, -PASSPORT_MAX_YEARS):
            errors["passport_expires_on"] = _(
                "A passport valid for more than %(years)d years is not plausible: check the year."
            ) % {"years": PASSPORT_MAX_YEARS}
    arrival, departure = values.get("arrival_date"), values.get("departure_date")
    for field, day in (("arrival_date", arrival), ("departure_date", departure)):
        if day and not (event.starts_on - STAY_MARGIN <= day <= event.ends_on + STAY_MARGIN):
            errors[field] = _(
                "%(date)s is more than a year away from the event (%(dates)s): check the year."
            ) % {"date": date_format(day), "dates": event.date_range}
    if arrival and departure and departure < arrival and "departure_date" not in errors:
        errors["departure_date"] = _("The departure cannot be before the arrival.")
    return errors
