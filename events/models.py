"""Events (meetings, congresses and their sub-events) and the registration of delegations.

The registration rules (domain.md §7) are data per event: registration types with a fee and a
capacity, quotas per nation and type, discount codes per nation, opening and closing times.
The arithmetic that decides a registration's place is in `engine.py`; the writes in
`services.py`.
"""

import secrets
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


def date_range(start, end) -> str:
    """Return dates in words in the active language, shortest unambiguous form: "6–9 February
    2027", "28 February – 2 March 2027", one day alone, both dates in full across years."""
    full = date_format(end, "j F Y")
    if start == end:
        return full
    if (start.year, start.month) == (end.year, end.month):
        return f"{date_format(start, 'j')}–{full}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {full}"
    return f"{date_format(start, 'j F Y')} – {full}"


def _time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events a visitor may see: everything but drafts (cancelled ones say so)."""
        return self.exclude(status=Event.Status.DRAFT)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(ends_on__gte=today).order_by("starts_on", "pk")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(ends_on__lt=today).order_by("-starts_on", "-pk")

    def top_level(self):
        return self.filter(parent__isnull=True)


class Event(ClusterableModel):
    """A CIOR gathering: a meeting, a congress, or a sub-event of one (parent)."""

    class Kind(models.TextChoices):
        MID_WINTER = "mid_winter", _("Mid-Winter Meeting")
        SUMMER_CONGRESS = "summer_congress", _("Summer Congress")
        IN_BETWEEN = "in_between", _("In-Between Meeting")
        YRO_WORKSHOP = "yro_workshop", _("YRO Workshop")
        YRO_SEMINAR = "yro_seminar", _("YRO Seminar")
        LANGUAGE_ACADEMY = "language_academy", _("Language Academy")
        CIMEX = "cimex", _("CIMEX")
        MILCOMP = "milcomp", _("Military Competition (MILCOMP)")
        ICE = "ice", _("International Cyber Event (ICE)")
        SYMPOSIUM = "symposium", _("Symposium")
        WINTER_SEMINAR = "winter_seminar", _("Winter Seminar")
        COUNCIL = "council", pgettext_lazy("event kind", "Council meeting")
        GALA = "gala", _("Gala dinner")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        REGISTRATION_OPEN = "registration_open", _("Registration open")
        REGISTRATION_CLOSED = "registration_closed", _("Registration closed")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    # The public page's address under /fr/ (the calendar in French); `slug` everywhere else.
    french_slug = models.SlugField(
        _("French slug"),
        max_length=80,
        blank=True,
        help_text=_(
            "The address of the French page; left empty, it is made from the French title."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sub_events",
        help_text=_("The congress or meeting this event belongs to, if any."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    host_nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("host nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=_time_zone_choices, default="Europe/Brussels"
    )
    # Registration (only for events that take registrations; sub-events usually don't).
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    auto_confirm = models.BooleanField(
        _("confirm automatically"),
        default=False,
        help_text=_("Registrations within the quotas are confirmed without a staff decision."),
    )
    # Visa invitation letters.
    visa_signatory_name = models.CharField(_("visa letter signatory"), max_length=200, blank=True)
    visa_signatory_title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    passport_retention_days = models.PositiveSmallIntegerField(
        _("keep passport data for (days after the event)"), default=30
    )
    passport_data_erased_at = models.DateTimeField(
        _("passport data erased at"), null=True, blank=True, editable=False
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [
            ("manage_registrations", _("Can confirm, reject and change any registration")),
        ]
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start", condition=Q(ends_on__gte=models.F("starts_on"))
            ),
            models.CheckConstraint(
                name="event_registration_closes_after_opening",
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=models.F("registration_opens_at")),
            ),
            models.UniqueConstraint(
                fields=["french_slug"],
                condition=~Q(french_slug=""),
                name="event_french_slug_unique",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.french_slug and self.title_fr:
            self.french_slug = self.free_french_slug()
        super().save(*args, **kwargs)

    def free_french_slug(self) -> str:
        """Return a French slug made from the French title that no other event uses."""
        base = slugify(self.title_fr)[:72] or self.slug
        others = Event.objects.exclude(pk=self.pk)
        candidate, number = base, 1
        while others.filter(Q(french_slug=candidate) | Q(slug=candidate)).exists():
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def slug_for(self, language_code) -> str:
        """Return the slug of the event's public page in `language_code`."""
        if language_code == "fr" and self.french_slug:
            return self.french_slug
        return self.slug

    @property
    def localized_slug(self) -> str:
        """The slug of the event's public page in the active language."""
        return self.slug_for(translation.get_language())

    @property
    def date_range(self) -> str:
        return date_range(self.starts_on, self.ends_on)

    @property
    def is_public(self):
        return self.status != self.Status.DRAFT

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def registration_is_open(self, now=None):
        """Return whether nation-scoped users may register or change registrations now."""
        now = now or timezone.now()
        return (
            self.status == self.Status.REGISTRATION_OPEN
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or now < self.registration_closes_at)
        )

    @property
    def takes_registrations(self):
        return self.status in (self.Status.REGISTRATION_OPEN, self.Status.REGISTRATION_CLOSED)


