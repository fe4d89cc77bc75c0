"""What the API shows of each record, in the active language (modeltranslation's fields read
the asked language and fall back to English, as the site does)."""

from django.templatetags.static import static
from django.utils.translation import gettext as _
from rest_framework import serializers

from accounts.models import Person
from events.models import Event, ProgrammeItem, Registration, RegistrationType
from governance.models import Appointment, Committee, PresidencyTerm
from milcomp.models import Competition
from nations.models import Nation


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know (a typo must not pass silently)."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [serializers.ErrorDetail(str(_("Unknown field.")), "unknown")]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)


# --- Nations -----------------------------------------------------------------------------------


class AssociationSerializer(serializers.Serializer):
    name = serializers.CharField()
    website = serializers.URLField(allow_blank=True)


class NationSerializer(serializers.ModelSerializer):
    membership_label = serializers.CharField(source="get_membership_display")
    flag = serializers.SerializerMethodField()
    association = serializers.SerializerMethodField()

    class Meta:
        model = Nation
        fields = [
            "code",
            "name",
            "membership",
            "membership_label",
            "status",
            "joined_year",
            "flag",
            "association",
        ]

    def get_flag(self, nation) -> str | None:
        path = nation.flag_static_path
        return static(path) if path else None

    def get_association(self, nation) -> AssociationSerializer(allow_null=True):
        association = getattr(nation, "association", None)
        if association is None:
            return None
        return {"name": association.name, "website": association.website}


# --- People, as shown on public pages -----------------------------------------------------------


class PublicPersonSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="full_name")
    nation = serializers.CharField(source="nation.code", default=None, allow_null=True)

    class Meta:
        model = Person
        fields = ["name", "rank", "nato_code", "nation"]


# --- Events ---------------------------------------------------------------------------------------


class EventBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "slug", "title", "kind", "starts_on", "ends_on"]


class EventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")
    host_nation = serializers.CharField(source="host_nation.code", default=None, allow_null=True)
    dates = serializers.CharField(source="date_range")
    parent = EventBriefSerializer(allow_null=True)
    sub_events = EventBriefSerializer(many=True, source="public_sub_events")
    registration_open = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "title",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "summary",
            "host_nation",
            "city",
            "venue",
            "starts_on",
            "ends_on",
            "dates",
            "time_zone",
            "parent",
            "sub_events",
            "registration_open",
            "registration_opens_at",
            "registration_closes_at",
        ]

    def get_registration_open(self, event) -> bool:
        return event.registration_is_open()


class ProgrammeItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgrammeItem
        fields = ["starts_at", "ends_at", "title", "location"]


class RegistrationTypeSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = RegistrationType
        fields = ["kind", "label", "fee", "capacity"]


class EventDetailSerializer(EventSerializer):
    programme = ProgrammeItemSerializer(many=True)
    registration_types = RegistrationTypeSerializer(many=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "description", "programme", "registration_types"]


# --- News --------------------------------------------------------------------------------------


class RenditionSerializer(serializers.Serializer):
    spec = serializers.CharField()
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    title = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = RenditionSerializer(many=True)


class ArticleSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="translation_key", help_text="The same in both languages.")
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="The article's page on the site.")
    language = serializers.CharField(source="locale.language_code")
    date = serializers.DateField()
    category = serializers.CharField()
    category_label = serializers.CharField(source="get_category_display")
    byline = serializers.CharField()
    lead = serializers.CharField()
    cover = serializers.SerializerMethodField()

    def get_cover(self, article) -> ImageSerializer(allow_null=True):
        photo = article.cover
        if photo is None:
            return None
        renditions = sorted(
            getattr(photo, "prefetched_renditions", []), key=lambda r: (r.filter_spec, r.pk)
        )
        return {
            "title": photo.title,
            "caption": photo.caption,
            "credit": photo.credit,
            "width": photo.width,
            "height": photo.height,
            "renditions": [
                {"spec": r.filter_spec, "url": r.url, "width": r.width, "height": r.height}
                for r in renditions
            ],
        }


# --- Governance ----------------------------------------------------------------------------------


class CommitteeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Committee
        fields = ["slug", "acronym", "name", "summary", "main_product", "formed_year"]


class NationMembersSerializer(serializers.Serializer):
    nation = serializers.CharField(source="nation.code")
    nation_name = serializers.CharField(source="nation.name")
    members = PublicPersonSerializer(many=True, source="people")


class CommitteeDetailSerializer(CommitteeSerializer):
    description = serializers.CharField(help_text="HTML (rich text).")
    chair = PublicPersonSerializer(allow_null=True, source="team.chair.person", default=None)
    secretary = PublicPersonSerializer(
        allow_null=True, source="team.secretary.person", default=None
    )
    members_by_nation = NationMembersSerializer(many=True, source="team.by_nation")

    class Meta(CommitteeSerializer.Meta):
        fields = [
            *CommitteeSerializer.Meta.fields,
            "description",
            "chair",
            "secretary",
            "members_by_nation",
        ]


class TermSerializer(serializers.ModelSerializer):
    years = serializers.CharField()
    nation = serializers.CharField(source="nation.code")
    nation_name = serializers.CharField(source="nation.name")

    class Meta:
        model = PresidencyTerm
        fields = ["id", "nation", "nation_name", "starts_on", "ends_on", "years", "description"]


class AppointmentSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="card_title")
    person = PublicPersonSerializer()

    class Meta:
        model = Appointment
        fields = ["role", "portfolio", "title", "person"]


class PresidencySerializer(serializers.Serializer):
    term = TermSerializer(allow_null=True)
    team = AppointmentSerializer(many=True)
    past_terms = TermSerializer(many=True)


