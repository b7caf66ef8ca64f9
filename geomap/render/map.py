"""Building the incident map and writing it as one self-contained HTML file."""

from __future__ import annotations

import html as html_lib
import logging
import math
import os
from pathlib import Path
from urllib.parse import urlsplit

import folium
from branca.element import Figure

from geomap.article import clean_text
from geomap.errors import ConfigurationError, EmptyResultError
from geomap.fileio import atomic_write_text
from geomap.render.assets import Assets
from geomap.render.basemap import build_basemap, extent
from geomap.render.context import build_context
from geomap.render.data import POINT, build_payload, date_range
from geomap.render.elements import (
    Attribution,
    Basemap,
    ContextLayer,
    CountryPanel,
    DateControl,
    Filters,
    HeatLayer,
    IncidentLayer,
    Legend,
    Literal,
    Overlay,
    PackageTiles,
    TitleBar,
    Tools,
    TypeLayerControl,
    UrlTiles,
)
from geomap.render.offline import check_offline
from geomap.render.overlays import read_overlays
from geomap.render.tiles import check_max_zoom, read_package, tile_source
from geomap.writers import ATTRIBUTION

log = logging.getLogger(__name__)

#: Title used when none is given.
DEFAULT_TITLE = "Incidents"

#: Online tiles of a ``cdn=True`` map that names none.
CDN_TILES = "OpenStreetMap"

#: Above this many point incidents a map draws them on one canvas of its own (``dense``):
#: 100,000 Leaflet markers took about 3 s to add, a million would take minutes.
DENSE_ABOVE = 50_000

#: A dense map counts its points in hexagons while more than this many are in view.
BIN_ABOVE = 20_000

#: fitBounds never zooms closer than this: one town alone still shows its area.
MAX_FIT_ZOOM = 9


class IncidentMap:
    """A rendered incident map: the folium map plus what the page needs to know.

    Attributes
    ----------
    map : folium.Map
        The map; ``map.get_root().render()`` gives the page.
    title : str
    count : int
        Incidents in the frame.
    dates : tuple of str or None
        First and last event date (ISO), None when every incident is undated.
    offline : bool
        True unless online tiles or CDN assets were asked for (the page then
        needs the network when opened).
    cdn : bool
        Leaflet from a CDN; otherwise :meth:`html` checks that the markup loads
        nothing from outside (online tiles are loaded by the script).
    """

    def __init__(self, folium_map, *, title, count, dates, offline, cdn=False):
        self.map = folium_map
        self.cdn = cdn
        self.title = title
        self.count = count
        self.dates = dates
        self.offline = offline

    def html(self) -> str:
        """The complete page.

        Raises
        ------
        geomap.render.ExternalResourceError
            When the map should be offline but something would still be fetched.
        """
        page = self.map.get_root().render()
        if not self.cdn:
            # Online tiles are fetched by the script, never by the markup: the page
            # itself must still load nothing from outside.
            check_offline(page)
        return page


