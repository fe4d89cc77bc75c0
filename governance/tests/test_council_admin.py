"""The Council in the admin: who records, casts, opens, closes and reads the minutes."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from accounts.models import RoleAssignment
from governance import services
from governance.models import Motion, Vote
from nations.models import Nation
from nations.tests.factories import NationFactory, user_with_role

from .conftest import with_totp
from .factories import CouncilMeetingFactory, MotionFactory

pytestmark = pytest.mark.django_db

Role = RoleAssignment.Role


@pytest.fixture
def council():
    nations = {
        code: NationFactory(code=code, name_en=name_en, name_fr=name_fr)
        for code, name_en, name_fr in [
            ("QAA", "Aland", "Alandie"),
            ("QBB", "Borduria", "Bordurie"),
            ("QCC", "Carpania", "Carpanie"),
        ]
    }
    meeting = CouncilMeetingFactory()
    for code, nation in nations.items():
        services.record_attendance(meeting, nation=nation, present_in_person=code != "QCC", by=None)
    motion = MotionFactory(
        meeting=meeting,
        number=1,
        text_en="The Council approves the accounts for 2025.",
        text_fr="Le Conseil approuve les comptes pour 2025.",
    )
    return meeting, motion, nations


@pytest.fixture
def hod(council):
    return with_totp(user_with_role(Role.HEAD_OF_DELEGATION, nation=council[2]["QAA"]))


@pytest.fixture
def sg(db):
    return with_totp(user_with_role(Role.PRESIDENCY))


def denied(response):
    """Wagtail answers a PermissionDenied in the admin by a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def logged_in(client, user):
    client.force_login(user)
    return client


def test_head_of_delegation_sees_only_the_own_nation_to_vote_for(client, council, hod):
    _, motion, _ = council

    html = (
        logged_in(client, hod)
        .get(reverse("governance_cast_vote", args=[motion.pk]))
        .content.decode()
    )

    assert "Aland (QAA)" in html
    assert "Borduria" not in html
    assert "Cast my nation&#x27;s vote" in html or "Cast my nation's vote" in html


def test_head_of_delegation_casts_the_own_nations_vote(client, council, hod):
    _, motion, nations = council

    response = logged_in(client, hod).post(
        reverse("governance_cast_vote", args=[motion.pk]), {"QAA": "for"}
    )

    assert response.status_code == 302
    vote = Vote.objects.get(motion=motion)
    assert (vote.nation, vote.choice, vote.cast_by, vote.recorded_by_sg) == (
        nations["QAA"],
        "for",
        hod,
        False,
    )


def test_head_of_delegation_guessing_another_nation_is_refused(client, council, hod):
    _, motion, _ = council

    response = logged_in(client, hod).post(
        reverse("governance_cast_vote", args=[motion.pk]), {"QAA": "for", "QBB": "against"}
    )

    assert denied(response)
    assert not Vote.objects.exists()


def test_head_of_delegation_cannot_open_the_sg_grid_nor_close_the_vote(client, council, hod):
    _, motion, _ = council
    client = logged_in(client, hod)

    assert denied(client.get(reverse("governance_vote_grid", args=[motion.pk])))
    assert denied(client.post(reverse("governance_vote_grid", args=[motion.pk]), {"QBB": "for"}))
    close = reverse("governance_motion_status", args=[motion.pk, "close"])
    assert denied(client.post(close))
    assert Motion.objects.get(pk=motion.pk).status == "voting"
    assert not Vote.objects.exists()


def test_proxy_holder_also_casts_the_givers_vote(client, council, hod):
    meeting, motion, nations = council
    services.give_proxy(meeting, from_nation=nations["QCC"], to_nation=nations["QAA"], by=None)
    client = logged_in(client, hod)

    html = client.get(reverse("governance_cast_vote", args=[motion.pk])).content.decode()
    client.post(reverse("governance_cast_vote", args=[motion.pk]), {"QAA": "for", "QCC": "against"})

    assert "Carpania (QCC)" in html
    vote = Vote.objects.get(nation=nations["QCC"])
    assert (vote.choice, vote.proxy_holder) == ("against", nations["QAA"])


def test_head_of_delegation_of_no_nation_in_play_is_refused(client, council):
    _, motion, _ = council
    outsider = with_totp(user_with_role(Role.HEAD_OF_DELEGATION, nation=NationFactory()))

    response = logged_in(client, outsider).post(
        reverse("governance_cast_vote", args=[motion.pk]), {"QAA": "for"}
    )

    assert denied(response)


