import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.synctree import create_aliases_for_new_page

from conftest import log_in_with_two_factor
from core.models import Partner, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, seed_site):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    return log_in_with_two_factor(client, user)


def test_missing_french_report_lists_untranslated_records_and_pages(admin_client, seed_site):
    Partner.objects.create(acronym="NRFC2", name_en="Reserve forum", name_fr="")
    about = seed_site.pages["about"]["en"]
    page = about.add_child(instance=StandardPage(title="Only English", slug="only-english"))
    page.save_revision().publish()
    create_aliases_for_new_page(page)

    html = admin_client.get("/admin/reports/missing-french/").content.decode()

    assert "NRFC2 – Reserve forum" in html
    assert "Only English" in html
    assert "1 page without a French translation" in html
    assert "1 record with empty French fields" in html


def test_missing_french_report_is_empty_for_the_translated_seed(admin_client):
    html = admin_client.get("/admin/reports/missing-french/").content.decode()

    assert "0 pages without a French translation" in html
    assert "0 records with empty French fields" in html


def test_partners_are_edited_side_by_side_in_the_admin(admin_client):
    partner = Partner.objects.get(acronym="CIOMR")

    html = admin_client.get(f"/admin/snippets/core/partner/edit/{partner.pk}/").content.decode()

    assert 'name="name_en"' in html and 'name="name_fr"' in html
    assert partner.name_fr in html


def test_admin_requires_login(client, seed_site):
    response = client.get("/admin/reports/missing-french/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
