"""core_images.fitted_picture: responsive pictures whose srcset never lists a width twice."""

import re

import pytest
from django.template import Context, Template

from news.tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    '{% load core_images %}{% fitted_picture photo "format-{webp,jpeg}" "width-{480,960,1280}" '
    'sizes="(min-width: 60rem) 50rem, 100vw" alt="A medal" %}'
)


def srcsets(html):
    """Return the widths of each srcset of `html`, in order."""
    return [re.findall(r" (\d+)w", srcset) for srcset in re.findall(r'srcset="([^"]*)"', html)]


def test_an_original_narrower_than_the_largest_width_is_listed_once():
    photo = PhotoFactory(file__width=800, file__height=480)

    html = TEMPLATE.render(Context({"photo": photo}))

    assert srcsets(html) == [["480", "800"], ["480", "800"]]  # webp source, then jpeg <img>
    assert html.count('sizes="(min-width: 60rem) 50rem, 100vw"') == 2
    assert 'alt="A medal"' in html


def test_an_original_wider_than_every_width_keeps_them_all():
    photo = PhotoFactory(file__width=1400, file__height=700)

    html = TEMPLATE.render(Context({"photo": photo}))

    assert srcsets(html) == [["480", "960", "1280"], ["480", "960", "1280"]]


def test_an_original_narrower_than_every_width_has_one_image_and_no_sizes():
    photo = PhotoFactory(file__width=300, file__height=200)

    html = TEMPLATE.render(Context({"photo": photo}))

    assert " 300w" not in html and "sizes=" not in html
    assert html.count(".webp") == 1 and html.count(".jpg") == 1
