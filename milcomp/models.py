"""MILCOMP: competitions, disciplines, judges and jury, teams, raw results, protests.

The rules are data per competition (domain.md §8): the points table and the category rules are
fields of Competition, returned to the pure engine (`scoring.py`) as its dataclasses by
`Competition.points_table()` and `Competition.category_rules()`. Raw results are stored as the
judges enter them (`RawResult.data`, in the engine's terms); every change leaves a
ResultChange. The writes are in `services.py`, the reads the pages share in `queries.py`.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from events.models import private_storage

from . import scoring


class DisciplineKind(models.TextChoices):
    """The engine's discipline keys (scoring.Discipline)."""

    SHOOTING = scoring.Discipline.SHOOTING.value, _("Shooting")
    LAND = scoring.Discipline.LAND.value, _("Land obstacle course")
    WATER = scoring.Discipline.WATER.value, _("Water obstacle course")
    ORIENTEERING = scoring.Discipline.ORIENTEERING.value, _("Orienteering march")
    FIRST_AID = scoring.Discipline.FIRST_AID.value, _("First aid")
    LOAC = scoring.Discipline.LOAC.value, _("Law of Armed Conflict")


class Category(models.TextChoices):
    """The team categories (scoring.Category)."""

    NOVICE = scoring.Category.NOVICE.value, _("Novice")
    EXPERIENCED = scoring.Category.EXPERIENCED.value, _("Experienced")
    VETERAN = scoring.Category.VETERAN.value, _("Veteran")
    FEMALE = scoring.Category.FEMALE.value, pgettext_lazy("team category", "Female")
    INTERNATIONAL = scoring.Category.INTERNATIONAL.value, _("International")


class ResultStatus(models.TextChoices):
    """A team's status in one discipline (scoring.Status)."""

    OK = scoring.Status.OK.value, _("OK")
    DNS = scoring.Status.DNS.value, _("Did not start (DNS)")
    DNF = scoring.Status.DNF.value, _("Did not finish (DNF)")
    DSQ = scoring.Status.DSQ.value, _("Disqualified (DSQ)")


def _points(verbose_name, default):
    """A points-table figure that may be fractional (entered as the regulations state it)."""
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal("0"))],
    )


def _count(verbose_name, default, minimum=0):
    return models.PositiveIntegerField(
        verbose_name, default=default, validators=[MinValueValidator(minimum)]
    )


_DEFAULT_RULES = scoring.CategoryRules()

# The fields of Competition that are the engine's PointsTable, by the same names.
POINTS_TABLE_FIELDS = [
    "precision_points_per_ring",
    "rapid_points_per_hit",
    "precision_shots",
    "precision_max_ring",
    "rapid_max_hits",
    "land_base",
    "land_par_seconds",
    "land_points_per_second",
    "land_penalty_seconds",
    "land_obstacles",
    "water_base",
    "water_par_seconds",
    "water_points_per_second",
    "water_penalty_seconds",
    "water_obstacles",
    "orienteering_base",
    "orienteering_par_minutes",
    "orienteering_points_per_minute",
    "orienteering_missed_post_penalty",
    "orienteering_limit_minutes",
    "estimate_points",
    "estimate_tolerance_percent",
    "estimates_per_member",
    "grenade_points",
    "grenades_per_member",
    "first_aid_max",
    "loac_points_per_percent",
    "loac_max_percent",
]
CATEGORY_RULE_FIELDS = [
    "veteran_min_participations",
    "experienced_min_members_with_participation",
    "international_min_nations",
]


class CompetitionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self


