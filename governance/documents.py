"""The minutes of a Council meeting as a PDF: every label and text in English and French."""

from dataclasses import dataclass

from django.db.models import Prefetch

from core.documents import render_pdf
from nations.models import Nation

from .models import Attendance, CouncilMeeting, Motion, NationStandingRecord, Proxy, Vote

# The minutes are one bilingual document whatever the reader's language, so the label pairs
# are fixed text, not gettext (as the invoice in nations/documents.py).
LABELS = {
    "minutes": ("Minutes of the Council", "Procès-verbal du Conseil"),
    "dates": ("Dates", "Dates"),
    "place": ("Place", "Lieu"),
    "host": ("Host nation", "Nation hôte"),
    "attendance": ("Attendance", "Présences"),
    "nation": ("Nation", "Nation"),
    "present": ("Present", "Présente"),
    "proxy": ("By proxy to", "Par procuration à"),
    "absent": ("Absent", "Absente"),
    "agenda": ("Agenda", "Ordre du jour"),
    "motion": ("Motion", "Motion"),
    "subject": ("Subject", "Objet"),
    "majority": ("Majority", "Majorité"),
    "open_to_associates": ("Open to associates", "Ouverte aux membres associés"),
    "votes": ("Votes per nation", "Votes par nation"),
    "vote": ("Vote", "Vote"),
    "note": ("Note", "Remarque"),
    "for": ("For", "Pour"),
    "against": ("Against", "Contre"),
    "abstain": ("Abstain", "Abstention"),
    "abstentions": ("Abstentions", "Abstentions"),
    "eligible": ("Nations with a vote", "Nations ayant le droit de vote"),
    "quorum": ("Quorum", "Quorum"),
    "quorum_detail": (
        "{present} of {base} voting-eligible full members present or represented",
        "{present} des {base} membres de plein droit ayant le droit de vote présents ou "
        "représentés",
    ),
    "reached": ("reached", "atteint"),
    "not_reached": ("not reached", "non atteint"),
    "result": ("Outcome", "Résultat"),
    "adopted": ("Adopted", "Adoptée"),
    "rejected": ("Rejected", "Rejetée"),
    "no_quorum": ("No quorum: no result", "Quorum non atteint : pas de résultat"),
    "not_closed": ("Voting not closed", "Vote non clos"),
    "simple": ("Simple majority", "Majorité simple"),
    "qualified": ("Qualified majority (two thirds)", "Majorité qualifiée (deux tiers)"),
    "by_proxy": ("cast by proxy by", "exprimé par procuration par"),
    "recorded_by_sg": (
        "* recorded by the Secretary General",
        "* enregistré par le Secrétaire général",
    ),
    "not_counted": ("not counted", "non compté"),
    "yes": ("Yes", "Oui"),
    "no": ("No", "Non"),
}
KINDS = {
    CouncilMeeting.Kind.MWM: ("Mid-Winter Meeting", "Réunion de mi-hiver"),
    CouncilMeeting.Kind.SUMMER_CONGRESS: ("Summer Congress", "Congrès d'été"),
    CouncilMeeting.Kind.FALL_IBM: ("Fall In-Between Meeting", "Réunion intermédiaire d'automne"),
    CouncilMeeting.Kind.SPRING_IBM: (
        "Spring In-Between Meeting",
        "Réunion intermédiaire de printemps",
    ),
}
SUBJECTS = {
    Motion.Subject.STATUTE: ("Statute change", "Modification des statuts"),
    Motion.Subject.ADMISSION: ("Admission of a member", "Admission d'un membre"),
    Motion.Subject.EXCLUSION: ("Exclusion of a member", "Exclusion d'un membre"),
    Motion.Subject.PRESIDENCY: ("Award of the presidency", "Attribution de la présidence"),
    Motion.Subject.MEDAL: ("Medal of Merit", "Médaille du mérite"),
    Motion.Subject.OTHER: ("Other", "Autre"),
}
REASONS = {
    "unknown_nation": ("not a member nation", "nation non membre"),
    "arrears": ("in arrears", "en retard de cotisation"),
    "associate_not_open": (
        "associate member; motion not open to associates",
        "membre associé ; motion non ouverte aux membres associés",
    ),
    "not_represented": (
        "neither present nor represented by proxy",
        "ni présente ni représentée par procuration",
    ),
    "duplicate": ("a second ballot", "second bulletin"),
    "invalid_choice": ("not a valid choice", "choix non valable"),
}