def test_secretary_general_records_the_nations_votes_in_the_grid(client, council, sg):
    _, motion, _ = council
    client = logged_in(client, sg)

    html = client.get(reverse("governance_vote_grid", args=[motion.pk])).content.decode()
    client.post(
        reverse("governance_vote_grid", args=[motion.pk]),
        {"QAA": "for", "QBB": "against", "QCC": ""},
    )

    assert all(name in html for name in ("Aland (QAA)", "Borduria (QBB)", "Carpania (QCC)"))
    assert dict(Vote.objects.values_list("nation__code", "choice")) == {
        "QAA": "for",
        "QBB": "against",
    }
    assert set(Vote.objects.values_list("recorded_by_sg", flat=True)) == {True}


def test_secretary_general_closes_the_vote_and_sees_the_outcome(client, council, sg):
    _, motion, nations = council
    services.cast_vote(motion, nation=nations["QAA"], choice="for", by=sg)
    client = logged_in(client, sg)

    client.post(reverse("governance_motion_status", args=[motion.pk, "close"]))
    html = client.get(reverse("governance_council")).content.decode()

    motion.refresh_from_db()
    assert (motion.status, motion.result, motion.votes_for) == ("closed", "adopted", 1)
    assert "Adopted" in html


def test_council_index_offers_each_role_its_own_actions(client, council, hod, sg):
    index = reverse("governance_council")

    as_hod = logged_in(client, hod).get(index).content.decode()
    as_sg = logged_in(client, sg).get(index).content.decode()

    assert reverse("governance_cast_vote", args=[council[1].pk]) in as_hod
    assert reverse("governance_vote_grid", args=[council[1].pk]) not in as_hod
    assert "Close voting" not in as_hod
    assert reverse("governance_vote_grid", args=[council[1].pk]) in as_sg
    assert "Close voting" in as_sg


def test_head_of_delegation_cannot_edit_a_meeting(client, council, hod):
    meeting = council[0]

    response = logged_in(client, hod).get(
        reverse("wagtailsnippets_governance_councilmeeting:edit", args=[meeting.pk])
    )

    assert response.status_code in (403, 404)


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_minutes_pdf_lists_attendance_motions_votes_and_outcome(client, council, sg):
    meeting, motion, nations = council
    services.give_proxy(meeting, from_nation=nations["QCC"], to_nation=nations["QAA"], by=None)
    for code, choice in {"QAA": "for", "QBB": "against", "QCC": "for"}.items():
        services.cast_vote(motion, nation=nations[code], choice=choice, by=None)
    services.close_voting(motion, by=None)

    response = logged_in(client, sg).get(reverse("governance_minutes_pdf", args=[meeting.pk]))

    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Minutes of the Council / Procès-verbal du Conseil" in text
    assert "Aland / Alandie (QAA) Present / Présente" in text
    assert "Carpania / Carpanie (QCC) By proxy to Aland / Par procuration à Alandie" in text
    assert "The Council approves the accounts for 2025." in text
    assert "Le Conseil approuve les comptes pour 2025." in text
    assert "Borduria / Bordurie Against / Contre" in text
    assert "Outcome / Résultat : Adopted / Adoptée" in text


@pytest.mark.parametrize("role, allowed", [(Role.HEAD_OF_DELEGATION, True), (Role.EDITOR, False)])
def test_minutes_are_for_the_council_members(client, council, role, allowed):
    nation = council[2]["QBB"] if role == Role.HEAD_OF_DELEGATION else None
    user = with_totp(user_with_role(role, nation=nation))

    response = logged_in(client, user).get(reverse("governance_minutes_pdf", args=[council[0].pk]))

    if allowed:
        assert response["Content-Type"] == "application/pdf"
    else:
        assert denied(response)


def test_associates_are_in_the_grid_only_for_motions_open_to_them(client, council, sg):
    meeting, motion, _ = council
    NationFactory(code="QXX", name_en="Xenia", membership=Nation.Membership.ASSOCIATE)
    open_motion = MotionFactory(meeting=meeting, number=2, open_to_associates=True)
    client = logged_in(client, sg)

    closed_grid = client.get(reverse("governance_vote_grid", args=[motion.pk])).content.decode()
    open_grid = client.get(reverse("governance_vote_grid", args=[open_motion.pk])).content.decode()

    assert "Xenia" not in closed_grid
    assert "Xenia (QXX)" in open_grid


