"""Who may nominate committee members, run Council meetings, vote, and read the minutes.

Built on the predicates of accounts/rules.py. Asked without an object (a listing, a menu item),
a nation-scoped rule answers "for some nation"; the listing is then filtered by `visible_to`.

- Committee members: a head of delegation nominates and edits the own nation's members; the
  presidency appoints chairs and secretaries and may edit any membership.
- Council: the presidency manages meetings, agendas, attendance, proxies and motions, and the
  Secretary General records any nation's vote; a head of delegation sees the meetings and casts
  the own nation's vote, or the vote of the nation whose written proxy the own nation holds.
- Minutes: the presidency and every head of delegation (the Council's members). Committee
  chairs and secretaries are not Council members and do not read them.
"""

import rules

from accounts.rules import Role, is_head_of_delegation_for, is_presidency, nation_ids_for


def head_of_delegation_nation_ids(user):
    return nation_ids_for(user, Role.HEAD_OF_DELEGATION)


@rules.predicate
def heads_a_delegation(user):
    return bool(head_of_delegation_nation_ids(user))


@rules.predicate
def heads_its_delegation(user, obj):
    """Head of delegation of the object's nation; without an object, of some nation."""
    if obj is None:
        return heads_a_delegation(user)
    return is_head_of_delegation_for(user, obj)


def _meeting_id(obj):
    if hasattr(obj, "motion_id") and obj.motion_id:
        return obj.motion.meeting_id
    return getattr(obj, "meeting_id", None)


@rules.predicate
def holds_its_proxy(user, obj):
    """Head of delegation of the nation that holds the object's nation's proxy at its meeting."""
    from .models import Proxy

    meeting_id, nation_id = _meeting_id(obj), getattr(obj, "nation_id", None)
    if obj is None or meeting_id is None or nation_id is None:
        return False
    holders = head_of_delegation_nation_ids(user)
    return Proxy.objects.filter(
        meeting_id=meeting_id, from_nation_id=nation_id, to_nation_id__in=holders
    ).exists()


@rules.predicate
def is_member_nation_row(user, obj):
    """The object is a committee member's row (not a chair's or secretary's post)."""
    return obj is None or getattr(obj, "role", "member") == "member"


# Committee memberships.
rules.add_perm("governance.nominate_committee_member", is_presidency | heads_its_delegation)
rules.add_perm("governance.appoint_committee_officer", is_presidency)
rules.add_perm("governance.view_committeemembership", is_presidency | heads_its_delegation)
for action in ("add", "change", "delete"):
    rules.add_perm(
        f"governance.{action}_committeemembership",
        is_presidency | (heads_its_delegation & is_member_nation_row),
    )

# Council meetings: the presidency runs them; heads of delegation see them.
rules.add_perm("governance.manage_meeting", is_presidency)
for model in ("councilmeeting", "motion"):
    rules.add_perm(f"governance.view_{model}", is_presidency | heads_a_delegation)
for model in ("councilmeeting", "agendaitem", "attendance", "proxy", "motion"):
    for action in ("add", "change", "delete"):
        rules.add_perm(f"governance.{action}_{model}", is_presidency)
for model in ("agendaitem", "attendance", "proxy"):
    rules.add_perm(f"governance.view_{model}", is_presidency)

# Votes: object = a Vote (or anything with `nation` and `meeting`/`motion`).
rules.add_perm("governance.cast_vote", heads_its_delegation | holds_its_proxy)
rules.add_perm("governance.record_vote", is_presidency)
rules.add_perm("governance.view_minutes", is_presidency | heads_a_delegation)
