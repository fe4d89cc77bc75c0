"""Factories of Medal of Merit nominations."""

import datetime

import factory
from factory.django import DjangoModelFactory

from accounts.tests.factories import PersonFactory
from awards.models import Nomination


class NominationFactory(DjangoModelFactory):
    """A nomination in review, of a new person, made by nobody in particular."""

    class Meta:
        model = Nomination

    nominee = factory.SubFactory(PersonFactory)
    year = 2026
    citation_en = "For outstanding service to reserve officers."
    citation_fr = "Pour services exceptionnels rendus aux officiers de réserve."
    grounds = "Twenty years of work for CIOR."
    state = Nomination.State.IN_REVIEW


class AwardedFactory(NominationFactory):
    """A medal awarded (from the archive), with consent to the public roll by default."""

    state = Nomination.State.AWARDED
    awarded_on = datetime.date(2025, 2, 6)
    year = 2025
    publication_consent = True
