"""The Medal of Merit services: nominate, review, the Council's vote, diploma, consent."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Person
from accounts.tests.factories import PersonFactory
from awards import services
from awards.models import Nomination
from events.models import Event
from events.tests.factories import EventFactory
from governance import services as council
from governance.models import Motion
from nations.tests.factories import NationFactory

from .factories import AwardedFactory, NominationFactory

State = Nomination.State
pytestmark = pytest.mark.django_db


def _entries(nomination):
    return list(
        ModelLogEntry.objects.for_instance(nomination)
        .order_by("timestamp", "pk")
        .values_list("action", "data__reason")
    )


def test_nominate_creates_a_nomination_in_review_with_audit_and_mail(
    hod_est, est, nominee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        nomination = services.nominate(
            by=hod_est,
            nominee=nominee,
            nation=est,
            citation_en=" For service. ",
            citation_fr="Pour services.",
            grounds="Grounds.",
            today=datetime.date(2026, 3, 1),
        )

    nomination.refresh_from_db()
    assert (nomination.state, nomination.year, nomination.citation_en) == (
        State.IN_REVIEW,
        2026,
        "For service.",
    )
    assert (nomination.nominated_by, nomination.nominating_nation) == (hod_est, est)
    assert _entries(nomination) == [("cior.nomination", "Nominated")]
    assert [message.to for message in mail.outbox] == [["hod.est@example.org"]]
    assert mail.outbox[0].subject == (
        "[CIOR] Medal of Merit: your nomination of Katrin VOGEL is received"
    )


def test_nominate_a_new_person_of_any_nation_creates_the_person(hod_est, est):
    usa = NationFactory(code="USA", name_en="United States")

    nomination = services.nominate(
        by=hod_est,
        new_person={
            "first_name": "Dan",
            "last_name": "Brooks",
            "nation": usa,
            "rank_en": "Colonel",
        },
        nation=est,
        citation_en="For service.",
        citation_fr="Pour services.",
        grounds="Grounds.",
    )

    assert (nomination.nominee.full_name, nomination.nominee.nation, nomination.nominee.rank) == (
        "Dan BROOKS",
        usa,
        "Colonel",
    )


def test_nominate_a_known_name_reuses_the_person(hod_est, est, nominee):
    nomination = services.nominate(
        by=hod_est,
        new_person={"first_name": "katrin", "last_name": "VOGEL", "nation": nominee.nation},
        nation=est,
        citation_en="For service.",
        citation_fr="Pour services.",
        grounds="Grounds.",
    )

    assert nomination.nominee == nominee
    assert Person.objects.filter(last_name__iexact="vogel").count() == 1


@pytest.mark.parametrize("missing", ["citation_en", "citation_fr", "grounds"])
def test_nominate_without_citation_or_grounds_is_refused(hod_est, est, nominee, missing):
    fields = {"citation_en": "For service.", "citation_fr": "Pour services.", "grounds": "G."}
    fields[missing] = "  "

    with pytest.raises(ValidationError) as refusal:
        services.nominate(by=hod_est, nominee=nominee, nation=est, **fields)

    assert refusal.value.message_dict == {missing: ["This field is required."]}
    assert Nomination.objects.count() == 0


def test_nominate_a_medal_holder_is_refused(hod_est, est, nominee):
    AwardedFactory(nominee=nominee)

    with pytest.raises(ValidationError) as refusal:
        services.nominate(
            by=hod_est, nominee=nominee, nation=est, citation_en="C", citation_fr="C", grounds="G"
        )

    assert refusal.value.message_dict == {
        "nominee": ["Katrin VOGEL already holds the Medal of Merit."]
    }
    assert Nomination.objects.count() == 1


def test_nominate_the_same_person_twice_in_a_year_is_refused_in_french(
    hod_fra, fra, nomination, nominee
):
    from django.utils import translation

    with translation.override("fr"), pytest.raises(ValidationError) as refusal:
        services.nominate(
            by=hod_fra,
            nominee=nominee,
            nation=fra,
            citation_en="C",
            citation_fr="C",
            grounds="G",
            today=datetime.date(nomination.year, 12, 1),
        )

    assert refusal.value.message_dict == {
        "nominee": [f"Katrin VOGEL a déjà été proposé(e) en {nomination.year}."]
    }
    assert Nomination.objects.count() == 1


def test_nominate_again_after_a_decline_is_allowed(hod_est, est, nomination, presidency, nominee):
    services.decline(nomination, reason="Not enough yet.", by=presidency)

    again = services.nominate(
        by=hod_est, nominee=nominee, nation=est, citation_en="C", citation_fr="C", grounds="G"
    )

    assert again.state == State.IN_REVIEW
    assert Nomination.objects.count() == 2


@pytest.mark.parametrize("role", ["staff_est", "editor"])
def test_nominate_by_someone_not_heading_a_delegation_is_forbidden(request, role, nominee):
    user = request.getfixturevalue(role)

    with pytest.raises(PermissionDenied):
        services.nominate(by=user, nominee=nominee, citation_en="C", citation_fr="C", grounds="G")

    assert Nomination.objects.count() == 0


def test_nominate_for_another_nation_than_the_own_is_forbidden(hod_est, fra, nominee):
    with pytest.raises(PermissionDenied):
        services.nominate(
            by=hod_est, nominee=nominee, nation=fra, citation_en="C", citation_fr="C", grounds="G"
        )


def test_recommend_moves_to_recommended_and_mails_the_nominator(
    nomination, presidency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.recommend(nomination, by=presidency)

    nomination.refresh_from_db()
    assert nomination.state == State.RECOMMENDED
    assert (
        mail.outbox[-1].subject == "[CIOR] Medal of Merit: the Presidency recommends Katrin VOGEL"
    )


def test_recommend_by_the_nominator_is_forbidden(nomination, hod_est):
    with pytest.raises(PermissionDenied):
        services.recommend(nomination, by=hod_est)

    nomination.refresh_from_db()
    assert nomination.state == State.IN_REVIEW


def test_decline_needs_a_reason_and_mails_it_in_the_nominators_language(
    presidency, hod_fra, fra, nominee, django_capture_on_commit_callbacks
):
    nomination = services.nominate(
        by=hod_fra, nominee=nominee, nation=fra, citation_en="C", citation_fr="C", grounds="G"
    )
    with pytest.raises(ValidationError):
        services.decline(nomination, reason=" ", by=presidency)

    with django_capture_on_commit_callbacks(execute=True):
        services.decline(nomination, reason="Trop tôt.", by=presidency)

    nomination.refresh_from_db()
    assert (nomination.state, nomination.decline_reason) == (State.DECLINED, "Trop tôt.")
    message = mail.outbox[-1]
    assert message.subject == (
        "[CIOR] Médaille du mérite : la Présidence n’a pas retenu la proposition de Katrin VOGEL"
    )
    assert "Motif : Trop tôt." in message.body


def test_a_step_out_of_order_is_refused(nomination, presidency, coming_meeting):
    with pytest.raises(ValidationError) as refusal:
        services.put_to_council(nomination, meeting=coming_meeting, by=presidency)

    assert "In review by the Presidency" in refusal.value.messages[0]
    assert Motion.objects.count() == 0


def test_put_to_council_creates_a_qualified_medal_motion(nomination, presidency, coming_meeting):
    services.recommend(nomination, by=presidency)

    motion = services.put_to_council(nomination, meeting=coming_meeting, by=presidency)

    nomination.refresh_from_db()
    assert (nomination.state, nomination.motion) == (State.BEFORE_COUNCIL, motion)
    assert (motion.subject, motion.required_majority, motion.status, motion.number) == (
        Motion.Subject.MEDAL,
        Motion.Majority.QUALIFIED,
        Motion.Status.DRAFT,
        1,
    )
    assert motion.text_en == (
        "The Council awards the CIOR Medal of Merit to Colonel Katrin VOGEL (Germany). "
        "Citation: For her decisive part in the CIOR–NRFC cooperation."
    )
    assert motion.text_fr.startswith(
        "Le Conseil décerne la Médaille du mérite de la CIOR à Colonel Katrin VOGEL (Allemagne)."
    )


def test_put_to_a_past_meeting_is_refused(nomination, presidency, coming_meeting):
    services.recommend(nomination, by=presidency)
    coming_meeting.starts_on = coming_meeting.ends_on = timezone.localdate() - datetime.timedelta(
        days=1
    )
    coming_meeting.save()

    with pytest.raises(ValidationError):
        services.put_to_council(nomination, meeting=coming_meeting, by=presidency)

    nomination.refresh_from_db()
    assert nomination.state == State.RECOMMENDED


def _vote(motion, nations, choices, presidency):
    """Everyone present; each nation votes its choice; close."""
    council.open_voting(motion, by=presidency)
    for nation, choice in zip(nations, choices, strict=True):
        council.record_attendance(motion.meeting, nation=nation, present_in_person=True, by=None)
        council.cast_vote(motion, nation=nation, choice=choice, by=None)
    return council.close_voting(motion, by=presidency)


@pytest.fixture
def council_nations(est, fra, deu):
    return [est, fra, deu, NationFactory(code="NOR", name_en="Norway")]


@pytest.mark.parametrize(
    ("choices", "state"),
    [
        (["for", "for", "for", "against"], State.AWARDED),  # 3 of 4: two thirds
        (["for", "for", "against", "against"], State.REFUSED),  # half: not two thirds
    ],
)
def test_closing_the_council_vote_decides_the_nomination(
    nomination,
    presidency,
    coming_meeting,
    council_nations,
    choices,
    state,
    django_capture_on_commit_callbacks,
):
    services.recommend(nomination, by=presidency)
    motion = services.put_to_council(nomination, meeting=coming_meeting, by=presidency)

    with django_capture_on_commit_callbacks(execute=True):
        _vote(motion, council_nations, choices, presidency)

    nomination.refresh_from_db()
    assert nomination.state == state
    assert nomination.awarded_on == (timezone.localdate() if state == State.AWARDED else None)
    assert _entries(nomination)[-1] == ("cior.nomination", str(Motion.objects.get(pk=motion.pk)))
    assert mail.outbox[-1].subject.startswith("[CIOR] Medal of Merit: the Council")


def test_a_council_vote_without_quorum_sends_the_nomination_back(
    nomination, presidency, coming_meeting, council_nations
):
    services.recommend(nomination, by=presidency)
    motion = services.put_to_council(nomination, meeting=coming_meeting, by=presidency)
    council.open_voting(motion, by=presidency)
    council.cast_vote(motion, nation=council_nations[0], choice="for", by=None)

    council.close_voting(motion, by=presidency)  # nobody recorded present: no quorum

    nomination.refresh_from_db()
    assert (nomination.state, nomination.motion) == (State.RECOMMENDED, None)
    assert Motion.objects.get(pk=motion.pk).result == Motion.Result.NO_QUORUM


def test_closing_another_motion_changes_no_nomination(nomination, presidency, coming_meeting):
    from governance.tests.factories import MotionFactory

    other = MotionFactory(meeting=coming_meeting, status=Motion.Status.VOTING)

    council.close_voting(other, by=presidency)

    nomination.refresh_from_db()
    assert nomination.state == State.IN_REVIEW


def test_issue_diploma_at_a_congress_and_record_consent(presidency):
    awarded = AwardedFactory()
    congress = EventFactory(kind=Event.Kind.SUMMER_CONGRESS)

    services.issue_diploma(
        awarded, presented_at=congress, by=presidency, on=datetime.date(2026, 8, 1)
    )
    services.record_consent(awarded, consent=False, by=presidency)

    awarded.refresh_from_db()
    assert (awarded.presented_at, awarded.diploma_issued_on, awarded.publication_consent) == (
        congress,
        datetime.date(2026, 8, 1),
        False,
    )
    assert [reason for _, reason in _entries(awarded)] == [
        "Diploma issued",
        "Consent to the public roll withdrawn",
    ]


def test_issue_diploma_at_another_kind_of_event_is_refused(presidency):
    awarded = AwardedFactory()

    with pytest.raises(ValidationError) as refusal:
        services.issue_diploma(
            awarded, presented_at=EventFactory(kind=Event.Kind.MILCOMP), by=presidency
        )

    assert refusal.value.message_dict == {
        "presented_at": ["The medal is presented at a Mid-Winter Meeting or a Summer Congress."]
    }
    awarded.refresh_from_db()
    assert awarded.diploma_issued_on is None


def test_record_consent_before_the_award_is_refused(nomination, presidency):
    with pytest.raises(ValidationError):
        services.record_consent(nomination, consent=True, by=presidency)

    nomination.refresh_from_db()
    assert nomination.publication_consent is False


def test_record_past_award_refuses_a_second_medal(presidency):
    person = PersonFactory()
    services.record_past_award(
        person,
        awarded_on=datetime.date(2020, 2, 6),
        citation_en="C",
        citation_fr="C",
        by=presidency,
    )

    with pytest.raises(ValidationError):
        services.record_past_award(
            person,
            awarded_on=datetime.date(2021, 2, 6),
            citation_en="C",
            citation_fr="C",
            by=presidency,
        )

    assert Nomination.objects.filter(nominee=person).count() == 1


def test_visible_to_each_role(
    nomination, hod_est, hod_est_2, hod_fra, staff_est, editor, presidency
):
    other = NominationFactory(nominated_by=hod_fra)

    def visible(user):
        return set(Nomination.objects.visible_to(user))

    assert visible(presidency) == {nomination, other}
    assert visible(hod_est) == {nomination}
    assert visible(hod_fra) == {other}
    assert visible(hod_est_2) == set()
    assert visible(staff_est) == set()
    assert visible(editor) == set()
