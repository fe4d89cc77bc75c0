"""Admin views of Wagtail's that the site answers itself, to fix what they get wrong."""

from wagtail.admin.forms.choosers import ExternalLinkChooserForm, URLOrAbsolutePathField
from wagtail.admin.views.chooser import ExternalLinkView


class RequiredURLOrAbsolutePathField(URLOrAbsolutePathField):
    """Wagtail's field reads a missing value as a path and fails (a 500): it is "required"."""

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        return super().to_python(value)


class LinkChooserForm(ExternalLinkChooserForm):
    url = RequiredURLOrAbsolutePathField(
        required=True, label=ExternalLinkChooserForm.base_fields["url"].label
    )


class ExternalLinkChooserView(ExternalLinkView):
    """The rich-text editor's "external link" step; a POST without a URL says it is required."""

    form_class = LinkChooserForm
