from types import SimpleNamespace

from nations.map import COLUMNS, GRID, ROWS, TILE_GAP, TILE_SIZE, nations_map
from nations.queries import name_sort_key


def test_nations_map_places_known_nations_on_their_grid_cell():
    tiles = nations_map([SimpleNamespace(code="BEL"), SimpleNamespace(code="USA")]).tiles

    step = TILE_SIZE + TILE_GAP
    assert [(tile.x, tile.y) for tile in tiles] == [
        (GRID["BEL"][0] * step, GRID["BEL"][1] * step),
        (GRID["USA"][0] * step, GRID["USA"][1] * step),
    ]


def test_nations_map_puts_unknown_nations_on_an_extra_row():
    known = nations_map([SimpleNamespace(code="BEL")])
    grown = nations_map([SimpleNamespace(code="QAA"), SimpleNamespace(code="QAB")])

    step = TILE_SIZE + TILE_GAP
    assert [(tile.x, tile.y) for tile in grown.tiles] == [(0, ROWS * step), (step, ROWS * step)]
    assert grown.height == known.height + step
    assert grown.width == known.width == COLUMNS * step - TILE_GAP


def test_grid_gives_each_nation_its_own_cell():
    assert len(set(GRID.values())) == len(GRID)


def test_name_sort_key_sorts_accented_names_with_their_letter():
    names = ["Finlande", "États-Unis", "Estonie", "Espagne"]

    assert sorted(names, key=name_sort_key) == ["Espagne", "Estonie", "États-Unis", "Finlande"]
