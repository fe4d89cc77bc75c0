"""Judges and the Technical Jury change results: they enrol TOTP before any page answers."""

import pytest

from accounts.tests.test_login_security import assert_only_enrolment_answers

from .factories import judge, jury

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "make", [lambda c, totp: judge(c, "shooting", totp=totp), jury], ids=["judge", "jury"]
)
def test_password_only_judge_or_jury_session_reaches_only_enrolment(client, competition, make):
    user = make(competition, totp=False)

    assert_only_enrolment_answers(client, user.email)
