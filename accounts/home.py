"""The first page after login: where each role's work starts.

Apps plug in without accounts importing them (accounts sits below every app):
- settings.CIOR_START_PAGES names functions `(user) -> url or None`, asked in order; the first
  URL wins (the confederation's staff go to the admin, judges to their disciplines...);
- settings.CIOR_HOME_PANELS names functions `(user, nations) -> [Panel]`, the boxes of a
  nation's home page (its events, invoices, teams...).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string

from .models import RoleAssignment
from .rules import has_role

Role = RoleAssignment.Role


@dataclass
class Panel:
    """One box of a home page: a title, a template and what it shows."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def staff_start(user):
    """The confederation's staff (presidency, editors, treasurer) work in the admin."""
    if has_role(user, Role.PRESIDENCY, Role.EDITOR, Role.TREASURER):
        return reverse("wagtailadmin_home")
    return None


def start_page(user) -> str | None:
    """Return the URL where `user` starts, or None for the nation home page."""
    for path in settings.CIOR_START_PAGES:
        url = import_string(path)(user)
        if url:
            return url
    return None


def panels(user, nations) -> list[Panel]:
    """Collect the panels every app shows to the staff of `nations`, in their order."""
    found = []
    for path in settings.CIOR_HOME_PANELS:
        found.extend(import_string(path)(user, nations))
    return sorted(found, key=lambda panel: panel.order)
