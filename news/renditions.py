"""The image renditions the public templates use, and their generation ahead of a visit.

A rendition is found again only by its exact filter spec string, so each pattern below is
written exactly as the `{% picture %}` / `{% image %}` tag of the template that names it
expands it: the space-separated parts in the same order.
"""

import logging

from wagtail.images.models import Filter, SourceImageIOError

logger = logging.getLogger(__name__)


def expand(pattern):
    """Return the filter specs a template tag pattern such as "fill-{1,2} format-{a,b}" gives."""
    return Filter.expand_spec(pattern.split())


# templates/news/includes/article_cards.html
CARD = expand("fill-{480x270,960x540} format-{webp,jpeg}")
# templates/news/article_page.html: the cover, and the og:image of the shared link.
COVER = expand("fill-{800x450,1200x675,1600x900} format-{webp,jpeg}")
OPEN_GRAPH = "fill-1200x630|format-jpeg"
# templates/news/article_page.html (gallery) and templates/news/photo_library_page.html.
THUMBNAIL = expand("fill-{400x300,800x600} format-{webp,jpeg}")
LARGE = "max-1600x1600|format-jpeg"
# templates/core/blocks/image.html (owned by core): images placed in an article's body.
BODY_IMAGE = expand("format-{webp,jpeg} width-{480,960,1280}")

ARTICLE_COVER_SPECS = [*CARD, *COVER, OPEN_GRAPH]
GALLERY_SPECS = [*THUMBNAIL, LARGE]
LIBRARY_SPECS = GALLERY_SPECS
# Every spec the news templates use for a photo.
SPECS = [*ARTICLE_COVER_SPECS, *GALLERY_SPECS]


def generate_renditions(photos, specs=SPECS):
    """Create the missing renditions of `photos` for `specs`; return how many photos were done.

    Writes the rendition files and rows. A photo whose source file cannot be read is logged
    and skipped, so that publishing never fails for a missing file.
    """
    done = 0
    for photo in {photo.pk: photo for photo in photos if photo is not None}.values():
        try:
            photo.get_renditions(*specs)
        except SourceImageIOError:
            logger.warning("Photo %s: source file missing, no renditions made.", photo.pk)
            continue
        done += 1
    return done


def article_photo_specs(article):
    """Return [(photo, specs)] for the photos an article page shows: cover, gallery, body."""
    wanted = []
    if article.cover_id:
        wanted.append((article.cover, ARTICLE_COVER_SPECS))
    for item in article.gallery_images.select_related("image"):
        wanted.append((item.image, GALLERY_SPECS))
    for block in article.body:
        if block.block_type == "image" and block.value.get("image"):
            wanted.append((block.value["image"], BODY_IMAGE))
    return wanted


def generate_article_renditions(article):
    """Create the missing renditions of every photo `article` shows; return the count done."""
    return sum(generate_renditions([photo], specs) for photo, specs in article_photo_specs(article))
