"""Forms of the MILCOMP pages: a team's raw result per discipline, teams, protests.

A result form turns the judge's fields into the raw inputs of services.save_result (`to_data`)
and back (`initial_from`); services.clean_data checks them once more.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import scoring, services
from .models import Category, DisciplineKind, ResultStatus, TeamMember

TEAM_SIZE = scoring.TEAM_SIZE


def _number(label, low, high=None, *, size="s"):
    attrs = {"class": f"entry-input entry-input--{size}", "inputmode": "numeric", "min": low}
    if high is not None:
        attrs["max"] = high
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=low,
        max_value=high,
        widget=forms.NumberInput(attrs=attrs),
    )


def _time(label, placeholder):
    return forms.CharField(
        label=label,
        required=False,
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "class": "entry-input entry-input--time",
                "placeholder": placeholder,
                "autocomplete": "off",
            }
        ),
    )


def _filled(values):
    return [value for value in values if value is not None]


class ResultForm(forms.Form):
    """One team's raw result in one discipline; subclasses add the discipline's fields."""

    kind = None
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=ResultStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    reason = forms.CharField(
        label=gettext_lazy("Reason for the change"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "entry-input entry-input--wide"}),
    )

    def __init__(self, *args, table: scoring.PointsTable, member_names=(), **kwargs):
        self.table = table
        self.member_names = list(member_names) + [""] * (TEAM_SIZE - len(member_names))
        super().__init__(*args, **kwargs)
        self.build()

    def build(self):
        raise NotImplementedError

    def member_label(self, index):
        name = self.member_names[index]
        return _("Member %(n)s") % {"n": index + 1} + (f" – {name}" if name else "")

    @classmethod
    def initial_from(cls, result) -> dict:
        """Return the form's initial values from a RawResult (None: nothing entered)."""
        initial = {"status": ResultStatus.OK, "version": 0}
        if result is not None:
            initial.update(status=result.status, version=result.version)
            initial.update(cls.initial_values(result.data or {}))
        return initial

    @classmethod
    def initial_values(cls, data):
        return {}

    def to_data(self) -> dict:
        raise NotImplementedError

    def layout(self):
        """Return [(heading, [(row label, [bound fields])])] for the template."""
        raise NotImplementedError

    def apply_service_error(self, error: ValidationError):
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error.messages)


class TimedResultForm(ResultForm):
    """A discipline run against the clock: a team that finished (status OK) has a time, and
    no course is run in no time at all."""

    time_label = None

    def clean(self):
        cleaned = super().clean()
        if "time" in self.errors:
            return cleaned
        seconds = cleaned.get("time")
        if seconds == 0:
            self.add_error(
                "time",
                _("%(field)s: a time of zero is not possible; enter the team's time.")
                % {"field": self.time_label},
            )
        elif seconds is None and cleaned.get("status") == ResultStatus.OK:
            self.add_error(
                "time",
                _(
                    "%(field)s: a team with the status OK has a time; enter it, or choose "
                    "another status (DNS, DNF, DSQ)."
                )
                % {"field": self.time_label},
            )
        return cleaned


def _member(data, index):
    members = data.get("members") or []
    return members[index] if index < len(members) and members[index] else {}


