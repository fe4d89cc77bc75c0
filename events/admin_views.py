"""Admin views and forms of the events back-office (the presidency's).

- `EventAdminForm`: refuses to delete a registration type that has registrations.
- Event create/edit/delete views: `services.create_event`, `save_event` (which fills raised
  capacities from the waiting lists) and `delete_event` (which refuses, with the reason, an
  event that has registrations or is still in use).
- The quota grid: nations × registration types of one event, saved by `services.save_quotas`.
- Confirm / reject / cancel one registration (`services.confirm`, `reject`, `cancel`).

Every write, and its audit entry, is the service's; these views validate and report.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.forms.formsets import DELETION_FIELD_NAME
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets as snippet_views

from accounts.viewsets import ServiceDeleteMixin, ServiceFormMixin
from nations.models import Nation

from . import services
from .models import Event, Quota, Registration

REGISTRATIONS = "wagtailsnippets_events_registration"
EVENTS = "wagtailsnippets_events_event"
QUOTAS = "events_quotas"

EXPORTS = [
    ("events_export_participants", gettext_lazy("Participants")),
    ("events_export_rooms", gettext_lazy("Room list")),
    ("events_export_needs", gettext_lazy("Dietary and accessibility needs")),
]


def export_buttons(event, *, priority=40, query=""):
    """Return header buttons downloading the event's exports (XLSX and CSV)."""
    buttons = []
    for offset, (name, label) in enumerate(EXPORTS):
        for fmt in ("xlsx", "csv"):
            url = reverse(name, kwargs={"event": event.slug, "fmt": fmt})
            buttons.append(
                Button(
                    f"{label} ({fmt.upper()})",
                    url=url + (f"?{query}" if query else ""),
                    icon_name="download",
                    priority=priority + offset,
                )
            )
    return buttons


def _may_manage_events(user):
    return user.has_perm("events.change_event")


# --- Events -----------------------------------------------------------------------------------