def test_every_council_admin_page_opens_for_the_presidency(client, council, sg):
    meeting, motion, nations = council
    proxy = services.give_proxy(
        meeting, from_nation=nations["QCC"], to_nation=nations["QAA"], by=None
    )
    attendance = meeting.attendances.first()
    client = logged_in(client, sg)
    urls = [reverse("governance_council"), reverse("governance_vote_grid", args=[motion.pk])]
    for model, obj in [
        ("councilmeeting", meeting),
        ("attendance", attendance),
        ("proxy", proxy),
        ("motion", motion),
        ("committeemembership", None),
    ]:
        urls.append(reverse(f"wagtailsnippets_governance_{model}:list"))
        urls.append(reverse(f"wagtailsnippets_governance_{model}:add"))
        if obj is not None:
            urls.append(reverse(f"wagtailsnippets_governance_{model}:edit", args=[obj.pk]))

    statuses = {url: client.get(url).status_code for url in urls}

    assert set(statuses.values()) == {200}, statuses


def test_meeting_edited_in_the_admin_is_audited_with_its_agenda(client, council, sg):
    meeting = council[0]
    client = logged_in(client, sg)

    client.post(
        reverse("wagtailsnippets_governance_councilmeeting:edit", args=[meeting.pk]),
        {
            "kind": "mwm",
            "status": "open",
            "title_en": "Mid-Winter Meeting 2026",
            "title_fr": "Réunion de mi-hiver 2026",
            "starts_on": "2026-02-05",
            "ends_on": "2026-02-07",
            "place_en": "NATO Headquarters, Brussels",
            "place_fr": "",
            "host_nation": "",
            "agenda_items-TOTAL_FORMS": "1",
            "agenda_items-INITIAL_FORMS": "0",
            "agenda_items-MIN_NUM_FORMS": "0",
            "agenda_items-MAX_NUM_FORMS": "1000",
            "agenda_items-0-order": "1",
            "agenda_items-0-title_en": "Opening",
            "agenda_items-0-title_fr": "Ouverture",
            "agenda_items-0-id": "",
            "agenda_items-0-ORDER": "1",
            "agenda_items-0-DELETE": "",
        },
    )

    meeting.refresh_from_db()
    assert meeting.title_en == "Mid-Winter Meeting 2026"
    assert [item.title_fr for item in meeting.agenda_items.all()] == ["Ouverture"]
    entry = ModelLogEntry.objects.filter(object_id=str(meeting.pk), action="wagtail.edit").get()
    assert entry.data["changes"]["title_en"] == ["Mid-Winter Meeting", "Mid-Winter Meeting 2026"]


def test_head_of_delegation_reads_meetings_and_motions_but_not_proxies(client, council, hod):
    client = logged_in(client, hod)

    meetings = client.get(reverse("wagtailsnippets_governance_councilmeeting:list"))
    motions = client.get(reverse("wagtailsnippets_governance_motion:list"))
    proxies = client.get(reverse("wagtailsnippets_governance_proxy:list"))

    assert "Mid-Winter Meeting" in meetings.content.decode()
    assert "The Council approves the accounts for 2025." in motions.content.decode()
    assert denied(proxies)


def test_meeting_deleted_in_the_admin_leaves_one_entry_with_its_values(client, council, sg):
    meeting = council[0]

    response = logged_in(client, sg).post(
        reverse("wagtailsnippets_governance_councilmeeting:delete", args=[meeting.pk])
    )

    assert response.status_code == 302
    assert not type(meeting).objects.filter(pk=meeting.pk).exists()
    entry = ModelLogEntry.objects.filter(object_id=str(meeting.pk), action="wagtail.delete").get()
    assert entry.user == sg
    assert entry.data["changes"]["title_en"] == ["Mid-Winter Meeting", None]


def test_delete_refused_to_a_head_of_delegation_leaves_the_meeting_and_no_entry(
    client, council, hod
):
    meeting = council[0]

    response = logged_in(client, hod).post(
        reverse("wagtailsnippets_governance_councilmeeting:delete", args=[meeting.pk])
    )

    assert denied(response)
    assert type(meeting).objects.filter(pk=meeting.pk).exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


def test_delete_blocked_by_a_protected_row_rolls_back_its_entry(council, sg):
    """A row that a protected reference keeps: the service refuses with the reason and the
    "deleted" entry it wrote first is rolled back with the delete."""
    from django.core.exceptions import ValidationError

    from accounts.models import Person
    from governance.tests.factories import AppointmentFactory

    appointment = AppointmentFactory()
    person = appointment.person

    with pytest.raises(ValidationError, match=r"is still in use: it cannot be deleted\."):
        services.delete_record(person, by=sg)

    assert Person.objects.filter(pk=person.pk).exists()
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()
