"""MILCOMP pages: judges' entry (judging), teams (teams), protests and history (protests).

Every page asks the rules (milcomp/rules.py) about the object it shows; an object outside the
user's scope answers 404, as if it did not exist.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Competition, Discipline, DisciplineKind


def competition_or_404(slug) -> Competition:
    return get_object_or_404(Competition.objects.select_related("event"), slug=slug)


def discipline_or_404(competition, kind) -> Discipline:
    if kind not in DisciplineKind.values:
        raise Http404
    discipline = get_object_or_404(Discipline, competition=competition, kind=kind)
    discipline.competition = competition
    return discipline


def require(user, permission, obj=None):
    """Answer 404 unless `user` holds `permission` on `obj`."""
    if not user.has_perm(permission, obj):
        raise Http404
