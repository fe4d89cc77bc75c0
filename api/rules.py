"""Who manages a nation's API tokens: its head of delegation (accounts/rules.py decides that)."""

import rules

from accounts.rules import is_head_of_delegation_for

# obj: a Nation (or anything with nation_id, such as an ApiToken).
rules.add_perm("api.manage_tokens", is_head_of_delegation_for)
