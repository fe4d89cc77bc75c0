"""What every admin viewset shares: the rules decide each record, in every view of it.

- `RulesPermissionPolicy` asks `user.has_perm(permission, obj)` (accounts/rules.py and each
  app's rules.py) for each record, not only for the model.
- `admin_scope(model, request)` is the one answer to "which rows of this model may the user see
  in the admin": the snippet listing's rows (`get_queryset`, built on `visible_to(user)`), only
  for a user with a permission on the model. Choosers, bulk actions and the translation API
  show exactly these rows.
- `ScopedChooserViewSet` is the chooser of every snippet: it lists, and accepts, only the rows
  of `admin_scope`; it creates nothing (403).
- `ScopedObjectMixin` answers 403 for a record outside the user's scope, whatever the view.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views.snippets import SnippetViewSet

ACTIONS = ("view", "add", "change", "delete")


def forbidden(request):
    """A plain 403: Wagtail turns a raised PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


class RulesPermissionPolicy(ModelPermissionPolicy):
    """Ask the rules (accounts/rules.py) about each record, not only about the model."""

    def user_has_permission_for_instance(self, user, action, instance):
        return user.has_perm(get_permission_name(action, self.model), instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.filter(
            pk__in=[
                obj.pk
                for obj in super().instances_user_has_any_permission_for(user, actions)
                if self.user_has_any_permission_for_instance(user, actions, obj)
            ]
        )


def may_choose(model, user):
    """Return whether `user` may open the chooser of `model` at all."""
    viewset = model.snippet_viewset
    if getattr(viewset, "public_records", False):
        return user.has_perm("wagtailadmin.access_admin")
    return viewset.permission_policy.user_has_any_permission(user, ACTIONS)


def admin_scope(model, request):
    """Return the rows of `model` that `request.user` sees in the admin (none without a
    permission on the model). Records shown on the public site (`public_records` on the
    viewset: nations, committees) are open to every admin user."""
    viewset = model.snippet_viewset
    user = request.user
    if not may_choose(model, user):
        return model._default_manager.none()
    queryset = viewset.get_queryset(request)
    if queryset is None:
        queryset = model._default_manager.all()
    if getattr(viewset, "public_records", False):
        return queryset
    policy = viewset.permission_policy
    return queryset.filter(pk__in=policy.instances_user_has_any_permission_for(user, ACTIONS))


def valid_pks(model, values):
    """Return the values that are well-formed primary keys of `model` (others are dropped)."""
    pks = []
    for value in values:
        try:
            pks.append(model._meta.pk.to_python(unquote(str(value))))
        except ValidationError:
            continue
    return pks


class ScopedChooserMixin:
    """Refuse (403) a user without any permission on the model before anything is listed."""

    def dispatch(self, request, *args, **kwargs):
        if not may_choose(self.model_class, request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return admin_scope(self.model_class, self.request)


class ScopedChooseView(ScopedChooserMixin, chooser_views.ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooserMixin, chooser_views.ChooseResultsView):
    pass


class ScopedChosenView(ScopedChooserMixin, chooser_views.SnippetChosenView):
    def get(self, request, pk):
        pks = valid_pks(self.model_class, [pk])
        try:
            item = self.get_object_list().get(pk=pks[0]) if pks else None
        except ObjectDoesNotExist:
            item = None
        if item is None:
            return forbidden(request)
        return self.get_chosen_response(item)


class ScopedChosenMultipleView(ScopedChooserMixin, chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.get_object_list().filter(pk__in=valid_pks(self.model_class, pks))


class RefusedChooserCreateView(chooser_views.SnippetCreateView):
    """The choosers have no creation form: records are created on their own admin pages."""

    def dispatch(self, request, *args, **kwargs):
        return forbidden(request)


class ScopedChooserViewSet(chooser_views.SnippetChooserViewSet):
    """A snippet's chooser: the rows of `admin_scope`, nothing created."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = RefusedChooserCreateView


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets: refused (403) when it names a row the user does not
    see in the admin; deletes only the rows the rules let the user delete, each through the
    viewset's `delete_service`."""

    def check_perm(self, snippet):
        policy = snippet.snippet_viewset.permission_policy
        return policy.user_has_permission_for_instance(self.request.user, "delete", snippet)

    def dispatch(self, request, *args, **kwargs):
        self.get_actionable_objects()
        if self.outside_scope:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def scoped_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        candidates = [obj.pk for obj in objects + extra["items_with_no_access"]]
        visible = set(
            admin_scope(self.model, self.request)
            .filter(pk__in=candidates)
            .values_list("pk", flat=True)
        )
        self.outside_scope = bool(set(candidates) - visible)
        return (
            [obj for obj in objects if obj.pk in visible],
            {"items_with_no_access": [o for o in extra["items_with_no_access"] if o.pk in visible]},
        )

    def get_actionable_objects(self):
        return self.scoped_actionable_objects

    def prepare_action(self, objects, objects_without_access):
        # Wagtail answers "no permission" when a row still in use is among them: say why.
        if self.is_protected:
            messages.error(
                self.request, _("Some of these records are still in use: they cannot be deleted.")
            )
            return redirect(self.model.snippet_viewset.get_url_name("list"))
        return None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        """Delete each record through its viewset's `delete_service` (audited, refused with
        the reason when still in use), or Wagtail's way for a viewset without one."""
        delete = getattr(kwargs["self"].model.snippet_viewset, "delete_service", None)
        if delete is None:
            return super().execute_action(objects, user=user, **kwargs)
        for obj in objects:
            delete(obj, by=user)
        return len(objects), 0

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.model.snippet_viewset.get_url_name("list"))


class ScopedObjectMixin:
    """Answer 403 for a record outside the user's scope, whatever the URL asks of it."""

    scope_action = "view"

    def setup(self, request, *args, **kwargs):
        # Wagtail loads the record in setup(); check the scope first, answer in dispatch().
        self.request = request
        pk = kwargs.get(getattr(self, "pk_url_kwarg", "pk"))
        obj = None
        if pk is not None:
            pks = valid_pks(self.model, [pk])
            obj = self.model._default_manager.filter(pk__in=pks).first()
        self.out_of_scope = obj is not None and not self.in_scope(obj)
        if self.out_of_scope:
            self.args, self.kwargs = args, kwargs
            return
        super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if self.out_of_scope:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not self.in_scope(obj):
            raise PermissionDenied
        return obj

    def in_scope(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.scope_action, obj
        )


class ScopedSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset: its chooser shows the listing's rows only.

    Set `public_records = True` for records the public site shows (nations, committees): their
    chooser is then open to every admin user, since choosing one reveals nothing.
    """

    public_records = False
    chooser_viewset_class = ScopedChooserViewSet
    #: The service deleting one record (`fn(record, *, by)`), for the bulk delete.
    delete_service = None


class ServiceFormMixin:
    """A create or edit view whose service refuses with ValidationError: the form shows why."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)


class ServiceDeleteMixin:
    """A delete view whose `delete_action` calls a service that refuses with ValidationError
    (a row still in use): the reason is shown, nothing was deleted or recorded. The service,
    not Wagtail's reference index, decides what may be deleted."""

    def refused_url(self):
        return self.get_success_url()

    def form_valid(self, form):
        try:
            self.delete_action()
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.refused_url())
        messages.success(self.request, self.get_success_message())
        return self.run_after_hook() or redirect(self.get_success_url())