def render_map(
    gdf, *, gazetteer=None, title=None, subtitle=None, cluster=True, heat=False, tiles=None, cdn=False, basemap=True, context=True,
    tiles_attribution=None, tiles_max_zoom=None, overlays=(), collapsed=None, dense=None,
) -> IncidentMap:
    """Build the layered incident map of an incident GeoDataFrame.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents as described in ``docs/schema.md``.
    gazetteer : gazetteer.Gazetteer or object, optional
        Provides ``geometry(place_id)`` (region polygons) and ``shapes(kind)`` (the
        offline basemap). Without it regions are drawn as rings and the basemap is
        a plain background.
    title : str, optional
        Shown in the title bar and as the page title.
    subtitle : str, optional
        Appended to the title bar's second line (e.g. the sources).
    cluster : bool
        Cluster crowded points (default) or draw each one. Ignored for dense maps.
    dense : bool, optional
        Draw the points on one canvas straight from the data, counted in hexagons
        while more than :data:`BIN_ABOVE` are in view, instead of one Leaflet marker
        each. Default: when the map has more than :data:`DENSE_ABOVE` point incidents
        (markers that many take too long to add).
    heat : bool
        Add a heat layer of the shown points.
    tiles : str, optional
        Tiles instead of the offline basemap (:func:`geomap.render.tiles.tile_source`):
        a tile provider name known to folium/xyzservices (``OpenStreetMap``,
        ``OpenTopoMap``) or an XYZ URL template (the page then loads tiles from the
        network), or a local ``.mbtiles``/``.pmtiles`` raster package, whose tiles
        over the incidents' area are embedded (the page stays offline).
    tiles_attribution : str, optional
        Credit shown for a URL template or a package (default: the template's host,
        or the package's own ``attribution``).
    tiles_max_zoom : int, optional
        Deepest zoom of a URL template's server (default 18), or of the package's
        levels to embed.
    overlays : iterable of path-like
        The user's own layers (GeoJSON, KML, GeoPackage; every layer of each file),
        drawn under the incidents (:mod:`geomap.render.overlays`).
    cdn : bool
        Load Leaflet and plugins from a CDN instead of inlining them, and use
        online tiles (``tiles``, else :data:`CDN_TILES`) instead of the embedded
        offline basemap: a small page that needs the internet.
    basemap : bool
        Draw the offline basemap from ``gazetteer.shapes``.
    context : bool
        With the offline basemap, also draw towns and villages by zoom and
        first-level region names (``gazetteer.places_in``; :mod:`geomap.render.context`).
    collapsed : bool, optional
        Panels (legend, layer control, dates, filters, country list) collapsed to a button
        when the page opens; None (default): collapsed in an iframe (``--embed``) or
        a window smaller than 900x600, open otherwise. A permalink's state wins.

    Returns
    -------
    IncidentMap

    Raises
    ------
    EmptyResultError
        When the frame has no rows.
    ConfigurationError
        When ``tiles`` is not a known tile provider, URL template or package.
    geomap.errors.InputError
        When a tile package cannot be read or has no raster tile over the incidents.
    """
    if len(gdf) == 0:
        raise EmptyResultError("no incidents to map")
    title = clean_text((title or DEFAULT_TITLE).strip() or DEFAULT_TITLE)
    subtitle = clean_text(subtitle) if subtitle else subtitle
    payload = build_payload(gdf, gazetteer=gazetteer)
    if dense is None:
        dense = int((payload.columns["k"].values == POINT).sum()) > DENSE_ABOVE
    cluster = cluster and not dense
    bounds = payload.bounds or _country_bounds(gdf, gazetteer)

    if cdn and not tiles:
        # A CDN page needs the internet anyway; online tiles keep it small, where
        # the offline basemap would be most of its size.
        tiles = CDN_TILES
    source = tile_source(tiles) if tiles else None
    max_zoom = check_max_zoom(tiles_max_zoom) if tiles_max_zoom is not None else None
    figure = Figure(title=html_lib.escape(title))
    fmap = folium.Map(
        location=[(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2],
        zoom_start=5,
        tiles=source.value if source and source.kind == "provider" else None,
        prefer_canvas=True,
        control_scale=True,
        zoom_control="bottomright",
    )
    # folium's own defaults are CDN links (and jQuery/Bootstrap we do not use):
    # the Assets element below supplies what the page needs instead.
    fmap.default_js = []
    # Without a tile layer Leaflet has no zoom limits, and markercluster needs one. The
    # gazetteer basemap has nothing to show beyond street level, and each zoom level
    # costs markercluster time per point, so offline maps stop at 16.
    if source is None:
        fmap.options["maxZoom"] = 16
    else:
        fmap.options["maxZoom"] = max_zoom if source.kind == "url" and max_zoom is not None else 18
    fmap.options["minZoom"] = 2
    fmap.default_css = []
    figure.add_child(fmap)
    figure.header.add_child(Literal('<meta charset="utf-8">'), name="geomap_charset", index=0)

    names = ["leaflet_css", "leaflet"]
    if cluster:
        names += ["markercluster_css", "markercluster"]
    if heat:
        names.append("heat")
    names += ["geomap_css", "geomap"]
    fmap.add_child(Assets(names, cdn=cdn))

    if source and source.kind == "url":
        fmap.add_child(
            UrlTiles(
                source.value,
                attribution=tiles_attribution or f"Tiles: {urlsplit(source.value).hostname or source.value}",
                max_zoom=fmap.options["maxZoom"],
            )
        )
    elif source and source.kind == "package":
        package = read_package(source.value, extent(bounds, margin=0.1, minimum=0.3), max_zoom=max_zoom)
        fmap.add_child(
            PackageTiles(
                package,
                # Credited even when the package names no source: snapshots carry the line.
                attribution=tiles_attribution or package["attribution"] or f"Tiles: {Path(source.value).name}",
                label=Path(source.value).name,
            )
        )

    # A tile package covers the incidents' area only: the gazetteer's borders and
    # seas stay under it, so the map around that area is not blank.
    offline_base = source is None or source.kind == "package"
    layers = None
    if basemap and offline_base and gazetteer is not None:
        layers = build_basemap(gazetteer, bounds)
    if offline_base:
        fmap.add_child(Basemap(layers))
    if basemap and context and source is None and gazetteer is not None:
        context_data = build_context(
            gazetteer,
            payload.bounds or bounds,
            _point_incidents(payload.columns),
            skip=[(p["lat"], p["lon"]) for p in (layers or {}).get("places", [])],
            regions=(layers or {}).get("admin1", []),
        )
        if context_data:
            fmap.add_child(ContextLayer(context_data))

    incidents = IncidentLayer(payload.columns, cluster=cluster, dense=dense, bin_above=BIN_ABOVE)
    fmap.add_child(incidents)
    for path in overlays:
        for overlay in read_overlays(path):
            fmap.add_child(Overlay(overlay, incidents))
    if heat:
        fmap.add_child(HeatLayer(incidents))
    fmap.add_child(TitleBar(incidents, title=title, subtitle=subtitle))
    fmap.add_child(TypeLayerControl(incidents))
    fmap.add_child(Legend(incidents))
    fmap.add_child(DateControl(incidents))
    fmap.add_child(Filters(incidents))
    fmap.add_child(CountryPanel(incidents))
    # After the panels it makes collapsible.
    fmap.add_child(Tools(incidents, collapsed=collapsed))
    fmap.add_child(Attribution(ATTRIBUTION))
    south, west, north, east = bounds
    fmap.fit_bounds(
        [[south, west], [north, east]], max_zoom=MAX_FIT_ZOOM, padding_top_left=(30, 70), padding_bottom_right=(30, 30)
    )
    return IncidentMap(fmap, title=title, count=len(gdf), dates=date_range(payload), offline=not (cdn or (source and source.online)), cdn=cdn)


def check_tiles(value: str) -> None:
    """Check a ``--tiles`` value: a provider name, an XYZ URL template or a tile package.

    Called before any input is read, so a typo costs nothing
    (:func:`geomap.render.tiles.tile_source`).

    Raises
    ------
    ConfigurationError
    """
    tile_source(value)


def _point_incidents(columns: dict):
    """(lat, lon) of the incidents drawn as points (``k`` 0), one row each (a numpy array)."""
    import numpy as np

    points = columns["k"].values == POINT
    return np.column_stack([_degrees(columns["lat"])[points], _degrees(columns["lon"])[points]])


def _degrees(column):
    # A Column of 1e-5 degrees, or the floats it could not hold (geomap.render.data._coordinates).
    import numpy as np

    if isinstance(column, list):
        return np.array([math.nan if v is None else v for v in column], dtype=float)
    return column.values / column.scale


def _country_bounds(gdf, gazetteer) -> tuple[float, float, float, float]:
    """View for a map whose incidents are all country-level: those countries, or the world."""
    boxes = []
    if gazetteer is not None and "place_id" in gdf.columns:
        for place_id in dict.fromkeys(str(p) for p in gdf["place_id"] if isinstance(p, str)):
            geom = gazetteer.geometry(place_id)
            if geom is not None and not geom.is_empty:
                boxes.append(geom.bounds)
    if not boxes:
        return (-55.0, -165.0, 72.0, 175.0)
    return (min(b[1] for b in boxes), min(b[0] for b in boxes), max(b[3] for b in boxes), max(b[2] for b in boxes))


def write_map(gdf, path: str | os.PathLike, **options) -> Path:
    """Render ``gdf`` (see :func:`render_map` for ``options``) and write it atomically.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    EmptyResultError, ConfigurationError
        From :func:`render_map`.
    geomap.render.ExternalResourceError
        When an offline map would fetch anything.
    geomap.errors.OutputError
        When the file cannot be written.
    """
    page = render_map(gdf, **options).html()
    return atomic_write_text(path, page)


def embed_html(page: str, *, height: str = "600px", title: str = DEFAULT_TITLE) -> str:
    """An iframe-ready fragment holding the whole map, for pasting into a page or wiki.

    The map goes into the iframe's ``srcdoc``, so the fragment is self-contained
    and keeps the map's scripts and styles apart from the host page's.

    Parameters
    ----------
    page : str
        A complete map page (:meth:`IncidentMap.html`).
    height : str
        CSS height of the frame.
    title : str
        Accessible title of the frame.

    Returns
    -------
    str
    """
    return (
        f'<iframe title="{html_lib.escape(title)}" style="width:100%;height:{height};border:0" '
        f'sandbox="allow-scripts allow-popups allow-downloads" allow="fullscreen" allowfullscreen loading="lazy" '
        f'srcdoc="{html_lib.escape(page, quote=True)}"></iframe>\n'
    )
