"""MILCOMP's background work, run by the task worker (`manage.py db_worker --backend
background`; at once in the tests): the results PDF of each results version."""

from django_tasks import task

from events.tasks import BACKEND


@task(backend=BACKEND)
def make_results_pdf(document_id: int) -> None:
    """Make and keep the results PDF of a ResultsDocument (milcomp.documents.make_kept_pdf)."""
    from .documents import make_kept_pdf

    make_kept_pdf(document_id)