class EventAdminForm(WagtailAdminModelForm):
    """The event form: a registration type that has registrations cannot be deleted."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("registration_types")
        if formset is None:
            return cleaned_data
        deleted = {}
        for form in formset.forms:
            if form.instance.pk and form.is_valid() and form.cleaned_data.get(DELETION_FIELD_NAME):
                deleted[form.instance.pk] = form
        if deleted:
            used = dict(
                Registration.objects.filter(registration_type_id__in=deleted)
                .values_list("registration_type_id")
                .annotate(n=Count("pk"))
                .values_list("registration_type_id", "n")
            )
            for pk, count in used.items():
                message = ngettext(
                    "The registration type “%(type)s” has %(count)s registration: it cannot be "
                    "deleted. Cancel or move the registration first.",
                    "The registration type “%(type)s” has %(count)s registrations: it cannot be "
                    "deleted. Cancel or move the registrations first.",
                    count,
                ) % {"type": deleted[pk].instance, "count": count}
                deleted[pk].add_error(None, message)
                self.add_error(None, message)
        return cleaned_data


def tell_promoted(request, promoted):
    """Say how many waiting registrations took a place."""
    if promoted:
        messages.info(
            request,
            ngettext(
                "%(count)s waiting registration was given a place.",
                "%(count)s waiting registrations were given a place.",
                len(promoted),
            )
            % {"count": len(promoted)},
        )


class EventCreateView(ServiceFormMixin, snippet_views.CreateView):
    """Save the event through `services.create_event` (audited)."""

    def save_instance(self):
        return services.create_event(self.form.save(commit=False), by=self.request.user)


class EventEditView(ServiceFormMixin, snippet_views.EditView):
    """Save the event through `services.save_event` (audited; raised capacities filled from
    the waiting lists)."""

    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        event = self.form.save(commit=False)
        tell_promoted(self.request, services.save_event(event, by=self.request.user))
        return event

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.registration_types.exists():
            buttons.append(
                Button(
                    _("Quotas"),
                    url=reverse(f"{QUOTAS}:grid", args=[self.object.pk]),
                    icon_name="table",
                    priority=30,
                )
            )
        buttons.append(
            Button(
                _("Registrations"),
                url=reverse(f"{REGISTRATIONS}:list") + f"?event={self.object.pk}",
                icon_name="user",
                priority=31,
            )
        )
        return buttons + export_buttons(self.object)


def deletion_is_protected(objects) -> bool:
    """Whether deleting the objects would hit a protected row (a MILCOMP competition, ...)."""
    try:
        Collector(using="default").collect(list(objects))
    except (ProtectedError, RestrictedError):
        return True
    return False


class EventDeleteView(ServiceDeleteMixin, snippet_views.DeleteView):
    """Delete through `services.delete_event`, which refuses, with the reason, an event that has
    registrations (they are kept) or is still in use; nothing is then deleted or recorded."""

    def delete_action(self):
        services.delete_event(self.object, by=self.request.user)

    def refused_url(self):
        return reverse(f"{EVENTS}:edit", args=[self.object.pk])


# --- Quotas -----------------------------------------------------------------------------------


class QuotaGridForm(forms.Form):
    """One number per nation and registration type; empty means no nation limit."""

    def __init__(self, *args, nations, types, quotas, **kwargs):
        super().__init__(*args, **kwargs)
        self.nations, self.types, self.quotas = nations, types, quotas
        for nation in nations:
            for registration_type in types:
                self.fields[self._name(nation, registration_type)] = forms.IntegerField(
                    label=f"{nation.code} – {registration_type}",
                    min_value=0,
                    max_value=100000,
                    required=False,
                    initial=quotas.get((nation.pk, registration_type.pk)),
                    widget=forms.NumberInput(
                        attrs={
                            "min": 0,
                            "class": "quota-input",
                            "aria-label": f"{nation.code} – {registration_type}",
                        }
                    ),
                )

    @staticmethod
    def _name(nation, registration_type):
        return f"q_{nation.pk}_{registration_type.pk}"

    def rows(self):
        """Yield (nation, [bound fields in the types' order])."""
        for nation in self.nations:
            yield nation, [self[self._name(nation, t)] for t in self.types]

    def changes(self):
        """Return {(nation, type): (old, new)} for each quota changed."""
        result = {}
        for nation in self.nations:
            for registration_type in self.types:
                old = self.quotas.get((nation.pk, registration_type.pk))
                new = self.cleaned_data.get(self._name(nation, registration_type))
                if old != new:
                    result[(nation, registration_type)] = (old, new)
        return result


def quota_events(request):
    """List the events that have registration types, each with a link to its quota grid."""
    if not request.user.has_perm("events.change_quota"):
        raise PermissionDenied
    events = (
        Event.objects.filter(registration_types__isnull=False)
        .annotate(types=Count("registration_types", distinct=True))
        .select_related("host_nation")
        .order_by("-starts_on", "pk")
    )
    return TemplateResponse(request, "events/admin/quota_events.html", {"events": events})


def quota_grid(request, pk):
    """Edit the quotas of one event: a row per nation, a column per registration type."""
    if not request.user.has_perm("events.change_quota"):
        raise PermissionDenied
    event = get_object_or_404(Event, pk=pk)
    types = list(event.registration_types.all())
    quotas = {
        (quota.nation_id, quota.registration_type_id): quota.places
        for quota in Quota.objects.filter(registration_type__event=event)
    }
    quota_nations = {nation_id for nation_id, _type in quotas}
    nations = list(Nation.objects.filter(pk__in=quota_nations) | Nation.objects.active())
    nations.sort(key=lambda nation: nation.code)
    form = QuotaGridForm(request.POST or None, nations=nations, types=types, quotas=quotas)
    if request.method == "POST":
        if form.is_valid():
            changes = form.changes()
            places = {key: new for key, (_old, new) in changes.items()}
            try:
                tell_promoted(request, services.save_quotas(event, places, by=request.user))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    ngettext("%(count)s quota changed.", "%(count)s quotas changed.", len(changes))
                    % {"count": len(changes)},
                )
                return redirect(reverse(f"{QUOTAS}:grid", args=[event.pk]))
        else:
            messages.error(request, _("The quotas could not be saved: correct the errors."))
    held = {
        (row["nation_id"], row["registration_type_id"]): row["n"]
        for row in Registration.objects.holding_a_place()
        .filter(event=event)
        .values("nation_id", "registration_type_id")
        .annotate(n=Count("pk"))
    }
    return TemplateResponse(
        request,
        "events/admin/quota_grid.html",
        {
            "event": event,
            "types": types,
            "form": form,
            "rows": [
                (
                    nation,
                    [
                        (field, held.get((nation.pk, t.pk), 0))
                        for field, t in zip(fields, types, strict=True)
                    ],
                )
                for nation, fields in form.rows()
            ],
            "edit_url": reverse(f"{EVENTS}:edit", args=[event.pk]),
        },
    )


# --- Registrations: confirm, reject, cancel ------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Sent to the registrant and kept in the history."),
    )