class Competition(ClusterableModel):
    """The Military Competition of one year, part of that year's congress."""

    class Status(models.TextChoices):
        SETUP = "setup", _("Setting up: teams being declared")
        TEAMS_FROZEN = "teams_frozen", _("Teams frozen")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="milcomp_competitions",
        help_text=_("The congress's MILCOMP sub-event, or the congress itself."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(1957), MaxValueValidator(2200)]
    )
    slug = models.SlugField(
        _("slug"), max_length=40, unique=True, help_text=_("Used in addresses, e.g. 2027.")
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SETUP
    )
    protest_window_minutes = models.PositiveIntegerField(
        _("protest window (minutes)"),
        default=60,
        help_text=_("How long after a discipline's publication a protest may be filed."),
    )
    frozen_at = models.DateTimeField(_("teams frozen at"), null=True, blank=True, editable=False)
    draw_seed = models.CharField(_("draw seed"), max_length=64, blank=True, editable=False)
    drawn_at = models.DateTimeField(
        _("start order drawn at"), null=True, blank=True, editable=False
    )

    # The points table (domain.md §8 defaults), by the names of scoring.PointsTable.
    precision_points_per_ring = _points(_("points per ring (precision series)"), 8)
    rapid_points_per_hit = _points(_("points per hit (rapid series)"), 30)
    precision_shots = _count(_("shots in a precision series"), 5, 1)
    precision_max_ring = _count(_("highest ring"), 10, 1)
    rapid_max_hits = _count(_("silhouettes in a rapid series"), 6, 1)
    land_base = _points(_("land: base points"), 1200)
    land_par_seconds = _points(_("land: par time (s)"), 240)
    land_points_per_second = _points(_("land: points per second"), 5)
    land_penalty_seconds = _points(_("land: penalty per failed obstacle (s)"), 20)
    land_obstacles = _count(_("land: obstacles"), 20, 1)
    water_base = _points(_("water: base points"), 600)
    water_par_seconds = _points(_("water: par time (s)"), 90)
    water_points_per_second = _points(_("water: points per second"), 5)
    water_penalty_seconds = _points(_("water: penalty per failed obstacle (s)"), 10)
    water_obstacles = _count(_("water: obstacles"), 5, 1)
    orienteering_base = _points(_("orienteering: base points"), 2750)
    orienteering_par_minutes = _points(_("orienteering: par time (min)"), 100)
    orienteering_points_per_minute = _points(_("orienteering: points per minute"), 10)
    orienteering_missed_post_penalty = _points(_("orienteering: penalty per missed post"), 100)
    orienteering_limit_minutes = _count(_("orienteering: time limit (min)"), 240, 1)
    estimate_points = _points(_("points per good range estimate"), 20)
    estimate_tolerance_percent = _points(_("range estimate tolerance (%)"), 10)
    estimates_per_member = _count(_("range estimates per member"), 3, 1)
    grenade_points = _points(_("points per grenade hit"), 20)
    grenades_per_member = _count(_("grenade throws per member"), 3, 1)
    first_aid_max = _count(_("first aid: highest score"), 300, 1)
    loac_points_per_percent = _points(_("LOAC: points per percent"), 2)
    loac_max_percent = _count(_("LOAC: highest percent"), 100, 1)

    # The category rules (domain.md §8 defaults), by the names of scoring.CategoryRules.
    veteran_min_participations = _count(
        _("veteran: previous participations of every member"),
        _DEFAULT_RULES.veteran_min_participations,
        1,
    )
    experienced_min_members_with_participation = _count(
        _("experienced: members with a previous participation"),
        _DEFAULT_RULES.experienced_min_members_with_participation,
        1,
    )
    international_min_nations = _count(
        _("international: nations at least"), _DEFAULT_RULES.international_min_nations, 2
    )

    objects = CompetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        constraints = [
            models.CheckConstraint(
                name="milcomp_competition_status_valid",
                condition=Q(status__in=["setup", "teams_frozen", "running", "finished"]),
            ),
            models.CheckConstraint(
                name="milcomp_competition_drawn_after_freeze",
                condition=Q(drawn_at__isnull=True) | Q(frozen_at__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title or f"MILCOMP {self.year}"

    def points_table(self) -> scoring.PointsTable:
        """Return the competition's points table as the engine's dataclass."""
        values = {}
        for name in POINTS_TABLE_FIELDS:
            value = getattr(self, name)
            if isinstance(value, Decimal) and value == value.to_integral_value():
                value = int(value)
            values[name] = value
        return scoring.PointsTable(**values)

    def category_rules(self) -> scoring.CategoryRules:
        """Return the competition's category rules as the engine's dataclass."""
        return scoring.CategoryRules(**{name: getattr(self, name) for name in CATEGORY_RULE_FIELDS})

    @property
    def teams_frozen(self):
        return self.frozen_at is not None

    @property
    def categories(self) -> list[str]:
        """The categories in the order the rankings list them."""
        return [value for value, _label in Category.choices]


class Discipline(models.Model):
    """One discipline of a competition and where its results stand."""

    class State(models.TextChoices):
        OPEN = "open", _("Open: results being entered")
        PROVISIONAL = "provisional", _("Provisional: protest window open")
        OFFICIAL = "official", _("Official")

    competition = ParentalKey(
        Competition,
        verbose_name=_("competition"),
        on_delete=models.CASCADE,
        related_name="disciplines",
    )
    kind = models.CharField(_("discipline"), max_length=20, choices=DisciplineKind.choices)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.OPEN, editable=False
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    official_at = models.DateTimeField(_("official at"), null=True, blank=True, editable=False)
    official_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared official by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # Orienteering: the course's true distances of the range estimates (a team's own entry,
    # when the courses differ, takes precedence).
    true_distances = models.JSONField(
        _("true distances of the range estimates (m)"),
        default=list,
        blank=True,
        help_text=_("Orienteering only: e.g. [350, 520, 780]."),
    )

    class Meta:
        ordering = ["competition", "pk"]
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "kind"], name="milcomp_discipline_unique"
            ),
            models.CheckConstraint(
                name="milcomp_discipline_state_dates",
                condition=Q(state="open")
                | Q(state="provisional", published_at__isnull=False)
                | Q(state="official", published_at__isnull=False, official_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.competition} – {self.get_kind_display()}"

    def protest_deadline(self):
        """Return when the protest window closes (None before publication)."""
        if self.published_at is None:
            return None
        return self.published_at + datetime.timedelta(
            minutes=self.competition.protest_window_minutes
        )


class JudgeAssignment(models.Model):
    """A person judging one discipline of a competition (enters its raw results)."""

    competition = ParentalKey(
        Competition, verbose_name=_("competition"), on_delete=models.CASCADE, related_name="judges"
    )
    discipline_kind = models.CharField(
        _("discipline"), max_length=20, choices=DisciplineKind.choices
    )
    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("judge"),
        on_delete=models.CASCADE,
        related_name="milcomp_judgings",
    )

    class Meta:
        ordering = ["competition", "discipline_kind", "pk"]
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "discipline_kind", "person"], name="milcomp_judge_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_discipline_kind_display()}"


