"""Presidency terms, appointments of CIOR's officers, and the standing committees."""

import datetime

from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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


class PresidencyPage(Page):
    """The presidency team, drawn from the appointment records, and the past presidencies."""

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

    def get_context(self, request, *args, **kwargs):
        from .queries import presidency  # queries import this module

        context = super().get_context(request, *args, **kwargs)
        shown = presidency(term_id=self.term_id)
        context["term"] = shown.term
        context["team"] = shown.team
        context["past_terms"] = shown.past_terms
        context["honorary_delegates"] = shown.honorary_delegates
        return context


class CommitteeIndexPage(RoutablePageMixin, Page):
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
        committee = get_object_or_404(Committee, slug=slug)
        return self.render(
            request,
            context_overrides={"committee": committee},
            template="governance/committee_page.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for committee in Committee.objects.all():
            urls.append({"location": self.get_full_url(request) + committee.slug + "/"})
        return urls
