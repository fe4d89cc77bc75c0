"""Where the programme directors start after login (accounts.home): the CLA director on the
Language Academy's management page, the YRO-C chair on the YRO results."""

from django.urls import reverse

from .rules import is_cla_director, is_yro_chair


def director_start(user):
    if is_cla_director(user):
        return reverse("academy_dashboard")
    if is_yro_chair(user):
        return reverse("academy_yro_events")
    return None