class ShootingForm(ResultForm):
    kind = DisciplineKind.SHOOTING
    WEAPONS = (("pistol", gettext_lazy("Pistol")), ("rifle", gettext_lazy("Rifle")))

    def build(self):
        shots, ring, hits = (
            self.table.precision_shots,
            self.table.precision_max_ring,
            self.table.rapid_max_hits,
        )
        for m in range(TEAM_SIZE):
            for weapon, weapon_label in self.WEAPONS:
                for k in range(1, shots + 1):
                    self.fields[f"m{m}_{weapon}_{k}"] = _number(
                        _("%(member)s, %(weapon)s precision shot %(k)s")
                        % {
                            "member": self.member_label(m),
                            "weapon": str(weapon_label).lower(),
                            "k": k,
                        },
                        0,
                        ring,
                    )
                self.fields[f"m{m}_{weapon}_rapid"] = _number(
                    _("%(member)s, %(weapon)s rapid series hits")
                    % {"member": self.member_label(m), "weapon": str(weapon_label).lower()},
                    0,
                    hits,
                )

    @classmethod
    def initial_values(cls, data):
        initial = {}
        for m in range(TEAM_SIZE):
            member = _member(data, m)
            for weapon, _label in cls.WEAPONS:
                for k, ring in enumerate(member.get(f"{weapon}_precision") or [], start=1):
                    initial[f"m{m}_{weapon}_{k}"] = ring
                initial[f"m{m}_{weapon}_rapid"] = member.get(f"{weapon}_rapid_hits")
        return initial

    def to_data(self):
        get = self.cleaned_data.get
        members = []
        for m in range(TEAM_SIZE):
            member = {}
            for weapon, _label in self.WEAPONS:
                member[f"{weapon}_precision"] = _filled(
                    get(f"m{m}_{weapon}_{k}") for k in range(1, self.table.precision_shots + 1)
                )
                member[f"{weapon}_rapid_hits"] = get(f"m{m}_{weapon}_rapid")
            members.append(member)
        return {"members": members}

    def layout(self):
        sections = []
        for m in range(TEAM_SIZE):
            rows = []
            for weapon, weapon_label in self.WEAPONS:
                rows.append(
                    (
                        _("%(weapon)s precision") % {"weapon": weapon_label},
                        [
                            self[f"m{m}_{weapon}_{k}"]
                            for k in range(1, self.table.precision_shots + 1)
                        ],
                    )
                )
                rows.append(
                    (
                        _("%(weapon)s rapid hits") % {"weapon": weapon_label},
                        [self[f"m{m}_{weapon}_rapid"]],
                    )
                )
            sections.append((self.member_label(m), rows))
        return sections


class ObstacleForm(TimedResultForm):
    """Land or water obstacle course: the team time (m:ss) and the failed obstacles."""

    time_label = gettext_lazy("Team time")

    def obstacles(self):
        raise NotImplementedError

    def build(self):
        self.fields["time"] = _time(_("Team time (m:ss)"), "4:05")
        self.fields["failed_obstacles"] = _number(
            _("Failed obstacles"), 0, TEAM_SIZE * self.obstacles()
        )

    def clean_time(self):
        try:
            return services.parse_time(
                self.cleaned_data.get("time"), hours=False, label=_("Team time")
            )
        except ValidationError as error:
            raise ValidationError(error.messages) from None

    @classmethod
    def initial_values(cls, data):
        seconds = data.get("seconds")
        return {
            "time": scoring.format_time(seconds) if seconds is not None else "",
            "failed_obstacles": data.get("failed_obstacles"),
        }

    def to_data(self):
        return {
            "seconds": self.cleaned_data.get("time"),
            "failed_obstacles": self.cleaned_data.get("failed_obstacles") or 0,
        }

    def layout(self):
        return [
            (
                "",
                [
                    (self["time"].label, [self["time"]]),
                    (self["failed_obstacles"].label, [self["failed_obstacles"]]),
                ],
            )
        ]


class LandForm(ObstacleForm):
    kind = DisciplineKind.LAND

    def obstacles(self):
        return self.table.land_obstacles


class WaterForm(ObstacleForm):
    kind = DisciplineKind.WATER

    def obstacles(self):
        return self.table.water_obstacles


THROW_CHOICES = [("", "–"), ("hit", gettext_lazy("hit")), ("miss", gettext_lazy("miss"))]


