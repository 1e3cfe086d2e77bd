"""A simplified outline of the Netherlands (WGS84 lon/lat) and a projection onto an SVG canvas.

The map of cases is drawn at build time, without tiles or any request to another host, so
the site needs its own outline. These points were written by hand along the coast, the
IJsselmeer shore and the borders with Belgium and Germany: good enough to recognise the
country and place the cities, not for measuring. The Afsluitdijk is left open (water),
Zeeuws-Vlaanderen and the Wadden islands are separate shapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, float]  # (lon, lat)

MAINLAND: tuple[Point, ...] = (
    # Westerschelde, north bank, from the Belgian border westwards
    (4.24, 51.37), (4.21, 51.40), (4.05, 51.42), (3.83, 51.39), (3.58, 51.44),
    # Walcheren, the Oosterschelde inlet, Schouwen and Goeree
    (3.44, 51.53), (3.52, 51.59), (3.62, 51.60), (3.72, 51.59), (3.95, 51.55), (4.18, 51.48),
    (4.10, 51.60), (3.90, 51.63), (3.72, 51.66), (3.69, 51.72), (3.83, 51.77), (3.86, 51.83),
    # Voorne, the Maasvlakte and the Holland coast
    (4.05, 51.88), (4.00, 51.96), (4.12, 51.99), (4.27, 52.11), (4.42, 52.24), (4.53, 52.38),
    (4.58, 52.47), (4.62, 52.63), (4.66, 52.78), (4.71, 52.88), (4.74, 52.96), (4.90, 52.93),
    # Den Oever, then round the IJsselmeer and Markermeer (the Afsluitdijk is left open)
    (5.04, 52.94), (5.11, 52.78), (5.29, 52.70), (5.06, 52.64), (5.07, 52.51), (5.02, 52.40),
    (5.10, 52.32), (5.25, 52.33), (5.43, 52.51), (5.60, 52.66), (5.71, 52.84), (5.37, 52.88),
    (5.40, 53.05), (5.39, 53.09),
    # Friesland and Groningen along the Wadden Sea, the Dollard
    (5.41, 53.17), (5.50, 53.27), (5.75, 53.36), (5.88, 53.40), (6.20, 53.41), (6.45, 53.44),
    (6.83, 53.45), (6.93, 53.33), (7.07, 53.25), (7.21, 53.18),
    # the German border southwards
    (7.20, 53.01), (7.08, 52.85), (7.05, 52.64), (6.73, 52.65), (6.71, 52.55), (6.93, 52.45),
    (7.05, 52.36), (7.07, 52.24), (6.76, 52.10), (6.83, 51.98), (6.72, 51.90), (6.49, 51.85),
    (6.38, 51.86), (6.20, 51.87), (6.10, 51.85), (5.95, 51.80), (5.95, 51.74), (6.03, 51.65),
    (6.10, 51.55), (6.21, 51.40), (6.17, 51.20), (6.07, 51.12), (6.00, 51.09), (5.87, 51.05),
    (5.90, 50.97), (6.03, 50.93), (6.08, 50.87), (6.02, 50.75),
    # the Belgian border westwards: Limburg along the Maas, then Brabant
    (5.70, 50.75), (5.64, 50.82), (5.76, 50.95), (5.80, 51.10), (5.83, 51.16), (5.55, 51.23),
    (5.48, 51.30), (5.24, 51.31), (5.10, 51.40), (5.05, 51.48), (4.93, 51.40), (4.77, 51.50),
    (4.67, 51.44), (4.55, 51.48), (4.43, 51.47), (4.38, 51.41),
)

ZEEUWS_VLAANDEREN: tuple[Point, ...] = (
    (3.37, 51.37), (3.55, 51.41), (3.83, 51.35), (4.03, 51.38), (4.24, 51.35), (4.10, 51.27),
    (3.97, 51.23), (3.80, 51.21), (3.45, 51.24), (3.38, 51.29),
)

WADDEN_ISLANDS: tuple[tuple[Point, ...], ...] = (
    ((4.70, 53.00), (4.73, 53.10), (4.85, 53.18), (4.90, 53.07), (4.78, 52.99)),  # Texel
    ((4.93, 53.24), (5.10, 53.30), (5.12, 53.28), (4.95, 53.22)),  # Vlieland
    ((5.15, 53.36), (5.40, 53.42), (5.60, 53.46), (5.55, 53.42), (5.25, 53.36)),  # Terschelling
    ((5.62, 53.44), (5.90, 53.47), (5.92, 53.44), (5.65, 53.42)),  # Ameland
    ((6.10, 53.48), (6.32, 53.50), (6.30, 53.47), (6.12, 53.46)),  # Schiermonnikoog
)

SHAPES: tuple[tuple[Point, ...], ...] = (MAINLAND, ZEEUWS_VLAANDEREN, *WADDEN_ISLANDS)

BOUNDS = (3.3, 50.7, 7.3, 53.6)  # lon min, lat min, lon max, lat max: the range the schemas allow


def contains(shape: tuple[Point, ...], lon: float, lat: float) -> bool:
    """Whether a point lies inside a shape (ray casting)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(shape, shape[1:] + shape[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def on_land(lon: float, lat: float) -> bool:
    return any(contains(shape, lon, lat) for shape in SHAPES)


@dataclass(frozen=True)
class Projection:
    """Lon/lat to SVG x/y: equirectangular, shrunk east-west by cos(mid latitude) so the shape looks right."""

    width: float = 480
    margin: float = 10

    @property
    def _scale_x(self) -> float:
        lon_min, lat_min, lon_max, lat_max = BOUNDS
        return math.cos(math.radians((lat_min + lat_max) / 2))

    @property
    def _pixels_per_degree(self) -> float:
        lon_min, _, lon_max, _ = BOUNDS
        return (self.width - 2 * self.margin) / ((lon_max - lon_min) * self._scale_x)

    @property
    def height(self) -> float:
        _, lat_min, _, lat_max = BOUNDS
        return round((lat_max - lat_min) * self._pixels_per_degree + 2 * self.margin, 1)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        lon_min, _, _, lat_max = BOUNDS
        return (round(self.margin + (lon - lon_min) * self._scale_x * self._pixels_per_degree, 1),
                round(self.margin + (lat_max - lat) * self._pixels_per_degree, 1))

    def path(self, shape: tuple[Point, ...]) -> str:
        """An SVG path for a closed shape."""
        points = [self.xy(lon, lat) for lon, lat in shape]
        return "M" + " L".join(f"{x:g},{y:g}" for x, y in points) + " Z"
