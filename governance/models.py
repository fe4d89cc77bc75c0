"""Presidency terms, appointments of CIOR's officers, and the standing committees."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models import SitePage

from .engine import Ignored


class PresidencyTermQuerySet(models.QuerySet):
    def started(self, on=None):
        return self.filter(starts_on__lte=on or timezone.localdate())

    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on, ends_on__gte=on).first()


class PresidencyTerm(models.Model):
    """A two-year presidency held by one full-member nation."""

    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        on_delete=models.PROTECT,
        related_name="presidency_terms",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Nordic presidency led by Norway'."),
    )

    objects = PresidencyTermQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("presidency term")
        verbose_name_plural = _("presidency terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="term_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.nation.code} {self.years}"

    @property
    def years(self):
        """Return the term's years, e.g. "2022–2024"."""
        return f"{self.starts_on.year}–{self.ends_on.year}"

    @property
    def is_elect(self):
        """True before the handover: the team is then "President-elect", "SG-elect"."""
        return self.starts_on > timezone.localdate()


class Appointment(models.Model):
    """A person holding an office of CIOR, in a presidency term or on its own."""

    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        SECRETARY_GENERAL = "secretary_general", _("Secretary General")
        ASG = "asg", _("Assistant Secretary General")
        HEAD_OF_OFFICE = "head_of_office", _("Head of Office")
        PERM_REP = "perm_rep", _("Permanent Representative of CIOR to NATO")
        VICE_PRESIDENT = "vice_president", _("Vice-President (head of delegation)")

    class Portfolio(models.TextChoices):
        NONE = "", _("—")
        ORGANIZATION = "organization", _("Organization")
        OPERATIONS = "operations", _("Operations")
        PLANS = "plans", _("Plans")
        INTERNATIONAL = "international", _("International")

    # The offices whose past holders are Honorary Delegates.
    PRESIDENTIAL_ROLES = [Role.PRESIDENT, Role.SECRETARY_GENERAL]
    # The offices of a presidency team (Vice-Presidents head national delegations instead).
    TEAM_ROLES = [Role.PRESIDENT, Role.SECRETARY_GENERAL, Role.ASG, Role.HEAD_OF_OFFICE]

    ROLE_ORDER = [
        Role.PRESIDENT,
        Role.SECRETARY_GENERAL,
        Role.PERM_REP,
        Role.ASG,
        Role.HEAD_OF_OFFICE,
        Role.VICE_PRESIDENT,
    ]

    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    portfolio = models.CharField(
        _("portfolio"), max_length=20, choices=Portfolio.choices, blank=True
    )
    term = models.ForeignKey(
        PresidencyTerm,
        verbose_name=_("presidency term"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="appointments",
        help_text=_("Empty for offices without a fixed term (the Permanent Representative)."),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")

    def __str__(self):
        return f"{self.title}: {self.person}"

    @property
    def title(self):
        """Return the office as shown on a card, e.g. "Assistant Secretary General – Plans"."""
        label = self.get_role_display()
        if self.portfolio:
            label = f"{label} – {self.get_portfolio_display()}"
        return label

    @property
    def card_title(self):
        """Return the title, "President-elect" or "Secretary General-elect" before handover."""
        if self.term_id and self.term.is_elect:
            if self.role == self.Role.PRESIDENT:
                return _("President-elect")
            if self.role == self.Role.SECRETARY_GENERAL:
                return _("Secretary General-elect")
        return self.title

    def is_current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        starts = self.starts_on or (self.term.starts_on if self.term else None)
        ends = self.ends_on or (self.term.ends_on if self.term else None)
        return (starts is None or starts <= on) and (ends is None or on <= ends)


class Committee(index.Indexed, models.Model):
    """One of CIOR's standing committees (YRO-C, CLA-C, CIMIC-C...)."""

    acronym = models.CharField(_("acronym"), max_length=20, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    formed_year = models.PositiveSmallIntegerField(_("formed in (year)"), null=True, blank=True)
    formed_on = models.DateField(
        _("formed on"), null=True, blank=True, help_text=_("The exact date, when known.")
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    main_product = models.CharField(_("main product"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Both languages' columns, so that a search finds a committee whatever the language.
    search_fields = [
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
        *(
            index.SearchField(f"{name}_{language}")
            for name in ("name", "summary", "description", "main_product")
            for language in ("en", "fr")
        ),
        index.AutocompleteField("name_en"),
        index.AutocompleteField("name_fr"),
    ]

    class Meta:
        ordering = ["sort_order", "acronym"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return f"{self.acronym} – {self.name}"


class PresidencyPage(RoutablePageMixin, SitePage, Page):
    """The presidency team, drawn from the appointment records, and the past presidencies.

    The page shows the current term (or the one pinned by an editor); each past term has its
    own address, `<page>/<first year>/`, showing that term's team.
    """

    intro = models.TextField(_("introduction"), blank=True)
    term = models.ForeignKey(
        PresidencyTerm,
        verbose_name=_("term shown"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to show the current term."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("term")]
    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("presidency page")

    def get_context(self, request, *args, term_id=None, **kwargs):
        from .queries import presidency  # queries import this module

        context = super().get_context(request, *args, **kwargs)
        shown = presidency(term_id=term_id or self.term_id)
        context["term"] = shown.term
        context["team"] = shown.team
        context["past_terms"] = shown.past_terms
        context["honorary_delegates"] = shown.honorary_delegates
        return context

    @path("")
    def current_term(self, request):
        return self.render(request)

    @path("<int:year>/")
    def term_of_year(self, request, year):
        term = PresidencyTerm.objects.filter(starts_on__year=year).first()
        if term is None:
            raise Http404
        return self.render(request, term_id=term.pk)


class CommitteeIndexPage(RoutablePageMixin, SitePage, Page):
    """Lists the standing committees; each committee's page is served from its record."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []  # Committee pages are served from the records, at <this page>/<slug>/.

    class Meta:
        verbose_name = _("committees page")

    @path("")
    def committee_list(self, request):
        return self.render(request, context_overrides={"committees": Committee.objects.all()})

    @path("<slug:slug>/")
    def committee_detail(self, request, slug):
        from .queries import committee_team  # queries import this module

        committee = get_object_or_404(Committee, slug=slug)
        return self.render(
            request,
            context_overrides={"committee": committee, "team": committee_team(committee)},
            template="governance/committee_page.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for committee in Committee.objects.all():
            urls.append({"location": self.get_full_url(request) + committee.slug + "/"})
        return urls


class CommitteeMembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        """Return the memberships in force on `on` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=on),
            Q(ends_on__isnull=True) | Q(ends_on__gte=on),
        )

    def visible_to(self, user):
        """Return the memberships `user` sees in the back-office: all, or the own nations'."""
        from accounts.rules import is_presidency, nation_ids_for

        if is_presidency(user):
            return self
        return self.filter(nation_id__in=nation_ids_for(user, "head_of_delegation"))


class CommitteeMembership(models.Model):
    """A person serving on a committee: its chair, its secretary, or a member for their nation."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    # Domain §4: up to five delegates of a nation serve on a committee.
    MAX_MEMBERS_PER_NATION = 5

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="committee_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    # The person's nation, copied so that the database can count members per nation.
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        on_delete=models.PROTECT,
        related_name="committee_memberships",
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    nominated_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("nominated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommitteeMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["committee__sort_order", "nation__code", "person__last_name"]
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        constraints = [
            # An officer's post is "active" while it has no end date; a past one keeps its dates.
            models.UniqueConstraint(
                fields=["committee"],
                condition=Q(role="chair", ends_on__isnull=True),
                name="one_open_chair_per_committee",
            ),
            models.UniqueConstraint(
                fields=["committee"],
                condition=Q(role="secretary", ends_on__isnull=True),
                name="one_open_secretary_per_committee",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.committee.acronym}: {self.person} ({self.get_role_display()})"

    def clean(self):
        if self.person_id and self.nation_id and self.person.nation_id != self.nation_id:
            raise ValidationError({"nation": _("The nation must be the person's own nation.")})


class CouncilMeeting(ClusterableModel):
    """One of the Council's four yearly meetings."""

    class Kind(models.TextChoices):
        MWM = "mwm", _("Mid-Winter Meeting")
        SUMMER_CONGRESS = "summer_congress", _("Summer Congress")
        # The client's names: "Fall" is the April/May meeting, "Spring" the November one.
        FALL_IBM = "fall_ibm", _("Fall In-Between Meeting")
        SPRING_IBM = "spring_ibm", _("Spring In-Between Meeting")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    host_nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("host nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_council_meetings",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("Council meeting")
        verbose_name_plural = _("Council meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_on:%Y-%m-%d})"


class AgendaItem(models.Model):
    meeting = ParentalKey(
        CouncilMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)

    panels = [FieldPanel("order"), FieldPanel("title_en"), FieldPanel("title_fr")]

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"{self.order}. {self.title}"


class Attendance(models.Model):
    """A nation at a Council meeting: present in person, and who represents it."""

    meeting = models.ForeignKey(
        CouncilMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        on_delete=models.PROTECT,
        related_name="council_attendances",
    )
    present_in_person = models.BooleanField(_("present in person"), default=False)
    represented_by = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("represented by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The head of delegation or the alternate."),
    )

    class Meta:
        ordering = ["meeting", "nation__code"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "nation"], name="one_attendance_per_nation")
        ]

    def __str__(self):
        return f"{self.meeting}: {self.nation.code}"


class Proxy(models.Model):
    """A nation's written proxy giving its vote to another nation's head of delegation."""

    meeting = models.ForeignKey(
        CouncilMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="proxies"
    )
    from_nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("from nation"),
        on_delete=models.PROTECT,
        related_name="proxies_given",
    )
    to_nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("to nation"),
        on_delete=models.PROTECT,
        related_name="proxies_held",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("written proxy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["meeting", "from_nation__code"]
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "from_nation"], name="one_proxy_given"),
            models.UniqueConstraint(fields=["meeting", "to_nation"], name="one_proxy_held"),
            models.CheckConstraint(
                condition=~Q(from_nation=models.F("to_nation")), name="no_proxy_to_self"
            ),
        ]

    def __str__(self):
        return f"{self.from_nation.code} → {self.to_nation.code}"


class Motion(models.Model):
    """A motion put to the Council's vote; its outcome is frozen when voting closes."""

    class Majority(models.TextChoices):
        SIMPLE = "simple", _("Simple majority")
        QUALIFIED = "qualified", _("Qualified majority (two thirds)")

    class Subject(models.TextChoices):
        STATUTE = "statute", _("Statute change")
        ADMISSION = "admission", _("Admission of a member")
        EXCLUSION = "exclusion", _("Exclusion of a member")
        PRESIDENCY = "presidency", _("Award of the presidency")
        MEDAL = "medal", _("Medal of Merit")
        OTHER = "other", _("Other")

    # Domain §5: these subjects need two thirds of the votes cast.
    QUALIFIED_SUBJECTS = {
        Subject.STATUTE,
        Subject.ADMISSION,
        Subject.EXCLUSION,
        Subject.PRESIDENCY,
        Subject.MEDAL,
    }

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        VOTING = "voting", _("Voting open")
        CLOSED = "closed", _("Closed")

    class Result(models.TextChoices):
        NONE = "", _("—")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        NO_QUORUM = "no_quorum", _("No quorum")

    meeting = models.ForeignKey(
        CouncilMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="motions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="motions",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    subject = models.CharField(
        _("subject"), max_length=12, choices=Subject.choices, default=Subject.OTHER
    )
    majority = models.CharField(
        _("majority"),
        max_length=10,
        choices=Majority.choices,
        blank=True,
        help_text=_(
            "Leave empty to follow the subject (two thirds for the statute, admissions, "
            "exclusions, the presidency and the Medal of Merit)."
        ),
    )
    open_to_associates = models.BooleanField(_("open to associates"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The outcome, frozen at close so that a later payment of arrears doesn't rewrite it.
    votes_for = models.PositiveSmallIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("against"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    eligible_count = models.PositiveSmallIntegerField(_("eligible nations"), null=True, blank=True)
    quorum_base = models.PositiveSmallIntegerField(
        _("voting-eligible full members"), null=True, blank=True
    )
    present_count = models.PositiveSmallIntegerField(
        _("present or represented"), null=True, blank=True
    )
    quorum_reached = models.BooleanField(_("quorum reached"), null=True, blank=True)
    result = models.CharField(
        _("result"), max_length=10, choices=Result.choices, blank=True, default=""
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_motion_number")
        ]

    def __str__(self):
        return _("Motion %(number)s: %(text)s") % {
            "number": self.number,
            "text": Truncator(self.text).chars(60),
        }

    @property
    def required_majority(self):
        """Return the majority that applies: the one set, else the subject's."""
        if self.majority:
            return self.majority
        if self.subject in self.QUALIFIED_SUBJECTS:
            return self.Majority.QUALIFIED
        return self.Majority.SIMPLE

    def get_required_majority_display(self):
        return self.Majority(self.required_majority).label


# Why a nation had no vote or a ballot was not counted (governance.engine.Ignored).
IGNORED_REASONS = [
    (Ignored.UNKNOWN_NATION.value, _("not a member nation")),
    (Ignored.ARREARS.value, _("in arrears")),
    (Ignored.ASSOCIATE_NOT_OPEN.value, _("associate member; motion not open to associates")),
    (Ignored.NOT_REPRESENTED.value, _("neither present nor represented by proxy")),
    (Ignored.DUPLICATE.value, _("a second ballot")),
    (Ignored.INVALID_CHOICE.value, _("not a valid choice")),
]


class Vote(models.Model):
    """A nation's ballot on a motion, with the eligibility frozen at close."""

    class Choice(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")
        ABSTAIN = "abstain", _("Abstain")

    motion = models.ForeignKey(
        Motion, verbose_name=_("motion"), on_delete=models.CASCADE, related_name="votes"
    )
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        on_delete=models.PROTECT,
        related_name="council_votes",
    )
    choice = models.CharField(_("choice"), max_length=10, choices=Choice.choices)
    cast_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("cast by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proxy_holder = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("cast by proxy by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The nation whose head of delegation held this nation's proxy."),
    )
    recorded_by_sg = models.BooleanField(_("recorded by the Secretary General"), default=False)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    # Set at close: whether the ballot counted, and why not.
    counted = models.BooleanField(_("counted"), null=True, blank=True)
    ignored_reason = models.CharField(
        _("why not counted"), max_length=30, choices=IGNORED_REASONS, blank=True
    )

    class Meta:
        ordering = ["motion", "nation__code"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["motion", "nation"], name="one_vote_per_nation")
        ]

    def __str__(self):
        return f"{self.motion}: {self.nation.code} {self.get_choice_display()}"


class NationStandingRecord(models.Model):
    """A nation's standing for one motion, frozen when voting closes (eligibility and why)."""

    motion = models.ForeignKey(
        Motion, verbose_name=_("motion"), on_delete=models.CASCADE, related_name="standings"
    )
    nation = models.ForeignKey(
        "nations.Nation", verbose_name=_("nation"), on_delete=models.PROTECT, related_name="+"
    )
    membership = models.CharField(_("membership"), max_length=10)
    in_arrears = models.BooleanField(_("in arrears"), default=False)
    present = models.BooleanField(_("present in person"), default=False)
    proxy_to = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("proxy to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    eligible = models.BooleanField(_("eligible to vote"), default=False)
    reason = models.CharField(_("reason"), max_length=30, choices=IGNORED_REASONS, blank=True)

    class Meta:
        ordering = ["motion", "nation__code"]
        verbose_name = _("frozen standing")
        verbose_name_plural = _("frozen standings")
        constraints = [
            models.UniqueConstraint(fields=["motion", "nation"], name="one_standing_per_nation")
        ]

    def __str__(self):
        return f"{self.motion}: {self.nation.code}"
