"""One e-mail address is one person of a nation: the admin refuses a second."""

import pytest

from accounts.models import Person, RoleAssignment

from .conftest import staff_user
from .factories import PersonFactory
from .test_admin import _form, url

pytestmark = pytest.mark.django_db


def test_admin_refuses_a_second_person_with_a_compatriots_email(client, est):
    PersonFactory(nation=est, first_name="Karl", last_name="Saar", email="karl@example.ee")
    client.force_login(staff_user(RoleAssignment.Role.HEAD_OF_DELEGATION, nation=est))

    response = client.post(
        url("add"), _form(PersonFactory.build(nation=est), last_name="Uus", email="KARL@example.ee")
    )

    assert response.status_code == 200
    assert "Karl SAAR (EST) already has the e-mail address KARL@example.ee" in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert not Person.objects.filter(last_name="Uus").exists()


def test_admin_keeps_a_persons_own_email_on_edit(client, est):
    karl = PersonFactory(nation=est, first_name="Karl", last_name="Saar", email="karl@example.ee")
    client.force_login(staff_user(RoleAssignment.Role.HEAD_OF_DELEGATION, nation=est))

    response = client.post(url("edit", karl.pk), _form(karl, rank_en="Captain"))

    assert response.status_code == 302
    karl.refresh_from_db()
    assert karl.rank_en == "Captain"
