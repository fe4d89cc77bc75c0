"""Reads of the member nations reused across pages."""

import unicodedata
from typing import NamedTuple

from .models import Nation


class Members(NamedTuple):
    full: list
    associates: list


def name_sort_key(name: str) -> str:
    """Return a key that sorts names alphabetically in any language ("États-Unis" under E)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def member_nations() -> Members:
    """Return the active full members and associates, each sorted by name in the active language."""
    nations = sorted(Nation.objects.active(), key=lambda nation: name_sort_key(nation.name))
    return Members(
        full=[n for n in nations if n.membership == Nation.Membership.FULL],
        associates=[n for n in nations if n.membership == Nation.Membership.ASSOCIATE],
    )