class ConfirmForm(forms.Form):
    pass


class RegistrationActionView(WagtailAdminTemplateMixin, FormView):
    """Ask for a confirmation (and a reason), then change the registration's state."""

    template_name = "events/admin/registration_action.html"
    header_icon = "user"
    form_class = ReasonForm
    action = None
    submit_label = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.manage_registrations"):
            raise PermissionDenied
        self.registration = get_object_or_404(
            Registration.objects.select_related("person", "nation", "event", "registration_type"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.registration)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.registration,
            submit_label=self.submit_label,
            cancel_url=reverse(f"{REGISTRATIONS}:list"),
        )
        return context

    def form_valid(self, form):
        try:
            self.perform(form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return redirect(
            get_valid_next_url_from_request(self.request) or reverse(f"{REGISTRATIONS}:list")
        )

    def success_message(self):
        self.registration.refresh_from_db(fields=["state"])
        return _("%(registration)s: %(state)s.") % {
            "registration": self.registration,
            "state": self.registration.get_state_display(),
        }


class ConfirmRegistrationView(RegistrationActionView):
    form_class = ConfirmForm
    page_title = gettext_lazy("Confirm the registration")
    submit_label = gettext_lazy("Confirm")

    def perform(self, data):
        services.confirm(self.registration, by=self.request.user)


class RejectRegistrationView(RegistrationActionView):
    page_title = gettext_lazy("Reject the registration")
    submit_label = gettext_lazy("Reject")

    def perform(self, data):
        services.reject(self.registration, by=self.request.user, reason=data["reason"])


class CancelRegistrationView(RegistrationActionView):
    page_title = gettext_lazy("Cancel the registration")
    submit_label = gettext_lazy("Cancel the registration")

    def perform(self, data):
        services.cancel(self.registration, by=self.request.user, reason=data["reason"])


def registration_actions(registration):
    """Return (label, url name, icon) of the state changes open to a registration."""
    State = Registration.State
    actions = []
    if registration.state == State.SUBMITTED:
        actions.append((_("Confirm"), "confirm", "check"))
    if registration.state in (State.SUBMITTED, State.WAITING):
        actions.append((_("Reject"), "reject", "cross"))
    if registration.state in Registration.ACTIVE:
        actions.append((_("Cancel"), "cancel", "bin"))
    return actions


def action_buttons(registration):
    """Return the header buttons changing the registration's state."""
    return [
        Button(
            label,
            url=reverse(f"{REGISTRATIONS}:{name}", args=[registration.pk]),
            icon_name=icon,
            priority=priority,
        )
        for priority, (label, name, icon) in enumerate(registration_actions(registration), 30)
    ]


class RegistrationInspectView(snippet_views.InspectView):
    @property
    def header_more_buttons(self):
        return super().header_more_buttons + action_buttons(self.object)


class RegistrationEditView(snippet_views.EditView):
    """Edit the stay, diet and passport details through `services.update_details`."""

    def save_instance(self):
        details = {name: self.form.cleaned_data[name] for name in services.DETAIL_FIELDS}
        self.has_content_changes = self.form.has_changed()
        with transaction.atomic():
            registration = services.update_details(self.object, by=self.request.user, **details)
            return services.set_attendance(
                registration, attended=self.form.cleaned_data["attended"], by=self.request.user
            )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)

    @property
    def header_more_buttons(self):
        return super().header_more_buttons + action_buttons(self.object)
