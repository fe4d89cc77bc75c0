"""Demo loader, first step: locales, the two home pages, the site and the seed's pages."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from core.models import HomePage, StandardPage

from . import media, seed_content
from .pages import add_translated_page, publish, root_page


def load(context):
    """Create what is missing of the locales, homes, site and seed pages."""
    Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="fr")
    context.homes = _homes(context)
    _site(context.homes["en"])
    for spec in seed_content.PAGES:
        parents = context.pages[spec["parent"]] if spec["parent"] else context.homes
        add_translated_page(
            context,
            spec["key"],
            parents,
            StandardPage,
            en=_page_fields(spec, "en"),
            fr=_page_fields(spec, "fr"),
            common={"show_in_menus": spec.get("menu", False)},
        )
    _attach_media(context)


def _page_fields(spec, language):
    return {
        "title": spec["title"][language],
        "slug": spec["slug"][language],
        "intro": spec.get("intro", {}).get(language, ""),
        "search_description": spec.get("search_description", {}).get(language, ""),
        "body": [_block(kind, value) for kind, value in spec["body"][language]],
    }


def _block(kind, value):
    """Turn a seed block (kind, value) into a StreamField (block_type, value) tuple."""
    return (kind, value)


def _home_fields(language):
    home = seed_content.HOME
    body = [
        ("figures", home["figures"][language]),
        ("heading", home["aims_heading"][language]),
        (
            "paragraph",
            "<ul>" + "".join(f"<li>{aim}</li>" for aim in home["aims"][language]) + "</ul>",
        ),
        (
            "quote",
            {
                "text": home["quote"]["text"][language],
                "attribution": home["quote"]["attribution"][language],
            },
        ),
    ]
    return {
        "title": home["title"][language],
        "tagline": home["tagline"][language],
        "intro": home["intro"][language],
        "body": body,
    }


def _homes(context):
    root = root_page()
    en_locale = Locale.objects.get(language_code="en")
    home_en = HomePage.objects.filter(depth=2, locale=en_locale).first()
    if home_en is None:
        # Wagtail's migrations leave a placeholder "Welcome" page as the site root.
        for placeholder in Page.objects.filter(depth=2, content_type__model="page"):
            placeholder.delete()
        home_en = HomePage(slug="home", **_home_fields("en"))
        root.add_child(instance=home_en)
        publish(home_en)
        context.log("home page (en)")
    fr_locale = Locale.objects.get(language_code="fr")
    home_fr = home_en.get_translations().filter(locale=fr_locale).specific().first()
    if home_fr is None:
        home_fr = home_en.copy_for_translation(fr_locale)
        for name, value in _home_fields("fr").items():
            setattr(home_fr, name, value)
        home_fr.slug = "accueil"
        home_fr.save()
        publish(home_fr)
        context.log("home page (fr)")
    return {"en": home_en, "fr": home_fr}


def _site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="CIOR"
        )
    elif site.root_page_id != home.pk or site.site_name != "CIOR":
        site.root_page = home
        site.site_name = "CIOR"
        site.save()


def _image(title, data, *, alt, caption_en="", caption_fr="", credit="CIOR"):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(
            title=title,
            description=alt,
            credit=credit,
            caption_en=caption_en,
            caption_fr=caption_fr,
            file=ImageFile(io.BytesIO(data), name=f"{media.slug(title)}.png"),
        )
        image.save()
    return image


def _document(title, filename, data):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(data), save=False)
        document.save()
    return document


IMAGE_CAPTIONS_FR = seed_content.IMAGE_CAPTIONS_FR
MEDIA_TITLES = {
    "en": ("Comrades all", "Music sheet of “Comrades all” (PDF)"),
    "fr": ("Comrades all", "Partition de « Comrades all » (PDF)"),
}


def _attach_media(context):
    """Add the anthem's audio and music sheet, the coat of arms and the medal to their pages."""
    anthem = context.pages.get("anthem")
    if anthem and not any(block.block_type == "media" for block in anthem["en"].body):
        audio = _document("Comrades all (audio)", "comrades-all.wav", media.anthem_wav())
        sheet = _document(
            "Comrades all (music sheet)", "comrades-all-music-sheet.pdf", media.music_sheet_pdf()
        )
        for language, page in anthem.items():
            audio_title, sheet_title = MEDIA_TITLES[language]
            # The seed ends with the headings "Listen..." and "Music sheet": fill each.
            sheet_heading = max(
                i for i, block in enumerate(page.body) if block.block_type == "heading"
            )
            page.body.insert(
                sheet_heading, ("media", {"kind": "audio", "file": audio, "title": audio_title})
            )
            page.body.append(("document", {"document": sheet, "title": sheet_title}))
            publish(page)
        context.log("anthem audio and music sheet")
    for key, title, drawing, alt in [
        ("coat-of-arms", "CIOR coat of arms", media.coat_of_arms_png, "The CIOR coat of arms"),
        ("medal-of-merit", "CIOR Medal of Merit", media.medal_png, "The CIOR Medal of Merit"),
    ]:
        pages = context.pages.get(key)
        if not pages or any(block.block_type == "image" for block in pages["en"].body):
            continue
        image = _image(
            title, drawing(), alt=alt, caption_en=title, caption_fr=IMAGE_CAPTIONS_FR[key]
        )
        for language, page in pages.items():
            image.contextual_alt_text = alt if language == "en" else IMAGE_CAPTIONS_FR[key]
            image.decorative = False
            caption = title if language == "en" else IMAGE_CAPTIONS_FR[key]
            page.body.insert(0, ("image", {"image": image, "caption": caption}))
            publish(page)
        context.log(f"image for {key}")
