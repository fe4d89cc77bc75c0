"""The CIOR Medal of Merit: nominations, their supporting documents, and the public roll.

Rules (domain.md §10, and where it is silent, what the Presidency expects):

- A head of delegation (for anyone, of any nation) or the Presidency nominates: the nominee, a
  citation in English and in French, the grounds, supporting documents.
- A nomination is confidential: only the Presidency and the head of delegation who made it
  see it, and the nominator only while still heading a delegation. Once the Council votes, the
  motion names the nominee and the citation (the Council must know what it votes on); the
  grounds, the documents and the nominator stay confidential for good.
- The Presidency recommends it, or declines it with a reason. A recommended nomination is put
  to a Council meeting as a motion on the Medal of Merit (qualified majority: two thirds of the
  votes cast, governance/engine.py). When the vote closes the nomination is awarded (adopted),
  refused (rejected), or back to "recommended" when the vote had no quorum, to be put again.
- A person holds the medal once; a person has at most one nomination per year still open or
  successful (a declined or refused one may be renewed).
- The medal is presented at a Mid-Winter Meeting or a Summer Congress; the diploma names that
  event and carries a QR code to the public verification page.
- The public roll lists recipients by year of award, only with their recorded consent.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage():
    """Return the storage of confidential uploads: STORAGES["private"] when configured (an
    S3 bucket without public access, say), else a folder outside MEDIA_ROOT, which the web
    server never serves: only awards.views sends these files, to those who may see them."""
    try:
        return storages["private"]
    except InvalidStorageError:
        return FileSystemStorage(location=Path(settings.VAR_DIR) / "private", base_url=None)


def document_path(document, filename):
    """Store under a random name: the original name (kept in `name`) may say too much."""
    return f"awards/nominations/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the nominations `user` may see: all for the Presidency, the own ones for the
        head of delegation who made them (while heading a delegation), none for anyone else."""
        from . import rules as access  # rules imports this module

        if access.is_presidency(user):
            return self
        if access.heads_a_delegation(user):
            return self.filter(nominated_by=user)
        return self.none()

    def on_roll(self):
        """Return the awarded nominations whose recipient consented to the public roll."""
        return self.filter(state=Nomination.State.AWARDED, publication_consent=True)


class Nomination(models.Model):
    """A nomination for the Medal of Merit, from submission to the Council's decision."""

    class State(models.TextChoices):
        IN_REVIEW = "in_review", _("In review by the Presidency")
        RECOMMENDED = "recommended", _("Recommended by the Presidency")
        DECLINED = "declined", _("Declined by the Presidency")
        BEFORE_COUNCIL = "before_council", _("Before the Council")
        AWARDED = "awarded", _("Awarded")
        REFUSED = "refused", _("Refused by the Council")

    # A new nomination of the same person in the same year is a duplicate unless these ended it.
    CLOSED_STATES = [State.DECLINED, State.REFUSED]
    # The events at which the medal is presented.
    PRESENTATION_KINDS = ["mid_winter", "summer_congress"]

    nominee = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("nominee"),
        on_delete=models.PROTECT,
        related_name="medal_nominations",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    citation = models.TextField(
        _("citation"), help_text=_("The text read out and printed on the diploma.")
    )
    grounds = models.TextField(_("grounds"), help_text=_("Why the nominee deserves the medal."))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.IN_REVIEW
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="medal_nominations",
    )
    nominating_nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nominating nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The nation of the head of delegation who nominated; empty: the Presidency."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    motion = models.OneToOneField(
        "governance.Motion",
        verbose_name=_("Council motion"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="medal_nomination",
    )
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    presented_at = models.ForeignKey(
        "events.Event",
        verbose_name=_("presented at"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind__in": PRESENTATION_KINDS},
    )
    diploma_issued_on = models.DateField(_("diploma issued on"), null=True, blank=True)
    publication_consent = models.BooleanField(
        _("consents to the public roll"),
        default=False,
        help_text=_("The recipient agreed to appear on the public roll."),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("Medal of Merit nomination")
        verbose_name_plural = _("Medal of Merit nominations")
        permissions = [("review_nomination", "Can review Medal of Merit nominations")]
        constraints = [
            models.UniqueConstraint(
                fields=["nominee", "year"],
                condition=~Q(state__in=["declined", "refused"]),
                name="one_nomination_per_person_and_year",
            ),
            models.UniqueConstraint(
                fields=["nominee"], condition=Q(state="awarded"), name="one_medal_per_person"
            ),
            models.CheckConstraint(
                condition=~Q(state="awarded") | Q(awarded_on__isnull=False),
                name="awarded_has_a_date",
            ),
            models.CheckConstraint(
                condition=~Q(state="before_council") | Q(motion__isnull=False),
                name="before_council_has_a_motion",
            ),
        ]

    def __str__(self):
        return _("%(nominee)s (%(year)s)") % {"nominee": self.nominee, "year": self.year}

    @property
    def is_open(self):
        return self.state not in self.CLOSED_STATES and self.state != self.State.AWARDED

    @property
    def diploma_ready(self):
        return self.state == self.State.AWARDED and self.diploma_issued_on is not None


class SupportingDocument(models.Model):
    """A file supporting a nomination, kept in private storage (see private_storage)."""

    # What a nomination's documents may be: (extension, the file's first bytes).
    ALLOWED_TYPES = {
        ".pdf": (b"%PDF",),
        ".jpg": (b"\xff\xd8\xff",),
        ".jpeg": (b"\xff\xd8\xff",),
        ".png": (b"\x89PNG\r\n\x1a\n",),
        ".docx": (b"PK\x03\x04",),
        ".odt": (b"PK\x03\x04",),
    }
    MAX_SIZE = 10 * 1024 * 1024
    MAX_FILES = 5

    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(_("file"), upload_to=document_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["nomination", "pk"]
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")

    def __str__(self):
        return self.name


from .pages import MedalRollPage  # noqa: E402,F401