class JuryMember(models.Model):
    """A member of a competition's Technical Jury (decides protests, declares official)."""

    competition = ParentalKey(
        Competition,
        verbose_name=_("competition"),
        on_delete=models.CASCADE,
        related_name="jury_members",
    )
    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("jury member"),
        on_delete=models.CASCADE,
        related_name="milcomp_juries",
    )

    class Meta:
        ordering = ["competition", "pk"]
        verbose_name = _("jury member")
        verbose_name_plural = _("Technical Jury")
        constraints = [
            models.UniqueConstraint(fields=["competition", "person"], name="milcomp_jury_unique"),
        ]

    def __str__(self):
        return str(self.person)


class TeamQuerySet(models.QuerySet):
    def in_start_order(self):
        return self.order_by(
            models.F("start_number").asc(nulls_last=True), "nation__code", "number", "pk"
        )

    def visible_to(self, user):
        """Return the teams whose private pages `user` may open: all for the presidency and
        the jury of their competition, the own nations' teams (international teams with a
        member of the nation included) for a delegation, the own team for a member."""
        from accounts import rules as access

        if access.is_presidency(user):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        condition = Q(pk__in=[])
        person_id = user.person_id
        if person_id:
            condition |= Q(competition__jury_members__person_id=person_id) | Q(
                members__person_id=person_id
            )
        nation_ids = access.nation_ids_for(user)
        if nation_ids:
            condition |= Q(nation_id__in=nation_ids) | Q(
                nation__isnull=True, members__registration__nation_id__in=nation_ids
            )
        return self.filter(pk__in=self.filter(condition).values("pk"))

    def protestable_by(self, user):
        """Return the teams `user` may file a protest for, in one query: the rule
        "milcomp.file_protest" (presidency, head of delegation of the team's nation or of an
        international team's member, the team's captain) asked of every team at once."""
        from accounts import rules as access

        if access.is_presidency(user):
            return self
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        condition = Q(pk__in=[])
        if user.person_id:
            condition |= Q(members__person_id=user.person_id, members__is_captain=True)
        nation_ids = access.nation_ids_for(user, access.Role.HEAD_OF_DELEGATION)
        if nation_ids:
            condition |= Q(nation_id__in=nation_ids) | Q(
                nation__isnull=True, members__registration__nation_id__in=nation_ids
            )
        return self.filter(pk__in=self.filter(condition).values("pk"))


