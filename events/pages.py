"""The public events calendar: a Wagtail page per language that serves each event's page."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core import cache as page_cache
from core.models import SitePage

from . import queries
from .models import Event


def registration_state(event, now=None):
    """Return what the event page says of registration: "cancelled", "open", "opens_later",
    "closed" or "" (the event takes no registrations yet)."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return "cancelled"
    if event.registration_is_open(now):
        return "open"
    if event.status == Event.Status.REGISTRATION_OPEN and (
        event.registration_opens_at and now < event.registration_opens_at
    ):
        return "opens_later"
    if event.takes_registrations:
        return "closed"
    return ""


class EventIndexPage(RoutablePageMixin, SitePage, Page):
    """Lists the upcoming and past events; each event's page is served from its record."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []  # Event pages are served from the records, at <this page>/<slug>/.
    max_count_per_parent = 1
    past_events_per_page = 12

    class Meta:
        verbose_name = _("events calendar")

    def event_url(self, event, request=None):
        """Return the URL of `event`'s page under this calendar (path only, as get_url), with
        the event's slug in the calendar's language."""
        slug = event.slug_for(self.locale.language_code)
        return self.get_url(request) + self.reverse_subpage("event_detail", args=[slug])

    def translate_subpath(self, subpath, language_code, *, context=None):
        """Return `subpath` (an event's "<slug>/" below this calendar) as the calendar in
        `language_code` writes it; the language switch calls this with the page's context,
        whose event saves the query."""
        slug = subpath.strip("/")
        if not slug or "/" in slug:
            return subpath
        context = context or {}
        event = context.get("event")
        # The event page says its language (kept with the event): no query for the locale.
        language = context.get("event_language") or self.locale.language_code
        if not isinstance(event, Event) or event.slug_for(language) != slug:
            event = queries.event_for_page(slug, language)
        return f"{event.slug_for(language_code)}/" if event else subpath

    @path("")
    def calendar(self, request):
        kind = request.GET.get("kind", "")
        unknown_kind = bool(kind) and kind not in Event.Kind.values
        if unknown_kind:
            kind = ""
        upcoming, past = queries.calendar_events(kind=kind)
        past_page = Paginator(past, self.past_events_per_page).get_page(request.GET.get("page"))
        kinds = queries.calendar_kinds()
        return self.render(
            request,
            context_overrides={
                "kind": kind,
                "kind_label": dict(Event.Kind.choices).get(kind, ""),
                "unknown_kind": unknown_kind,
                "kinds": [
                    {"value": "", "label": _("All events"), "current": not kind},
                    *(
                        {"value": value, "label": label, "current": value == kind}
                        for value, label in kinds
                    ),
                ],
                "upcoming": list(upcoming),
                "page_obj": past_page,
            },
        )

    @path("<slug:slug>/", name="event_detail")
    def event_detail(self, request, slug):
        def read():
            language = self.locale.language_code
            event = queries.event_for_page(slug, language)
            if event is None:
                return None
            programme = queries.programme_by_day(event)
            return language, event, programme, list(event.registration_types.all())

        # Kept for the page generation, which any change of an event, its programme, its fees
        # or its host nation moves (core.cache); only slugs of public events are kept.
        found = page_cache.kept(request, "event-page", [self.locale_id, slug], read)
        if found is None:
            raise Http404
        language, event, programme, registration_types = found
        if slug != event.slug_for(language):
            # An address in the other language's slug (e.g. French pages once used the English
            # slugs): one permanent redirect to the page's own address.
            return redirect(self.event_url(event, request), permanent=True)
        user = request.user
        now = timezone.now()
        registration = registration_state(event, now)
        registers_delegations = user.is_authenticated and user.has_perm(
            "events.register_for_nation"
        )
        # What the content shows besides the records (kept under the generation): the
        # registration states, which move with the time, and the delegation's button.
        badges = "".join(
            "o" if each.registration_is_open(now) else "-"
            for each in [event, *event.public_sub_events]
        )
        return self.render(
            request,
            context_overrides={
                "event": event,
                "event_language": language,
                "programme": programme,
                "registration_types": registration_types,
                "registration": registration,
                "registers_delegations": registers_delegations,
                "event_key": f"{registration}:{badges}:{int(registers_delegations)}",
            },
            template="events/event_detail.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        language = self.locale.language_code
        for event in Event.objects.public().order_by("starts_on", "pk").only("slug", "french_slug"):
            urls.append({"location": f"{base}{event.slug_for(language)}/"})
        return urls
