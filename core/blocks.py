"""StreamField blocks for the flexible pages: heading, text, image, quote, document, media."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "core/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "core/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=30)
    label = blocks.CharBlock(label=_("Label"), max_length=80)


class FiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FigureBlock(), **kwargs)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "core/blocks/figures.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "core/blocks/document.html"


class MediaBlock(blocks.StructBlock):
    """Audio or video served from the document library: no third-party embed."""

    kind = blocks.ChoiceBlock(
        choices=[("audio", _("Audio")), ("video", _("Video"))], default="audio", label=_("Kind")
    )
    file = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"))
    transcript = blocks.RichTextBlock(label=_("Transcript or description"), required=False)

    class Meta:
        icon = "media"
        label = _("Audio or video")
        template = "core/blocks/media.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="core/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()
    document = DocumentBlock()
    media = MediaBlock()
