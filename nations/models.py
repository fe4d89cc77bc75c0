"""Member nations of the confederation and their national associations."""

import functools

from django.contrib.staticfiles import finders
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .map import nations_map


@functools.cache
def _flag_path(code):
    # A nation added in the admin may have no flag drawn yet: `static` would fail on it.
    path = f"img/flags/{code.lower()}.svg"
    return path if finders.find(path) else None


class NationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Nation.Status.ACTIVE)

    def full_members(self):
        return self.filter(membership=Nation.Membership.FULL)

    def associates(self):
        return self.filter(membership=Nation.Membership.ASSOCIATE)


class Nation(models.Model):
    """A member nation, represented in CIOR by its national reserve officers' association."""

    class Membership(models.TextChoices):
        FULL = "full", _("Full member")
        ASSOCIATE = "associate", _("Associate member")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    code = models.CharField(
        _("ISO code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 3166-1 alpha-3 code, e.g. BEL."),
    )
    name = models.CharField(_("name"), max_length=100)
    membership = models.CharField(
        _("membership"), max_length=10, choices=Membership.choices, default=Membership.FULL
    )
    joined_year = models.PositiveSmallIntegerField(_("joined in"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )

    objects = NationQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("nation")
        verbose_name_plural = _("nations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{3}$"), name="nation_code_iso_alpha3"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def flag_static_path(self):
        """Return the flag's path for the `static` tag ("img/flags/bel.svg"), None if none drawn."""
        return _flag_path(self.code)


class NationsPage(Page):
    """Lists the member nations, full members and associates, with a schematic map."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("member nations page")

    def get_context(self, request, *args, **kwargs):
        from .queries import member_nations  # queries import this module

        context = super().get_context(request, *args, **kwargs)
        members = member_nations()
        context["full_members"] = members.full
        context["associates"] = members.associates
        context["nations_map"] = nations_map(members.full + members.associates)
        return context
