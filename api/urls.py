"""/api/v1/: the public read API, a nation's own data (token), the schema and its docs."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import problems
from .views import docs, nation, open_data, public

urlpatterns = [
    # First: the rankings are what clients poll (each pattern tried before costs a match).
    path(
        "milcomp/competitions/<slug:slug>/rankings/",
        public.RankingsView.as_view(),
        name="api_rankings",
    ),
    path(
        "milcomp/competitions/<slug:slug>/rankings/<str:ranking>/",
        public.RankingView.as_view(),
        name="api_ranking",
    ),
    path(
        "milcomp/competitions/<slug:slug>/rankings/<str:ranking>/<str:key>/",
        public.RankingOfView.as_view(),
        name="api_ranking_of",
    ),
    path("events/", public.EventList.as_view(), name="api_events"),
    path("events/<slug:slug>/", public.EventDetail.as_view(), name="api_event"),
    path("news/", public.ArticleList.as_view(), name="api_news"),
    path("news/<uuid:id>/", public.ArticleDetail.as_view(), name="api_article"),
    path("nations/", public.NationList.as_view(), name="api_nations"),
    path("nations/<str:code>/", public.NationDetail.as_view(), name="api_nation"),
    path("committees/", public.CommitteeList.as_view(), name="api_committees"),
    path("committees/<slug:slug>/", public.CommitteeDetail.as_view(), name="api_committee"),
    path("presidency/", public.PresidencyView.as_view(), name="api_presidency"),
    path("milcomp/competitions/", public.CompetitionList.as_view(), name="api_competitions"),
    path(
        "milcomp/competitions/<slug:slug>/",
        public.CompetitionDetail.as_view(),
        name="api_competition",
    ),
    # A nation's own data, with one of its tokens.
    path("nation/", nation.NationView.as_view(), name="api_nation_self"),
    path("nation/people/", nation.PersonList.as_view(), name="api_nation_people"),
    path("nation/people/<int:pk>/", nation.PersonDetail.as_view(), name="api_nation_person"),
    path(
        "nation/registrations/",
        nation.RegistrationList.as_view(),
        name="api_nation_registrations",
    ),
    path(
        "nation/registrations/<int:pk>/",
        nation.RegistrationDetail.as_view(),
        name="api_nation_registration",
    ),
    path(
        "nation/events/<slug:slug>/registrations/",
        nation.Register.as_view(),
        name="api_nation_register",
    ),
    # Open data (CC BY 4.0).
    path("open-data/events.<str:fmt>", open_data.EventsDownload.as_view(), name="api_open_events"),
    path(
        "open-data/milcomp-results.<str:fmt>",
        open_data.ResultsDownload.as_view(),
        name="api_open_results",
    ),
    # The OpenAPI 3 schema and its docs (Swagger UI, served from here).
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", docs.SwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    re_path(r"^.*$", problems.not_found),
]