class Team(models.Model):
    """A team of three competitors: "EST 1", "EST 2", or an international team "INT 1"."""

    competition = models.ForeignKey(
        Competition, verbose_name=_("competition"), on_delete=models.CASCADE, related_name="teams"
    )
    nation = models.ForeignKey(
        "nations.Nation",
        verbose_name=_("nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="milcomp_teams",
        help_text=_("Empty for an international team."),
    )
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    name = models.CharField(_("name"), max_length=20)
    category = models.CharField(_("category"), max_length=15, choices=Category.choices)
    start_number = models.PositiveSmallIntegerField(
        _("start number"), null=True, blank=True, editable=False
    )
    disqualified = models.BooleanField(_("disqualified"), default=False)
    disqualification_reason = models.CharField(
        _("reason for the disqualification"), max_length=300, blank=True
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["competition", "start_number", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["competition", "name"], name="milcomp_team_name"),
            models.UniqueConstraint(
                fields=["competition", "nation", "number"],
                condition=Q(nation__isnull=False),
                name="milcomp_team_nation_number",
            ),
            models.UniqueConstraint(
                fields=["competition", "number"],
                condition=Q(nation__isnull=True),
                name="milcomp_team_international_number",
            ),
            models.UniqueConstraint(
                fields=["competition", "start_number"],
                condition=Q(start_number__isnull=False),
                name="milcomp_team_start_number",
            ),
            models.CheckConstraint(
                name="milcomp_team_international_has_no_nation",
                condition=Q(category="international", nation__isnull=True)
                | (~Q(category="international") & Q(nation__isnull=False)),
            ),
            models.CheckConstraint(
                name="milcomp_team_disqualified_with_reason",
                condition=Q(disqualified=False) | ~Q(disqualification_reason=""),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def key(self) -> str:
        """The team's key in the engine's values (scoring.TeamResult.key)."""
        return str(self.pk)


class TeamMember(models.Model):
    """One of the three competitors of a team, through the person's confirmed registration."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="members"
    )
    # Repeated from the team and the registration, so that the database itself refuses a
    # person in two teams of one competition.
    competition = models.ForeignKey(
        Competition, verbose_name=_("competition"), on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        "accounts.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="milcomp_memberships",
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.PROTECT,
        related_name="milcomp_memberships",
    )
    position = models.PositiveSmallIntegerField(
        _("position"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    previous_participations = models.PositiveSmallIntegerField(
        _("previous participations"), default=0
    )
    is_captain = models.BooleanField(_("captain"), default=False)

    class Meta:
        ordering = ["team", "position"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "person"], name="milcomp_member_one_team_per_competition"
            ),
            models.UniqueConstraint(fields=["team", "position"], name="milcomp_member_position"),
            models.UniqueConstraint(
                fields=["team"], condition=Q(is_captain=True), name="milcomp_member_one_captain"
            ),
            models.CheckConstraint(
                name="milcomp_member_position_range", condition=Q(position__gte=1, position__lte=3)
            ),
        ]

    def __str__(self):
        return str(self.person)

    @property
    def key(self) -> str:
        """The member's key in the engine's values (scoring.Member.key)."""
        return str(self.pk)


class RawResult(models.Model):
    """A team's raw result in one discipline, as the judges entered it.

    `data` holds the inputs in the engine's terms (see services.DATA_SHAPES); `version` counts
    the saves, so that a judge working on an outdated page cannot overwrite a newer entry.
    """

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="raw_results"
    )
    discipline = models.ForeignKey(
        Discipline,
        verbose_name=_("discipline"),
        on_delete=models.PROTECT,
        related_name="raw_results",
    )
    status = models.CharField(
        _("status"), max_length=3, choices=ResultStatus.choices, default=ResultStatus.OK
    )
    data = models.JSONField(_("raw inputs"), default=dict, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"))
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["team", "discipline"]
        verbose_name = _("raw result")
        verbose_name_plural = _("raw results")
        constraints = [
            models.UniqueConstraint(fields=["team", "discipline"], name="milcomp_result_unique"),
            models.CheckConstraint(
                name="milcomp_result_status_valid",
                condition=Q(status__in=["ok", "dns", "dnf", "dsq"]),
            ),
            models.CheckConstraint(name="milcomp_result_version", condition=Q(version__gte=1)),
        ]

    def __str__(self):
        return f"{self.team} – {self.discipline.get_kind_display()}"


class Protest(models.Model):
    """A protest against a team's provisional result in one discipline."""

    class State(models.TextChoices):
        FILED = "filed", _("Filed: awaiting the jury")
        UPHELD = "upheld", _("Upheld")
        REJECTED = "rejected", _("Rejected")

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="protests"
    )
    discipline = models.ForeignKey(
        Discipline, verbose_name=_("discipline"), on_delete=models.PROTECT, related_name="protests"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reasons = models.TextField(_("reasons"))
    filed_at = models.DateTimeField(_("filed at"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.FILED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)

    class Meta:
        ordering = ["filed_at", "pk"]
        verbose_name = _("protest")
        verbose_name_plural = _("protests")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "discipline"],
                condition=Q(state="filed"),
                name="milcomp_protest_one_open_per_result",
            ),
            models.CheckConstraint(
                name="milcomp_protest_decided",
                condition=Q(state="filed", decided_at__isnull=True)
                | (Q(state__in=["upheld", "rejected"]) & Q(decided_at__isnull=False)),
            ),
        ]

    def __str__(self):
        return f"{self.team} – {self.discipline.get_kind_display()}"

    @property
    def is_open(self):
        return self.state == self.State.FILED


class ResultChange(models.Model):
    """One change of a raw result: old and new values, who, when, why (and which protest)."""

    raw_result = models.ForeignKey(
        RawResult, verbose_name=_("result"), on_delete=models.CASCADE, related_name="changes"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="result_changes"
    )
    discipline = models.ForeignKey(
        Discipline, verbose_name=_("discipline"), on_delete=models.PROTECT, related_name="+"
    )
    old_status = models.CharField(_("old status"), max_length=3, blank=True)
    old_data = models.JSONField(_("old raw inputs"), null=True, blank=True)
    new_status = models.CharField(_("new status"), max_length=3)
    new_data = models.JSONField(_("new raw inputs"), default=dict)
    version = models.PositiveIntegerField(_("version"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    protest = models.ForeignKey(
        Protest,
        verbose_name=_("protest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("result change")
        verbose_name_plural = _("result changes")
        constraints = [
            models.UniqueConstraint(
                fields=["raw_result", "version"], name="milcomp_change_one_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.team} – {self.discipline.get_kind_display()} v{self.version}"


class ResultsDocument(models.Model):
    """The results PDF of one results version of a competition in one language, made once by
    the task worker (milcomp.tasks.make_results_pdf) and kept, so that the request that asks
    for it only hands the file over (or says it is being prepared)."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="results_documents"
    )
    version = models.BigIntegerField(_("results version"))
    language = models.CharField(_("language"), max_length=8)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="milcomp/results/", blank=True
    )
    failed = models.BooleanField(_("failed"), default=False)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("results document")
        verbose_name_plural = _("results documents")
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "version", "language"], name="results_document_once"
            )
        ]

    def __str__(self):
        return f"{self.competition} v{self.version} ({self.language})"
