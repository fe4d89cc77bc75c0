"""People known to CIOR and the login accounts some of them hold."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login account; the person behind it, if any, is `person`."""

    person = models.OneToOneField(
        "accounts.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )


class Person(models.Model):
    """A reserve officer, NCO or civilian: a delegate, an officer of CIOR, a participant."""

    class Service(models.TextChoices):
        ARMY = "army", _("Army")
        NAVY = "navy", _("Navy")
        AIR_FORCE = "air_force", _("Air Force")
        MEDICAL = "medical", _("Medical service")
        OTHER = "other", _("Other")

    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    rank = models.CharField(
        _("rank"), max_length=100, blank=True, help_text=_("National rank title.")
    )
    nato_code = models.CharField(
        _("NATO rank code"), max_length=5, blank=True, help_text=_("e.g. OF-4 or OR-7.")
    )
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    service = models.CharField(_("service"), max_length=12, choices=Service.choices, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("en", _("English")), ("fr", _("French"))],
        default="en",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name or self.rank or str(_("(unnamed)"))

    @property
    def full_name(self):
        """Return "First LAST", the way CIOR writes names; empty when no name is known."""
        return " ".join(part for part in (self.first_name, self.last_name.upper()) if part)
