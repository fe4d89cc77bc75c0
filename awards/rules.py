"""Who may nominate for the Medal of Merit, see a nomination, and decide on it.

A nomination is confidential (domain.md §10): the Presidency sees every one; a head of
delegation sees the nominations they made, while heading a delegation; nobody else sees any,
national staff, editors and treasurers included. Asked without an object (a listing, a menu),
`awards.view_nomination` answers "some"; the listing is filtered by
`Nomination.objects.visible_to`, built from the same predicates.
"""

import rules

from accounts.rules import is_presidency, without_object
from governance.rules import heads_a_delegation


@rules.predicate
def is_its_nominator(user, nomination):
    nominator_id = getattr(nomination, "nominated_by_id", None)
    return nominator_id is not None and nominator_id == getattr(user, "pk", None)


may_see_nomination = is_presidency | (heads_a_delegation & (without_object | is_its_nominator))

rules.add_perm("awards.nominate", is_presidency | heads_a_delegation)
rules.add_perm("awards.view_nomination", may_see_nomination)
rules.add_perm("awards.review_nomination", is_presidency)
# Nominations change only through awards.services (the pages): the admin lists and shows them.
for action in ("add", "change", "delete"):
    rules.add_perm(f"awards.{action}_nomination", rules.always_deny)
