import pytest
from django.contrib.auth import get_user_model

from accounts.models import RoleAssignment
from accounts.rules import nation_ids_for
from conftest import log_in_with_two_factor

from .factories import PersonFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def superuser_client(client):
    user = User.objects.create_superuser("chief", "chief@example.org", "pw")
    return log_in_with_two_factor(client, user)


def test_new_account_is_tied_to_a_person_and_gets_their_role(superuser_client, est):
    person = PersonFactory(nation=est, first_name="Mari", last_name="Tamm")
    RoleAssignment.objects.create(
        person=person, role=RoleAssignment.Role.HEAD_OF_DELEGATION, nation=est
    )

    response = superuser_client.post(
        "/admin/users/new/",
        {
            "username": "mari",
            "email": "mari.tamm@example.org",
            "first_name": "Mari",
            "last_name": "Tamm",
            "password1": "a-long-passphrase-2026",
            "password2": "a-long-passphrase-2026",
            "person": person.pk,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    account = User.objects.get(email="mari.tamm@example.org")
    assert account.person == person
    assert nation_ids_for(account) == {est.pk}


def test_user_edit_form_offers_the_person_field(superuser_client, est):
    person = PersonFactory(nation=est, first_name="Jaan", last_name="Kask")
    account = User.objects.create_user("jaan", "jaan@example.org", "pw", person=person)

    html = superuser_client.get(f"/admin/users/edit/{account.pk}/").content.decode()

    assert 'name="person"' in html
    assert f'<option value="{person.pk}" selected>' in html