class ProgrammeItem(models.Model):
    """One line of an event's programme: a time, a title, a place."""

    event = ParentalKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="programme"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(_("location"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self):
        return self.title


class RegistrationType(models.Model):
    """A kind of participation in one event, with its fee, capacity and badge colour."""

    class Kind(models.TextChoices):
        DELEGATE = "delegate", _("Delegate")
        OBSERVER = "observer", _("Observer")
        ACCOMPANYING = "accompanying", _("Accompanying person")
        COMPETITOR = "competitor", _("Competitor")
        YRO = "yro", _("YRO participant")
        CLA_STUDENT = "cla_student", _("CLA student")
        CIMEX = "cimex", _("CIMEX participant")
        SPEAKER = "speaker", _("Speaker")
        STAFF = "staff", _("Staff")
        GUEST = "guest", _("Guest")

    event = ParentalKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_types",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    fee = models.DecimalField(
        _("fee (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit but the quotas.")
    )
    colour = models.CharField(
        _("badge colour"),
        max_length=7,
        default="#1f3a68",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))],
    )

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("registration type")
        verbose_name_plural = _("registration types")
        constraints = [
            models.UniqueConstraint(fields=["event", "kind"], name="registration_type_unique"),
        ]

    def __str__(self):
        return str(self.get_kind_display())


class Quota(models.Model):
    """The places a nation has for one registration type. No row: no nation limit."""

    registration_type = models.ForeignKey(
        RegistrationType,
        verbose_name=_("registration type"),
        on_delete=models.CASCADE,
        related_name="quotas",
    )
    nation = models.ForeignKey(
        "nations.Nation", verbose_name=_("nation"), on_delete=models.CASCADE, related_name="+"
    )
    places = models.PositiveIntegerField(_("places"))

    class Meta:
        ordering = ["registration_type", "nation"]
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        constraints = [
            models.UniqueConstraint(fields=["registration_type", "nation"], name="quota_unique"),
        ]

    def __str__(self):
        return f"{self.nation.code} {self.registration_type}: {self.places}"


