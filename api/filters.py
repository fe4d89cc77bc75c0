"""Filters of the public lists (django-filter, documented in the schema by drf-spectacular)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from news.models import ArticlePage


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, help_text=_("Event kind."))
    year = django_filters.NumberFilter(
        method="filter_year", min_value=1948, max_value=2200, help_text=_("Events in that year.")
    )
    nation = django_filters.CharFilter(
        method="filter_nation", help_text=_("Host nation's code (e.g. EST).")
    )
    parent = django_filters.CharFilter(
        field_name="parent__slug", help_text=_("The sub-events of the event with this slug.")
    )
    top_level = django_filters.BooleanFilter(
        field_name="parent",
        lookup_expr="isnull",
        help_text=_("Only events that are no part of another."),
    )
    when = django_filters.ChoiceFilter(
        method="filter_when",
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        help_text=_("Upcoming (not ended yet) or past events."),
    )

    class Meta:
        model = Event
        fields = ["kind", "year", "nation", "parent", "top_level", "when"]

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(starts_on__year__lte=year, ends_on__year__gte=year)

    def filter_nation(self, queryset, name, value):
        return queryset.filter(host_nation__code=value.strip().upper())

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        if value == "past":
            return queryset.filter(ends_on__lt=today).order_by("-starts_on", "-pk")
        return queryset.filter(ends_on__gte=today)


class ArticleFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(choices=ArticlePage.Category.choices)
    year = django_filters.NumberFilter(field_name="date__year", min_value=1948, max_value=2200)

    class Meta:
        model = ArticlePage
        fields = ["category", "year"]
