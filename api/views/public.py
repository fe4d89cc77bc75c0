"""The public read API: events, news, nations, committees, the presidency, MILCOMP results.

No authentication; a rate limit per address. Every list takes a fixed number of SQL queries
whatever its length (tests/test_public.py asserts it).
"""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from events.models import Event
from governance import queries as governance_queries
from governance.models import Committee
from milcomp import results
from milcomp.models import Competition
from nations.models import Nation
from news import queries as news_queries
from news import renditions
from news.models import ArticlePage

from .. import rankings, serializers
from ..filters import ArticleFilter, EventFilter
from .base import LANG_PARAMETER, ApiViewMixin, accepts_gzip, conditional

LANG = [LANG_PARAMETER]


def public_events():
    return (
        Event.objects.public()
        .select_related("host_nation", "parent")
        .prefetch_related(
            Prefetch(
                "sub_events",
                queryset=Event.objects.public().order_by("starts_on", "pk"),
                to_attr="public_sub_events",
            )
        )
        .order_by("starts_on", "pk")
    )


@extend_schema_view(get=extend_schema(parameters=LANG, summary="Events (public)"))
class EventList(ApiViewMixin, generics.ListAPIView):
    """Every public event (not drafts), soonest first; filter by kind, year, host nation."""

    serializer_class = serializers.EventSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilter

    def get_queryset(self):
        return public_events()


@extend_schema_view(get=extend_schema(parameters=LANG, summary="One event"))
class EventDetail(ApiViewMixin, generics.RetrieveAPIView):
    """An event with its programme, sub-events and registration types."""

    serializer_class = serializers.EventDetailSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return public_events().prefetch_related("programme", "registration_types")


def _locale():
    return Locale.objects.filter(language_code=translation.get_language()).first()


class ArticleQueryset:
    """Published articles in the language asked, newest first, with their cover's renditions
    (made at publication; never here)."""

    serializer_class = serializers.ArticleSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema, without a database
            return ArticlePage.objects.none()
        locale = _locale()
        if locale is None:
            return news_queries.published_articles(locale=0).none()
        return news_queries.published_articles(locale).prefetch_related(
            news_queries.renditions_of(
                [*renditions.CARD, *renditions.COVER], lookup="cover__renditions"
            )
        )


@extend_schema_view(get=extend_schema(parameters=LANG, summary="News articles"))
class ArticleList(ApiViewMixin, ArticleQueryset, generics.ListAPIView):
    """Published articles in the language asked, newest first, with the URLs of their cover's
    renditions."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter


@extend_schema_view(get=extend_schema(parameters=LANG, summary="One article"))
class ArticleDetail(ApiViewMixin, ArticleQueryset, generics.RetrieveAPIView):
    """An article by its id (the same in both languages)."""

    lookup_field = "translation_key"
    lookup_url_kwarg = "id"


def public_nations():
    return Nation.objects.active().select_related("association").order_by("code")


@extend_schema_view(get=extend_schema(parameters=LANG, summary="Member nations"))
class NationList(ApiViewMixin, generics.ListAPIView):
    """The member nations (active), with their association's public fields."""

    serializer_class = serializers.NationSerializer

    def get_queryset(self):
        return public_nations()


@extend_schema_view(get=extend_schema(parameters=LANG, summary="One nation"))
class NationDetail(ApiViewMixin, generics.RetrieveAPIView):
    serializer_class = serializers.NationSerializer
    lookup_field = "code"

    def get_object(self):
        return get_object_or_404(public_nations(), code=self.kwargs["code"].upper())


@extend_schema_view(get=extend_schema(parameters=LANG, summary="Committees"))
class CommitteeList(ApiViewMixin, generics.ListAPIView):
    """The standing committees."""

    serializer_class = serializers.CommitteeSerializer
    queryset = Committee.objects.order_by("sort_order", "acronym")


@extend_schema_view(get=extend_schema(parameters=LANG, summary="One committee and its members"))
class CommitteeDetail(ApiViewMixin, generics.RetrieveAPIView):
    """A committee with its chair, secretary and members by nation, as its public page."""

    serializer_class = serializers.CommitteeDetailSerializer
    lookup_field = "slug"
    queryset = Committee.objects.all()

    def get_object(self):
        committee = super().get_object()
        committee.team = governance_queries.committee_team(committee)
        return committee


class PresidencyView(ApiViewMixin, APIView):
    """The presidency shown on the site: the current term, its team and the past terms."""

    @extend_schema(
        parameters=LANG, responses=serializers.PresidencySerializer, summary="Presidency"
    )
    def get(self, request):
        presidency = governance_queries.presidency()
        return Response(serializers.PresidencySerializer(presidency).data)


@extend_schema_view(get=extend_schema(parameters=LANG, summary="MILCOMP competitions"))
class CompetitionList(ApiViewMixin, generics.ListAPIView):
    """MILCOMP competitions, newest first."""

    serializer_class = serializers.CompetitionSerializer
    queryset = Competition.objects.order_by("-year")


@extend_schema_view(get=extend_schema(parameters=LANG, summary="One MILCOMP competition"))
class CompetitionDetail(ApiViewMixin, generics.RetrieveAPIView):
    serializer_class = serializers.CompetitionSerializer
    lookup_field = "slug"
    queryset = Competition.objects.all()


class RankingsView(ApiViewMixin, APIView):
    """A competition's rankings from the live results cache, provisional or official.

    The ETag is the results version: an unchanged poll is a 304 without reading anything else.
    """

    max_age = 0

    @extend_schema(
        parameters=LANG,
        responses={
            200: serializers.RankingsSerializer,
            304: OpenApiResponse(description="Not modified"),
        },
        summary="Every ranking of a competition",
        operation_id="milcomp_rankings",
    )
    def get(self, request, slug):
        return self.answer(request, slug)

    def answer(self, request, slug, name=None, key=None):
        if name:
            rankings.check_ranking(name, key)
        pk = results.competition_pk(slug)  # the competition's row only when not cached
        version = rankings.version_of(pk)
        encoding = "gzip" if accepts_gzip(request) else ""
        etag = rankings.etag(pk, version, name, key, encoding)
        response = HttpResponse(status=200)
        response["ETag"] = etag
        not_modified = conditional(request, response)
        if not_modified.status_code == 304:
            return not_modified
        content = rankings.rankings_json(pk, version, name, key, encoding)
        response = HttpResponse(content, content_type="application/json")
        response["ETag"] = etag
        if encoding:
            response["Content-Encoding"] = encoding
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code in (200, 304):
            response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


class RankingView(RankingsView):
    @extend_schema(
        parameters=LANG,
        responses={
            200: serializers.RankingSerializer,
            304: OpenApiResponse(description="Not modified"),
        },
        summary="One ranking: overall, a category, a discipline, individual shooting, nation cup",
        operation_id="milcomp_ranking",
    )
    def get(self, request, slug, ranking, key=None):
        return self.answer(request, slug, ranking, key)


class RankingOfView(RankingView):
    @extend_schema(
        parameters=LANG,
        responses={
            200: serializers.RankingSerializer,
            304: OpenApiResponse(description="Not modified"),
        },
        summary="One ranking of a category or a discipline",
        operation_id="milcomp_ranking_of",
    )
    def get(self, request, slug, ranking, key=None):
        return self.answer(request, slug, ranking, key)
