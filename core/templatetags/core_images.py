"""Responsive images whose markup stays valid HTML whatever the size of the original."""

from django import template
from wagtail.images.image_operations import FormatOperation
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()


@register.simple_tag
def fitted_picture(image, *specs, **attrs):
    """Render Wagtail's <picture> of `image` for `specs` ("format-{webp,jpeg}",
    "width-{480,960}"), each width listed once per format.

    Wagtail does not enlarge an image: an original narrower than the largest width gives two
    renditions of the same width, and a srcset that lists a width twice is invalid HTML (the
    W3C checker's error). Those repeats are left out; with a single width left, so is `sizes`.
    """
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, Filter.expand_spec(specs))
    kept = {}
    widths = {}
    for spec, rendition in renditions.items():
        fmt = next((f for f in FormatOperation.supported_formats if f"format-{f}" in spec), "")
        if rendition.width not in widths.setdefault(fmt, set()):
            widths[fmt].add(rendition.width)
            kept[spec] = rendition
    if all(len(format_widths) == 1 for format_widths in widths.values()):
        attrs.pop("sizes", None)
    return Picture(kept, attrs).__html__()
