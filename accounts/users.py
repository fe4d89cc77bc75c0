"""The Wagtail admin's user forms, with the person an account belongs to."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Person

PERSON_HELP = _(
    "The person this account belongs to: their roles (head of delegation, national staff...) "
    "come with it."
)


def _person_field():
    return forms.ModelChoiceField(
        queryset=Person.objects.select_related("nation").order_by("last_name", "first_name"),
        required=False,
        label=_("Person"),
        help_text=PERSON_HELP,
    )


class AccountCreationForm(UserCreationForm):
    person = _person_field()

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"person"}


class AccountEditForm(UserEditForm):
    person = _person_field()

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"person"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm
