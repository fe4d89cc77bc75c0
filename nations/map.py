"""The schematic map of the member nations: one square tile per nation on a rough grid.

A tile grid keeps the map legible at any size, needs no map tiles from elsewhere and no
coastlines; each tile stands roughly where its nation lies, Europe in the middle.
"""

from dataclasses import dataclass

TILE_SIZE = 40
TILE_GAP = 4

# (column, row) of each nation's tile.
GRID = {
    "CAN": (0, 1),
    "USA": (0, 2),
    "NOR": (6, 0),
    "SWE": (7, 0),
    "FIN": (8, 0),
    "GBR": (3, 1),
    "DNK": (6, 1),
    "EST": (8, 1),
    "NLD": (5, 2),
    "DEU": (6, 2),
    "POL": (7, 2),
    "LVA": (8, 2),
    "BEL": (4, 3),
    "LUX": (5, 3),
    "CZE": (6, 3),
    "SVK": (7, 3),
    "LTU": (8, 3),
    "FRA": (4, 4),
    "CHE": (5, 4),
    "AUT": (6, 4),
    "HUN": (7, 4),
    "ROU": (8, 4),
    "MDA": (9, 4),
    "PRT": (2, 5),
    "ESP": (3, 5),
    "ITA": (5, 5),
    "SVN": (6, 5),
    "HRV": (7, 5),
    "BGR": (8, 5),
    "GEO": (10, 5),
    "MKD": (7, 6),
    "GRC": (8, 6),
    "ZAF": (6, 8),
    "AUS": (10, 8),
}
COLUMNS = 1 + max(column for column, _ in GRID.values())
ROWS = 1 + max(row for _, row in GRID.values())


@dataclass(frozen=True)
class Tile:
    nation: object
    x: int
    y: int

    @property
    def centre_x(self):
        return self.x + TILE_SIZE // 2

    @property
    def centre_y(self):
        return self.y + TILE_SIZE // 2


@dataclass(frozen=True)
class NationsMap:
    tiles: list
    width: int
    height: int
    tile_size: int = TILE_SIZE


def nations_map(nations) -> NationsMap:
    """Place each nation (anything with a `code`) on the grid.

    Nations the grid does not know yet (a new member) get tiles on extra rows below it.
    """
    step = TILE_SIZE + TILE_GAP
    tiles, extra = [], 0
    for nation in nations:
        cell = GRID.get(nation.code)
        if cell is None:
            cell = (extra % COLUMNS, ROWS + extra // COLUMNS)
            extra += 1
        tiles.append(Tile(nation=nation, x=cell[0] * step, y=cell[1] * step))
    rows = ROWS + (extra + COLUMNS - 1) // COLUMNS
    return NationsMap(tiles=tiles, width=COLUMNS * step - TILE_GAP, height=rows * step - TILE_GAP)
