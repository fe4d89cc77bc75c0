"""Routes of the Medal of Merit under /<lang>/ (i18n_patterns). The public roll is a page
(awards.pages.MedalRollPage), below the About > Medal of Merit page."""

from django.urls import path

from . import views

urlpatterns = [
    path("awards/nominations/", views.nominations, name="awards_nominations"),
    path("awards/nominations/new/", views.nominate, name="awards_nominate"),
    path("awards/nominations/<int:pk>/", views.nomination, name="awards_nomination"),
    path("awards/nominations/<int:pk>/diploma.pdf", views.diploma, name="awards_diploma"),
    path(
        "awards/nominations/<int:pk>/documents/<int:document>/",
        views.document,
        name="awards_document",
    ),
    path(
        "awards/nominations/<int:pk>/<slug:action>/",
        views.decide,
        name="awards_nomination_action",
    ),
    # Public verification of a diploma's QR code: "valid" or "not valid", nothing more.
    path("verify/medal/<str:token>/", views.verify, name="awards_verify"),
]
