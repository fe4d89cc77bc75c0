"""Dates read naturally in both languages: "6 déc. 2026, 22:01", never "6 Déc 2026"."""

import datetime

from django.template import Context, Template
from django.utils import translation

WHEN = datetime.datetime(2026, 8, 1, 22, 1)


def render(source, language):
    with translation.override(language):
        return Template(source).render(Context({"when": WHEN}))


def test_short_datetime_in_french_uses_french_abbreviations():
    assert render('{{ when|date:"SHORT_DATETIME_FORMAT" }}', "fr") == "1 août 2026, 22:01"
    december = WHEN.replace(month=12, day=6)
    with translation.override("fr"):
        text = Template('{{ d|date:"SHORT_DATETIME_FORMAT" }}').render(Context({"d": december}))
    assert text == "6 déc. 2026, 22:01"


def test_short_datetime_in_english():
    assert render('{{ when|date:"SHORT_DATETIME_FORMAT" }}', "en") == "1 Aug 2026, 22:01"


def test_long_date_in_both_languages():
    assert render('{{ when|date:"DATE_FORMAT" }}', "fr") == "1 août 2026"
    assert render('{{ when|date:"DATE_FORMAT" }}', "en") == "1 August 2026"