class DiscountCode(models.Model):
    """A nation's discount on the fees of one event, as decided by the Council."""

    event = ParentalKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="discount_codes"
    )
    nation = models.ForeignKey(
        "nations.Nation", verbose_name=_("nation"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("code"), max_length=30)
    percent = models.PositiveSmallIntegerField(
        _("discount (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["event", "nation"]
        verbose_name = _("discount code")
        verbose_name_plural = _("discount codes")
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="discount_code_unique"),
            models.CheckConstraint(
                name="discount_percent_range", condition=Q(percent__gte=1, percent__lte=100)
            ),
        ]

    def __str__(self):
        return f"{self.code} ({self.percent} %)"


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        """Registrations that count against quotas and capacities."""
        return self.filter(state__in=Registration.HOLDING)

    def waiting(self):
        return self.filter(state=Registration.State.WAITING).order_by("submitted_at", "pk")

    def visible_to(self, user):
        """Return the registrations `user` may see: all for the presidency, the own nations'
        for a head of delegation or national staff, the own ones for a participant."""
        from accounts import rules as access

        if access.is_presidency(user):
            return self
        nation_ids = access.nation_ids_for(user)
        person_id = getattr(user, "person_id", None) if user.is_authenticated else None
        condition = Q(nation_id__in=nation_ids) if nation_ids else Q(pk__in=[])
        if person_id:
            condition |= Q(person_id=person_id)
        return self.filter(condition)


def _feed_token():
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """A person's registration for an event, within the nation's quota or on the waiting list."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        REJECTED = "rejected", _("Rejected")

    class Accommodation(models.TextChoices):
        HOTEL_SINGLE = "hotel_single", _("Hotel, single room")
        HOTEL_DOUBLE = "hotel_double", _("Hotel, double room")
        NONE = "none", _("Own arrangements")

    class Diet(models.TextChoices):
        NONE = "", _("No special diet")
        VEGETARIAN = "vegetarian", _("Vegetarian")
        VEGAN = "vegan", _("Vegan")
        HALAL = "halal", _("Halal")
        KOSHER = "kosher", _("Kosher")
        GLUTEN_FREE = "gluten_free", _("Gluten-free")
        OTHER = "other", _("Other (see notes)")

    HOLDING = (State.SUBMITTED, State.CONFIRMED)
    ACTIVE = (State.SUBMITTED, State.CONFIRMED, State.WAITING)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    registration_type = models.ForeignKey(
        RegistrationType,
        verbose_name=_("registration type"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # The nation whose quota the registration uses (the person's nation when registered).
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    state_reason = models.CharField(_("reason"), max_length=300, blank=True)
    registered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fee = models.DecimalField(_("fee (EUR)"), max_digits=8, decimal_places=2, default=0)
    discount_code = models.ForeignKey(
        DiscountCode,
        verbose_name=_("discount code"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # Stay.
    arrival_date = models.DateField(_("arrival"), null=True, blank=True)
    departure_date = models.DateField(_("departure"), null=True, blank=True)
    accommodation = models.CharField(
        _("accommodation"), max_length=12, choices=Accommodation.choices, default="none"
    )
    room_shared_with = models.CharField(_("shares the room with"), max_length=200, blank=True)
    diet = models.CharField(_("diet"), max_length=12, choices=Diet.choices, blank=True)
    dietary_notes = models.CharField(_("dietary notes"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    # For a visa invitation letter; erased `event.passport_retention_days` after the event.
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    nationality = models.CharField(_("nationality"), max_length=60, blank=True)
    passport_expires_on = models.DateField(_("passport expiry"), null=True, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=100, blank=True)
    attended = models.BooleanField(
        _("attended"), default=True, help_text=_("Untick for a no-show: no certificate.")
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "nation", "submitted_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One live registration per person and event; cancelled/rejected ones stay as history.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(state__in=["submitted", "confirmed", "waiting"]),
                name="registration_one_active_per_person",
            ),
            models.CheckConstraint(
                name="registration_departs_after_arrival",
                condition=Q(arrival_date__isnull=True)
                | Q(departure_date__isnull=True)
                | Q(departure_date__gte=models.F("arrival_date")),
            ),
        ]
        indexes = [models.Index(fields=["event", "registration_type", "nation", "state"])]

    def __str__(self):
        return f"{self.person} – {self.event}"

    @property
    def reference(self):
        """The reference quoted on letters and badges: CIOR-<event id>-<registration id>."""
        return f"CIOR-{self.event_id}-{self.pk:05d}"

    @property
    def holds_a_place(self):
        return self.state in self.HOLDING

    @property
    def has_passport_data(self):
        return bool(self.passport_number and self.nationality and self.date_of_birth)


class FeedToken(models.Model):
    """The secret that opens a person's personal calendar feed (revocable: make a new one)."""

    person = models.OneToOneField(
        "accounts.Person", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_feed_token)

    class Meta:
        verbose_name = _("calendar feed token")

    def __str__(self):
        return str(self.person)


def private_storage():
    """The storage of documents that only the views checking who asks hand out."""
    return storages["private"]


class JobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the jobs `user` may follow (and download): all for the presidency, the own
        requests for the own nations otherwise (a role that ended takes them away)."""
        from accounts import rules as access

        if access.is_presidency(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(requested_by=user, nation_id__in=access.nation_ids_for(user))


class DocumentJob(models.Model):
    """A batch document made by a task (events.tasks.make_documents): every badge or
    certificate of an event, or of one nation at it, as one PDF kept in private storage."""

    class Kind(models.TextChoices):
        BADGES = "badges", _("Badges")
        CERTIFICATES = "certificates", _("Attendance certificates")

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for its turn")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="document_jobs")
    nation = models.ForeignKey(
        "nations.Nation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="document_jobs",
        help_text=_("Empty: the whole event."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="document_jobs"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(_("documents made"), default=0)
    total = models.PositiveIntegerField(_("documents to make"), default=0)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="documents/jobs/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("document job")
        verbose_name_plural = _("document jobs")

    def __str__(self):
        return f"{self.get_kind_display()} – {self.event} – {self.nation or _('all nations')}"

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def filename(self):
        """The name it is stored under."""
        scope = self.nation.code if self.nation_id else "all"
        return f"CIOR-{self.kind}-{self.event.slug}-{scope}.pdf"

    def download_name(self) -> str:
        """The name it is downloaded under, in the active language."""
        words = {
            self.Kind.BADGES: pgettext("file name", "badges"),
            self.Kind.CERTIFICATES: pgettext("file name", "certificates"),
        }
        scope = self.nation.code if self.nation_id else pgettext("file name", "all")
        language = translation.get_language() or "en"
        return (
            "-".join(
                [
                    "CIOR",
                    slugify(words.get(self.kind, self.kind)),
                    self.event.slug_for(language),
                    scope,
                ]
            )
            + ".pdf"
        )


class ImportJob(models.Model):
    """A large list (events.imports) checked and saved by a task (events.tasks.run_import);
    the uploaded file is kept (private storage) until then, the report afterwards."""

    State = DocumentJob.State

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="import_jobs")
    nation = models.ForeignKey(
        "nations.Nation", on_delete=models.CASCADE, related_name="import_jobs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    file = models.FileField(_("file"), storage=private_storage, upload_to="imports/", blank=True)
    # {"errors": [[row, column, message], ...], "registrations": [id, ...], "created_people": n}
    report = models.JSONField(_("report"), default=dict, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self):
        return f"{self.event} – {self.nation} ({self.rows})"

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)


from .pages import EventIndexPage  # noqa: E402,F401
