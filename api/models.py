"""A nation's API tokens: the key is shown once and kept only as its SHA-256 digest."""

import hashlib

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Keys are 256 random bits (secrets.token_urlsafe(32)): a plain SHA-256 digest cannot be
# reversed, and it lets a request find its token with one indexed lookup.
KEY_PREFIX = "cior_"


def digest(key: str) -> str:
    """Return the stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Tokens neither revoked nor expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)

    def visible_to(self, user):
        """The tokens of the nations `user` heads the delegation of."""
        from accounts.rules import Role, nation_ids_for

        return self.filter(nation_id__in=nation_ids_for(user, Role.HEAD_OF_DELEGATION))


class ApiToken(models.Model):
    """A key with which a nation's own system reads and registers that nation's people."""

    nation = models.ForeignKey(
        "nations.Nation", verbose_name=_("nation"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    key_hint = models.CharField(_("key starts with"), max_length=16, editable=False)
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("created by"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["nation", "-created_at", "pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [
            models.CheckConstraint(
                name="api_token_expires_after_creation",
                condition=Q(expires_at__gt=models.F("created_at")),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.key_hint}…)"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
