"""MILCOMP routes, under /<lang>/milcomp/ (i18n_patterns).

The public live results (`results/...`, milcomp.views.public) are added by their own work.
"""

from django.urls import path

from .views import judging, protests, teams

urlpatterns = [
    # Judges: their disciplines, one discipline's entry page, publication.
    path("judge/", judging.home, name="milcomp_judge_home"),
    path("judge/sw.js", judging.service_worker, name="milcomp_judge_sw"),
    path("judge/<slug:competition>/<str:kind>/", judging.entry, name="milcomp_judge_entry"),
    path(
        "judge/<slug:competition>/<str:kind>/entry.json",
        judging.entry_save,
        name="milcomp_judge_entry_save",
    ),
    path(
        "<slug:competition>/disciplines/<str:kind>/publish/",
        judging.publish,
        name="milcomp_discipline_publish",
    ),
    # The Technical Jury: official results.
    path(
        "<slug:competition>/disciplines/<str:kind>/official/",
        protests.official,
        name="milcomp_discipline_official",
    ),
    # Heads of delegation (and the presidency): teams.
    path("<slug:competition>/teams/", teams.index, name="milcomp_teams"),
    path("<slug:competition>/teams/declare/", teams.declare, name="milcomp_team_declare"),
    path("<slug:competition>/teams/<int:pk>/", teams.edit, name="milcomp_team_edit"),
    path(
        "<slug:competition>/teams/<int:pk>/withdraw/",
        teams.withdraw,
        name="milcomp_team_withdraw",
    ),
    path(
        "<slug:competition>/teams/<int:pk>/history/",
        protests.history,
        name="milcomp_team_history",
    ),
    # Protests: filed by captains and heads of delegation, decided by the jury.
    path("<slug:competition>/protests/", protests.index, name="milcomp_protests"),
    path("<slug:competition>/protests/file/", protests.file, name="milcomp_protest_file"),
    path("<slug:competition>/protests/<int:pk>/", protests.decide, name="milcomp_protest_decide"),
    # Public live results: added here as path("results/...", public....).
]

# --- Public live results (milcomp.views.public) ------------------------------------------------
# Each view of a competition's results has its page, its live fragment (polled by the page,
# ETag / 304) and its CSV; the PDF holds every ranking.
from .views import public  # noqa: E402

_RESULT_VIEWS = [
    ("overall", ""),
    ("category", "category/<str:arg>/"),
    ("discipline", "discipline/<str:arg>/"),
    ("shooting", "individual-shooting/"),
    ("nations", "nation-cup/"),
]
urlpatterns += [
    path("results/", public.index, name="milcomp_results_index"),
    path("results/<slug:competition>/results.pdf", public.pdf, name="milcomp_results_pdf"),
]
for _name, _route in _RESULT_VIEWS:
    urlpatterns += [
        path(
            f"results/<slug:competition>/{_route}",
            public.page,
            {"view": _name},
            name=f"milcomp_results_{_name}",
        ),
        path(
            f"results/<slug:competition>/{_route}live/",
            public.live,
            {"view": _name},
            name=f"milcomp_results_{_name}_live",
        ),
        path(
            f"results/<slug:competition>/{_route}results.csv",
            public.csv_export,
            {"view": _name},
            name=f"milcomp_results_{_name}_csv",
        ),
    ]
