"""Language Academy and YRO writes: applications, endorsement, allocation, placement,
attendance, exams, certificates, LOAC results.

Each runs in a transaction that locks what it counts (the session row for anything that
changes places, the class rows for a placement: `select_for_update` on PostgreSQL, SQLite
transactions are IMMEDIATE), decides with `engine.py`, and writes an audit entry (Wagtail log
entries, shown in each record's history). Refusals raise PermissionDenied (no right) or
ValidationError (a message in the active language); nothing is changed then.
"""

from .applications import (
    allocate,
    apply,
    check_age,
    check_score,
    confirm_email,
    confirmation_token,
    decline,
    endorse,
    send_confirmation,
    withdraw,
)
from .course import (
    attendance_summary,
    certificate_refusal,
    issue_certificate,
    record_attendance,
    record_exam,
    record_placement_score,
    record_placement_scores,
)
from .yro import exam_for, issue_loac_certificate, loac_certificate_refusal, record_loac_result

__all__ = [
    "allocate",
    "apply",
    "attendance_summary",
    "certificate_refusal",
    "check_age",
    "check_score",
    "confirm_email",
    "confirmation_token",
    "decline",
    "endorse",
    "exam_for",
    "issue_certificate",
    "issue_loac_certificate",
    "loac_certificate_refusal",
    "record_attendance",
    "record_exam",
    "record_loac_result",
    "record_placement_score",
    "record_placement_scores",
    "send_confirmation",
    "withdraw",
]
