import re

import pytest
from django.contrib.staticfiles import finders

from nations.demo import NATIONS
from nations.models import Nation


@pytest.mark.parametrize("code", sorted(NATIONS))
def test_every_demo_nation_has_a_3_by_2_flag(code):
    path = finders.find(f"img/flags/{code.lower()}.svg")

    assert path is not None
    with open(path) as svg:
        width, height = map(float, re.search(r'viewBox="0 0 (\S+) (\S+)"', svg.read()).groups())
    assert width / height == 1.5


def test_flag_static_path_is_none_when_no_flag_is_drawn():
    assert Nation(code="BEL").flag_static_path == "img/flags/bel.svg"
    assert Nation(code="QZZ").flag_static_path is None
