"""The results document: every ranking of a competition as one PDF, in the page's language.

Rendered with WeasyPrint through core.documents.render_pdf (templates/milcomp/pdf/results.html,
static/css/milcomp-results-print.css). The document says, discipline by discipline, what is
provisional and what the Technical Jury declared official, and when it was produced.

It takes seconds to make, so no request makes it: `results_document` finds the kept PDF of
the current results version and language (a ResultsDocument), or records that it is wanted
and queues the task (milcomp.tasks.make_results_pdf) that runs `make_kept_pdf`.
"""

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.documents import render_pdf

from . import queries, results
from .models import Competition, DisciplineKind, ResultsDocument
from .views.public import View, states_of, table


def _static_uri(path):
    found = finders.find(path) if path else None
    return f"file://{found}" if found else None


def _with_flags(rows):
    for row in rows:
        row["flag_uri"] = _static_uri(row.get("flag"))
    return rows


def sections(competition, live) -> list[dict]:
    """The document's rankings in order, each with its rows (flags as file URIs)."""
    names = results.member_names(competition, live.version)
    views = [View("overall")]
    views += [View("category", category) for category in competition.categories]
    views += [View("discipline", kind) for kind in DisciplineKind.values]
    views += [View("shooting"), View("nations")]
    found = []
    for view in views:
        rows = table(live, view, names)
        if view.name == "nations":
            rows = _with_flags(rows)  # flags elsewhere would double the rendering time
        if not rows and view.name == "category":
            continue  # a category nobody entered
        found.append({"view": view, "title": view.title, "rows": rows})
    return found


def results_pdf(competition, live) -> bytes:
    """Return the PDF of every ranking of the competition in the active language."""
    states = states_of(live, View("overall"))
    return render_pdf(
        "milcomp/pdf/results.html",
        {
            "competition": competition,
            "live": live,
            "states": states,
            "official": live.official,
            "sections": sections(competition, live),
            "kinds": DisciplineKind.values,
            "emblem": _static_uri("img/cior-emblem.png"),
            "produced_at": timezone.now(),
            "document_title": _("Results"),
        },
        stylesheet="css/milcomp-results-print.css",
    )


def results_document(competition, version: int, language: str) -> ResultsDocument:
    """Return the ResultsDocument of this results version and language; when there is none
    yet, record it and queue its making once the transaction has committed (only once, even
    for simultaneous requests: the row is unique)."""
    from .tasks import make_results_pdf

    document = ResultsDocument.objects.filter(
        competition=competition, version=version, language=language
    ).first()
    if document is not None:
        return document
    try:
        with transaction.atomic():
            document = ResultsDocument.objects.create(
                competition=competition, version=version, language=language
            )
    except IntegrityError:  # another request recorded it first, and queued it
        return ResultsDocument.objects.get(
            competition=competition, version=version, language=language
        )
    transaction.on_commit(lambda: make_results_pdf.enqueue(document.pk))
    return document


def make_kept_pdf(document_id: int) -> None:
    """Make and keep (private storage) the PDF of a ResultsDocument, in its language, from the
    competition's current results; drop the kept PDFs of its older versions.

    A version that is no longer current is dropped unmade. A failure marks the document
    failed (the page says so) and is raised again.
    """
    document = ResultsDocument.objects.filter(pk=document_id).first()
    if document is None:
        return  # a newer version's PDF replaced it meanwhile
    competition = Competition.objects.get(pk=document.competition_id)
    if document.version != queries.results_version(competition):
        # The results moved on before its turn came (judges save every few seconds): nobody
        # will ask for this version again; the current version's request queues its own.
        document.delete()
        return
    try:
        with translation.override(document.language):
            data = results_pdf(competition, results.live_results(competition))
    except Exception:
        ResultsDocument.objects.filter(pk=document.pk).update(failed=True)
        raise
    name = f"{competition.slug}-{document.version}-{document.language}.pdf"
    document.file.save(name, ContentFile(data), save=False)
    if not ResultsDocument.objects.filter(pk=document.pk).update(file=document.file.name):
        document.file.delete(save=False)  # a newer version's PDF replaced it meanwhile
        return
    older = ResultsDocument.objects.filter(
        competition=competition, language=document.language, version__lt=document.version
    )
    for old in older:
        if old.file:
            old.file.delete(save=False)
    older.delete()
