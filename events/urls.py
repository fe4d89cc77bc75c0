"""Public and delegation routes of the events app, under /<lang>/ (i18n_patterns).

The calendar and event pages are Wagtail pages (events.pages.EventIndexPage, routable).
"""

from django.urls import path

from .views import delegation, documents, exports, imports, public

urlpatterns = [
    # Calendar feeds (iCalendar, RFC 5545).
    path("feeds/events.ics", public.all_events_feed, name="events_feed"),
    path("feeds/events/<str:kind>.ics", public.kind_feed, name="events_kind_feed"),
    path("feeds/my/<str:token>.ics", public.personal_feed, name="events_personal_feed"),
    # Public verification of a badge, letter or certificate: "valid" or "not valid", nothing more.
    path("verify/<str:token>/", documents.verify, name="events_verify"),
    # Heads of delegation, national staff, presidency; a participant's own registrations.
    path("delegation/", delegation.home, name="delegation_home"),
    path("delegation/<slug:event>/", delegation.event_overview, name="delegation_event_overview"),
    path("delegation/<slug:event>/<str:nation>/", delegation.event_nation, name="delegation_event"),
    path(
        "delegation/<slug:event>/<str:nation>/register/",
        delegation.register,
        name="delegation_register",
    ),
    path("delegation/<slug:event>/<str:nation>/import/", imports.upload, name="delegation_import"),
    path(
        "delegation/<slug:event>/<str:nation>/badges.pdf",
        documents.nation_badges,
        name="delegation_badges",
    ),
    # Batches made by the task worker: queue (POST), follow, download.
    path(
        "delegation/<slug:event>/documents/<str:kind>/",
        documents.request_documents,
        name="event_documents",
    ),
    path(
        "delegation/<slug:event>/<str:nation>/documents/<str:kind>/",
        documents.request_documents,
        name="nation_documents",
    ),
    path("imports/<int:pk>/", imports.import_job, name="import_job"),
    path("documents/<int:pk>/", documents.document_job, name="document_job"),
    path("documents/<int:pk>/file.pdf", documents.document_job_file, name="document_job_file"),
    path(
        "delegation/<slug:event>/import-template.<str:fmt>",
        imports.template,
        name="delegation_import_template",
    ),
    path("registration/<int:pk>/", delegation.registration, name="registration_detail"),
    path("registration/<int:pk>/cancel/", delegation.cancel, name="registration_cancel"),
    path(
        "registration/<int:pk>/substitute/", delegation.substitute, name="registration_substitute"
    ),
    path("registration/<int:pk>/confirm/", delegation.confirm, name="registration_confirm"),
    path("registration/<int:pk>/reject/", delegation.reject, name="registration_reject"),
    path("registration/<int:pk>/badge.pdf", documents.badge, name="registration_badge"),
    path(
        "registration/<int:pk>/visa-letter.pdf",
        documents.visa_letter,
        name="registration_visa_letter",
    ),
    path(
        "registration/<int:pk>/certificate.pdf",
        documents.certificate,
        name="registration_certificate",
    ),
    # Exports: everything for the presidency, the own nations for a delegation.
    path(
        "delegation/<slug:event>/participants.<str:fmt>",
        exports.participants,
        name="events_export_participants",
    ),
    path("delegation/<slug:event>/rooms.<str:fmt>", exports.rooms, name="events_export_rooms"),
    path("delegation/<slug:event>/needs.<str:fmt>", exports.needs, name="events_export_needs"),
]