# --- MILCOMP --------------------------------------------------------------------------------------


class CompetitionSerializer(serializers.ModelSerializer):
    event = serializers.IntegerField(source="event_id", help_text="The event's id.")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Competition
        fields = ["slug", "year", "title", "status", "status_label", "event", "categories"]


class DisciplineStateSerializer(serializers.Serializer):
    discipline = serializers.CharField()
    label = serializers.CharField()
    state = serializers.ChoiceField(choices=["open", "provisional", "official"])
    official = serializers.BooleanField()
    published_at = serializers.DateTimeField(allow_null=True)
    official_at = serializers.DateTimeField(allow_null=True)
    protest_deadline = serializers.DateTimeField(allow_null=True)


class TeamRowSerializer(serializers.Serializer):
    place = serializers.IntegerField(allow_null=True, help_text="None: disqualified.")
    shared = serializers.BooleanField(help_text="The place is shared with another team.")
    team = serializers.CharField(help_text="The team's stable key.")
    name = serializers.CharField()
    nation = serializers.CharField(allow_null=True)
    category = serializers.CharField()
    disqualified = serializers.BooleanField()
    points = serializers.IntegerField(help_text="What the ranking is by.")
    total = serializers.IntegerField()
    disciplines = serializers.DictField(child=serializers.IntegerField())
    marks = serializers.DictField(child=serializers.CharField(), help_text="dns, dnf or dsq.")
    pending = serializers.ListField(child=serializers.CharField())


class MemberRowSerializer(serializers.Serializer):
    place = serializers.IntegerField()
    shared = serializers.BooleanField()
    member = serializers.CharField()
    name = serializers.CharField()
    team = serializers.CharField()
    nation = serializers.CharField()
    points = serializers.IntegerField()
    rifle_precision_rings = serializers.IntegerField()
    pistol_precision_rings = serializers.IntegerField()


class NationRowSerializer(serializers.Serializer):
    place = serializers.IntegerField()
    shared = serializers.BooleanField()
    nation = serializers.CharField()
    points = serializers.IntegerField()
    teams = serializers.ListField(child=serializers.CharField())


class RankingSerializer(serializers.Serializer):
    ranking = serializers.CharField(help_text="overall, category, discipline, ...")
    key = serializers.CharField(allow_null=True, help_text="The category or discipline.")
    title = serializers.CharField()
    official = serializers.BooleanField(help_text="Every discipline it counts is official.")
    states = DisciplineStateSerializer(many=True)
    rows = serializers.ListField(child=serializers.DictField())


class RankingsSerializer(serializers.Serializer):
    competition = CompetitionSerializer()
    version = serializers.IntegerField(help_text="Moves on whenever a result changes.")
    official = serializers.BooleanField()
    computed_at = serializers.DateTimeField()
    rankings = RankingSerializer(many=True)


# --- A nation's own data (token) ------------------------------------------------------------------


class PersonSerializer(serializers.ModelSerializer):
    nation = serializers.CharField(source="nation.code")

    class Meta:
        model = Person
        fields = [
            "id",
            "first_name",
            "last_name",
            "rank",
            "nato_code",
            "nation",
            "service",
            "sex",
            "email",
            "preferred_language",
        ]


class RegistrationSerializer(serializers.ModelSerializer):
    reference = serializers.CharField()
    event = serializers.CharField(source="event.slug")
    registration_type = serializers.CharField(source="registration_type.kind")
    person = PersonSerializer()
    nation = serializers.CharField(source="nation.code")
    state_label = serializers.CharField(source="get_state_display")

    class Meta:
        model = Registration
        fields = [
            "id",
            "reference",
            "event",
            "registration_type",
            "person",
            "nation",
            "state",
            "state_label",
            "submitted_at",
            "fee",
            "arrival_date",
            "departure_date",
            "accommodation",
            "diet",
        ]


class NewPersonSerializer(StrictSerializer):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    rank = serializers.CharField(max_length=100, required=False, allow_blank=True)
    nato_code = serializers.CharField(max_length=5, required=False, allow_blank=True)
    sex = serializers.ChoiceField(choices=Person.Sex.choices, required=False)
    email = serializers.EmailField(required=False, allow_blank=True)
    preferred_language = serializers.ChoiceField(choices=["en", "fr"], required=False)


class RegistrationEntrySerializer(StrictSerializer):
    person = serializers.IntegerField(
        min_value=1,
        max_value=2**53,  # beyond any id; keeps a huge number away from the database
        required=False,
        help_text="The id of a person of your nation (see /nation/people/).",
    )
    new_person = NewPersonSerializer(required=False, help_text="Or a person to add.")
    registration_type = serializers.ChoiceField(choices=RegistrationType.Kind.choices)
    discount_code = serializers.CharField(max_length=30, required=False, allow_blank=True)
    arrival_date = serializers.DateField(required=False, allow_null=True)
    departure_date = serializers.DateField(required=False, allow_null=True)
    accommodation = serializers.ChoiceField(
        choices=Registration.Accommodation.choices, required=False
    )
    room_shared_with = serializers.CharField(max_length=200, required=False, allow_blank=True)
    diet = serializers.ChoiceField(choices=Registration.Diet.choices, required=False)
    dietary_notes = serializers.CharField(max_length=300, required=False, allow_blank=True)
    accessibility_needs = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def validate(self, attrs):
        if ("person" in attrs) == ("new_person" in attrs):
            raise serializers.ValidationError(_("Give either person or new_person."))
        return attrs


class RegistrationBatchSerializer(StrictSerializer):
    registrations = RegistrationEntrySerializer(many=True, allow_empty=False, max_length=100)
