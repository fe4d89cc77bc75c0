"""The People admin, walked route by route by a head of delegation of Estonia."""

import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import Person, RoleAssignment

from .conftest import staff_user
from .factories import PersonFactory

Role = RoleAssignment.Role
pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_accounts_person:{name}", args=args)


@pytest.fixture
def people(est, fra):
    return {
        "est": PersonFactory(nation=est, first_name="Karl", last_name="Saar"),
        "fra": PersonFactory(nation=fra, first_name="Sophie", last_name="Bernard"),
    }


@pytest.fixture
def hod_client(client, hod_est):
    client.force_login(hod_est)
    return client


def _form(person, **changes):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "rank_en": person.rank_en,
        "rank_fr": person.rank_fr,
        "nato_code": person.nato_code,
        "nation": person.nation_id,
        "service": person.service,
        "sex": person.sex,
        "email": person.email,
        "preferred_language": person.preferred_language,
    }
    return {**data, **changes}


def test_listing_shows_only_the_own_nations_people(hod_client, people):
    html = hod_client.get(url("list")).content.decode()

    assert "SAAR" in html
    assert "BERNARD" not in html


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_hold_only_the_own_nations_people(hod_client, people, export):
    response = hod_client.get(url("list") + f"?export={export}")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        text = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    else:
        text = content.decode()

    assert "Saar" in text
    assert "Bernard" not in text


@pytest.mark.parametrize("route", ["edit", "delete", "history", "inspect", "usage"])
def test_other_nations_person_is_forbidden_on_every_route(hod_client, people, route):
    other = people["fra"]

    assert hod_client.get(url(route, other.pk)).status_code == 403


def test_posting_to_other_nations_person_changes_nothing(hod_client, people):
    other = people["fra"]

    edit = hod_client.post(url("edit", other.pk), _form(other, last_name="Changed"))
    delete = hod_client.post(url("delete", other.pk))

    assert (edit.status_code, delete.status_code) == (403, 403)
    assert Person.objects.get(pk=other.pk).last_name == "Bernard"


def test_bulk_delete_of_other_nations_person_is_forbidden(hod_client, people):
    other = people["fra"]
    bulk = reverse("wagtail_bulk_action", args=("accounts", "person", "delete")) + f"?id={other.pk}"

    assert hod_client.get(bulk).status_code == 403
    assert hod_client.post(bulk).status_code == 403
    assert Person.objects.filter(pk=other.pk).exists()


def test_own_nations_person_is_edited_and_the_change_recorded(hod_client, hod_est, people):
    own = people["est"]

    response = hod_client.post(url("edit", own.pk), _form(own, rank_en="Captain", nato_code="OF-2"))

    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(object_id=str(own.pk), action="wagtail.edit")
    assert entry.user == hod_est
    assert entry.data["changes"] == {"rank_en": ["Major", "Captain"], "nato_code": ["OF-3", "OF-2"]}
    history = hod_client.get(url("history", own.pk)).content.decode()
    assert "Rank (English): Major → Captain" in history


def test_own_nations_person_is_deleted_with_a_trace(hod_client, people):
    own = people["est"]

    hod_client.post(url("delete", own.pk))

    assert not Person.objects.filter(pk=own.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(own.pk), action="wagtail.delete")
    assert entry.data["changes"]["last_name"] == ["Saar", None]


def test_create_offers_only_the_own_nation(hod_client, est, fra):
    form = hod_client.get(url("add")).context["form"]

    assert list(form.fields["nation"].queryset) == [est]
    response = hod_client.post(
        url("add"), _form(PersonFactory.build(nation=fra), last_name="Intrus")
    )
    assert response.status_code == 200
    assert not Person.objects.filter(last_name="Intrus").exists()

    response = hod_client.post(url("add"), _form(PersonFactory.build(nation=est), last_name="Uus"))
    assert response.status_code == 302
    created = Person.objects.get(last_name="Uus")
    assert ModelLogEntry.objects.filter(object_id=str(created.pk), action="wagtail.create").exists()


def test_roles_and_audit_log_are_closed_to_a_head_of_delegation(hod_client, people):
    # Wagtail answers a model it refuses with a redirect to the dashboard and a message.
    roles = hod_client.get(reverse("wagtailsnippets_accounts_roleassignment:list"))
    assert (roles.status_code, roles["Location"]) == (302, reverse("wagtailadmin_home"))
    assert hod_client.get(reverse("wagtailadmin_reports:site_history")).status_code == 403
    assert hod_client.get(reverse("wagtailadmin_reports:site_history_results")).status_code == 403


def test_presidency_sees_everyone_and_reads_the_audit_log(client, presidency, people):
    client.force_login(presidency)
    client.post(url("edit", people["fra"].pk), _form(people["fra"], rank_en="Colonel"))

    listing = client.get(url("list")).content.decode()
    log = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()

    assert "SAAR" in listing and "BERNARD" in listing
    assert "Sophie BERNARD" in log
    assert "Rank (English): Major → Colonel" in log
    assert client.get(reverse("wagtailsnippets_accounts_roleassignment:list")).status_code == 200


def test_national_staff_of_norway_sees_no_estonian(client, est, people):
    from nations.tests.factories import NationFactory

    nor = NationFactory(code="NOR", name_en="Norway", name_fr="Norvège")
    staff = staff_user(Role.NATIONAL_STAFF, nation=nor)
    client.force_login(staff)

    assert "SAAR" not in client.get(url("list")).content.decode()
    assert client.get(url("edit", people["est"].pk)).status_code == 403


def test_person_chooser_offers_only_the_own_nations_people(hod_client, people):
    choose = hod_client.get(reverse("wagtailsnippetchoosers_accounts_person:choose_results"))
    chosen = hod_client.get(
        reverse("wagtailsnippetchoosers_accounts_person:chosen", args=(people["fra"].pk,))
    )

    assert "SAAR" in choose.content.decode()
    assert "BERNARD" not in choose.content.decode()
    assert chosen.status_code == 403


def test_presidency_gives_and_ends_a_role_through_the_admin(client, presidency, est, people):
    client.force_login(presidency)
    add = reverse("wagtailsnippets_accounts_roleassignment:add")

    response = client.post(
        add,
        {"person": people["est"].pk, "role": "head_of_delegation", "nation": est.pk},
    )
    assignment = RoleAssignment.objects.get(person=people["est"])
    client.post(
        reverse("wagtailsnippets_accounts_roleassignment:edit", args=(assignment.pk,)),
        {
            "person": people["est"].pk,
            "role": "head_of_delegation",
            "nation": est.pk,
            "ends_on": "2026-07-31",
        },
    )

    assert response.status_code == 302
    entries = ModelLogEntry.objects.filter(
        object_id=str(assignment.pk), content_type__model="roleassignment"
    ).order_by("id")
    assert [e.action for e in entries] == ["wagtail.create", "wagtail.edit"]
    assert entries[1].data["changes"] == {"ends_on": [None, "2026-07-31"]}
    assert entries[1].user == presidency
