"""People known to CIOR and the login accounts some of them hold."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
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


# NATO rank codes (STANAG 2116): officers OF-1..OF-10, warrant officers WO-1..WO-5, other
# ranks OR-1..OR-9; OF-D and OF(D) (officer designate) are not used by CIOR.
NATO_CODES = (
    [f"OF-{n}" for n in range(1, 11)]
    + [f"WO-{n}" for n in range(1, 6)]
    + [f"OR-{n}" for n in range(1, 10)]
)
validate_nato_code = RegexValidator(
    r"^(OF-([1-9]|10)|OR-[1-9]|WO-[1-5])$",
    _("Enter a NATO rank code: OF-1 to OF-10, OR-1 to OR-9 or WO-1 to WO-5."),
)


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the people `user` may see in the back-office: everyone for the presidency,
        the own nations' people for a head of delegation or national staff, else nobody."""
        from . import rules as access  # rules imports this module

        if access.is_presidency(user):
            return self
        nation_ids = access.nation_ids_for(user)
        if not nation_ids:
            return self.none()
        return self.filter(nation_id__in=nation_ids)


class Person(models.Model):
    """A reserve officer, NCO or civilian: a delegate, an officer of CIOR, a participant."""

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        UNSPECIFIED = "unspecified", _("Unspecified")

    class Service(models.TextChoices):
        ARMY = "army", _("Army")
        NAVY = "navy", _("Navy")
        AIR_FORCE = "air_force", _("Air Force")
        MEDICAL = "medical", _("Medical service")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")

    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    rank = models.CharField(
        _("rank"), max_length=100, blank=True, help_text=_("National rank title.")
    )
    nato_code = models.CharField(
        _("NATO rank code"),
        max_length=5,
        blank=True,
        validators=[validate_nato_code],
        help_text=_("e.g. OF-4 or OR-7."),
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
    sex = models.CharField(_("sex"), max_length=11, choices=Sex.choices, default=Sex.UNSPECIFIED)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                name="person_nato_code_valid",
                condition=models.Q(nato_code__in=["", *NATO_CODES]),
            ),
        ]

    def __str__(self):
        return self.full_name or self.rank or str(_("(unnamed)"))

    @property
    def full_name(self):
        """Return "First LAST", the way CIOR writes names; empty when no name is known."""
        return " ".join(part for part in (self.first_name, self.last_name.upper()) if part)


class RoleAssignmentQuerySet(models.QuerySet):
    def active(self, on=None):
        """Return the assignments in force on `on` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(
            models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=on),
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on),
        )


class RoleAssignment(models.Model):
    """A person holding a role, within a scope: a nation, a committee, or everything.

    The permission rules (accounts/rules.py) read these rows; nothing else decides access.
    """

    class Role(models.TextChoices):
        HEAD_OF_DELEGATION = "head_of_delegation", _("Head of delegation")
        NATIONAL_STAFF = "national_staff", _("National staff")
        COMMITTEE_CHAIR = "committee_chair", _("Committee chair")
        COMMITTEE_SECRETARY = "committee_secretary", _("Committee secretary")
        PRESIDENCY = "presidency", _("Presidency")
        EDITOR = "editor", _("Editor (STRATCOM)")
        TREASURER = "treasurer", _("Treasurer")

    NATION_ROLES = {Role.HEAD_OF_DELEGATION, Role.NATIONAL_STAFF}
    COMMITTEE_ROLES = {Role.COMMITTEE_CHAIR, Role.COMMITTEE_SECRETARY}
    GLOBAL_ROLES = {Role.PRESIDENCY, Role.EDITOR, Role.TREASURER}

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    committee = models.ForeignKey(
        "governance.Committee",
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                name="role_scope_matches_role",
                condition=(
                    models.Q(
                        role__in=["head_of_delegation", "national_staff"],
                        nation__isnull=False,
                        committee__isnull=True,
                    )
                    | models.Q(
                        role__in=["committee_chair", "committee_secretary"],
                        committee__isnull=False,
                        nation__isnull=True,
                    )
                    | models.Q(
                        role__in=["presidency", "editor", "treasurer"],
                        nation__isnull=True,
                        committee__isnull=True,
                    )
                ),
            ),
            models.CheckConstraint(
                name="role_ends_after_start",
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
            ),
        ]

    def __str__(self):
        scope = self.nation or self.committee
        return f"{self.person} – {self.get_role_display()}" + (f" ({scope})" if scope else "")

    def clean(self):
        errors = {}
        if self.role in self.NATION_ROLES and not self.nation_id:
            errors["nation"] = _("This role is held for a nation: choose it.")
        if self.role in self.COMMITTEE_ROLES and not self.committee_id:
            errors["committee"] = _("This role is held for a committee: choose it.")
        if self.role not in self.NATION_ROLES and self.nation_id:
            errors["nation"] = _("This role is not held for a nation.")
        if self.role not in self.COMMITTEE_ROLES and self.committee_id:
            errors["committee"] = _("This role is not held for a committee.")
        if errors:
            raise ValidationError(errors)
