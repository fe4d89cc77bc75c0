"""Committee members in the admin: a head of delegation works on the own nation's only."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import RoleAssignment
from accounts.tests.factories import PersonFactory
from governance.models import Appointment, CommitteeMembership
from nations.tests.factories import NationFactory, user_with_role

from .conftest import with_totp
from .factories import AppointmentFactory, CommitteeFactory, CommitteeMembershipFactory
from .test_council_admin import denied

pytestmark = pytest.mark.django_db

Role = RoleAssignment.Role
LIST = "wagtailsnippets_governance_committeemembership:list"
ADD = "wagtailsnippets_governance_committeemembership:add"
EDIT = "wagtailsnippets_governance_committeemembership:edit"


@pytest.fixture
def setting():
    own = NationFactory(code="QAA", name_en="Aland")
    other = NationFactory(code="QBB", name_en="Borduria")
    committee = CommitteeFactory(acronym="YRO-C")
    hod = with_totp(user_with_role(Role.HEAD_OF_DELEGATION, nation=own))
    mine = CommitteeMembershipFactory(
        committee=committee, person=PersonFactory(last_name="Mine", nation=own)
    )
    theirs = CommitteeMembershipFactory(
        committee=committee, person=PersonFactory(last_name="Theirs", nation=other)
    )
    return {
        "own": own,
        "other": other,
        "committee": committee,
        "hod": hod,
        "mine": mine,
        "theirs": theirs,
    }


def form_data(committee, person, role="member"):
    return {
        "committee": committee.pk,
        "person": person.pk,
        "role": role,
        "starts_on": "2026-01-01",
        "ends_on": "",
    }


def test_head_of_delegation_lists_the_own_nations_members_only(client, setting):
    client.force_login(setting["hod"])

    html = client.get(reverse(LIST)).content.decode()

    assert "MINE" in html
    assert "THEIRS" not in html


def test_head_of_delegation_guessing_another_nations_membership_is_refused(client, setting):
    client.force_login(setting["hod"])

    edit = client.get(reverse(EDIT, args=[setting["theirs"].pk]))
    post = client.post(
        reverse(EDIT, args=[setting["theirs"].pk]),
        form_data(setting["committee"], setting["theirs"].person),
    )

    assert edit.status_code in (403, 404)
    assert post.status_code in (403, 404)
    assert (
        CommitteeMembership.objects.get(pk=setting["theirs"].pk).starts_on.isoformat()
        == "2024-08-01"
    )


def test_head_of_delegation_nominates_through_the_admin(client, setting):
    person = PersonFactory(last_name="Newcomer", nation=setting["own"])
    client.force_login(setting["hod"])

    response = client.post(reverse(ADD), form_data(setting["committee"], person))

    assert response.status_code == 302
    membership = CommitteeMembership.objects.get(person=person)
    assert (membership.nation, membership.nominated_by) == (setting["own"], setting["hod"])
    entry = ModelLogEntry.objects.get(object_id=str(membership.pk), action="cior.membership")
    assert entry.user_id == setting["hod"].pk


def test_a_sixth_member_is_refused_in_the_form(client, setting):
    for _ in range(4):
        CommitteeMembershipFactory(committee=setting["committee"], person__nation=setting["own"])
    person = PersonFactory(nation=setting["own"])
    client.force_login(setting["hod"])

    response = client.post(reverse(ADD), form_data(setting["committee"], person))

    assert response.status_code == 200
    assert "Aland already has 5 members on YRO-C, the most allowed." in response.content.decode()
    assert not CommitteeMembership.objects.filter(person=person).exists()


def test_head_of_delegation_cannot_nominate_another_nations_person_nor_a_chair(client, setting):
    client.force_login(setting["hod"])
    foreigner = PersonFactory(nation=setting["other"])
    compatriot = PersonFactory(nation=setting["own"])

    client.post(reverse(ADD), form_data(setting["committee"], foreigner))
    client.post(reverse(ADD), form_data(setting["committee"], compatriot, role="chair"))

    assert not CommitteeMembership.objects.filter(person__in=[foreigner, compatriot]).exists()


def test_presidency_sees_every_membership_and_appoints_a_chair(client, setting):
    sg = with_totp(user_with_role(Role.PRESIDENCY))
    chair = PersonFactory(last_name="Chairman", nation=setting["other"])
    client.force_login(sg)

    html = client.get(reverse(LIST)).content.decode()
    client.post(reverse(ADD), form_data(setting["committee"], chair, role="chair"))

    assert "MINE" in html and "THEIRS" in html
    assert CommitteeMembership.objects.get(person=chair).role == "chair"


def test_head_of_delegation_cannot_edit_the_own_nations_chair(client, setting):
    chair = CommitteeMembershipFactory(
        committee=setting["committee"], role="chair", person__nation=setting["own"]
    )
    client.force_login(setting["hod"])

    response = client.get(reverse(EDIT, args=[chair.pk]))

    assert response.status_code == 404 or denied(response)


def test_appointment_edited_in_the_admin_is_audited_with_old_and_new_values(admin_client):
    appointment = AppointmentFactory(role=Appointment.Role.ASG, portfolio="plans")

    admin_client.post(
        reverse("wagtailsnippets_governance_appointment:edit", args=[appointment.pk]),
        {
            "person": appointment.person.pk,
            "role": "asg",
            "portfolio": "operations",
            "term": appointment.term.pk,
            "starts_on": "",
            "ends_on": "",
            "sort_order": 0,
        },
    )

    entry = ModelLogEntry.objects.get(object_id=str(appointment.pk), action="cior.appointment")
    assert entry.data["changes"] == {"portfolio": ["plans", "operations"]}
