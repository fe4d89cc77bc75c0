import datetime

import pytest

from nations.models import Nation
from news.renditions import LIBRARY_SPECS, generate_renditions

from .factories import PhotoFactory
from .helpers import photo_captions, queries_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def nations(db):
    return {
        "BEL": Nation.objects.create(code="BEL", name_en="Belgium", name_fr="Belgique"),
        "EST": Nation.objects.create(code="EST", name_en="Estonia", name_fr="Estonie"),
        "NOR": Nation.objects.create(code="NOR", name_en="Norway", name_fr="Norvège"),
    }


@pytest.fixture
def photos(photo_library, nations):
    def photo(caption, *, taken_on, event, shown, **fields):
        return PhotoFactory(
            caption_en=caption,
            caption_fr=f"{caption} (fr)",
            taken_on=taken_on,
            event_name=event,
            nations=[nations[code] for code in shown],
            **fields,
        )

    return [
        photo("Plenary", taken_on=datetime.date(2025, 2, 5), event="MWM 2025", shown=["BEL"]),
        photo("Council vote", taken_on=datetime.date(2025, 2, 6), event="MWM 2025", shown=["NOR"]),
        photo(
            "Obstacle course",
            taken_on=datetime.date(2025, 7, 30),
            event="MILCOMP 2025",
            shown=["EST", "NOR"],
            people_shown="Lt Mari Kask",
        ),
        photo("Panel", taken_on=datetime.date(2026, 2, 4), event="MWM 2026", shown=["NOR"]),
        photo(
            "Medics at work",
            taken_on=datetime.date(2025, 7, 31),
            event="MILCOMP 2025",
            shown=["BEL"],
            publication_cleared=False,
        ),
    ]


def test_photo_library_lists_cleared_photos_newest_first(client, photos):
    response = client.get("/en/photos/")

    assert response.status_code == 200
    assert photo_captions(response) == ["Panel", "Obstacle course", "Council vote", "Plenary"]
    assert "4 photos" in response.text


def test_photo_library_shows_date_event_nations_and_credit_of_each_photo(client, photos):
    response = client.get("/en/photos/?q=obstacle")
    item = response.text[response.text.index('<li class="gallery__item">') :]

    assert '<time datetime="2025-07-30">30 July 2025</time>' in item
    assert "<dd>MILCOMP 2025</dd>" in item
    assert "<dd>Estonia, Norway</dd>" in item
    assert '<dd class="credit">© CIOR Public Affairs</dd>' in item
    assert "max-1600x1600.format-jpeg.jpg" in item


def test_photo_library_in_french_shows_french_captions_and_nation_names(client, photos):
    response = client.get("/fr/photos/?q=obstacle")

    assert photo_captions(response) == ["Obstacle course (fr)"]
    assert "<dd>Estonie, Norvège</dd>" in response.text
    assert '<option value="EST">Estonie</option>' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("event=MWM+2025", ["Council vote", "Plenary"]),
        ("nation=NOR", ["Panel", "Obstacle course", "Council vote"]),
        ("nation=BEL", ["Plenary"]),
        ("year=2026", ["Panel"]),
        ("year=2025&nation=NOR", ["Obstacle course", "Council vote"]),
        ("q=kask", ["Obstacle course"]),
        ("q=vote+(fr)", ["Council vote"]),
        ("q=medics", []),
        (
            "event=Unknown+event&year=1999&nation=XXX",
            ["Panel", "Obstacle course", "Council vote", "Plenary"],
        ),
    ],
)
def test_photo_library_filters(client, photos, query, expected):
    response = client.get(f"/en/photos/?{query}")

    assert response.status_code == 200
    assert photo_captions(response) == expected


def test_photo_library_never_shows_uncleared_photos_or_their_choices(client, photos):
    response = client.get("/en/photos/?event=MILCOMP+2025&nation=BEL")

    assert photo_captions(response) == []
    assert "Medics at work" not in response.text
    assert "No photo matches these criteria." in response.text


def test_photo_library_form_offers_the_events_nations_and_years_with_photos(client, photos):
    response = client.get("/en/photos/?event=MWM+2025")

    assert '<label for="photo-filter-event">Event</label>' in response.text
    assert '<option value="MWM 2025" selected>MWM 2025</option>' in response.text
    assert '<option value="MILCOMP 2025">MILCOMP 2025</option>' in response.text
    assert response.text.count("<option value=") == 1 + 3 + 1 + 3 + 1 + 2
    assert '<option value="2026">2026</option>' in response.text
    assert '<a href="/en/photos/">Clear the filters</a>' in response.text


def test_photo_library_paginates_24_a_page_keeping_the_filters(client, photo_library):
    for number in range(26):
        PhotoFactory(
            caption_en=f"Shot {number:02d}",
            taken_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )

    first = client.get("/en/photos/?event=Summer+Congress+2025")
    second = client.get("/en/photos/?event=Summer+Congress+2025&page=2")
    beyond = client.get("/en/photos/?page=x")

    assert len(photo_captions(first)) == 24
    assert 'href="?event=Summer+Congress+2025&amp;page=2" rel="next"' in first.text
    assert photo_captions(second) == ["Shot 01", "Shot 00"]
    assert photo_captions(beyond)[0] == "Shot 25"


def test_photo_library_queries_stay_the_same_from_3_to_30_photos(client, photo_library, nations):
    def add(count):
        made = [PhotoFactory(nations=list(nations.values())) for _ in range(count)]
        generate_renditions(made, LIBRARY_SPECS)

    add(3)
    with_three = queries_of(client, "/en/photos/")
    add(27)

    assert queries_of(client, "/en/photos/") == with_three
    assert with_three <= 20
    assert queries_of(client, "/fr/photos/") <= 25
