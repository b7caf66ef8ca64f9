"""The map's own Leaflet pieces as folium ``MacroElement``s.

Each element is a small Jinja template that calls into ``static/geomap.js``
(inlined by :class:`geomap.render.assets.Assets`). :class:`IncidentLayer` embeds the
data once and owns the features; the legend, date control, title bar, country
panel, heat layer and layer control all listen to it, so every control filters
the same set of incidents.
"""

from __future__ import annotations

import html as html_lib

from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geomap.errors import ConfigurationError
from geomap.render.data import encode_payload, script_json


class Literal(Element):
    """Finished markup placed in the page as it is: never compiled as a template.

    Parameters
    ----------
    text : str
        HTML, script or style text, already escaped for where it goes.
    """

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class PageElement(MacroElement):
    """A ``MacroElement`` whose macros' output goes into the page as it is.

    branca's ``MacroElement.render`` wraps the output of each macro (``header``,
    ``html``, ``script``) in ``Element(output)``, which compiles that output as a
    Jinja template a second time. Any ``{{ }}``, ``{% %}`` or ``{#`` in the data a
    macro wrote (article titles and text, ``--title``) would then be executed on
    the user's machine. Here each output becomes a :class:`Literal`, so templates
    hold code and data is only ever a value rendered once. Every element of ours
    derives from this class.
    """

    def render(self, **kwargs):
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise ConfigurationError(f"{type(self).__name__} must be rendered inside a folium Figure")
        macros = self._template.module.__dict__
        for part, parent in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = macros.get(part)
            if macro is not None:
                parent.add_child(Literal(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class Basemap(PageElement):
    """The offline basemap (areas and labels) and the plain sea background.

    Parameters
    ----------
    layers : dict or None
        From :func:`geomap.render.basemap.build_basemap`; None draws only the
        background colour.
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
        {%- if this.layers %}
        <script type="application/json" id="{{ this.get_name() }}_data">{{ this.payload }}</script>
        {%- endif %}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.getContainer().classList.add("gm-offline");
        {%- if this.layers %}
        var {{ this.get_name() }} = GeomapKit.basemap(
            {{ this._parent.get_name() }}, document.getElementById({{ (this.get_name() ~ "_data")|tojson }}));
        {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, layers: dict | None):
        super().__init__()
        self._name = "Basemap"
        self.layers = layers
        # Basemap data is small and never compressed: always readable JSON.
        self.payload = script_json(layers, compress_above=float("inf"))[0] if layers else ""


class ContextLayer(PageElement):
    """Towns, villages and region names by zoom (:func:`geomap.render.context.build_context`).

    Parameters
    ----------
    data : dict
        The places, in label priority order.
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.get_name() }}_data">{{ this.payload }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = GeomapKit.contextLayer(
            {{ this._parent.get_name() }}, document.getElementById({{ (this.get_name() ~ "_data")|tojson }}));
        {% endmacro %}
    """)

    def __init__(self, data: dict):
        super().__init__()
        self._name = "Context"
        self.payload = script_json(data, compress_above=float("inf"))[0]


class UrlTiles(PageElement):
    """Online XYZ tiles from a URL template the user gave (``--tiles URL``).

    The template and the attribution reach the page through ``tojson`` only; the
    attribution is HTML-escaped first, since Leaflet shows it as HTML.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.tileLayer({{ this.url|tojson }}, {{ this.options|tojson }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, url: str, *, attribution: str, max_zoom: int):
        super().__init__()
        self._name = "UrlTiles"
        self.url = url
        self.options = {"attribution": html_lib.escape(attribution), "maxZoom": max_zoom, "maxNativeZoom": max_zoom}


class PackageTiles(PageElement):
    """Raster tiles read from a local MBTiles/PMTiles package, embedded as ``data:`` images.

    Parameters
    ----------
    package : dict
        From :func:`geomap.render.tiles.read_package`.
    attribution : str
        Plain text (escaped here).
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.get_name() }}_data">{{ this.payload }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = GeomapKit.packageTiles({{ this._parent.get_name() }},
            document.getElementById({{ (this.get_name() ~ "_data")|tojson }}), {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, package: dict, *, attribution: str, label: str):
        super().__init__()
        self._name = "PackageTiles"
        self.payload = script_json(package["tiles"], compress_above=float("inf"))[0]
        self.options = {
            "attribution": html_lib.escape(attribution),
            "minNativeZoom": package["minzoom"],
            "maxNativeZoom": package["maxzoom"],
            "label": label,
        }


class Attribution(PageElement):
    """Credit for the gazetteer's places and areas in Leaflet's attribution control.

    Incident positions and the offline basemap come from GeoNames (CC BY 4.0, which
    asks for the credit) and Natural Earth (public domain); the text is the
    writers' (:data:`geomap.writers.ATTRIBUTION`), plain text without links so an
    offline page loads nothing.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        if ({{ this._parent.get_name() }}.attributionControl) {
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        }
        {% endmacro %}
    """)

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = text


class IncidentLayer(PageElement):
    """All incidents: one layer per event type, built in the browser from columns.

    Parameters
    ----------
    data : dict
        The payload's columns (:attr:`geomap.render.data.Payload.columns`; plain JSON
        values are taken too), written by :func:`geomap.render.data.encode_payload`.
    cluster : bool
        Cluster crowded points (markercluster, chunked loading) or draw every
        point on a canvas.
    dense : bool
        Draw the points on one canvas of our own, straight from the columns (no
        Leaflet layer per point), counted in hexagons while more than
        ``bin_above`` are in view below zoom 12.
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.get_name() }}_data"
            data-encoding="{{ this.encoding }}">{{ this.payload }}</script>
        {% if this.evidence is not none %}
        <script type="application/json" id="{{ this.get_name() }}_ev"
            data-encoding="{{ this.evidence_encoding }}">{{ this.evidence }}</script>
        {% endif %}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = GeomapKit.incidents(
            {{ this._parent.get_name() }},
            document.getElementById({{ (this.get_name() ~ "_data")|tojson }}),
            {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, data: dict, *, cluster: bool = True, dense: bool = False, bin_above: int = 20_000):
        super().__init__()
        self._name = "Incidents"
        self.evidence = self.evidence_encoding = None
        self.options = {"cluster": bool(cluster) and not dense, "dense": bool(dense), "binAbove": int(bin_above)}
        if dense and "ev" in data:
            # The evidence sentences are often half a big map's data and only popups,
            # search and export read them: their own element, read once the map is shown.
            self.payload, self.encoding = encode_payload({k: v for k, v in data.items() if k != "ev"})
            self.evidence, self.evidence_encoding = script_json(data["ev"])
            self.options["evidence"] = f"{self.get_name()}_ev"
        else:
            self.payload, self.encoding = encode_payload(data)


class _Listener(PageElement):
    """A control fed by an :class:`IncidentLayer`; subclasses name the JS function."""

    function = ""
    _template = Template("""
        {% macro script(this, kwargs) %}
        GeomapKit.{{ this.function }}({{ this.incidents.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, incidents: IncidentLayer, **options):
        super().__init__()
        self._name = type(self).__name__
        self.incidents = incidents
        self.options = options


class HeatLayer(_Listener):
    """A heat layer of the shown points (Leaflet.heat), an overlay of its own."""

    function = "heat"


class TypeLayerControl(_Listener):
    """Leaflet's layer control with one overlay per event type (and the basemap)."""

    function = "layerControl"


class Legend(_Listener):
    """Each type's symbol and count (shown / total while filtered)."""

    function = "legend"


class DateControl(_Listener):
    """From/To sliders over the event dates and an "undated" checkbox."""

    function = "dateControl"


class Filters(_Listener):
    """Actor and minimum-fatalities filters (a panel; none when the data has neither)."""

    function = "filters"


class TitleBar(_Listener):
    """The title and a line with the shown count and date range."""

    function = "titleBar"


class CountryPanel(_Listener):
    """The list of country-level incidents, which are never pinned."""

    function = "countryPanel"


class Tools(_Listener):
    """Search, fullscreen, measure, export of the shown incidents, collapsible panels, permalink.

    Options: ``collapsed`` (True, False, or None: collapsed in an iframe or a
    window smaller than 900x600) and ``filename`` (stem of the exported files).
    Added after the other controls, whose panels it makes collapsible.
    """

    function = "tools"


class Overlay(PageElement):
    """One layer of the user's own file (:func:`geomap.render.overlays.read_overlays`).

    Drawn under the incidents, listed in the layer control and the legend; dated
    features follow the date control of ``incidents``.
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.get_name() }}_data">{{ this.payload }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        GeomapKit.overlay({{ this._parent.get_name() }}, {{ this.incidents.get_name() }},
            document.getElementById({{ (this.get_name() ~ "_data")|tojson }}));
        {% endmacro %}
    """)

    def __init__(self, overlay: dict, incidents: IncidentLayer):
        super().__init__()
        self._name = "Overlay"
        self.incidents = incidents
        self.payload = script_json(overlay, compress_above=float("inf"))[0]
