"""Add generated news articles (with photos) so that the news index has a realistic size.

Run from the project root with the same environment as the server it feeds:

    .venv/bin/python bench/seed_articles.py 200

It uses only Wagtail's APIs: photos are saved as `news.Photo` and articles are added under the
English news index and published, so the project's own publication signals make the renditions
ahead, exactly as for an editor. The articles are dated before the demo's, so the demo's
articles stay first. Running it again adds only what is missing (articles are found by slug).
Bench data only: never run it on a real database.
"""

import io
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cior.settings")

import django  # noqa: E402

django.setup()

from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from core.models import HomePage  # noqa: E402
from news.models import ArticleGalleryImage, ArticlePage, NewsIndexPage, Photo  # noqa: E402

PHOTOS = 24
GALLERY_SIZE = 4
SLUG_PREFIX = "bench-article-"
WORDS = [
    *("reserve", "officers", "exercise", "nation", "alliance", "training", "seminar"),
    *("interoperability", "council", "committee", "delegation", "competition", "summer"),
    *("congress", "winter", "meeting", "partnership", "defence", "readiness", "young"),
    *("leaders", "legal", "medical", "language", "academy", "military", "skills", "resilience"),
]


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def photo_bytes(rng, number, size=(1600, 1067)):
    """Return a JPEG photo stand-in: a gradient with shapes, different for each number."""
    base = tuple(rng.randrange(30, 200) for _ in range(3))
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    for y in range(0, size[1], 8):
        shade = tuple(min(255, c + y * 60 // size[1]) for c in base)
        draw.rectangle((0, y, size[0], y + 8), fill=shade)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(40, 220)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    draw.text((40, 40), f"Bench photo {number}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def photos(rng):
    """Return the bench photos, creating the missing ones (their renditions follow by signal)."""
    found = {p.title: p for p in Photo.objects.filter(title__startswith="Bench photo ")}
    result = []
    for number in range(1, PHOTOS + 1):
        title = f"Bench photo {number}"
        photo = found.get(title)
        if photo is None:
            photo = Photo(
                title=title,
                description=f"Reserve officers at a CIOR event, photo {number}",
                caption_en=f"Delegates at the meeting, photo {number}",
                caption_fr=f"Les délégués à la réunion, photo {number}",
                credit="CIOR Public Affairs",
                taken_on=date(2020, 1, 1) + timedelta(days=number * 37),
                event_name=rng.choice(["Summer Congress", "Mid-Winter Meeting", "Seminar"]),
                file=ImageFile(io.BytesIO(photo_bytes(rng, number)), name=f"bench-{number}.jpg"),
            )
            photo.save()
        result.append(photo)
    return result


def news_index(locale):
    index = NewsIndexPage.objects.filter(locale=locale).first()
    if index is None:
        home = HomePage.objects.get(locale=locale, depth=2)
        index = NewsIndexPage(title="News", slug="news", show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
        print("  created the news index (no news demo loaded)")
    return index


def body(rng, photo):
    photo.contextual_alt_text = photo.description
    photo.decorative = False
    return [
        ("paragraph", "".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(3))),
        ("heading", sentence(rng, 5)[:-1]),
        ("image", {"image": photo, "caption": sentence(rng, 8)}),
        ("paragraph", "".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(2))),
        ("quote", {"text": sentence(rng, 12), "attribution": "CIOR President"}),
    ]


def main(count):
    rng = random.Random(1948)
    en = Locale.objects.get(language_code="en")
    index = news_index(en)
    library = photos(rng)
    existing = set(
        ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
    )
    oldest = min(
        ArticlePage.objects.exclude(slug__startswith=SLUG_PREFIX).values_list("date", flat=True),
        default=date.today(),
    )
    categories = ArticlePage.Category.values
    added = 0
    started = time.monotonic()
    for number in range(1, count + 1):
        slug = f"{SLUG_PREFIX}{number}"
        if slug in existing:
            continue
        cover = library[number % len(library)]
        article = ArticlePage(
            title=f"{sentence(rng, 6)[:-1]} ({number})",
            slug=slug,
            date=oldest - timedelta(days=3 * number),
            byline="Jane Doe, Captain (R), CIOR Public Affairs",
            category=categories[number % len(categories)],
            lead=sentence(rng, 30),
            cover=cover,
            body=body(rng, library[(number + 7) % len(library)]),
        )
        for position in range(GALLERY_SIZE):
            article.gallery_images.add(
                ArticleGalleryImage(
                    image=library[(number + 3 * position + 1) % len(library)], sort_order=position
                )
            )
        article.tags.add(rng.choice(WORDS), rng.choice(WORDS))
        with transaction.atomic():
            index.add_child(instance=article)
            article.save_revision().publish()
        added += 1
        if added % 50 == 0:
            print(f"  {added} articles ({time.monotonic() - started:.0f} s)", flush=True)
    total = ArticlePage.objects.filter(locale=en).live().count()
    print(f"  added {added} articles; {total} live English articles; {len(library)} bench photos")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
