"""Committees and people with a public role found by the site search
(core.queries.search_records): the presidency team and the committees' officers and members."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.queries import RecordHit, matching

from .models import Appointment, Committee, CommitteeIndexPage, CommitteeMembership, PresidencyPage


def _pages():
    locale = Locale.get_active()
    return (
        PresidencyPage.objects.live().filter(locale=locale).first(),
        CommitteeIndexPage.objects.live().filter(locale=locale).first(),
    )


def _committee_url(index, committee):
    if index is None:
        return ""
    return index.url + index.reverse_subpage("committee_detail", args=[committee.slug])


def records(terms):
    presidency, committees = _pages()
    today = timezone.localdate()
    hits = [
        RecordHit(
            kind=_("Committee"),
            title=f"{committee.acronym} – {committee.name}",
            url=_committee_url(committees, committee),
            summary=committee.summary,
        )
        for committee in Committee.objects.filter(matching(terms, "acronym", "name_en", "name_fr"))[
            :10
        ]
    ]
    person = ("person__first_name", "person__last_name")
    for office in (
        Appointment.objects.filter(matching(terms, *person))
        .select_related("person__nation", "term__nation")
        .order_by("-term__starts_on")[:10]
    ):
        url = presidency.url if presidency else ""
        summary = f"{office.title} · {office.person.nation.name}"
        if office.term and office.term.ends_on < today:
            # A past term's team has its own page; its officers are Honorary Delegates.
            if presidency:
                url += presidency.reverse_subpage("term_of_year", args=[office.term.starts_on.year])
            summary += f" · {office.term.years}"
        hits.append(
            RecordHit(kind=_("Presidency"), title=office.person.full_name, url=url, summary=summary)
        )
    for membership in (
        CommitteeMembership.objects.active()
        .filter(matching(terms, *person))
        .select_related("person__nation", "committee")[:10]
    ):
        hits.append(
            RecordHit(
                kind=_("Committee"),
                title=membership.person.full_name,
                url=_committee_url(committees, membership.committee),
                summary=f"{membership.committee.acronym} · {membership.get_role_display()} · "
                f"{membership.person.nation.name}",
            )
        )
    return hits
