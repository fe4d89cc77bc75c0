"""Wagtail's image tags ({% image %}, {% srcset_image %}, {% picture %}) with their filter specs
parsed once per template instead of on every render.

Wagtail's nodes build new Filter objects on each render, and each parses its spec again (its
hooks, then inspect.getcallargs per operation): 12 parses on the home page, a tenth of its
time. The specs are literal strings of the template, so the node keeps its Filters. Load this
library instead of wagtailimages_tags; the tags read the same.
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


class KeptFiltersMixin:
    def get_filter(self):
        if not hasattr(self, "_kept_filter"):
            self._kept_filter = super().get_filter()
        return self._kept_filter

    def get_filters(self):
        if not hasattr(self, "_kept_filters"):
            self._kept_filters = super().get_filters()
        return self._kept_filters


class ImageNode(KeptFiltersMixin, wagtail_tags.ImageNode):
    pass


class SrcsetImageNode(KeptFiltersMixin, wagtail_tags.SrcsetImageNode):
    pass


class PictureNode(KeptFiltersMixin, wagtail_tags.PictureNode):
    pass


OURS = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    """Parse the tag as Wagtail does, into the node that keeps its filters."""
    node = wagtail_tags.image(parser, token)
    return OURS[type(node)](
        node.image_expr,
        node.filter_specs,
        attrs=node.attrs,
        output_var_name=node.output_var_name,
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