@dataclass
class AttendanceRow:
    nation: Nation
    status: str  # "present", "proxy" or "absent"
    proxy_to: Nation | None = None


@dataclass
class VoteRow:
    nation: Nation
    choice: tuple
    notes: list  # (en, fr) pairs
    recorded_by_sg: bool = False


@dataclass
class MotionMinutes:
    motion: Motion
    subject: tuple
    majority: tuple
    result: tuple
    quorum: tuple | None
    votes: list


def _attendance(meeting):
    present = dict(
        Attendance.objects.filter(meeting=meeting).values_list("nation_id", "present_in_person")
    )
    proxies = {
        proxy.from_nation_id: proxy.to_nation
        for proxy in Proxy.objects.filter(meeting=meeting).select_related("to_nation")
    }
    nations = Nation.objects.filter(pk__in=set(present) | set(proxies)) | Nation.objects.active()
    rows = []
    for nation in nations.distinct().order_by("code"):
        if present.get(nation.pk):
            rows.append(AttendanceRow(nation, "present"))
        elif nation.pk in proxies:
            rows.append(AttendanceRow(nation, "proxy", proxies[nation.pk]))
        else:
            rows.append(AttendanceRow(nation, "absent"))
    return rows


def _vote_row(vote, standing):
    notes = []
    if vote.proxy_holder_id:
        notes.append(
            (
                f"{LABELS['by_proxy'][0]} {vote.proxy_holder.name_en}",
                f"{LABELS['by_proxy'][1]} {vote.proxy_holder.name_fr or vote.proxy_holder.name_en}",
            )
        )
    reason = vote.ignored_reason or (standing.reason if standing and not standing.eligible else "")
    if vote.counted is False or reason:
        en, fr = REASONS.get(reason, ("", ""))
        notes.append(
            (f"{LABELS['not_counted'][0]}: {en}".rstrip(": "), f"{LABELS['not_counted'][1]} : {fr}")
        )
    return VoteRow(vote.nation, LABELS[vote.choice], notes, vote.recorded_by_sg)


def _motion_minutes(motion, standings):
    if motion.status != Motion.Status.CLOSED:
        result, quorum = LABELS["not_closed"], None
    else:
        result = LABELS[motion.result]
        reached = LABELS["reached" if motion.quorum_reached else "not_reached"]
        detail = [
            text.format(present=motion.present_count, base=motion.quorum_base)
            for text in LABELS["quorum_detail"]
        ]
        quorum = (f"{reached[0]} ({detail[0]})", f"{reached[1]} ({detail[1]})")
    votes = [
        _vote_row(vote, standings.get((motion.pk, vote.nation_id))) for vote in motion.votes.all()
    ]
    return MotionMinutes(
        motion=motion,
        subject=SUBJECTS[motion.subject],
        majority=LABELS[motion.required_majority],
        result=result,
        quorum=quorum,
        votes=votes,
    )


def minutes_context(meeting: CouncilMeeting) -> dict:
    """Return what the minutes show: attendance, agenda, and each motion's votes and outcome."""
    motions = list(
        meeting.motions.prefetch_related(
            Prefetch(
                "votes",
                queryset=Vote.objects.select_related("nation", "proxy_holder").order_by(
                    "nation__code"
                ),
            )
        ).order_by("number")
    )
    standings = {
        (s.motion_id, s.nation_id): s
        for s in NationStandingRecord.objects.filter(motion__meeting=meeting)
    }
    return {
        "meeting": meeting,
        "kind": KINDS[meeting.kind],
        "labels": LABELS,
        "agenda": list(meeting.agenda_items.order_by("order")),
        "attendance": _attendance(meeting),
        "motions": [_motion_minutes(motion, standings) for motion in motions],
    }


def minutes_pdf(meeting: CouncilMeeting) -> bytes:
    """Render the minutes of `meeting` to PDF bytes with WeasyPrint."""
    return render_pdf(
        "governance/minutes_pdf.html",
        minutes_context(meeting),
        stylesheet="css/minutes-print.css",
    )
