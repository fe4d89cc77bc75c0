"""The admin home's panels (construct_homepage_panels): what waits for the Presidency, the
editors and the treasurer, each panel shown only to the roles it concerns, in their language."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.users.models import UserProfile

from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from conftest import translate
from core.models import StandardPage
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory
from governance.models import CouncilMeeting
from governance.tests.factories import CouncilMeetingFactory, MotionFactory
from nations.tests.factories import NationFactory, make_invoice

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
NBSP = "\u00a0"
TODAY = datetime.date.today()


def text_of(response):
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


def admin_home(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response


def congress(number, *, submitted=3):
    event = EventFactory(
        title_en=f"Summer Congress {number}",
        title_fr=f"Congrès d'été {number}",
        starts_on=TODAY + datetime.timedelta(days=60 + number),
        ends_on=TODAY + datetime.timedelta(days=63 + number),
    )
    for _ in range(submitted):
        RegistrationFactory(event=event)
    return event


@pytest.fixture
def waiting(homes):
    """One of each thing that waits: registrations, open motions, arrears, missing French."""
    event = congress(2027)
    RegistrationFactory(event=event, state=Registration.State.CONFIRMED)
    past = EventFactory(
        title_en="Mid-Winter 2020",
        starts_on=TODAY - datetime.timedelta(days=400),
        ends_on=TODAY - datetime.timedelta(days=398),
    )
    RegistrationFactory(event=past)

    meeting = CouncilMeetingFactory(
        title_en="Mid-Winter Meeting 2027",
        title_fr="Réunion de mi-hiver 2027",
        starts_on=TODAY + datetime.timedelta(days=40),
        ends_on=TODAY + datetime.timedelta(days=42),
        status=CouncilMeeting.Status.OPEN,
    )
    MotionFactory(meeting=meeting, number=1, text_en="Admit Malta.", text_fr="Admettre Malte.")
    MotionFactory(meeting=meeting, number=2, text_en="Approve the accounts.", status="draft")

    latvia = NationFactory(code="LVA", name_en="Latvia", name_fr="Lettonie")
    lithuania = NationFactory(code="LTU", name_en="Lithuania", name_fr="Lituanie")
    make_invoice(latvia, TODAY.year - 1, "1000", due_on=datetime.date(TODAY.year - 1, 3, 1))
    make_invoice(
        lithuania, TODAY.year - 1, "1000", due_on=datetime.date(TODAY.year - 1, 3, 1), paid="1000"
    )
    make_invoice(
        lithuania, TODAY.year, "1500", due_on=TODAY + datetime.timedelta(days=30), paid="500"
    )

    untranslated = StandardPage(title="Statutes", slug="statutes")
    homes["en"].add_child(instance=untranslated)
    untranslated.save_revision().publish()
    changed = StandardPage(title="History", slug="history")
    homes["en"].add_child(instance=changed)
    changed.save_revision().publish()
    translate(changed, title="Histoire", slug="histoire")
    changed.save_revision().publish()  # The English changed after the French was published.
    return {"event": event, "meeting": meeting, "latvia": latvia}


def test_presidency_sees_what_waits_in_english(client, waiting):
    presidency = staff_user(Role.PRESIDENCY)

    response = admin_home(client, presidency, "en")
    page = text_of(response)

    assert "Registrations to confirm" in page
    assert "Summer Congress 2027" in page and "3 registrations" in page
    assert "Mid-Winter 2020" not in page
    assert f"?event={waiting['event'].pk}&amp;state=submitted" in response.content.decode()
    assert "Council: open votes" in page
    assert "Next meeting: Mid-Winter Meeting 2027" in page
    assert "Motion 1: Admit Malta." in page
    assert "Approve the accounts." not in page
    assert "Nations in arrears Latvia Their invoices" in page
    assert "1 page without a French translation Statutes 1 page changed" in page
    assert "1 page changed since its French translation History" in page


def test_presidency_sees_what_waits_in_french(client, waiting):
    presidency = staff_user(Role.PRESIDENCY)

    page = text_of(admin_home(client, presidency, "fr"))

    assert "Inscriptions à confirmer" in page
    assert "Congrès d'été 2027" in page and "3 inscriptions" in page
    assert "Conseil : votes ouverts" in page
    assert "Prochaine réunion : Réunion de mi-hiver 2027" in page
    assert "Motion 1 : Admettre Malte." in page
    assert "Nations en retard de paiement Lettonie" in page
    assert "1 page sans traduction française Statutes" in page


def test_treasurer_sees_arrears_and_invoice_totals_in_english(client, waiting):
    treasurer = staff_user(Role.TREASURER)

    page = text_of(admin_home(client, treasurer, "en"))

    assert "Nations in arrears Latvia" in page
    assert "Paid 1 1,000.00 EUR 1,000.00 EUR 0.00 EUR" in page
    assert "Partly paid 1 1,500.00 EUR 500.00 EUR 1,000.00 EUR" in page
    assert "Overdue 1 1,000.00 EUR 0.00 EUR 1,000.00 EUR" in page
    assert "Total (cancelled invoices left out) 3 3,500.00 EUR 1,500.00 EUR 2,000.00 EUR" in page
    assert "Registrations to confirm" not in page
    assert "Council: open votes" not in page
    assert "French to write" not in page


def test_treasurer_sees_invoice_totals_in_french(client, waiting):
    treasurer = staff_user(Role.TREASURER)

    page = text_of(admin_home(client, treasurer, "fr"))

    assert "Nations en retard de paiement Lettonie" in page
    assert "Partiellement payée 1 1 500,00 EUR 500,00 EUR 1 000,00 EUR" in page
    assert "Total (hors factures annulées) 3 3 500,00 EUR 1 500,00 EUR 2 000,00 EUR" in page


def test_editor_sees_only_the_missing_french(client, waiting):
    editor = staff_user(Role.EDITOR)
    editor.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    statutes = Page.objects.get(slug="statutes")

    response = admin_home(client, editor, "en")
    english = text_of(response)
    french = text_of(admin_home(client, editor, "fr"))

    assert "1 page without a French translation Statutes · Translate this page" in english
    assert f"/admin/localize/submit/page/{statutes.pk}/" in response.content.decode()
    assert "Registrations to confirm" not in english and "Latvia" not in english
    assert "Admit Malta." not in english
    assert "1 page sans traduction française Statutes · Traduire cette page" in french
    assert "1 page modifiée depuis sa traduction française History" in french


def test_panels_say_plainly_when_nothing_waits(client, homes):
    presidency = staff_user(Role.PRESIDENCY)

    page = text_of(admin_home(client, presidency, "en"))

    assert "Nothing to confirm: no registration for an upcoming event waits" in page
    assert "No Council meeting is planned." in page
    assert "Nothing to vote on: no motion is open for voting." in page
    assert "No nation is in arrears." in page
    assert "No invoice has been issued yet." in page
    assert "Nothing to translate: every page has an up-to-date French translation." in page


@pytest.mark.parametrize("role", [Role.HEAD_OF_DELEGATION, Role.NATIONAL_STAFF])
def test_nation_roles_see_none_of_the_panels(client, waiting, role):
    user = staff_user(role, nation=waiting["latvia"])

    page = text_of(admin_home(client, user, "en"))

    for text in [
        "Registrations to confirm",
        "Summer Congress 2027",
        "Council: open votes",
        "Admit Malta.",
        "Nations in arrears",
        "Latvia",
        "EUR",
        "French to write",
        "Statutes",
    ]:
        assert text not in page


def test_admin_home_queries_do_not_grow_with_the_rows(
    client, waiting, django_assert_max_num_queries
):
    presidency = staff_user(Role.PRESIDENCY)
    admin_home(client, presidency, "en")  # Warm the caches (site, roles, content types).
    # 28 queries measured, Wagtail's own panels included; ours add a fixed number each.
    with django_assert_max_num_queries(30), CaptureQueriesContext(connection) as few:
        client.get("/admin/")

    for number in range(2028, 2032):
        congress(number)
        MotionFactory(meeting=waiting["meeting"], number=number, text_en=f"Motion {number}.")
        late = NationFactory()
        make_invoice(late, TODAY.year - 1, "800", due_on=datetime.date(TODAY.year - 1, 3, 1))
    with django_assert_max_num_queries(len(few)) as many:
        page = text_of(client.get("/admin/"))

    assert "Summer Congress 2031" in page and "Motion 2031." in page
    assert len(many) == len(few)
