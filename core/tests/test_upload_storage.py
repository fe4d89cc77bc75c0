"""An upload to a read-only or full media store gives the editor a form error, not a 500."""

import errno

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from accounts.tests.factories import UserFactory
from conftest import log_in_with_two_factor

pytestmark = pytest.mark.django_db


class ReadOnlyStorage(FileSystemStorage):
    """The media disk mounted read-only."""

    def save(self, name, content, max_length=None):
        raise OSError(errno.EROFS, "Read-only file system")


READ_ONLY = {
    "default": {"BACKEND": "core.tests.test_upload_storage.ReadOnlyStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def editor(client, homes):
    return log_in_with_two_factor(client, UserFactory(is_superuser=True, is_staff=True))


@override_settings(STORAGES=READ_ONLY)
def test_image_upload_to_read_only_media_is_a_form_error(editor):
    png = SimpleUploadedFile("congress.png", get_test_image_file().file.getvalue())

    response = editor.post(
        "/admin/images/add/",
        {"title": "Congress", "file": png, "collection": 1},
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors() == [
        "The file store cannot take files at the moment (full, read-only or unreachable): "
        "nothing was saved. Please try again later."
    ]
    assert get_image_model().objects.count() == 0


@override_settings(STORAGES=READ_ONLY)
def test_document_upload_to_read_only_media_is_a_form_error(editor):
    upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda", content_type="application/pdf")

    response = editor.post(
        "/admin/documents/add/", {"title": "Agenda", "file": upload, "collection": 1}
    )

    assert response.status_code == 200
    assert "The file store cannot take files at the moment" in response.content.decode()
    assert get_document_model().objects.count() == 0
