"""Admin upload forms that turn an unwritable media store into a form error.

Wagtail's image and document forms (settings WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE) check, before anything is saved, that the media storage takes
a file: a full or read-only disk, or an unreachable S3 bucket, gives the editor a message in
their language and changes nothing, instead of a server error.
"""

import logging
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

log = logging.getLogger("cior.unavailable")

STORAGE_UNWRITABLE = _(
    "The file store cannot take files at the moment (full, read-only or unreachable): nothing "
    "was saved. Please try again later."
)


def storage_errors() -> tuple[type[BaseException], ...]:
    """Return the exceptions a media storage raises when it cannot store a file."""
    errors: tuple[type[BaseException], ...] = (OSError,)
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:
        return errors
    return (*errors, BotoCoreError, ClientError)


def check_storage_writable(folder: str):
    """Store and remove an empty file in `folder`; raise ValidationError when it cannot."""
    try:
        name = default_storage.save(
            f"{folder}/.write-check-{secrets.token_hex(8)}", ContentFile(b"")
        )
        default_storage.delete(name)
    except storage_errors() as error:
        log.error("Media storage unwritable: %s: %s", type(error).__name__, error)
        raise ValidationError(STORAGE_UNWRITABLE, code="storage") from None


class StorageCheckedMixin:
    """Check the media storage in `clean()` when the form carries a file."""

    storage_folder = "uploads"

    def clean(self):
        cleaned = super().clean()
        if self.files and not self.errors:
            try:
                check_storage_writable(self.storage_folder)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class ImageForm(StorageCheckedMixin, BaseImageForm):
    storage_folder = "original_images"


class DocumentForm(StorageCheckedMixin, BaseDocumentForm):
    storage_folder = "documents"
