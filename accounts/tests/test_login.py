import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from accounts.models import RoleAssignment

from .conftest import TEST_SECRET, staff_user
from .factories import UserFactory

Role = RoleAssignment.Role
pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "cior-test-pass"


def _code(secret, windows_away=0):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + windows_away))


def _well_inside_a_window():
    """Wait out the last 3 s of a 30 s window, so that a code counted from now is as many
    windows away when the server checks it."""
    left = 30 - time.time() % 30
    if left < 3:
        time.sleep(left + 0.1)


def test_login_is_by_email_and_password(client):
    user = UserFactory(email="reader@example.org", username="reader")

    response = client.post(LOGIN, {"login": "reader@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_by_username_is_refused(client):
    UserFactory(email="reader@example.org", username="reader")

    response = client.post(LOGIN, {"login": "reader", "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_signup_is_closed(client):
    response = client.get("/accounts/signup/")

    assert "Sign Up Closed" in response.content.decode()


def test_login_page_is_in_the_site_frame_without_inline_script(client):
    response = client.get(LOGIN)
    html = response.content.decode()

    assert 'class="account-page"' in html
    assert "sign up" not in html
    assert 'name="login"' in html and 'type="email"' in html
    assert "site-header" in html
    assert "<script>" not in html
    assert 'style="' not in html


def test_wagtail_login_leads_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_wagtails_password_only_front_end_login_logs_no_one_in(client, est, language):
    """Wagtail's /_util/login/ (for private pages) would skip the second factor: a staff user
    could enter the admin with a password alone. It leads to allauth instead."""
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est)
    url = f"/{language}/_util/login/?next=/{language}/about/"

    response = client.post(url, {"username": user.username, "password": PASSWORD})
    response_by_email = client.post(url, {"username": user.email, "password": PASSWORD})

    assert response.status_code == response_by_email.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/{language}/about/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_admin_sends_anonymous_users_to_allauth_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    UserFactory(email="reader@example.org")

    client.post("/accounts/password/reset/", {"email": "reader@example.org"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["reader@example.org"]
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link)["Location"]
    client.post(
        form_url, {"password1": "A new long passphrase 7", "password2": "A new long passphrase 7"}
    )
    client.logout()
    response = client.post(
        LOGIN, {"login": "reader@example.org", "password": "A new long passphrase 7"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_staff_role_without_totp_is_sent_to_activation_then_admin_opens(client, est):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est, totp=False)
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get("/en/search/")["Location"] == reverse("mfa_activate_totp")

    # allauth asks for the password again before a second factor is added.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()

    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Dashboard" in response.content.decode()


def test_superuser_without_totp_is_sent_to_activation(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)

    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_account_without_staff_role_needs_no_totp(client):
    client.force_login(UserFactory())

    assert client.get("/accounts/password/change/").status_code == 200
    assert client.get("/admin/").status_code == 302  # no admin access, but not to activation
    assert client.get("/admin/")["Location"] != reverse("mfa_activate_totp")


def test_login_with_totp_asks_for_the_code(client, est):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est)

    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": _code(TEST_SECRET)})
    assert response.status_code == 302
    assert response["Location"] == "/en/my/"  # the role's start page
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("windows_away", [-1, 1])
def test_a_code_of_the_next_or_last_window_is_taken_once(client, est, windows_away):
    """A phone's clock a little off, or a code typed as its window turns: one window either way
    logs in; the same code a second time does not."""
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est)
    _well_inside_a_window()
    code = _code(TEST_SECRET, windows_away)

    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    client.logout()
    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("windows_away", [-2, 2])
def test_a_code_two_windows_away_is_refused(client, est, windows_away):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est)

    client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    _well_inside_a_window()
    response = client.post(reverse("mfa_authenticate"), {"code": _code(TEST_SECRET, windows_away)})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
