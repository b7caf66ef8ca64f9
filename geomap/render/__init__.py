"""Offline incident maps: one self-contained HTML file per map.

``render_map(gdf, gazetteer=...)`` builds a folium map whose Leaflet, plugins and
our own controls are all inside the page (see :mod:`geomap.render.assets`);
``write_map`` writes it atomically; ``snapshot`` turns a written map into a PNG or PDF.

Errors::

    geomap.errors.OutputError
    └── ExternalResourceError   an offline map would still fetch something
"""

from __future__ import annotations

from geomap.render.map import IncidentMap, check_tiles, embed_html, render_map, write_map
from geomap.render.offline import ExternalResourceError, check_offline, find_external_urls
from geomap.render.snapshot import parse_size, snapshot, snapshot_format

__all__ = [
    "check_tiles",
    "ExternalResourceError",
    "IncidentMap",
    "check_offline",
    "embed_html",
    "find_external_urls",
    "parse_size",
    "render_map",
    "snapshot",
    "snapshot_format",
    "write_map",
]