class OrienteeringForm(TimedResultForm):
    kind = DisciplineKind.ORIENTEERING
    time_label = gettext_lazy("March time")

    def build(self):
        per_member = self.table.estimates_per_member
        self.fields["time"] = _time(_("March time (h:mm:ss)"), "1:39:30")
        self.fields["missed_posts"] = _number(_("Missed control posts"), 0, 100)
        for k in range(1, per_member + 1):
            self.fields[f"true_{k}"] = _number(
                _("True distance %(k)s (m)") % {"k": k}, 1, 100_000, size="m"
            )
        for m in range(TEAM_SIZE):
            for k in range(1, per_member + 1):
                self.fields[f"m{m}_estimate_{k}"] = _number(
                    _("%(member)s, range estimate %(k)s (m)")
                    % {"member": self.member_label(m), "k": k},
                    0,
                    100_000,
                    size="m",
                )
            for k in range(1, self.table.grenades_per_member + 1):
                self.fields[f"m{m}_throw_{k}"] = forms.ChoiceField(
                    label=_("%(member)s, grenade throw %(k)s")
                    % {"member": self.member_label(m), "k": k},
                    choices=THROW_CHOICES,
                    required=False,
                    widget=forms.Select(attrs={"class": "entry-input entry-input--throw"}),
                )

    def clean_time(self):
        try:
            return services.parse_time(
                self.cleaned_data.get("time"), hours=True, label=_("March time")
            )
        except ValidationError as error:
            raise ValidationError(error.messages) from None

    @classmethod
    def initial_values(cls, data):
        seconds = data.get("seconds")
        initial = {
            "time": scoring.format_time(seconds, hours=True) if seconds is not None else "",
            "missed_posts": data.get("missed_posts"),
        }
        for k, distance in enumerate(data.get("true_distances") or [], start=1):
            initial[f"true_{k}"] = distance
        for m in range(TEAM_SIZE):
            member = _member(data, m)
            for k, estimate in enumerate(member.get("estimates") or [], start=1):
                initial[f"m{m}_estimate_{k}"] = estimate
            for k, hit in enumerate(member.get("throws") or [], start=1):
                initial[f"m{m}_throw_{k}"] = "hit" if hit else "miss"
        return initial

    def to_data(self):
        get = self.cleaned_data.get
        per_member = self.table.estimates_per_member
        members = []
        for m in range(TEAM_SIZE):
            throws = [get(f"m{m}_throw_{k}") for k in range(1, self.table.grenades_per_member + 1)]
            members.append(
                {
                    "estimates": _filled(
                        get(f"m{m}_estimate_{k}") for k in range(1, per_member + 1)
                    ),
                    "throws": [throw == "hit" for throw in throws if throw],
                }
            )
        return {
            "seconds": get("time"),
            "missed_posts": get("missed_posts") or 0,
            "true_distances": _filled(get(f"true_{k}") for k in range(1, per_member + 1)),
            "members": members,
        }

    def layout(self):
        per_member = range(1, self.table.estimates_per_member + 1)
        throws = range(1, self.table.grenades_per_member + 1)
        sections = [
            (
                _("Team"),
                [
                    (self["time"].label, [self["time"]]),
                    (self["missed_posts"].label, [self["missed_posts"]]),
                    (_("True distances (m)"), [self[f"true_{k}"] for k in per_member]),
                ],
            )
        ]
        for m in range(TEAM_SIZE):
            sections.append(
                (
                    self.member_label(m),
                    [
                        (
                            _("Range estimates (m)"),
                            [self[f"m{m}_estimate_{k}"] for k in per_member],
                        ),
                        (_("Grenade throws"), [self[f"m{m}_throw_{k}"] for k in throws]),
                    ],
                )
            )
        return sections


class FirstAidForm(ResultForm):
    kind = DisciplineKind.FIRST_AID

    def build(self):
        self.fields["score"] = _number(
            _("First aid score (0–%(max)s)") % {"max": self.table.first_aid_max},
            0,
            self.table.first_aid_max,
        )

    @classmethod
    def initial_values(cls, data):
        return {"score": data.get("score")}

    def to_data(self):
        return {"score": self.cleaned_data.get("score")}

    def layout(self):
        return [("", [(self["score"].label, [self["score"]])])]


class LoacForm(ResultForm):
    kind = DisciplineKind.LOAC

    def build(self):
        for m in range(TEAM_SIZE):
            self.fields[f"m{m}_percent"] = _number(
                _("%(member)s, LOAC test (%%)") % {"member": self.member_label(m)},
                0,
                self.table.loac_max_percent,
            )

    @classmethod
    def initial_values(cls, data):
        return {f"m{m}_percent": _member(data, m).get("percent") for m in range(TEAM_SIZE)}

    def to_data(self):
        return {
            "members": [
                {"percent": self.cleaned_data.get(f"m{m}_percent")} for m in range(TEAM_SIZE)
            ]
        }

    def layout(self):
        return [("", [(self.member_label(m), [self[f"m{m}_percent"]]) for m in range(TEAM_SIZE)])]


