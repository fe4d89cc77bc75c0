"""Admin forms: a membership within the nation's five seats, a grid of nations' votes."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import Person
from accounts.rules import is_presidency

from . import services
from .models import CommitteeMembership, Vote
from .rules import head_of_delegation_nation_ids


class CommitteeMembershipAdminForm(WagtailAdminModelForm):
    """A head of delegation picks the own nations' people, as members only."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        if for_user is not None and not is_presidency(for_user):
            if "person" in self.fields:
                self.fields["person"].queryset = Person.objects.filter(
                    nation_id__in=head_of_delegation_nation_ids(for_user)
                )
                self.fields["person"].help_text = _(
                    "You nominate the people of your own nation only."
                )
            if "role" in self.fields:
                self.fields["role"].choices = [
                    (CommitteeMembership.Role.MEMBER, CommitteeMembership.Role.MEMBER.label)
                ]

    def clean(self):
        cleaned = super().clean()
        person, committee = cleaned.get("person"), cleaned.get("committee")
        if person is None or committee is None:
            return cleaned
        if person.nation_id is None:
            raise ValidationError(
                {"person": _("Only a person of a member nation can serve on a committee.")}
            )
        self.instance.nation = person.nation
        ends_on = cleaned.get("ends_on")
        still_serving = ends_on is None or ends_on >= timezone.localdate()
        if cleaned.get("role") == CommitteeMembership.Role.MEMBER and still_serving:
            try:
                services.check_nation_quota(
                    committee, person.nation, exclude=self.instance if self.instance.pk else None
                )
            except ValidationError as error:
                self.add_error("person", error)
        return cleaned


class NationVotesForm(forms.Form):
    """One row per nation: for, against or abstain (or no vote yet)."""

    def __init__(self, *args, nations, votes, **kwargs):
        super().__init__(*args, **kwargs)
        self.nations = list(nations)
        choices = [("", _("No vote")), *Vote.Choice.choices]
        for nation in self.nations:
            vote = votes.get(nation.pk)
            self.fields[nation.code] = forms.ChoiceField(
                label=nation.name,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=vote.choice if vote else "",
            )

    def rows(self):
        """Return (nation, bound field) pairs, in the nations' order."""
        return [(nation, self[nation.code]) for nation in self.nations]

    def changed_choices(self, votes):
        """Return {nation: choice} for the rows whose choice is set and differs from `votes`."""
        changed = {}
        for nation in self.nations:
            choice = self.cleaned_data.get(nation.code)
            current = votes.get(nation.pk)
            if choice and (current is None or current.choice != choice):
                changed[nation] = choice
        return changed
