"""Render an HTML template to PDF with WeasyPrint: the one place every app's documents use."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def render_document(template_name, context, *, stylesheet, css=""):
    """Return `template_name` rendered with `context` and laid out in pages by WeasyPrint,
    styled by the static file `stylesheet` (e.g. "css/invoice-print.css"), then by `css`
    (rules made from data, such as a badge's colours: no style attribute in the templates);
    `join_pdf` writes several such documents as one PDF.

    WeasyPrint is imported here, not at module level: the import costs about 3 seconds.
    """
    from weasyprint import CSS, HTML

    html = render_to_string(template_name, context)
    stylesheets = [CSS(filename=finders.find(stylesheet))]
    if css:
        stylesheets.append(CSS(string=css))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render(stylesheets=stylesheets)


def join_pdf(documents) -> bytes:
    """Return the pages of `documents` (from `render_document`), in order, as one PDF."""
    documents = list(documents)
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def render_pdf(template_name, context, *, stylesheet, css=""):
    """Return the PDF bytes of `template_name` rendered with `context`, styled by the static
    file `stylesheet` (e.g. "css/invoice-print.css") and `css` (see render_document)."""
    return render_document(template_name, context, stylesheet=stylesheet, css=css).write_pdf()
