"""Who may do what: the one place that decides, as predicates of the `rules` package.

Every view, export, admin viewset and API asks `user.has_perm(permission, obj)`; list views
filter with the scope functions below (`nation_ids_for`, ...), built from the same roles.
Roles come from accounts.RoleAssignment rows in force today, through the user's person.
"""

import rules
from django.utils import timezone

from .models import RoleAssignment

Role = RoleAssignment.Role


def _assignments(user):
    """Return the user's active role assignments, cached on the user object per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cache = getattr(user, "_cior_roles", None)
    if cache is None or cache[0] != timezone.localdate():
        rows = []
        if user.person_id:
            rows = list(RoleAssignment.objects.active().filter(person_id=user.person_id))
        cache = (timezone.localdate(), rows)
        user._cior_roles = cache
    return cache[1]


def has_role(user, *roles_wanted):
    return user.is_superuser or any(a.role in roles_wanted for a in _assignments(user))


def nation_ids_for(user, *roles_wanted):
    """Return the ids of the nations for which the user holds one of `roles_wanted`
    (head of delegation and national staff by default)."""
    roles_wanted = roles_wanted or (Role.HEAD_OF_DELEGATION, Role.NATIONAL_STAFF)
    return {a.nation_id for a in _assignments(user) if a.role in roles_wanted and a.nation_id}


def committee_ids_for(user, *roles_wanted):
    roles_wanted = roles_wanted or (Role.COMMITTEE_CHAIR, Role.COMMITTEE_SECRETARY)
    return {a.committee_id for a in _assignments(user) if a.role in roles_wanted}


@rules.predicate
def is_presidency(user):
    return has_role(user, Role.PRESIDENCY)


@rules.predicate
def is_treasurer(user):
    return has_role(user, Role.TREASURER)


@rules.predicate
def is_editor(user):
    return has_role(user, Role.EDITOR)


def _nation_id(obj):
    """The nation an object belongs to: a Nation itself, or anything with `nation_id`."""
    if obj is None:
        return None
    if obj.__class__.__name__ == "Nation":
        return obj.pk
    return getattr(obj, "nation_id", None)


@rules.predicate
def is_head_of_delegation_for(user, obj):
    nation_id = _nation_id(obj)
    return nation_id is not None and nation_id in nation_ids_for(user, Role.HEAD_OF_DELEGATION)


@rules.predicate
def is_national_staff_for(user, obj):
    nation_id = _nation_id(obj)
    return nation_id is not None and nation_id in nation_ids_for(user, Role.NATIONAL_STAFF)


@rules.predicate
def is_committee_officer_for(user, committee):
    committee_id = getattr(committee, "pk", None)
    return committee_id is not None and committee_id in committee_ids_for(user)


@rules.predicate
def has_a_nation_role(user):
    return bool(nation_ids_for(user))


is_delegation_for = is_head_of_delegation_for | is_national_staff_for
is_staff_role = is_presidency | is_treasurer | is_editor | has_a_nation_role


@rules.predicate
def without_object(user, obj):
    """True when the question is about the model, not one record (listing, menu, add button)."""
    return obj is None


# A nation-scoped user manages the own nations' people: the model-level question (no object)
# is answered yes, so the admin shows the listing, which `Person.objects.visible_to` filters.
manages_person = is_presidency | (has_a_nation_role & (without_object | is_delegation_for))

rules.add_perm("accounts.view_person", manages_person)
rules.add_perm("accounts.add_person", manages_person)
rules.add_perm("accounts.change_person", manages_person)
rules.add_perm("accounts.delete_person", manages_person)

rules.add_perm("accounts.view_roleassignment", is_presidency)
rules.add_perm("accounts.add_roleassignment", is_presidency)
rules.add_perm("accounts.change_roleassignment", is_presidency)
rules.add_perm("accounts.delete_roleassignment", is_presidency)

# The site-wide audit log (Reports → Site history) is the presidency's to read.
rules.add_perm("accounts.view_audit_log", is_presidency)

# Every staff role works in the Wagtail admin; what each sees there is scoped above.
rules.add_perm("wagtailadmin.access_admin", is_staff_role)


@rules.predicate
def is_superuser_or_django_staff(user):
    return bool(getattr(user, "is_authenticated", False) and (user.is_superuser or user.is_staff))


# Who must log in with a second factor (accounts.middleware asks every permission named in
# settings.CIOR_TWO_FACTOR_PERMISSIONS; other apps add theirs, e.g. milcomp's judges).
rules.add_perm("accounts.use_two_factor", is_superuser_or_django_staff | is_staff_role)
