"""Who may see and change associations, subscription rates, invoices and payments.

Built on the predicates of accounts/rules.py. Asked without an object (a listing, a menu item),
a nation-scoped rule answers "for some nation": the listing is then filtered by `visible_to`.
"""

import rules

from accounts.rules import (
    Role,
    is_head_of_delegation_for,
    is_presidency,
    is_treasurer,
    nation_ids_for,
)

is_finance = is_presidency | is_treasurer


def sees_all_finances(user):
    """Return whether the user sees every nation's association, invoices and arrears."""
    return bool(getattr(user, "is_superuser", False)) or is_finance(user)


def visible_nation_ids(user):
    """Return the nations whose association and invoices a nation-scoped user sees."""
    return nation_ids_for(user, Role.HEAD_OF_DELEGATION)


@rules.predicate
def heads_its_delegation(user, obj):
    """Head of delegation of the object's nation; without an object, of some nation."""
    if obj is None:
        return bool(visible_nation_ids(user))
    return is_head_of_delegation_for(user, obj)


rules.add_perm("nations.view_arrears", is_finance)

rules.add_perm("nations.view_association", is_finance | heads_its_delegation)
rules.add_perm("nations.change_association", is_presidency | heads_its_delegation)
rules.add_perm("nations.add_association", is_presidency)
rules.add_perm("nations.delete_association", is_presidency)

rules.add_perm("nations.view_subscriptionrate", is_finance)
rules.add_perm("nations.add_subscriptionrate", is_finance)
rules.add_perm("nations.change_subscriptionrate", is_finance)
rules.add_perm("nations.delete_subscriptionrate", is_finance)

# A nation sees its own invoices; only finance issues, changes, cancels and records payments.
rules.add_perm("nations.view_invoice", is_finance | heads_its_delegation)
rules.add_perm("nations.add_invoice", is_finance)
rules.add_perm("nations.change_invoice", is_finance)
rules.add_perm("nations.record_payment", is_finance)
