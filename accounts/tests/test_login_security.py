"""Login limits count the real client, and a password-only session reaches only enrolment."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import RoleAssignment

from .conftest import staff_user
from .factories import UserFactory

Role = RoleAssignment.Role
pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "cior-test-pass"
TOO_MANY = "Too many failed login attempts"


def _post_login(client, login, password, **address):
    return client.post(LOGIN, {"login": login, "password": password}, **address)


def _fail_ten_times(address, logins):
    guesser = Client()
    for n in range(10):
        response = _post_login(guesser, logins[n % len(logins)], f"wrong-{n}", **address)
        assert "_auth_user_id" not in guesser.session
    return response


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_login_limit_behind_one_proxy_counts_forwarded_clients_separately():
    user = UserFactory(email="reader@example.org")
    _fail_ten_times(
        {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}, [f"nobody{n}@example.org" for n in range(10)]
    )

    guesser, visitor = Client(), Client()
    blocked = _post_login(guesser, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5")
    allowed = _post_login(visitor, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in guesser.session
    assert allowed.status_code == 302
    assert visitor.session["_auth_user_id"] == str(user.pk)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_login_limit_believes_only_the_entry_the_trusted_proxy_added():
    """A client cannot dodge the limit by writing its own X-Forwarded-For entries."""
    user = UserFactory(email="reader@example.org")
    guesser = Client()
    for n in range(10):
        _post_login(
            guesser,
            f"nobody{n}@example.org",
            "wrong",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.5",
        )

    blocked = _post_login(
        guesser, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5"
    )

    assert TOO_MANY in blocked.content.decode()


def test_login_limit_without_trusted_proxy_ignores_forwarded_header():
    user = UserFactory(email="reader@example.org")
    guesser = Client()
    for n in range(10):
        _post_login(guesser, f"nobody{n}@example.org", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    blocked = _post_login(guesser, user.email, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")

    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in guesser.session


def test_wrong_passwords_from_one_address_do_not_lock_the_account_for_another():
    owner_account = staff_user(Role.PRESIDENCY, totp=False)
    _fail_ten_times({"REMOTE_ADDR": "203.0.113.5"}, [owner_account.email])

    guesser, owner = Client(), Client()
    blocked = _post_login(guesser, owner_account.email, PASSWORD, REMOTE_ADDR="203.0.113.5")
    response = _post_login(owner, owner_account.email, PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert TOO_MANY in blocked.content.decode()
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(owner_account.pk)


def test_five_wrong_passwords_for_one_account_stop_that_address_guessing_it():
    user = UserFactory(email="reader@example.org")
    guesser = Client()
    for n in range(5):
        _post_login(guesser, user.email, f"wrong-{n}", REMOTE_ADDR="203.0.113.5")

    blocked = _post_login(guesser, user.email, PASSWORD, REMOTE_ADDR="203.0.113.5")

    assert TOO_MANY in blocked.content.decode()
    assert "_auth_user_id" not in guesser.session


# Everything a password-only staff session might try before enrolling an authenticator.
CLOSED_BEFORE_ENROLMENT = [
    "/admin/",
    "/admin/pages/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/recovery-codes/generate/",
    "/en/delegation/",
    "/en/milcomp/judge/",
    "/en/",
    "/fr/",
]

STAFF_ROLES = {
    "presidency": {"role": Role.PRESIDENCY},
    "treasurer": {"role": Role.TREASURER},
    "editor": {"role": Role.EDITOR},
    "head_of_delegation": {"role": Role.HEAD_OF_DELEGATION, "nation": True},
    "national_staff": {"role": Role.NATIONAL_STAFF, "nation": True},
}


@pytest.fixture(params=[*STAFF_ROLES, "superuser"])
def staff_without_totp(request, est):
    if request.param == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    spec = STAFF_ROLES[request.param]
    return staff_user(spec["role"], nation=est if spec.get("nation") else None, totp=False)


def assert_only_enrolment_answers(client, email):
    """Log in with the password alone; every page but enrolment and logout redirects there."""
    activate = reverse("mfa_activate_totp")
    response = _post_login(client, email, PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session

    for url in CLOSED_BEFORE_ENROLMENT:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, activate), url
    changed = client.post("/accounts/email/", {"email": "thief@example.org", "action_add": ""})
    assert changed["Location"] == activate
    password = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "Thief's passphrase 9",
            "password2": "Thief's passphrase 9",
        },
    )
    assert password["Location"] == activate
    # Enrolment itself asks for the password again first; logout works.
    assert client.get(activate)["Location"].startswith(reverse("account_reauthenticate"))
    assert client.get(reverse("account_reauthenticate")).status_code == 200
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_password_only_staff_session_reaches_only_enrolment(client, staff_without_totp):
    assert_only_enrolment_answers(client, staff_without_totp.email)

    staff_without_totp.refresh_from_db()
    assert staff_without_totp.check_password(PASSWORD)
    assert not staff_without_totp.emailaddress_set.filter(email="thief@example.org").exists()
