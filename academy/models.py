"""The Language Academy (sessions, classes, applications, attendance, exams, certificates) and
the YRO programme's LOAC exam results (domain.md §9).

The rules that decide (priority, allocation, placement) are in `engine.py`; writes in
`services.py`. Figures the domain sets (fees, the age limit, placement thresholds, the LOAC pass
mark) are data per session or per event, edited in the admin.
"""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from . import engine

SCORE_VALIDATORS = [MinValueValidator(engine.MIN_SCORE), MaxValueValidator(engine.MAX_SCORE)]
LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(3)]
STANAG_VALIDATORS = [MinValueValidator(0), MaxValueValidator(5)]


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


# What each reason code says, in the reader's language.
REASONS = {
    engine.Reason.EMAIL_NOT_CONFIRMED: _("The e-mail address is not confirmed yet."),
    engine.Reason.AWAITING_ENDORSEMENT: _("The nation has not endorsed the application yet."),
    engine.Reason.DECLINED: _("The nation declined the application."),
    engine.Reason.WITHDRAWN: _("The application was withdrawn."),
    engine.Reason.WITHIN_CAPACITY: _("A place within the session's capacity."),
    engine.Reason.PLACE_KEPT: _("A place given by an earlier allocation, kept."),
    engine.Reason.PROMOTED: _("Promoted from the waiting list: a place was freed."),
    engine.Reason.CAPACITY_FULL: _(
        "Every place is taken by an application of higher priority: waiting list."
    ),
    engine.Reason.PLACED: _("Placed by the placement test score."),
    engine.Reason.NO_THRESHOLD: _("The session has no level threshold for this language."),
    engine.Reason.NO_CLASS: _("The session has no class of this language and level."),
    engine.Reason.CLASSES_FULL: _("Every class of this language and level is full."),
    engine.Group.RESERVE_UNDER_AGE: _(
        "Priority 1: reserve officer or senior NCO under the age limit at the course start."
    ),
    engine.Group.ACTIVE: _("Priority 2: active duty."),
    engine.Group.CIVILIAN: _("Priority 3: civilian."),
    engine.Group.RESERVE_OVER_AGE: _(
        "Priority 3: reservist at or above the age limit at the course start."
    ),
}


def reason_text(code: str) -> str:
    return str(REASONS.get(code, code))


class SessionQuerySet(models.QuerySet):
    def accepting_applications(self, today):
        return self.filter(application_deadline__gte=today).exclude(
            event__status__in=["draft", "cancelled"]
        )


class Session(ClusterableModel):
    """One year's Language Academy, tied to its event (host nation and dates come from it)."""

    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="academy_session",
        limit_choices_to={"kind": "language_academy"},
    )
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    capacity = models.PositiveSmallIntegerField(
        _("places"), default=100, help_text=_("Places allocated by priority.")
    )
    application_deadline = models.DateField(_("application deadline"))
    fee_reservist = models.DecimalField(
        _("fee for reservists (EUR)"), max_digits=8, decimal_places=2, default=Decimal("500")
    )
    fee_other = models.DecimalField(
        _("fee for active duty and civilians (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("600"),
    )
    age_limit = models.PositiveSmallIntegerField(
        _("age limit of the reserve priority"),
        default=60,
        help_text=_("Reservists must be younger than this on the first day of the course."),
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
    )
    allocated_at = models.DateTimeField(_("allocated at"), null=True, blank=True, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Language Academy session")
        verbose_name_plural = _("Language Academy sessions")
        permissions = [
            ("manage_language_academy", _("Can manage the Language Academy")),
            ("manage_yro", _("Can manage the YRO programme")),
        ]

    def __str__(self):
        return str(_("Language Academy %(year)s") % {"year": self.year})

    @property
    def starts_on(self):
        return self.event.starts_on

    @property
    def ends_on(self):
        return self.event.ends_on

    @property
    def host_nation(self):
        return self.event.host_nation

    def course_days(self):
        """Return the days of the course (weekdays from the first to the last day)."""
        days, day = [], self.event.starts_on
        while day <= self.event.ends_on:
            if day.weekday() < 5:
                days.append(day)
            day += datetime.timedelta(days=1)
        return days

    def fee_for(self, category: str) -> Decimal:
        return self.fee_reservist if category in engine.RESERVISTS else self.fee_other


class CourseClass(models.Model):
    """A class of a session: one language, one level, a capacity."""

    session = ParentalKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="classes"
    )
    name = models.CharField(_("name"), max_length=60)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    level = models.PositiveSmallIntegerField(
        _("level"), validators=LEVEL_VALIDATORS, help_text=_("STANAG 6001 level, 1 to 3.")
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=12)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["language", "level", "sort_order", "pk"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        constraints = [
            models.UniqueConstraint(fields=["session", "name"], name="academy_class_unique_name"),
            models.CheckConstraint(
                name="academy_class_level_1_to_3", condition=Q(level__gte=1, level__lte=3)
            ),
        ]

    def __str__(self):
        return self.name


class PlacementThreshold(models.Model):
    """The lowest placement score that gives a level in a language, for one session."""

    session = ParentalKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="thresholds"
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    min_score = models.PositiveSmallIntegerField(_("minimum score"), validators=SCORE_VALIDATORS)

    class Meta:
        ordering = ["language", "level"]
        verbose_name = _("placement threshold")
        verbose_name_plural = _("placement thresholds")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "language", "level"], name="academy_threshold_unique"
            ),
            models.CheckConstraint(
                name="academy_threshold_score_0_100", condition=Q(min_score__lte=100)
            ),
        ]

    def __str__(self):
        return f"{self.get_language_display()} {self.level}: {self.min_score}"


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the applications `user` may see: all for the presidency and the CLA
        director, the own nations' for a head of delegation or national staff, else none."""
        from accounts import rules as access

        from . import rules as academy_rules

        if academy_rules.manages_language_academy(user):
            return self
        nation_ids = access.nation_ids_for(user)
        return self.filter(nation_id__in=nation_ids) if nation_ids else self.none()

    def counting(self):
        """Applications the allocation considers (confirmed, endorsed, not withdrawn)."""
        return self.filter(
            email_confirmed_at__isnull=False,
            endorsement=Application.Endorsement.ENDORSED,
            withdrawn_at__isnull=True,
        )