RESULT_FORMS = {
    form.kind: form
    for form in (ShootingForm, LandForm, WaterForm, OrienteeringForm, FirstAidForm, LoacForm)
}


# --- Teams ---------------------------------------------------------------------------------


class RegistrationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, registration):
        person = registration.person
        rank = f"{person.rank} " if person.rank else ""
        return f"{rank}{person.full_name} ({registration.nation.code})"


class TeamForm(forms.Form):
    """Declare or change a team: category, three competitors, their participations, captain."""

    category = forms.ChoiceField(label=gettext_lazy("Category"))
    captain = forms.TypedChoiceField(
        label=gettext_lazy("Captain"),
        coerce=int,
        # A callable: the labels are translated per request, not once at import.
        choices=lambda: [(index, _("Member %(n)s") % {"n": index + 1}) for index in range(3)],
        initial=0,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, competition, nation, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        if nation is None:
            categories = [(Category.INTERNATIONAL, Category.INTERNATIONAL.label)]
        else:
            categories = [c for c in Category.choices if c[0] != Category.INTERNATIONAL]
        self.fields["category"].choices = categories
        registrations = services.competitor_registrations(competition).select_related(
            "person", "nation"
        )
        if nation is not None:
            registrations = registrations.filter(nation=nation)
        taken = TeamMember.objects.filter(competition=competition)
        if team is not None:
            taken = taken.exclude(team=team)
        registrations = registrations.exclude(person_id__in=taken.values("person_id")).order_by(
            "nation__code", "person__last_name", "person__first_name"
        )
        for index in range(TEAM_SIZE):
            n = index + 1
            self.fields[f"member_{n}"] = RegistrationChoiceField(
                label=_("Member %(n)s") % {"n": n}, queryset=registrations
            )
            self.fields[f"participations_{n}"] = forms.IntegerField(
                label=_("Member %(n)s: previous participations") % {"n": n},
                min_value=0,
                max_value=70,
                initial=0,
                widget=forms.NumberInput(
                    attrs={"inputmode": "numeric", "class": "entry-input entry-input--s"}
                ),
            )
        if team is not None and not self.is_bound:
            self.initial["category"] = team.category
            for member in team.members.all():
                self.initial[f"member_{member.position}"] = member.registration_id
                self.initial[f"participations_{member.position}"] = member.previous_participations
                if member.is_captain:
                    self.initial["captain"] = member.position - 1

    def member_rows(self):
        return [(self[f"member_{n}"], self[f"participations_{n}"]) for n in range(1, TEAM_SIZE + 1)]

    def entries(self):
        return [
            services.MemberEntry(
                registration=self.cleaned_data[f"member_{n}"],
                previous_participations=self.cleaned_data[f"participations_{n}"],
            )
            for n in range(1, TEAM_SIZE + 1)
        ]


# --- Protests ------------------------------------------------------------------------------


class ProtestForm(forms.Form):
    team = forms.ModelChoiceField(label=gettext_lazy("Team"), queryset=None)
    discipline = forms.ModelChoiceField(label=gettext_lazy("Discipline"), queryset=None)
    reasons = forms.CharField(
        label=gettext_lazy("Reasons"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, teams, disciplines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["discipline"].queryset = disciplines
        self.fields["discipline"].label_from_instance = lambda d: d.get_kind_display()


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("uphold", gettext_lazy("Uphold the protest and correct the result below")),
            ("reject", gettext_lazy("Reject the protest")),
        ],
        widget=forms.RadioSelect,
    )
    decision = forms.CharField(
        label=gettext_lazy("The jury's decision, with its grounds"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DisqualifyForm(forms.Form):
    disqualified = forms.BooleanField(label=gettext_lazy("Disqualified"), required=False)
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=300, required=False)
