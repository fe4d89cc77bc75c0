"""A nation's own data, with one of its API tokens (`Authorization: Bearer <key>`).

Everything is scoped to the token's nation: a person or registration of another nation is
"not found", whoever asks. The token acts as the head of delegation who created it, so each
call also asks the same rules as the delegation pages (`events.register_for_nation`), and
registering goes through the same services (api.services.register_batch →
events.services.register).
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, permissions, status
from rest_framework import serializers as drf
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Person
from events.models import Event, Registration, RegistrationType

from .. import serializers, services
from ..authentication import NationTokenAuthentication
from ..models import ApiToken
from .base import ApiViewMixin


class HasNationToken(permissions.BasePermission):
    """A valid token whose creator may still register for its nation (the site's rules)."""

    def has_permission(self, request, view):
        token = request.auth
        if not isinstance(token, ApiToken):
            return False
        return request.user.has_perm("events.register_for_nation", token.nation)


class NationViewMixin(ApiViewMixin):
    authentication_classes = [NationTokenAuthentication]
    permission_classes = [HasNationToken]
    private = True

    @property
    def nation(self):
        return self.request.auth.nation


class NationSummary(drf.Serializer):
    code = drf.CharField()
    name = drf.CharField()
    token = drf.CharField()
    token_expires_at = drf.DateTimeField()


class NationView(NationViewMixin, APIView):
    """The nation the token belongs to."""

    @extend_schema(responses=NationSummary, summary="The token's nation")
    def get(self, request):
        token = request.auth
        return Response(
            {
                "code": self.nation.code,
                "name": self.nation.name,
                "token": token.name,
                "token_expires_at": token.expires_at,
            }
        )


@extend_schema_view(get=extend_schema(summary="The nation's people"))
class PersonList(NationViewMixin, generics.ListAPIView):
    """The people of the token's nation."""

    serializer_class = serializers.PersonSerializer

    def get_queryset(self):
        return (
            Person.objects.visible_to(self.request.user)
            .filter(nation=self.nation)
            .select_related("nation")
            .order_by("last_name", "first_name", "pk")
        )


class PersonDetail(PersonList, generics.RetrieveAPIView):
    @extend_schema(summary="One person of the nation", operation_id="nation_person")
    def get(self, request, *args, **kwargs):
        return self.retrieve(request, *args, **kwargs)


EVENT_PARAMETER = OpenApiParameter("event", str, description="Only this event's (its slug).")


def nation_registrations(user, nation):
    return (
        Registration.objects.visible_to(user)
        .filter(nation=nation)
        .select_related("event", "registration_type", "person__nation", "nation")
        .order_by("event__starts_on", "submitted_at", "pk")
    )


class RegistrationList(NationViewMixin, generics.ListAPIView):
    """The registrations of the token's nation, for every event or one (`?event=<slug>`)."""

    serializer_class = serializers.RegistrationSerializer

    @extend_schema(parameters=[EVENT_PARAMETER], summary="The nation's registrations")
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        registrations = nation_registrations(self.request.user, self.nation)
        event = self.request.query_params.get("event")
        if event:
            registrations = registrations.filter(event__slug=event)
        return registrations


class RegistrationDetail(NationViewMixin, generics.RetrieveAPIView):
    serializer_class = serializers.RegistrationSerializer

    @extend_schema(summary="One registration of the nation")
    def get(self, request, *args, **kwargs):
        return self.retrieve(request, *args, **kwargs)

    def get_queryset(self):
        return nation_registrations(self.request.user, self.nation)


class RegistrationBatchResult(drf.Serializer):
    registrations = serializers.RegistrationSerializer(many=True)


class Register(NationViewMixin, APIView):
    """Register people of the nation for an event: all of the batch, or none.

    The same rules as the delegation pages: registration open, quotas and capacity (what does
    not fit goes to the waiting list, in order), one live registration per person, discount
    codes of the nation only.
    """

    @extend_schema(
        request=serializers.RegistrationBatchSerializer,
        responses={201: RegistrationBatchResult},
        summary="Register people for an event (a batch, all or nothing)",
    )
    def post(self, request, slug):
        event = get_object_or_404(Event.objects.public(), slug=slug)
        batch = serializers.RegistrationBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        entries = self._entries(event, batch.validated_data["registrations"])
        try:
            done = services.register_batch(event, self.nation, entries, by=request.user)
        except services.BatchRefused as refused:
            raise exceptions.ValidationError(
                {"registrations": {str(refused.index): refused.messages}}
            ) from refused
        for registration in done:
            registration.person.nation = self.nation
        data = {"registrations": serializers.RegistrationSerializer(done, many=True).data}
        return Response(data, status=status.HTTP_201_CREATED)

    def _entries(self, event, items) -> list[services.Entry]:
        """Resolve each item's person (of the token's nation only) and registration type."""
        types = {t.kind: t for t in RegistrationType.objects.filter(event=event)}
        wanted = {item["person"] for item in items if "person" in item}
        people = {
            p.pk: p
            for p in Person.objects.visible_to(self.request.user).filter(
                nation=self.nation, pk__in=wanted
            )
        }
        entries, errors = [], {}
        for index, item in enumerate(items):
            item = dict(item)
            problems = {}
            person = None
            if "person" in item:
                person = people.get(item.pop("person"))
                if person is None:
                    problems["person"] = [_("No person of your nation has this id.")]
            registration_type = types.get(item.pop("registration_type"))
            if registration_type is None:
                problems["registration_type"] = [_("This event has no registration of this type.")]
            if problems:
                errors[str(index)] = problems
                continue
            new_person = item.pop("new_person", None)
            discount_code = item.pop("discount_code", "")
            item.setdefault("accommodation", Registration.Accommodation.NONE)
            entries.append(
                services.Entry(
                    registration_type=registration_type,
                    person=person,
                    new_person=new_person,
                    discount_code=discount_code,
                    details=item,
                )
            )
        if errors:
            raise exceptions.ValidationError({"registrations": errors})
        return entries