class Application(models.Model):
    """A person's application to one session, and what became of it."""

    class Category(models.TextChoices):
        RESERVE_OFFICER = engine.RESERVE_OFFICER, _("Reserve officer")
        RESERVE_NCO = engine.RESERVE_NCO, _("Reserve senior NCO")
        ACTIVE_DUTY = engine.ACTIVE_DUTY, _("Active duty")
        CIVILIAN = engine.CIVILIAN, _("Civilian")

    class Endorsement(models.TextChoices):
        PENDING = "pending", _("Awaiting the nation")
        ENDORSED = "endorsed", _("Endorsed")
        DECLINED = "declined", _("Declined")

    class State(models.TextChoices):
        APPLIED = "applied", pgettext_lazy("application state", "Applied")
        ALLOCATED = engine.ALLOCATED, _("Place allocated")
        WAITING = engine.WAITING, _("Waiting list")
        NOT_CONSIDERED = engine.NOT_CONSIDERED, _("Not considered")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="applications"
    )
    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="academy_applications",
    )
    nation = models.ForeignKey(
        "nations.Nation", verbose_name=_("nation"), on_delete=models.PROTECT, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    category = models.CharField(_("status"), max_length=16, choices=Category.choices)
    date_of_birth = models.DateField(_("date of birth"))
    language = models.CharField(_("course language"), max_length=2, choices=Language.choices)
    motivation = models.TextField(_("motivation"), blank=True, max_length=2000)
    applied_at = models.DateTimeField(_("applied at"))
    entered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    endorsement = models.CharField(
        _("endorsement"), max_length=10, choices=Endorsement.choices, default=Endorsement.PENDING
    )
    endorsement_reason = models.CharField(_("reason"), max_length=300, blank=True)
    endorsed_at = models.DateTimeField(_("endorsed or declined at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default="applied")
    decision_reason = models.CharField(_("reason of the decision"), max_length=30, blank=True)
    priority_group = models.PositiveSmallIntegerField(_("priority"), null=True, blank=True)
    group_reason = models.CharField(_("priority group"), max_length=30, blank=True)
    waiting_position = models.PositiveIntegerField(_("waiting list position"), null=True)
    fee = models.DecimalField(_("fee (EUR)"), max_digits=8, decimal_places=2)
    placement_score = models.PositiveSmallIntegerField(
        _("placement score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    course_class = models.ForeignKey(
        CourseClass,
        verbose_name=_("class"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="students",
    )
    placement_reason = models.CharField(_("placement"), max_length=30, blank=True)
    # STANAG 6001 standardised language profile (listening, speaking, reading, writing), 0–5.
    exam_listening = models.PositiveSmallIntegerField(
        _("listening"), null=True, blank=True, validators=STANAG_VALIDATORS
    )
    exam_speaking = models.PositiveSmallIntegerField(
        _("speaking"), null=True, blank=True, validators=STANAG_VALIDATORS
    )
    exam_reading = models.PositiveSmallIntegerField(
        _("reading"), null=True, blank=True, validators=STANAG_VALIDATORS
    )
    exam_writing = models.PositiveSmallIntegerField(
        _("writing"), null=True, blank=True, validators=STANAG_VALIDATORS
    )
    certificate_issued_at = models.DateTimeField(_("certificate issued at"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["session", "priority_group", "applied_at", "pk"]
        verbose_name = _("Language Academy application")
        verbose_name_plural = _("Language Academy applications")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="academy_one_application_per_person"
            ),
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=~Q(email=""),
                name="academy_one_application_per_email",
            ),
            models.CheckConstraint(
                name="academy_score_0_100",
                condition=Q(placement_score__isnull=True) | Q(placement_score__lte=100),
            ),
        ]
        indexes = [models.Index(fields=["session", "nation", "state"])]

    def __str__(self):
        return f"{self.person} – {self.session}"

    @property
    def reference(self):
        return f"CLA-{self.session.year}-{self.pk:04d}"

    @property
    def decision_text(self):
        return reason_text(self.decision_reason) if self.decision_reason else ""

    @property
    def group_text(self):
        return reason_text(self.group_reason) if self.group_reason else ""

    @property
    def placement_text(self):
        return reason_text(self.placement_reason) if self.placement_reason else ""

    @property
    def exam_profile(self):
        """The STANAG 6001 profile "2232" (listening, speaking, reading, writing), or ""."""
        marks = [self.exam_listening, self.exam_speaking, self.exam_reading, self.exam_writing]
        if all(mark is None for mark in marks):
            return ""
        return "".join("–" if mark is None else str(mark) for mark in marks)

    def to_applicant(self) -> engine.Applicant:
        return engine.Applicant(
            id=self.pk,
            category=self.category,
            date_of_birth=self.date_of_birth,
            applied_at=self.applied_at,
            email_confirmed=self.email_confirmed_at is not None,
            endorsed=self.endorsement == self.Endorsement.ENDORSED,
            declined=self.endorsement == self.Endorsement.DECLINED,
            withdrawn=self.withdrawn_at is not None,
        )


class Attendance(models.Model):
    """Whether a student was present on one course day."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    day = models.DateField(_("day"))
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["application", "day"], name="academy_attendance_day")
        ]

    def __str__(self):
        return f"{self.application.person} {self.day}: {self.present}"


# YRO -----------------------------------------------------------------------------------------


class YroExam(models.Model):
    """The LOAC exam of a YRO Workshop or Seminar, with its pass mark."""

    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="loac_exam",
        limit_choices_to={"kind__in": ["yro_workshop", "yro_seminar"]},
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=SCORE_VALIDATORS
    )

    class Meta:
        verbose_name = _("LOAC exam")
        verbose_name_plural = _("LOAC exams")

    def __str__(self):
        return str(_("LOAC exam – %(event)s") % {"event": self.event})


class LoacResultQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the results `user` may see: all for the presidency and the YRO-C chair, the
        own nations' for a head of delegation or national staff, else none."""
        from accounts import rules as access

        from . import rules as academy_rules

        if academy_rules.manages_yro(user):
            return self
        nation_ids = access.nation_ids_for(user)
        if not nation_ids:
            return self.none()
        return self.filter(registration__nation_id__in=nation_ids)


class LoacResult(models.Model):
    """One YRO participant's LOAC exam result (a percentage) and certificate."""

    exam = models.ForeignKey(
        YroExam, verbose_name=_("exam"), on_delete=models.CASCADE, related_name="results"
    )
    registration = models.OneToOneField(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="loac_result",
    )
    percent = models.PositiveSmallIntegerField(_("result (%)"), validators=SCORE_VALIDATORS)
    recorded_at = models.DateTimeField(_("recorded at"))
    certificate_issued_at = models.DateTimeField(_("certificate issued at"), null=True, blank=True)

    objects = LoacResultQuerySet.as_manager()

    class Meta:
        ordering = ["registration__nation__code", "registration__person__last_name"]
        verbose_name = _("LOAC result")
        verbose_name_plural = _("LOAC results")
        constraints = [
            models.CheckConstraint(name="academy_loac_0_100", condition=Q(percent__lte=100))
        ]

    def __str__(self):
        return f"{self.registration.person}: {self.percent} %"

    @property
    def nation_id(self):
        """The participant's nation (the scope of the permission rules)."""
        return self.registration.nation_id

    @property
    def passed(self):
        return self.percent >= self.exam.pass_mark
