"""YRO: LOAC exam results and certificates for those who attended and passed."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit

from ..models import LoacResult, YroExam


def exam_for(event) -> YroExam:
    """Return the LOAC exam of a YRO event, created with the default pass mark if missing."""
    if event.kind not in ("yro_workshop", "yro_seminar"):
        raise ValidationError(_("Only a YRO Workshop or Seminar has a LOAC exam."))
    exam, _created = YroExam.objects.get_or_create(event=event)
    return exam


@transaction.atomic
def record_loac_result(registration, *, percent: int, by) -> LoacResult:
    """Record a YRO participant's LOAC exam result (0–100 %) (YRO-C chair, presidency).
    Audited."""
    if not by.has_perm("academy.manage_yro"):
        raise PermissionDenied
    if not isinstance(percent, int) or isinstance(percent, bool) or not 0 <= percent <= 100:
        raise ValidationError({"percent": _("A result is a whole percentage from 0 to 100.")})
    if registration.state != "confirmed":
        raise ValidationError(_("A result is recorded for a confirmed participant only."))
    exam = exam_for(registration.event)
    result = LoacResult.objects.select_for_update().filter(registration=registration).first()
    old = result.percent if result else None
    if result is None:
        result = LoacResult(exam=exam, registration=registration)
    result.percent = percent
    result.recorded_at = timezone.now()
    result.save()
    if old != percent:
        audit.record(result, action="cior.academy", by=by, changes={"percent": [old, percent]})
    return result


def loac_certificate_refusal(result: LoacResult) -> str:
    registration = result.registration
    if registration.state != "confirmed" or not registration.attended:
        return _("A certificate is issued to a participant who attended.")
    if not result.passed:
        return _("The LOAC result %(percent)s %% is below the pass mark of %(mark)s %%.") % {
            "percent": result.percent,
            "mark": result.exam.pass_mark,
        }
    return ""


@transaction.atomic
def issue_loac_certificate(result: LoacResult, *, by) -> LoacResult:
    """Issue the YRO certificate to a participant who attended and passed. Audited."""
    if not by.has_perm("academy.manage_yro"):
        raise PermissionDenied
    result = (
        LoacResult.objects.select_for_update()
        .select_related("exam", "registration")
        .get(pk=result.pk)
    )
    refusal = loac_certificate_refusal(result)
    if refusal:
        raise ValidationError(refusal)
    if result.certificate_issued_at is None:
        result.certificate_issued_at = timezone.now()
        result.save(update_fields=["certificate_issued_at"])
        audit.record(
            result, action="cior.academy", by=by, changes={"certificate": [None, "issued"]}
        )
    return result
