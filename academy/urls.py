"""Language Academy and YRO routes, under /<lang>/academy/ (i18n_patterns)."""

from django.urls import path

from .views import cla, public, yro

urlpatterns = [
    # Public: the sessions, the application form, the e-mail confirmation, verification.
    path("", public.home, name="academy_home"),
    path("apply/<int:year>/", public.apply, name="academy_apply"),
    path("apply/<int:year>/sent/", public.apply_sent, name="academy_apply_sent"),
    path("confirm/<str:token>/", public.confirm, name="academy_confirm"),
    path("verify/<str:token>/", public.verify, name="academy_verify"),
    # The programme managers and the delegations.
    path("manage/", cla.dashboard, name="academy_dashboard"),
    path("<int:year>/", cla.session_overview, name="academy_session"),
    path("<int:year>/allocate/", cla.allocate, name="academy_allocate"),
    path("<int:year>/nation/<str:nation>/", cla.nation_applications, name="academy_nation"),
    path("<int:year>/class/<int:pk>/", cla.class_detail, name="academy_class"),
    path("<int:year>/classes.<str:fmt>", cla.export_classes, name="academy_export_classes"),
    path("<int:year>/fees.<str:fmt>", cla.export_fees, name="academy_export_fees"),
    path("application/<int:pk>/", cla.application_detail, name="academy_application"),
    path("application/<int:pk>/endorse/", cla.endorse, name="academy_endorse"),
    path("application/<int:pk>/decline/", cla.decline, name="academy_decline"),
    path("application/<int:pk>/withdraw/", cla.withdraw, name="academy_withdraw"),
    path("application/<int:pk>/score/", cla.record_score, name="academy_score"),
    path("application/<int:pk>/exam/", cla.record_exam, name="academy_exam"),
    path(
        "application/<int:pk>/certificate/",
        cla.issue_certificate,
        name="academy_issue_certificate",
    ),
    path("application/<int:pk>/certificate.pdf", cla.certificate_pdf, name="academy_certificate"),
    # YRO.
    path("yro/", yro.events, name="academy_yro_events"),
    path("yro/<slug:event>/", yro.results, name="academy_yro_results"),
    path("yro/<slug:event>/results.<str:fmt>", yro.export_results, name="academy_yro_export"),
    path(
        "yro/result/<int:pk>/certificate/",
        yro.issue_certificate,
        name="academy_yro_issue_certificate",
    ),
    path(
        "yro/result/<int:pk>/certificate.pdf",
        yro.certificate_pdf,
        name="academy_yro_certificate",
    ),
]
