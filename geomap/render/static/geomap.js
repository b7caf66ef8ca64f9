/* geomap's own map pieces: shaped canvas markers, incident layers built from the
 * embedded column data, the legend, the date control, the title bar and the
 * country-level panel. Everything user-supplied is inserted as text (textContent),
 * never as HTML, so article text cannot run or change the page. */
(function (root) {
  'use strict';

  var DAY_MS = 86400000;

  // Unit outlines of the marker shapes (radius 1, y down). null = circle.
  var SHAPES = {
    circle: null,
    square: [[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]],
    diamond: [[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]],
    triangle: [[0, -1.2], [1.1, 0.85], [-1.1, 0.85]],
    'triangle-down': [[-1.1, -0.85], [1.1, -0.85], [0, 1.2]],
    hexagon: polygon(6, 1.05, 0),
    star: star(5, 1.25, 0.55)
  };

  function polygon(n, r, phase) {
    var pts = [];
    for (var i = 0; i < n; i++) {
      var a = phase + (i * 2 * Math.PI) / n;
      pts.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    return pts;
  }

  function star(n, outer, inner) {
    var pts = [];
    for (var i = 0; i < 2 * n; i++) {
      var r = i % 2 ? inner : outer, a = -Math.PI / 2 + (i * Math.PI) / n;
      pts.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    return pts;
  }

  // A circle marker drawn as another shape; hit-testing stays the circle's.
  var ShapeMarker = L.CircleMarker.extend({
    options: { shape: 'circle' },
    _updatePath: function () {
      var outline = SHAPES[this.options.shape];
      if (!outline || !this._renderer._updateShape) {
        return L.CircleMarker.prototype._updatePath.call(this);
      }
      this._renderer._updateShape(this, outline);
    }
  });

  L.Canvas.include({
    _updateShape: function (layer, outline) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1);
      ctx.beginPath();
      for (var i = 0; i < outline.length; i++) {
        ctx[i ? 'lineTo' : 'moveTo'](p.x + outline[i][0] * r, p.y + outline[i][1] * r);
      }
      ctx.closePath();
      this._fillStroke(ctx, layer);
    }
  });

  L.SVG.include({
    _updateShape: function (layer, outline) {
      var p = layer._point, r = Math.max(Math.round(layer._radius), 1), d = '';
      for (var i = 0; i < outline.length; i++) {
        d += (i ? 'L' : 'M') + (p.x + outline[i][0] * r) + ' ' + (p.y + outline[i][1] * r);
      }
      this._setPath(layer, layer._empty() ? 'M0 0' : d + 'z');
    }
  });

  function swatch(color, shape, size) {
    // The legend/layer-control symbol, as an SVG element built node by node.
    var ns = 'http://www.w3.org/2000/svg', s = size || 16, c = s / 2, r = s / 2 - 2.5;
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', s);
    svg.setAttribute('height', s);
    svg.setAttribute('class', 'gm-swatch');
    var outline = SHAPES[shape], el;
    if (shape === 'region') {
      el = document.createElementNS(ns, 'rect');
      el.setAttribute('x', 1.5); el.setAttribute('y', 3.5);
      el.setAttribute('width', s - 3); el.setAttribute('height', s - 7);
      el.setAttribute('fill', color); el.setAttribute('fill-opacity', '0.3');
      el.setAttribute('stroke', color); el.setAttribute('stroke-dasharray', '3 2');
    } else if (!outline) {
      el = document.createElementNS(ns, 'circle');
      el.setAttribute('cx', c); el.setAttribute('cy', c); el.setAttribute('r', r);
    } else {
      el = document.createElementNS(ns, 'polygon');
      el.setAttribute('points', outline.map(function (q) {
        return (c + q[0] * r * 0.9).toFixed(2) + ',' + (c + q[1] * r * 0.9).toFixed(2);
      }).join(' '));
    }
    if (shape !== 'region') {
      el.setAttribute('fill', color);
      el.setAttribute('stroke', '#222');
    }
    el.setAttribute('stroke-width', '1');
    svg.appendChild(el);
    return svg;
  }

  function node(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    return el;
  }

  function clusterIcon(cluster, data) {
    // A dark disc with the count, ringed by each type's share in its colour.
    var markers = cluster.getAllChildMarkers(), counts = {}, total = markers.length;
    markers.forEach(function (m) { var t = data.t[m.gmIndex]; counts[t] = (counts[t] || 0) + 1; });
    var stops = [], at = 0;
    Object.keys(counts).sort(function (a, b) { return a - b; }).forEach(function (t) {
      var next = at + (counts[t] / total) * 360;
      stops.push(data.types[t].color + ' ' + at.toFixed(1) + 'deg ' + next.toFixed(1) + 'deg');
      at = next;
    });
    var size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 48;
    var html = '<div class="gm-cluster-ring" style="background:conic-gradient(' + stops.join(',') + ')">'
      + '<span>' + total + '</span></div>';
    return L.divIcon({ html: html, className: 'gm-cluster', iconSize: L.point(size, size) });
  }

  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  // Text for matching: lower case, accents dropped, spaces squeezed.
  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function decode(el) {
    // Small payloads are plain JSON; large ones gzip+base64, inflated natively: JSON, or
    // typed columns beside JSON (geomap.render.data.encode_payload says how they are laid out).
    var text = el.textContent, encoding = el.getAttribute('data-encoding');
    if (encoding !== 'gzip-base64' && encoding !== 'columns-gzip-base64') {
      return Promise.resolve(JSON.parse(text));
    }
    var bin = atob(text.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')));
    if (encoding === 'gzip-base64') { return stream.text().then(JSON.parse); }
    return stream.arrayBuffer().then(function (buffer) {
      var end = buffer.byteLength - 4, size = new DataView(buffer).getUint32(end, true);
      var head = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, end - size, size)));
      var body = new Uint8Array(buffer, 0, end - size), data = head.json;
      Object.keys(head.bin).forEach(function (name) { data[name] = unpack(body, head.bin[name]); });
      return data;
    });
  }

  // One binary column back to the values JSON would give: numbers, null where missing, ids
  // written as prefix and number. A column without missing values stays a Float64Array (the
  // same numbers; a million-row page built twenty plain arrays before it could draw).
  function unpack(body, c) {
    var n = c.n, v = new Float64Array(n), out, i, k, u, sum, scale = c.s || 1, base = c.b;
    for (k = 0; k < c.w; k++) {
      var plane = body.subarray(c.o + k * n, c.o + (k + 1) * n), unit = Math.pow(256, k);
      for (i = 0; i < n; i++) { v[i] += plane[i] * unit; }
    }
    if (c.z) {
      for (sum = base, i = 0; i < n; i++) { u = v[i]; sum += u % 2 ? -(u + 1) / 2 : u / 2; v[i] = sum; }
      base = 0;
    }
    if (c.t) { return numbered(v, base, c.t); }
    if (!c.nul) {
      for (i = 0; i < n; i++) { v[i] = (base + v[i]) / scale; }
      return v;
    }
    out = new Array(n);
    for (i = 0; i < n; i++) { u = v[i]; out[i] = u === 0 ? null : (base + u) / scale; }
    return out;
  }

  // prefix + (base + each value) in decimal or hexadecimal, zero-padded to width: fixed
  // widths are written as ASCII digits into one buffer, decoded once and cut into slices.
  function numbered(v, add, text) {
    var prefix = text[0], radix = text[1], width = text[2], n = v.length, out = new Array(n), i, j, x;
    if (!width) {
      for (i = 0; i < n; i++) { out[i] = prefix + String(add + v[i]); }
      return out;
    }
    var digits = new Uint8Array(n * width), chars = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
    for (i = 0; i < n; i++) {
      for (x = add + v[i], j = width - 1; j >= 0; j--) {
        digits[i * width + j] = chars[x % radix];
        x = Math.floor(x / radix);
      }
    }
    var all = new TextDecoder().decode(digits);
    for (i = 0; i < n; i++) { out[i] = prefix + all.slice(i * width, (i + 1) * width); }
    return out;
  }

  // Fill opacity of a region-level incident's polygon.
  var REGION_FILL = 0.2;

  // Point symbols scaled by fatalities: the area above a no-fatality symbol's grows
  // with the count (r² = R0² + K·f), capped at R_MAX px so a massacre does not hide a town.
  var R0 = 7, R_MAX = 24, F_CAP = 200, K_AREA = (R_MAX * R_MAX - R0 * R0) / F_CAP;
  function radiusFor(f) { return Math.sqrt(R0 * R0 + K_AREA * Math.min(f || 0, F_CAP)); }

  // Leaflet.heat's colours, passed explicitly so the legend shows what is drawn.
  var HEAT_GRADIENT = { 0.4: 'blue', 0.6: 'cyan', 0.7: 'lime', 0.8: 'yellow', 1: 'red' };

  // Above this many country-level incidents the panel groups them by country and type.
  var GROUP_ABOVE = 8;

  var PRECISION_DATE = { 1: 'day known', 2: 'within a week', 3: 'month only' };
  var PRECISION_GEO = { 1: 'the town itself', 2: 'near the town / part of a region', 3: 'region or country only' };


  /* ------------------------------------------------------------ dense points */

  // Above DENSE_ABOVE point incidents (decided when the map is built) points are not
  // Leaflet layers: one canvas draws them straight from the columns (a million
  // layers take minutes to add). While more than binAbove shown points are in view
  // and the zoom is below BIN_MAX_ZOOM they are counted into hexagons instead.
  var HEX_R = 14, BIN_MAX_ZOOM = 12;
  var HEX_RAMP = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];

  var Dots = L.Layer.extend({
    initialize: function (inc, options) {
      this.inc = inc;
      this.binAbove = options.binAbove;
      var data = inc.data, n = inc.n;
      // Web Mercator at zoom 0 (Leaflet's EPSG:3857 on a 1-pixel world), once.
      this.wx = new Float64Array(n);
      this.wy = new Float64Array(n);
      this.point = new Uint8Array(n);
      var max = 85.0511287798;
      for (var i = 0; i < n; i++) {
        if (data.k[i] !== 0) { continue; }
        var lat = Math.max(-max, Math.min(max, data.lat[i])) * Math.PI / 180;
        this.wx[i] = 0.5 + data.lon[i] / 360;
        this.wy[i] = 0.5 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / (2 * Math.PI);
        this.point[i] = 1;
      }
      this.shown = new Uint8Array(n);
      this.binned = false;
      this.drawnCount = 0;
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create('canvas', 'gm-dots leaflet-zoom-hide');
      this._canvas.style.pointerEvents = 'none';
      map.getPane('overlayPane').appendChild(this._canvas);
      map.on('moveend', this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off('moveend', this.redraw, this);
    },
    // Canvas pixel of world point (wx, wy) is wx * scale - ox.
    _frame: function () {
      var map = this._map, size = map.getSize(), pad = size.multiplyBy(0.5).round();
      var topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1));
      var scale = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      return { w: size.x + 2 * pad.x, h: size.y + 2 * pad.y, topLeft: topLeft, scale: scale,
        ox: origin.x + topLeft.x, oy: origin.y + topLeft.y, pad: pad };
    },
    redraw: function () {
      if (!this._map) { return; }
      var fr = this._frame(), canvas = this._canvas, dpr = root.devicePixelRatio || 1;
      canvas.width = fr.w * dpr;
      canvas.height = fr.h * dpr;
      canvas.style.width = fr.w + 'px';
      canvas.style.height = fr.h + 'px';
      L.DomUtil.setPosition(canvas, fr.topLeft);
      var ctx = canvas.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, fr.w, fr.h);
      this.frame = fr;
      // The view itself (not the padding) decides between points and hexagons.
      var inView, i, x, y, n = this.inc.n, wx = this.wx, wy = this.wy, shown = this.shown;
      var x0 = fr.pad.x, y0 = fr.pad.y, x1 = fr.w - fr.pad.x, y1 = fr.h - fr.pad.y, count = 0;
      var drawn = [];
      for (i = 0; i < n; i++) {
        if (!shown[i]) { continue; }
        x = wx[i] * fr.scale - fr.ox;
        y = wy[i] * fr.scale - fr.oy;
        if (x < -30 || y < -30 || x > fr.w + 30 || y > fr.h + 30) { continue; }
        drawn.push(i);
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1) { count += 1; }
      }
      inView = drawn;
      this.inView = count;
      this.binned = count > this.binAbove && this._map.getZoom() < BIN_MAX_ZOOM;
      if (this.binned) { this._drawHexagons(ctx, fr, inView); } else { this._drawPoints(ctx, fr, inView); }
      this.drawnCount = inView.length;
      this.fire('drawn');
    },
    _hexOf: function (x, y) {
      // Pointy-top hexagons of radius HEX_R: axial coordinates, rounded in cube space.
      var q = (Math.sqrt(3) / 3 * x - y / 3) / HEX_R, r = (2 / 3 * y) / HEX_R, s = -q - r;
      var rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
      var dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
      if (dq > dr && dq > ds) { rq = -rr - rs; } else if (dr > ds) { rr = -rq - rs; }
      return [rq, rr];
    },
    _drawHexagons: function (ctx, fr, rows) {
      var counts = new Map(), k, most = 0;
      for (k = 0; k < rows.length; k++) {
        var i = rows[k], h = this._hexOf(this.wx[i] * fr.scale - fr.ox, this.wy[i] * fr.scale - fr.oy);
        var key = (h[0] + 32768) * 65536 + (h[1] + 32768), c = (counts.get(key) || 0) + 1;
        counts.set(key, c);
        if (c > most) { most = c; }
      }
      this.hexMost = most;
      var outline = [];
      for (k = 0; k < 6; k++) {
        var a = Math.PI / 180 * (60 * k - 30);
        outline.push([HEX_R * Math.cos(a), HEX_R * Math.sin(a)]);
      }
      var logMost = Math.log(most + 1);
      ctx.lineWidth = 0.6;
      ctx.strokeStyle = 'rgba(255,255,255,0.8)';
      counts.forEach(function (c, key) {
        var q = Math.floor(key / 65536) - 32768, r = (key % 65536) - 32768;
        var cx = HEX_R * Math.sqrt(3) * (q + r / 2), cy = HEX_R * 1.5 * r;
        var step = Math.min(HEX_RAMP.length - 1, Math.floor((Math.log(c + 1) / logMost) * HEX_RAMP.length));
        ctx.beginPath();
        for (var j = 0; j < 6; j++) { ctx[j ? 'lineTo' : 'moveTo'](cx + outline[j][0], cy + outline[j][1]); }
        ctx.closePath();
        ctx.fillStyle = HEX_RAMP[step];
        ctx.globalAlpha = 0.85;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.stroke();
      });
      this.hexCounts = counts;
    },
    _drawPoints: function (ctx, fr, rows) {
      var inc = this.inc, data = inc.data, types = data.types;
      // Biggest first, as the markers are: a small symbol is never under a big one.
      var order = rows.slice().sort(function (a, b) { return data.f[b] - data.f[a] || a - b; });
      ctx.lineWidth = 1;
      ctx.strokeStyle = 'rgba(27,27,27,0.9)';
      ctx.globalAlpha = 0.9;
      for (var k = 0; k < order.length; k++) {
        var i = order[k], type = types[data.t[i]], outline = SHAPES[type.shape];
        var x = this.wx[i] * fr.scale - fr.ox, y = this.wy[i] * fr.scale - fr.oy;
        var r = Math.max(Math.round(inc.scaled ? radiusFor(data.f[i]) : R0), 1);
        ctx.beginPath();
        if (!outline) {
          ctx.arc(x, y, r, 0, 2 * Math.PI);
        } else {
          for (var j = 0; j < outline.length; j++) { ctx[j ? 'lineTo' : 'moveTo'](x + outline[j][0] * r, y + outline[j][1] * r); }
          ctx.closePath();
        }
        ctx.fillStyle = type.color;
        ctx.fill();
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    },
    // What is under a container point: {hex: [indices]} or {point: index} or null.
    hit: function (containerPoint) {
      var fr = this.frame;
      if (!fr) { return null; }
      var x = containerPoint.x + fr.pad.x, y = containerPoint.y + fr.pad.y, i, best = -1, bestD = Infinity;
      var n = this.inc.n, data = this.inc.data;
      if (this.binned) {
        var h = this._hexOf(x, y), rows = [];
        for (i = 0; i < n; i++) {
          if (!this.shown[i]) { continue; }
          var g = this._hexOf(this.wx[i] * fr.scale - fr.ox, this.wy[i] * fr.scale - fr.oy);
          if (g[0] === h[0] && g[1] === h[1]) { rows.push(i); }
        }
        return rows.length ? { hex: rows } : null;
      }
      for (i = 0; i < n; i++) {
        if (!this.shown[i]) { continue; }
        var dx = this.wx[i] * fr.scale - fr.ox - x, dy = this.wy[i] * fr.scale - fr.oy - y, d = dx * dx + dy * dy;
        var r = (this.inc.scaled ? radiusFor(data.f[i]) : R0) + 2;
        if (d <= r * r && d < bestD) { best = i; bestD = d; }
      }
      return best >= 0 ? { point: best } : null;
    }
  });

  // The hexagons' key, shown in the legend's place for them while they are drawn.
  function hexLegend(inc, dots) {
    var control = L.control({ position: 'bottomright' });
    control.onAdd = function () {
      var div = node('div', 'gm-hex-legend leaflet-bar');
      div.appendChild(node('div', 'gm-hex-title', 'Incidents per hexagon'));
      var bar = node('div', 'gm-hex-ramp');
      bar.style.background = 'linear-gradient(to right, ' + HEX_RAMP.join(', ') + ')';
      div.appendChild(bar);
      var ends = node('div', 'gm-hex-ends');
      var low = node('span', null, '1'), high = node('span', 'gm-hex-most', '');
      ends.appendChild(low);
      ends.appendChild(high);
      div.appendChild(ends);
      div.appendChild(node('div', 'gm-hex-note', 'More than ' + fmt(dots.binAbove)
        + ' incidents in view are counted in hexagons; zoom in (or narrow the filters) to see each one.'));
      function update() {
        div.style.display = dots.binned ? '' : 'none';
        high.textContent = fmt(dots.hexMost || 1);
      }
      dots.on('drawn', update);
      update();
      return div;
    };
    control.addTo(inc.map);
    return control;
  }

  /* ---------------------------------------------------------------- incidents */

  function Incidents(map, dataElement, options) {
    this.map = map;
    this.options = options || {};
    this._listeners = [];
    this._waiting = [];
    this.ready = false;
    var self = this;
    root.geomapTimings = { start: performance.now() };
    // A dense map's evidence sentences come in an element of their own, read once the map is
    // shown: popups, search and export wait for them (this.evidence), nothing else reads them.
    var evidence = this.options.evidence ? document.getElementById(this.options.evidence) : null;
    this.evReady = !evidence;
    this.loaded = decode(dataElement).then(function (data) {
      root.geomapTimings.decoded = performance.now();
      if (evidence) { data.ev = []; }
      self._build(data);
      self.evidence = !evidence ? Promise.resolve() : new Promise(function (resolve) { setTimeout(resolve, 0); })
        .then(function () { return decode(evidence); })
        .then(function (ev) {
          data.ev = ev;
          self.evReady = true;
          root.geomapTimings.evidence = performance.now();
          if (self._hay) {
            self._hay = null;
            var text = self.queryText;
            self.query = null;
            self.setQuery(text);
          } else {
            self._changed();
          }
        });
    }).catch(function (err) {
      console.error('geomap: could not read the map data', err);
      throw err;
    });
  }

  Incidents.prototype.whenReady = function (fn) {
    if (this.ready) { fn(this); } else { this._waiting.push(fn); }
  };

  Incidents.prototype.onChange = function (fn) { this._listeners.push(fn); };

  Incidents.prototype._build = function (data) {
    var self = this, map = this.map, opts = this.options, n = data.id.length;
    var renderer = L.canvas({ padding: 0.3 });
    map.createPane('gm-regions').style.zIndex = 390;
    this.data = data;
    this.n = n;
    this.features = new Array(n);
    this._building = true;
    if (opts.cluster && !opts.dense) {
      // One cluster group for all types, so crowded places show one cluster whose
      // ring shows the mix of types, instead of one cluster per type stacked up.
      this.cluster = L.markerClusterGroup({
        // Long chunks and no pause: the page still answers about once a second while
        // 100k points load, and the total stays close to loading them in one go
        // (default chunks of 200 ms with 50 ms pauses took about a third longer).
        chunkedLoading: true,
        chunkInterval: 1000,
        chunkDelay: 0,
        chunkProgress: function (done, total) { if (done >= total) { self._settled(); } },
        showCoverageOnHover: false,
        // Clustering the last zoom levels, where almost every point is alone, is
        // most of markercluster's cost (100k points: 8.6 s when clustering up to 16;
        // adding them took 1.9 s up to zoom 10 and 0.8 s up to zoom 9); from zoom 10
        // (a town and its surroundings) every incident is drawn, and a click lists all at a spot.
        disableClusteringAtZoom: 10,
        maxClusterRadius: 45,
        iconCreateFunction: function (cluster) { return clusterIcon(cluster, data); }
      });
      this.cluster.on('click', function (e) { e.originalEvent.gmHit = true; self.openPopup(e.layer, e.latlng); });
      this.cluster.addTo(map);
    }
    this.groups = data.types.map(function (type, t) {
      // A FeatureGroup (not a LayerGroup) so clicks on its features reach it.
      var group = L.featureGroup();
      group.gmType = t;
      // Toggling a type (layer control) adds or removes its markers from the cluster.
      group.on('add remove', function () { if (!self._building) { self.apply(); } });
      return group;
    });

    var regionShapes = data.regions, shared = {};
    this.regionFeatures = [];
    for (var i = 0; i < n; i++) {
      var kind = data.k[i], type = data.types[data.t[i]], layer = null;
      // A dense map draws one polygon per region and type, carrying its rows (gmRows):
      // 30,000 incidents in one region were 30,000 polygons, 2.8 s of a million's load.
      var key = opts.dense && kind === 1 && data.reg[i] >= 0 ? data.reg[i] + ':' + data.t[i] : null;
      if (key !== null && shared[key]) {
        shared[key].gmRows.push(i);
        this.features[i] = null;
        continue;
      }
      if (kind === 1 && data.reg[i] >= 0) {
        layer = L.geoJSON(regionShapes[data.reg[i]].g, {
          pane: 'gm-regions',
          renderer: renderer,
          style: { color: type.color, weight: 2, dashArray: '6 4', fillColor: type.color, fillOpacity: REGION_FILL }
        });
        layer.gmRegion = true;
        layer.gmFill = REGION_FILL;
        if (key !== null) {
          layer.gmRows = [i];
          shared[key] = layer;
        }
        this.regionFeatures.push(i);
      } else if (kind === 1) {
        // No polygon known: a dashed ring says "somewhere around here", not a pin.
        layer = L.circleMarker([data.lat[i], data.lon[i]], {
          renderer: renderer, radius: 16, color: type.color, weight: 2, dashArray: '4 3',
          fillColor: type.color, fillOpacity: 0.12
        });
        layer.gmRegion = true;
      } else if (kind === 0 && !opts.dense) {
        layer = new ShapeMarker([data.lat[i], data.lon[i]], {
          renderer: renderer, shape: type.shape, radius: radiusFor(data.f[i]), color: '#1b1b1b', weight: 1,
          opacity: 0.9, fillColor: type.color, fillOpacity: 0.9
        });
      }
      if (layer) {
        layer.gmIndex = i;
        layer.gmShown = false;
      }
      this.features[i] = layer;
    }

    // One shared hover label (type, place, date) instead of a tooltip per feature.
    var tip = L.tooltip({ direction: 'top', offset: [0, -8], className: 'gm-tip' });
    function hover(e) {
      var layer = e.layer, i = layer && layer.gmIndex;
      if (i === undefined) { return; }
      var d = data.d[i], text = data.types[data.t[i]].name + ' — ' + self.string('loc', i)
        + (d === null ? ' (undated)' : ', ' + isoDay(d));
      tip.setLatLng(layer.getLatLng ? layer.getLatLng() : e.latlng).setContent(node('span', null, text));
      map.openTooltip(tip);
    }
    function unhover() { map.closeTooltip(tip); }
    root.geomapTimings.features = performance.now();
    this.groups.forEach(function (group) {
      group.on('click', function (e) { e.originalEvent.gmHit = true; self.openPopup(e.layer, e.latlng); });
      group.on('mouseover', hover);
      group.on('mouseout', unhover);
      group.addTo(map);
    });
    if (this.cluster) {
      this.cluster.on('mouseover', hover);
      this.cluster.on('mouseout', unhover);
    }
    this._building = false;

    // Drawn biggest first, so a small symbol is never under a big one; the actor
    // filter tests each (actor1, actor2) pair once.
    this.order = data.f.map(function (f, i) { return i; }).sort(function (a, b) { return data.f[b] - data.f[a] || a - b; });
    this.scaled = true;
    this.actorQuery = '';
    this.actorInput = '';
    this.minFatalities = 0;
    // A loop, never Math.min.apply over the data: spreading 125,000+ values as
    // arguments overflows Chromium's stack and the page never became ready (#13).
    this.dayMin = null;
    this.dayMax = null;
    for (var j = 0; j < n; j++) {
      var day = data.d[j];
      if (day === null) { continue; }
      if (this.dayMin === null || day < this.dayMin) { this.dayMin = day; }
      if (this.dayMax === null || day > this.dayMax) { this.dayMax = day; }
    }
    this.start = this.dayMin;
    this.end = this.dayMax;
    this.showUndated = true;
    if (opts.dense) {
      this.dots = new Dots(this, { binAbove: opts.binAbove || 20000 });
      this.dots.addTo(map);
      this.hexLegend = hexLegend(this, this.dots);
      // Clicks and hover on the dense canvas: hit-tested here, in pixels.
      map.on('click', function (e) {
        if (map.gmMeasuring || !self.dots) { return; }
        var hit = self.dots.hit(e.containerPoint);
        if (!hit) { return; }
        e.originalEvent.gmHit = true;
        if (hit.point !== undefined) {
          self.openList(self.together(hit.point), L.latLng(data.lat[hit.point], data.lon[hit.point]));
        } else if (hit.hex.length <= 25 || map.getZoom() >= map.getMaxZoom()) {
          self.openList(hit.hex, e.latlng);
        } else {
          map.setView(e.latlng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
        }
      });
      // Hit-tested at most every 50 ms, at the latest pointer position.
      var hoverAt = null, last = null;
      map.on('mousemove', function (ev) {
        last = ev;
        if (hoverAt) { return; }
        hoverAt = setTimeout(function () {
          hoverAt = null;
          var e = last, hit = self.dots.binned ? null : self.dots.hit(e.containerPoint);
          if (hit) { hover({ layer: { gmIndex: hit.point, getLatLng: function () { return L.latLng(data.lat[hit.point], data.lon[hit.point]); } } }); } else { unhover(); }
        }, 50);
      });
    }
    this.apply();
    root.geomapTimings.applied = performance.now();
    this.ready = true;
    var pending = this._waiting;
    this._waiting = [];
    pending.forEach(function (fn) { fn(self); });
    if (!this._adding) { this._settled(); }
  };

  // Called when every feature is on the map (markercluster adds large sets in
  // chunks, asynchronously): the signal tests, snapshots and the benchmark wait for.
  Incidents.prototype._settled = function () {
    this._adding = false;
    if (!this.ready || root.geomapReadyAt) { return; }
    root.geomapReadyAt = performance.now();
    document.documentElement.setAttribute('data-geomap-ready', '1');
  };

  // Every filter but the types (a layer each) and the dates.
  Incidents.prototype.passes = function (i) {
    if (this.data.f[i] < this.minFatalities) { return false; }
    if (this.actorQuery && !this._pairOk[this.data.act[i]]) { return false; }
    return !this.query || this._hay[i].indexOf(this.query) >= 0;
  };

  Incidents.prototype.matches = function (i) {
    var d = this.data.d[i];
    if (d === null ? !this.showUndated : d < this.start || d > this.end) { return false; }
    return this.passes(i);
  };

  Incidents.prototype._anyMatches = function (rows) {
    for (var k = 0; k < rows.length; k++) { if (this.matches(rows[k])) { return true; } }
    return false;
  };

  Incidents.prototype.apply = function () {
    var clusterAdd = [], clusterRemove = [], cluster = this.cluster;
    var typeOn = this.groups.map(function (g, t) { return this.typeVisible(t); }, this);
    for (var k = 0; k < this.n; k++) {
      var i = this.order[k], f = this.features[i];
      if (!f) { continue; }
      var t = this.data.t[i], clustered = cluster && !f.gmRegion;
      var want = f.gmRows ? this._anyMatches(f.gmRows) : this.matches(i) && (!clustered || typeOn[t]);
      if (want === f.gmShown) { continue; }
      f.gmShown = want;
      if (clustered) {
        (want ? clusterAdd : clusterRemove).push(f);
      } else if (want) {
        this.groups[t].addLayer(f);
      } else {
        this.groups[t].removeLayer(f);
      }
    }
    if (this.dots) {
      var data = this.data, shown = this.dots.shown;
      for (var j = 0; j < this.n; j++) {
        shown[j] = data.k[j] === 0 && typeOn[data.t[j]] && this.matches(j) ? 1 : 0;
      }
      this.dots.redraw();
    }
    this._shadeRegions(typeOn);
    if (clusterRemove.length) { cluster.removeLayers(clusterRemove); }
    if (clusterAdd.length) {
      this._adding = true;
      cluster.addLayers(clusterAdd, true);  // no per-marker 'layeradd' events: nobody listens
    }
    this._changed();
  };

  // Many incidents in one region are many polygons on top of each other: only the
  // first shown one per region and type is painted, so the shade stays readable (the
  // others remain, invisible but clickable, and one click lists them all).
  Incidents.prototype._shadeRegions = function (typeOn) {
    var seen = {}, perRegion = {}, data = this.data, leads = [], k, i, f;
    for (k = 0; k < this.regionFeatures.length; k++) {
      i = this.regionFeatures[k];
      f = this.features[i];
      var key = data.reg[i] + ':' + data.t[i];
      if (f.gmShown && typeOn[data.t[i]] && !seen[key]) {
        seen[key] = true;
        perRegion[data.reg[i]] = (perRegion[data.reg[i]] || 0) + 1;
        leads.push(i);
      }
    }
    var fill = {};
    leads.forEach(function (j) { fill[j] = REGION_FILL / perRegion[data.reg[j]]; });
    for (k = 0; k < this.regionFeatures.length; k++) {
      i = this.regionFeatures[k];
      f = this.features[i];
      var want = fill[i] || 0;  // several types in one region share one shade
      if (want !== f.gmFill) {
        f.setStyle(want ? { opacity: 1, fillOpacity: want } : { opacity: 0, fillOpacity: 0 });
        f.gmFill = want;
      }
    }
  };

  Incidents.prototype._changed = function () {
    var self = this;
    this._listeners.forEach(function (fn) { fn(self); });
  };

  Incidents.prototype.setRange = function (start, end) {
    this.start = Math.min(start, end);
    this.end = Math.max(start, end);
    this.apply();
  };

  // The search text: an incident matches when its place, region, country,
  // evidence/notes, actors or source title contain it (case-insensitive).
  Incidents.prototype.setQuery = function (text) {
    var q = fold(text);
    if (q && !this._hay) {
      this._hay = new Array(this.n);
      for (var i = 0; i < this.n; i++) {
        this._hay[i] = fold([this.string('loc', i), this.string('adm', i), this.string('cty', i),
          this.data.ev[i] || '', this.actorText(i), this.string('ttl', i)].join('\n'));
      }
    }
    this.queryText = String(text || '');
    if (q === (this.query || '')) { this._changed(); return; }
    this.query = q;
    this.apply();
  };

  Incidents.prototype.setUndated = function (show) {
    this.showUndated = !!show;
    this.apply();
  };

  Incidents.prototype.actors = function (i) {
    var pair = this.data.A[this.data.act[i]];
    return [this.data.S[pair[0]] || '', this.data.S[pair[1]] || ''];
  };

  Incidents.prototype.actorText = function (i) {
    return this.actors(i).filter(Boolean).join(' vs ');
  };

  // Incidents whose actor1 or actor2 contains the text (case- and accent-insensitive).
  Incidents.prototype.setActor = function (text) {
    var q = fold(text), S = this.data.S;
    this.actorInput = String(text || '');
    if (q === this.actorQuery) { this._changed(); return; }
    this.actorQuery = q;
    this._pairOk = this.data.A.map(function (pair) {
      return fold(S[pair[0]]).indexOf(q) >= 0 || fold(S[pair[1]]).indexOf(q) >= 0;
    });
    this.apply();
  };

  Incidents.prototype.setMinFatalities = function (n) {
    n = Math.max(0, Math.floor(+n) || 0);
    if (n === this.minFatalities) { return; }
    this.minFatalities = n;
    this.apply();
  };

  // Point symbols sized by fatalities (true) or all alike.
  Incidents.prototype.setScaled = function (on) {
    on = !!on;
    if (on === this.scaled) { return; }
    this.scaled = on;
    for (var i = 0; i < this.n; i++) {
      if (this.data.k[i] === 0 && this.features[i]) { this.features[i].setRadius(on ? radiusFor(this.data.f[i]) : R0); }
    }
    if (this.dots) { this.dots.redraw(); }
    this._changed();
  };

  // Incidents per day (or per "bin" days when the dates span more days than "width"
  // pixels) that pass every filter but the dates: what the date window is chosen from.
  Incidents.prototype.histogram = function (width) {
    if (this.dayMin === null) { return null; }
    var span = this.dayMax - this.dayMin + 1, bin = Math.max(1, Math.ceil(span / (width || span)));
    var counts = [], t, i, typeOn = this.data.types.map(function (x, t) { return this.typeVisible(t); }, this);
    for (t = 0; t < Math.ceil(span / bin); t++) { counts.push(0); }
    for (i = 0; i < this.n; i++) {
      var d = this.data.d[i];
      if (d !== null && typeOn[this.data.t[i]] && this.passes(i)) { counts[Math.floor((d - this.dayMin) / bin)] += 1; }
    }
    return { first: this.dayMin, bin: bin, counts: counts };
  };

  Incidents.prototype.typeVisible = function (t) {
    return this.map.hasLayer(this.groups[t]);
  };

  /* Ids of the incidents actually drawn now, read back from Leaflet's own state
   * (layers on the map, or inside a cluster group that is on the map). */
  Incidents.prototype.shownIds = function () {
    var ids = [], self = this;
    this.groups.forEach(function (group) {
      if (!self.map.hasLayer(group)) { return; }
      group.getLayers().forEach(function (layer) {
        if (!self.map.hasLayer(layer)) { return; }
        if (!layer.gmRows) { ids.push(self.data.id[layer.gmIndex]); return; }
        layer.gmRows.forEach(function (i) { if (self.matches(i)) { ids.push(self.data.id[i]); } });
      });
    });
    if (this.cluster && this.map.hasLayer(this.cluster)) {
      this.cluster.getLayers().forEach(function (layer) { ids.push(self.data.id[layer.gmIndex]); });
    }
    if (this.dots && this.map.hasLayer(this.dots)) {
      for (var i = 0; i < this.n; i++) { if (this.dots.shown[i]) { ids.push(this.data.id[i]); } }
    }
    return ids;
  };

  /* Incidents passing the current filters, for counts: per type, plus the
   * country-level ones (which have no feature). */
  Incidents.prototype.shownCounts = function () {
    var per = this.data.types.map(function () { return 0; }), country = [], total = 0, first = null, last = null;
    for (var i = 0; i < this.n; i++) {
      var t = this.data.t[i];
      if (!this.typeVisible(t) || !this.matches(i)) { continue; }
      per[t] += 1;
      total += 1;
      if (this.data.k[i] === 2) { country.push(i); }
      var d = this.data.d[i];
      if (d !== null) {
        first = first === null ? d : Math.min(first, d);
        last = last === null ? d : Math.max(last, d);
      }
    }
    return { perType: per, total: total, country: country, first: first, last: last };
  };

  Incidents.prototype.string = function (column, i) {
    return this.data.S[this.data[column][i]] || '';
  };

  Incidents.prototype.popupContent = function (i) {
    var data = this.data, type = data.types[data.t[i]];
    var box = node('div', 'gm-popup');
    var head = node('div', 'gm-pop-head');
    head.appendChild(swatch(type.color, data.k[i] === 1 ? 'region' : type.shape, 14));
    head.appendChild(node('strong', null, type.name));
    var sub = this.string('sub', i);
    if (sub) { head.appendChild(node('span', 'gm-pop-sub', ' · ' + sub)); }
    box.appendChild(head);

    var table = node('table', 'gm-pop-table');
    function row(label, value) {
      if (value === '' || value === null || value === undefined) { return; }
      var tr = node('tr');
      tr.appendChild(node('th', null, label));
      tr.appendChild(node('td', null, value));
      table.appendChild(tr);
    }
    var d = data.d[i];
    row('Date', d === null ? 'undated (the article gives no date)'
      : isoDay(d) + (data.tp[i] ? ' (' + (PRECISION_DATE[data.tp[i]] || 'precision ' + data.tp[i]) + ')' : ''));
    var place = [this.string('loc', i), this.string('adm', i), this.string('cty', i)]
      .filter(function (v, k, all) { return v && all.indexOf(v) === k; }).join(', ');
    var gp = data.gp[i];
    row('Place', place + (gp ? ' (' + (PRECISION_GEO[gp] || 'precision ' + gp) + ')' : ''));
    row('Fatalities', String(data.f[i] || 0));
    row('Injured', data.inj[i] === null ? 'not reported' : String(data.inj[i]));
    row('Actors', this.actorText(i));
    row('Other counts', this.string('q', i));
    box.appendChild(table);

    if (data.ev[i]) { box.appendChild(node('blockquote', 'gm-pop-evidence', data.ev[i])); }

    var src = node('div', 'gm-pop-source');
    src.appendChild(node('span', 'gm-pop-label', 'Source: '));
    var title = this.string('ttl', i), file = this.string('src', i), url = this.string('url', i);
    if (title) { src.appendChild(node('span', 'gm-pop-title', title)); }
    if (file) { src.appendChild(node('span', 'gm-pop-file', (title ? ' — ' : '') + file)); }
    url.split('; ').forEach(function (u) {
      // Only real web links become links: a javascript: URL stays inert text.
      if (!u) { return; }
      if (/^https?:\/\//i.test(u)) {
        var a = node('a', 'gm-pop-link', u);
        a.href = u;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        src.appendChild(node('br'));
        src.appendChild(a);
      } else {
        src.appendChild(node('div', 'gm-pop-file', u));
      }
    });
    box.appendChild(src);
    return box;
  };

  // Every shown incident drawn at the same spot as incident i (same coordinates,
  // or the same region), i first: one click shows all that overlap there.
  Incidents.prototype.together = function (i) {
    var data = this.data, out = [i], region = this.features[i] && this.features[i].gmRegion;
    if (this.dots && region) {
      var rows = [];  // the shared polygon may show while its first row is filtered out
      for (var r = 0; r < this.n; r++) {
        if (data.k[r] === 1 && data.reg[r] === data.reg[i] && data.lat[r] === data.lat[i]
          && data.lon[r] === data.lon[i] && this.typeVisible(data.t[r]) && this.matches(r)) { rows.push(r); }
      }
      return rows.length ? rows : out;
    }
    if (this.dots && data.k[i] === 0) {
      for (var m = 0; m < this.n; m++) {
        if (m !== i && this.dots.shown[m] && data.lat[m] === data.lat[i] && data.lon[m] === data.lon[i]) { out.push(m); }
      }
      return out;
    }
    for (var j = 0; j < this.n; j++) {
      var f = this.features[j];
      if (j === i || !f || !f.gmShown || !this.typeVisible(data.t[j])) { continue; }
      var same = region ? (f.gmRegion && data.reg[j] === data.reg[i] && data.lat[j] === data.lat[i]
        && data.lon[j] === data.lon[i]) : (!f.gmRegion && data.lat[j] === data.lat[i] && data.lon[j] === data.lon[i]);
      if (same) { out.push(j); }
    }
    return out;
  };

  Incidents.prototype.openPopup = function (layer, latlng) {
    if (this.map.gmMeasuring) { return; }  // a click while measuring is a point of the line
    if (!layer || layer.gmIndex === undefined) {
      // Clicks on a region polygon arrive from its inner path: climb to ours.
      var parent = layer && layer._eventParents && Object.values(layer._eventParents)[0];
      if (!parent || parent.gmIndex === undefined) { return; }
      layer = parent;
    }
    var at = latlng || (layer.getLatLng ? layer.getLatLng() : layer.getBounds().getCenter());
    this.openList(this.together(layer.gmIndex), at);
  };

  // A popup with one incident, or a scrolling list of several (the first 25).
  Incidents.prototype.openList = function (all, at) {
    var self = this, limit = 25;
    if (!this.evReady) { this.evidence.then(function () { self.openList(all, at); }); return; }
    var content = this.popupContent(all[0]);
    if (all.length > 1) {
      content = node('div', 'gm-popup-list');
      content.appendChild(node('div', 'gm-popup-count', all.length + ' incidents here'));
      all.slice(0, limit).forEach(function (i) { content.appendChild(self.popupContent(i)); });
      if (all.length > limit) {
        content.appendChild(node('div', 'gm-popup-more', (all.length - limit)
          + ' more not listed: narrow the dates or types to see them'));
      }
    }
    L.popup({ maxWidth: 360, minWidth: 260, maxHeight: 420, className: 'gm-popup-wrap' })
      .setLatLng(at).setContent(content).openOn(this.map);
  };

  /* -------------------------------------------------------------------- heat */

  function heat(incidents, options) {
    incidents.whenReady(function (inc) {
      if (!L.heatLayer) { return; }
      // Its own pane, under the markers, so the heat never hides what it summarises.
      inc.map.createPane('gm-heat').style.zIndex = 395;
      var layer = L.heatLayer([], L.extend({ radius: 22, blur: 18, minOpacity: 0.25, pane: 'gm-heat', gradient: HEAT_GRADIENT }, options || {}));
      layer.addTo(inc.map);
      inc.heatLayer = layer;
      function refresh() {
        var pts = [], data = inc.data;
        for (var i = 0; i < inc.n; i++) {
          // Points only: a region's label point would pretend to a precision it lacks.
          if (data.k[i] !== 0 || !inc.typeVisible(data.t[i]) || !inc.matches(i)) { continue; }
          pts.push([data.lat[i], data.lon[i]]);
        }
        layer.setLatLngs(pts);
      }
      inc.onChange(refresh);
      inc.map.on('overlayadd overlayremove', refresh);
      refresh();
    });
  }

  /* ----------------------------------------------------------- layer control */

  function layerControl(incidents, options) {
    incidents.whenReady(function (inc) {
      var overlays = {}, map = inc.map;
      inc.data.types.forEach(function (type, t) {
        var label = node('span', 'gm-layer-label');
        label.appendChild(swatch(type.color, type.shape, 14));
        label.appendChild(node('span', null, ' ' + type.name + ' (' + fmt(type.count) + ')'));
        overlays[label.outerHTML] = inc.groups[t];
      });
      if (inc.heatLayer) { overlays['<span class="gm-layer-label">Density (heat)</span>'] = inc.heatLayer; }
      if (root.geomapBasemap && root.geomapBasemap[map._leaflet_id]) {
        overlays['<span class="gm-layer-label">Borders &amp; places</span>'] = root.geomapBasemap[map._leaflet_id];
      }
      // Context, overlays and tiles: their labels are built as text nodes, so a
      // name from a user's file is shown, never parsed as HTML.
      ((root.geomapExtraLayers || {})[map._leaflet_id] || []).forEach(function (extra, k) {
        var label = node('span', 'gm-layer-label');
        label.setAttribute('data-extra', k);  // two files of one name stay two entries
        if (extra.swatch) { label.appendChild(extra.swatch()); }
        label.appendChild(node('span', null, ' ' + extra.label));
        overlays[label.outerHTML] = extra.layer;
      });
      L.control.layers(null, overlays, L.extend({ collapsed: false, position: 'topright' }, options || {})).addTo(map);
      map.on('overlayadd overlayremove', function () { inc._changed(); });
    });
  }

  /* ------------------------------------------------------------------ legend */

  function legend(incidents, options) {
    var control = L.control({ position: (options && options.position) || 'bottomright' });
    control.onAdd = function () {
      var div = node('div', 'gm-legend leaflet-bar');
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(incidents.map);
    incidents.whenReady(function (inc) {
      var div = control.getContainer(), counts = [];
      div.appendChild(node('div', 'gm-legend-title', 'Event types'));
      inc.data.types.forEach(function (type, t) {
        var row = node('div', 'gm-legend-row gm-legend-type');
        row.title = 'Show or hide ' + type.name;
        row.addEventListener('click', function () {
          var group = inc.groups[t];
          if (inc.map.hasLayer(group)) { inc.map.removeLayer(group); } else { inc.map.addLayer(group); }
        });
        row.appendChild(swatch(type.color, type.shape, 16));
        row.appendChild(node('span', 'gm-legend-name', type.name));
        var count = node('span', 'gm-legend-count', fmt(type.count));
        row.appendChild(count);
        counts.push(count);
        div.appendChild(row);
      });
      var note = node('div', 'gm-legend-note');
      if (inc.data.k.indexOf(1) >= 0) {
        var r = node('div', 'gm-legend-row');
        r.appendChild(swatch('#555', 'region', 16));
        r.appendChild(node('span', 'gm-legend-name', 'Region-level (area, not a point)'));
        note.appendChild(r);
      }
      (root.geomapOverlays || []).forEach(function (ov) {
        var head = node('div', 'gm-legend-row gm-legend-overlay');
        head.appendChild(ov.swatch());
        head.appendChild(node('span', 'gm-legend-name', ov.name + (ov.data.dated ? ' (follows the dates)' : '')));
        note.appendChild(head);
        ov.data.categories.forEach(function (cat) {
          var row = node('div', 'gm-legend-row gm-legend-category');
          row.appendChild(lineSwatch(cat[1], ov.area));
          row.appendChild(node('span', 'gm-legend-name', cat[0]));
          note.appendChild(row);
        });
      });
      var countryRow = node('div', 'gm-legend-row gm-legend-country');
      note.appendChild(countryRow);
      div.appendChild(note);
      var sizes = sizeLegend(inc);
      if (sizes) { div.appendChild(sizes); }
      var heatRow = null;
      if (inc.heatLayer) {
        // Shown while the heat layer is: what its colours mean.
        heatRow = node('div', 'gm-legend-row gm-legend-heat');
        heatRow.appendChild(node('span', 'gm-legend-name', 'Density (heat)'));
        heatRow.appendChild(node('span', 'gm-heat-end', 'low'));
        var bar = node('span', 'gm-heat-bar');
        bar.style.background = 'linear-gradient(to right, ' + Object.keys(HEAT_GRADIENT).sort().map(function (k) {
          return HEAT_GRADIENT[k] + ' ' + k * 100 + '%';
        }).join(', ') + ')';
        heatRow.appendChild(bar);
        heatRow.appendChild(node('span', 'gm-heat-end', 'high'));
        div.appendChild(heatRow);
      }
      function update() {
        if (heatRow) { heatRow.style.display = inc.map.hasLayer(inc.heatLayer) ? '' : 'none'; }
        if (sizes) { sizes.classList.toggle('gm-off', !inc.scaled); sizes.gmBox.checked = inc.scaled; }
        var c = inc.shownCounts();
        inc.data.types.forEach(function (type, t) {
          counts[t].textContent = c.perType[t] === type.count ? fmt(type.count) : fmt(c.perType[t]) + ' / ' + fmt(type.count);
          counts[t].parentNode.classList.toggle('gm-off', !inc.typeVisible(t));
        });
        countryRow.textContent = c.country.length ? fmt(c.country.length) + ' country-level (listed, not mapped)' : '';
      }
      inc.onChange(update);
      update();
    });
  }

  // Symbol sizes for a few fatality counts up to the data's largest, and a box to
  // turn the scaling off (a carpet of big symbols at zoom 10 hides the small ones).
  function sizeLegend(inc) {
    var most = inc.data.f.reduce(function (m, f, i) { return inc.data.k[i] === 0 && f > m ? f : m; }, 0);
    if (!most) { return null; }
    var box = node('div', 'gm-legend-sizes'), head = node('label', 'gm-legend-row gm-legend-size-head');
    var check = node('input');
    check.type = 'checkbox';
    check.checked = inc.scaled;
    check.addEventListener('change', function () { inc.setScaled(check.checked); });
    head.appendChild(check);
    head.appendChild(node('span', 'gm-legend-name', 'Size by fatalities (area)'));
    box.appendChild(head);
    box.gmBox = check;
    var values = [1, 10, 50].filter(function (v) { return v < most && v < F_CAP; });
    values.push(Math.min(most, F_CAP));
    var ns = 'http://www.w3.org/2000/svg', row = node('div', 'gm-legend-row gm-legend-size-row');
    var h = Math.ceil(2 * radiusFor(values[values.length - 1]) + 2);
    values.forEach(function (v) {
      // Circles on one baseline, each of the radius drawn on the map.
      var r = radiusFor(v), s = Math.ceil(2 * r + 2), svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('width', s);
      svg.setAttribute('height', h);
      svg.setAttribute('class', 'gm-swatch');
      var c = document.createElementNS(ns, 'circle');
      c.setAttribute('cx', s / 2); c.setAttribute('cy', h - 1 - r); c.setAttribute('r', r);
      c.setAttribute('fill', '#bbb'); c.setAttribute('stroke', '#222');
      svg.appendChild(c);
      var item = node('span', 'gm-size-item');
      item.appendChild(svg);
      item.appendChild(node('span', 'gm-size-label', v >= F_CAP ? fmt(F_CAP) + '+' : fmt(v)));
      row.appendChild(item);
    });
    box.appendChild(row);
    return box;
  }

  /* ------------------------------------------------------------ date control */

  function dateControl(incidents, options) {
    var control = L.control({ position: (options && options.position) || 'bottomleft' });
    control.onAdd = function () {
      var div = node('div', 'gm-dates leaflet-bar');
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(incidents.map);
    incidents.whenReady(function (inc) {
      var div = control.getContainer();
      div.appendChild(node('div', 'gm-dates-title', 'Dates'));
      var hasDates = inc.dayMin !== null;
      var from, to;
      function slider(label, value, cls) {
        var row = node('label', 'gm-dates-row ' + cls);
        row.appendChild(node('span', 'gm-dates-label', label));
        var input = node('input');
        input.type = 'range';
        input.min = inc.dayMin;
        input.max = inc.dayMax;
        input.step = 1;
        input.value = value;
        var out = node('output', 'gm-dates-value', isoDay(value));
        row.appendChild(input);
        row.appendChild(out);
        div.appendChild(row);
        input.gmOut = out;
        return input;
      }
      if (hasDates) {
        from = slider('From', inc.dayMin, 'gm-from');
        to = slider('To', inc.dayMax, 'gm-to');
        // With tens of thousands of incidents one re-filter takes a noticeable
        // fraction of a second: while a thumb is dragged, filter once it rests.
        var delay = inc.n > 20000 ? 200 : 0, timer = null;
        var onInput = function () {
          var a = +from.value, b = +to.value;
          // The thumbs may not cross: moving one past the other pushes it along.
          if (a > b) { if (this === from) { to.value = a; b = a; } else { from.value = b; a = b; } }
          from.gmOut.textContent = isoDay(a);
          to.gmOut.textContent = isoDay(b);
          dates.pause();
          if (!delay) { inc.setRange(a, b); return; }
          clearTimeout(timer);
          timer = setTimeout(function () { inc.setRange(a, b); }, delay);
        };
        from.addEventListener('input', onInput);
        to.addEventListener('input', onInput);
        var dates = playAndHistogram(inc, div);
      } else {
        div.appendChild(node('div', 'gm-dates-none', 'No dated incidents'));
      }
      var undatedCount = inc.data.d.filter(function (d) { return d === null; }).length;
      var check = node('label', 'gm-dates-undated');
      var box = node('input');
      box.type = 'checkbox';
      box.checked = inc.showUndated;
      box.disabled = undatedCount === 0;
      box.addEventListener('change', function () { inc.setUndated(box.checked); });
      check.appendChild(box);
      check.appendChild(node('span', null, ' Show undated (' + undatedCount + ')'));
      div.appendChild(check);
      // Dates set from elsewhere (the permalink, the animation) move the sliders too.
      inc.onChange(function () {
        box.checked = inc.showUndated;
        if (hasDates) { dates.draw(); }
        if (!hasDates || (+from.value === inc.start && +to.value === inc.end)) { return; }
        from.value = inc.start;
        to.value = inc.end;
        from.gmOut.textContent = isoDay(inc.start);
        to.gmOut.textContent = isoDay(inc.end);
      });
    });
  }

  // Histogram size in CSS pixels: up to one bar per pixel column, so per day for
  // up to HIST_W days and per several days beyond.
  var HIST_W = 200, HIST_H = 32;

  // Under the sliders: a play/pause button stepping the date window through the
  // dates, and the incidents per day that pass the other filters (bars inside the
  // window dark). window.geomapDates is its API.
  function playAndHistogram(inc, div) {
    var row = node('div', 'gm-dates-play'), button = node('button', 'gm-play', '\u25B6');
    var chart = node('canvas', 'gm-hist'), caption = node('div', 'gm-hist-caption');
    var api = root.geomapDates = { interval: 700, histogram: null }, timer = null, key = null;
    button.type = 'button';
    button.title = 'Play the dates';
    button.setAttribute('aria-label', button.title);
    row.appendChild(button);
    row.appendChild(chart);
    div.appendChild(row);
    div.appendChild(caption);
    var dpr = root.devicePixelRatio || 1;
    chart.width = HIST_W * dpr;
    chart.height = HIST_H * dpr;
    chart.style.width = HIST_W + 'px';
    chart.style.height = HIST_H + 'px';

    api.draw = function () {
      // Recounted only when a filter other than the dates changed.
      var types = inc.data.types.map(function (x, t) { return inc.typeVisible(t) ? 1 : 0; }).join('');
      var now = [types, inc.query, inc.actorQuery, inc.minFatalities].join('\u0000');
      if (now !== key) { key = now; api.histogram = inc.histogram(HIST_W); }
      var h = api.histogram, n = h.counts.length, most = h.counts.reduce(function (m, c) { return c > m ? c : m; }, 0) || 1;
      var ctx = chart.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, HIST_W, HIST_H);
      h.counts.forEach(function (c, k) {
        if (!c) { return; }
        var first = h.first + k * h.bin, inside = first + h.bin - 1 >= inc.start && first <= inc.end;
        var x0 = Math.floor((k * HIST_W) / n), x1 = Math.max(x0 + 1, Math.floor(((k + 1) * HIST_W) / n) - (n <= HIST_W / 3 ? 1 : 0));
        var top = Math.min(HIST_H - 1, Math.round((HIST_H * (most - c)) / most));
        ctx.fillStyle = inside ? '#1f2d3d' : '#b9c1ca';
        ctx.fillRect(x0, top, x1 - x0, HIST_H - top);
      });
      caption.textContent = 'Incidents per ' + (h.bin === 1 ? 'day' : h.bin + ' days') + ' (most: ' + fmt(most) + ')';
    };

    api.playing = function () { return timer !== null; };
    api.pause = function () {
      clearTimeout(timer);
      timer = null;
      button.textContent = '\u25B6';
      button.classList.remove('gm-on');
    };
    // The window moves by its own width, so each dated incident shows in one step.
    // From the whole range, the window becomes about a thirtieth of it.
    api.play = function () {
      if (timer !== null) { return; }
      var width = inc.end - inc.start + 1, span = inc.dayMax - inc.dayMin + 1;
      if (width === span) { width = Math.max(1, Math.ceil(span / 30)); }
      if (width !== inc.end - inc.start + 1 || inc.end >= inc.dayMax) {
        inc.setRange(inc.dayMin, Math.min(inc.dayMax, inc.dayMin + width - 1));
      }
      api.width = width;
      button.textContent = '\u275A\u275A';
      button.classList.add('gm-on');
      function tick() {
        var a = inc.start + width;
        inc.setRange(a, Math.min(inc.dayMax, a + width - 1));
        timer = inc.end < inc.dayMax ? setTimeout(tick, api.interval) : (api.pause(), null);
      }
      timer = inc.end < inc.dayMax ? setTimeout(tick, api.interval) : (api.pause(), null);
    };
    button.addEventListener('click', function () { if (timer === null) { api.play(); } else { api.pause(); } });
    api.draw();
    return api;
  }

  /* ----------------------------------------------------------------- filters */

  // Actor (actor1 or actor2 contains the text; the actors present are offered) and
  // minimum fatalities, combined with the types, dates and search.
  function filters(incidents, options) {
    incidents.whenReady(function (inc) {
      var data = inc.data, most = Math.max(0, data.f.reduce(function (m, f) { return f > m ? f : m; }, 0));
      // Incidents per actor: counted per (actor1, actor2) pair, then per name.
      var perPair = data.A.map(function () { return 0; }), perActor = {};
      data.act.forEach(function (p) { perPair[p] += 1; });
      data.A.forEach(function (pair, p) {
        [pair[0], pair[1]].filter(function (s, k, all) { return s && all.indexOf(s) === k; }).forEach(function (s) {
          perActor[s] = (perActor[s] || 0) + perPair[p];
        });
      });
      var names = Object.keys(perActor).sort(function (a, b) {
        return perActor[b] - perActor[a] || data.S[a].localeCompare(data.S[b]);
      });
      if (!names.length && !most) { return; }
      var control = L.control({ position: (options && options.position) || 'bottomleft' });
      control.onAdd = function () {
        var div = node('div', 'gm-filters leaflet-bar');
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      };
      control.addTo(inc.map);
      var div = control.getContainer(), delay = inc.n > 20000 ? 200 : 0, timers = {};
      div.appendChild(node('div', 'gm-filters-title', 'Filters'));
      function field(label, input, apply) {
        var row = node('label', 'gm-filters-row');
        row.appendChild(node('span', 'gm-filters-label', label));
        row.appendChild(input);
        div.appendChild(row);
        input.addEventListener('input', function () {
          clearTimeout(timers[label]);
          timers[label] = setTimeout(function () { apply(input.value); }, delay);
        });
        return input;
      }
      var actor = null, minimum = null;
      if (names.length) {
        var list = node('datalist');
        list.id = 'gm-actors-' + L.stamp(control);
        names.slice(0, 500).forEach(function (name) {
          var option = node('option', null, fmt(perActor[name]));
          option.value = data.S[name];
          list.appendChild(option);
        });
        div.appendChild(list);
        actor = node('input', 'gm-filter-actor');
        actor.type = 'search';
        actor.placeholder = 'any actor (' + fmt(names.length) + ')';
        actor.setAttribute('list', list.id);
        field('Actor', actor, function (v) { inc.setActor(v); });
        actor.addEventListener('keydown', function (e) { if (e.key === 'Escape') { actor.value = ''; inc.setActor(''); } });
      }
      if (most) {
        minimum = node('input', 'gm-filter-fatalities');
        minimum.type = 'number';
        minimum.min = 0;
        minimum.max = most;
        minimum.step = 1;
        minimum.value = 0;
        field('Min. fatalities', minimum, function (v) { inc.setMinFatalities(v); });
      }
      // Filters set from elsewhere (the permalink) show here too.
      inc.onChange(function () {
        if (actor && document.activeElement !== actor) { actor.value = inc.actorInput || ''; }
        if (minimum && document.activeElement !== minimum) { minimum.value = inc.minFatalities; }
      });
    });
  }

  /* --------------------------------------------------------------- title bar */

  function titleBar(incidents, options) {
    var control = L.control({ position: 'topleft' });
    control.onAdd = function () {
      var div = node('div', 'gm-title');
      div.appendChild(node('div', 'gm-title-main', options.title || 'Incidents'));
      div.appendChild(node('div', 'gm-title-sub', ''));
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    control.addTo(incidents.map);
    incidents.whenReady(function (inc) {
      var sub = control.getContainer().querySelector('.gm-title-sub');
      function update() {
        var c = inc.shownCounts(), parts = [fmt(c.total) + (c.total === 1 ? ' incident' : ' incidents')];
        if (inc.dayMin !== null) {
          parts.push(inc.start === inc.end ? isoDay(inc.start) : isoDay(inc.start) + ' – ' + isoDay(inc.end));
        }
        if (options.subtitle) { parts.push(options.subtitle); }
        sub.textContent = parts.join(' · ');
      }
      inc.onChange(update);
      update();
    });
  }

  /* ---------------------------------------------------- country-level panel */

  function countryPanel(incidents, options) {
    incidents.whenReady(function (inc) {
      if (inc.data.k.indexOf(2) < 0) { return; }
      var control = L.control({ position: (options && options.position) || 'bottomleft' });
      control.onAdd = function () {
        var div = node('div', 'gm-country leaflet-bar');
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      };
      control.addTo(inc.map);
      var div = control.getContainer();
      var head = node('div', 'gm-country-title', 'Country-level incidents');
      var list = node('ul', 'gm-country-list');
      div.appendChild(head);
      div.appendChild(list);
      function entry(type, text, indices) {
        var li = node('li', 'gm-country-item');
        li.appendChild(swatch(type.color, type.shape, 12));
        li.appendChild(node('span', null, ' ' + text));
        li.title = indices.length === 1 ? inc.data.ev[indices[0]] || '' : 'Click to list them';
        li.addEventListener('click', function () { inc.openList(indices, inc.map.getCenter()); });
        list.appendChild(li);
      }
      function update() {
        var c = inc.shownCounts();
        head.textContent = 'Country-level incidents: ' + c.country.length;
        list.textContent = '';
        var place = function (i) { return inc.string('cty', i) || inc.string('loc', i); };
        if (c.country.length <= GROUP_ABOVE) {
          c.country.forEach(function (i) {
            var d = inc.data.d[i], type = inc.data.types[inc.data.t[i]];
            entry(type, type.name + ' — ' + place(i) + ', ' + (d === null ? 'undated' : isoDay(d)), [i]);
          });
        } else {
          // Many: one line per country and type, with a count.
          var groups = {}, order = [];
          c.country.forEach(function (i) {
            var key = place(i) + '\u0000' + inc.data.t[i];
            if (!groups[key]) { groups[key] = []; order.push(key); }
            groups[key].push(i);
          });
          order.sort(function (a, b) { return groups[b].length - groups[a].length; });
          order.forEach(function (key) {
            var first = groups[key][0], type = inc.data.types[inc.data.t[first]];
            entry(type, type.name + ' — ' + place(first) + ' ×' + groups[key].length, groups[key]);
          });
        }
        div.style.display = c.country.length ? '' : 'none';
      }
      inc.onChange(update);
      update();
    });
  }

  /* ----------------------------------------------------------------- basemap */

  function basemap(map, dataElement) {
    var data = JSON.parse(dataElement.textContent);
    map.createPane('gm-base').style.zIndex = 150;
    map.createPane('gm-labels').style.zIndex = 380;
    map.getPane('gm-labels').style.pointerEvents = 'none';
    var renderer = L.canvas({ pane: 'gm-base', padding: 0.3 });
    var group = L.layerGroup();
    var styles = {
      sea: { stroke: false, fillColor: '#c9dbe6', fillOpacity: 1 },
      country: { color: '#7d7a73', weight: 1.2, fillColor: '#f3f0e8', fillOpacity: 1 },
      admin1: { color: '#b9b2a3', weight: 0.6, dashArray: '3 3', fill: false }
    };
    ['sea', 'country', 'admin1'].forEach(function (kind) {
      (data[kind] || []).forEach(function (item) {
        L.geoJSON(item.g, { pane: 'gm-base', renderer: renderer, interactive: false, style: styles[kind] }).addTo(group);
      });
    });
    function label(lat, lon, text, cls) {
      var icon = L.divIcon({ className: 'gm-label ' + cls, html: '', iconSize: null });
      var marker = L.marker([lat, lon], { icon: icon, pane: 'gm-labels', interactive: false, keyboard: false });
      marker.on('add', function () {
        var el = marker.getElement();
        el.textContent = '';
        el.appendChild(node('span', null, text));
      });
      return marker;
    }
    // Priority order for crowded labels: countries that fill much of the window
    // (their name is what the reader looks for first), places (capitals first),
    // the other countries, seas.
    var BIG_COUNTRY = 0.08;
    var labels = [];
    var places = L.layerGroup().addTo(group);
    function areaLabels(kind, big) {
      (data[kind] || []).forEach(function (item) {
        if (item.lat === null || (kind === 'country' && (item.a >= BIG_COUNTRY) !== big)) { return; }
        labels.push(label(item.lat, item.lon, item.n, 'gm-label-' + kind).addTo(group));
      });
    }
    areaLabels('country', true);
    (data.places || []).forEach(function (p) {
      var marker = label(p.lat, p.lon, p.n, 'gm-label-place' + (p.cap ? ' gm-label-capital' : '')).addTo(places);
      marker.gmPlace = true;
      labels.push(marker);
    });
    areaLabels('country', false);
    areaLabels('sea', false);
    function overlaps(r, rects) {
      return rects.some(function (k) {
        return r.left < k.right + 3 && r.right > k.left - 3 && r.top < k.bottom + 1 && r.bottom > k.top - 1;
      });
    }
    function markerRects() {
      // Incident markers and cluster icons in screen coordinates: a place name
      // under one would be unreadable (markers sit in a higher pane).
      var rects = [], box = map.getContainer().getBoundingClientRect();
      map.eachLayer(function (layer) {
        if (layer.options && layer.options.pane === 'gm-labels') { return; }
        if (layer instanceof L.CircleMarker) {
          var p = map.latLngToContainerPoint(layer.getLatLng()), rad = (layer._radius || layer.options.radius || 0) + 2;
          rects.push({ left: box.left + p.x - rad, right: box.left + p.x + rad, top: box.top + p.y - rad, bottom: box.top + p.y + rad });
        } else if (layer instanceof L.Marker && layer._icon) {
          rects.push(layer._icon.getBoundingClientRect());
        }
      });
      return rects;
    }
    function shift(r, dx, dy) {
      return { left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy };
    }
    function declutter() {
      // Hide any label that would overlap one of higher priority; move a place
      // name clear of an incident marker that covers it, or hide it.
      var kept = [], obstacles = markerRects();
      labels.forEach(function (marker) {
        var el = marker.getElement(), span = el && el.firstChild;
        if (!span) { return; }
        span.style.visibility = '';
        span.style.transform = '';
        L.DomUtil.removeClass(el, 'gm-label-moved');
        var r = span.getBoundingClientRect();
        if (marker.gmPlace && overlaps(r, obstacles)) {
          var o = obstacles.filter(function (k) { return overlaps(r, [k]); })[0];
          var moves = [
            [o.right + 4 - r.left, 0], [o.left - 4 - r.right, 0],
            [0, o.top - 2 - r.bottom], [0, o.bottom + 2 - r.top]
          ];
          var move = moves.filter(function (m) {
            var moved = shift(r, m[0], m[1]);
            return !overlaps(moved, obstacles) && !overlaps(moved, kept);
          })[0];
          if (!move) { span.style.visibility = 'hidden'; return; }
          // The dot is under the marker now: the name alone, beside it, reads as its label.
          L.DomUtil.addClass(el, 'gm-label-moved');
          span.style.transform = 'translate(' + (6 + move[0]) + 'px, calc(-50% + ' + move[1] + 'px))';
          kept.push(shift(r, move[0], move[1]));
          return;
        }
        if (overlaps(r, kept)) { span.style.visibility = 'hidden'; } else { kept.push(r); }
      });
    }
    var pending = null;
    function schedule() {
      // Markers come and go in bursts (clustering, filters; 100k at load without
      // clustering): one declutter per burst, and a cheap check per added marker.
      if (pending !== null) { return; }
      pending = setTimeout(function () { pending = null; declutter(); }, 50);
    }
    map.on('zoomend moveend viewreset layeradd layerremove', schedule);
    map.whenReady(function () { setTimeout(declutter, 0); });
    group.addTo(map);
    root.geomapBasemap = root.geomapBasemap || {};
    root.geomapBasemap[map._leaflet_id] = group;
    return group;
  }


  /* ------------------------------------------------------- context (towns) */

  // Towns, villages and region names drawn on one canvas under the incidents.
  // Places come in label priority order (at incidents first, then bigger first);
  // each redraw keeps, in that order, every place of the view whose zoom has come
  // whose name and dot overlap nothing kept before (the basemap's own labels
  // included), so crowded views show fewer names, never a pile of them.
  var MAX_CONTEXT_LABELS = 400;

  var ContextLayer = L.Layer.extend({
    initialize: function (data) {
      this._data = data;
      this.drawn = [];
    },
    onAdd: function (map) {
      var pane = map.getPane('gm-context') || map.createPane('gm-context');
      pane.style.zIndex = 375;
      pane.style.pointerEvents = 'none';
      this._canvas = L.DomUtil.create('canvas', 'gm-context-canvas', pane);
      map.on('moveend zoomend resize viewreset', this._schedule, this);
      map.on('zoomstart', this._hide, this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off('moveend zoomend resize viewreset', this._schedule, this);
      map.off('zoomstart', this._hide, this);
      L.DomUtil.remove(this._canvas);
      this.drawn = [];
    },
    _hide: function () { this._canvas.style.visibility = 'hidden'; },
    _schedule: function () {
      // After the basemap's own declutter (50 ms), whose kept labels we avoid.
      var self = this;
      clearTimeout(this._timer);
      this._timer = setTimeout(function () { self._redraw(); }, 70);
    },
    _redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var size = map.getSize(), dpr = root.devicePixelRatio || 1, canvas = this._canvas;
      canvas.width = size.x * dpr;
      canvas.height = size.y * dpr;
      canvas.style.width = size.x + 'px';
      canvas.style.height = size.y + 'px';
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      canvas.style.visibility = '';
      var ctx = canvas.getContext('2d'), data = this._data, zoom = map.getZoom();
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      var kept = [], drawn = [], box = map.getContainer().getBoundingClientRect();
      // The basemap's visible labels (countries, seas, capitals) are there first.
      var spans = map.getContainer().querySelectorAll('.gm-label span');
      for (var s = 0; s < spans.length; s++) {
        if (spans[s].style.visibility === 'hidden') { continue; }
        var r = spans[s].getBoundingClientRect();
        if (r.width) { kept.push([r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top]); }
      }
      function free(rect) {
        for (var k = 0; k < kept.length; k++) {
          var o = kept[k];
          if (rect[0] < o[2] + 2 && rect[2] > o[0] - 2 && rect[1] < o[3] + 1 && rect[3] > o[1] - 1) { return false; }
        }
        return true;
      }
      var bounds = map.getBounds().pad(0.05), n = data.n.length, labels = 0;
      for (var i = 0; i < n && labels < MAX_CONTEXT_LABELS; i++) {
        if (data.z[i] > zoom) { continue; }
        var lat = data.lat[i], lon = data.lon[i];
        if (lat < bounds.getSouth() || lat > bounds.getNorth() || lon < bounds.getWest() || lon > bounds.getEast()) { continue; }
        var pt = map.latLngToContainerPoint([lat, lon]);
        var big = data.z[i] <= zoom - 3;
        ctx.font = (big ? '600 13px' : '12px') + ' system-ui, sans-serif';
        var width = ctx.measureText(data.n[i]).width;
        var dot = [pt.x - 3, pt.y - 3, pt.x + 3, pt.y + 3];
        var label = [pt.x + 5, pt.y - 8, pt.x + 6 + width, pt.y + 8];
        if (!free(dot) || !free(label)) { continue; }
        kept.push(dot, label);
        ctx.beginPath();
        ctx.arc(pt.x, pt.y, big ? 3 : 2.3, 0, 2 * Math.PI);
        ctx.fillStyle = '#4b463d';
        ctx.fill();
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.lineWidth = 3;
        ctx.strokeText(data.n[i], label[0], pt.y);
        ctx.fillStyle = big ? '#2c2924' : '#4b463d';
        ctx.fillText(data.n[i], label[0], pt.y);
        drawn.push(data.n[i]);
        labels += 1;
      }
      // Region names at middle zooms, where a region fills a good part of the view,
      // after the towns (a town is what a marker is read against).
      if (zoom >= 6 && zoom <= 9) {
        ctx.font = 'italic 12px system-ui, sans-serif';
        (data.r || []).forEach(function (reg) {
          var p = map.latLngToContainerPoint([reg[1], reg[2]]), text = reg[0].toUpperCase();
          var w = ctx.measureText(text).width, rect = [p.x - w / 2, p.y - 8, p.x + w / 2, p.y + 8];
          if (rect[2] < 0 || rect[0] > size.x || rect[3] < 0 || rect[1] > size.y || !free(rect)) { return; }
          kept.push(rect);
          ctx.strokeStyle = 'rgba(255,255,255,0.85)';
          ctx.lineWidth = 3;
          ctx.strokeText(text, rect[0], p.y);
          ctx.fillStyle = '#9b917e';
          ctx.fillText(text, rect[0], p.y);
          drawn.push(reg[0]);
        });
      }
      this.drawn = drawn;
      this.fire('redraw');
    }
  });

  function contextLayer(map, dataElement) {
    var layer = new ContextLayer(JSON.parse(dataElement.textContent)).addTo(map);
    root.geomapContext = layer;
    root.geomapExtraLayers = root.geomapExtraLayers || {};
    (root.geomapExtraLayers[map._leaflet_id] = root.geomapExtraLayers[map._leaflet_id] || [])
      .push({ label: 'Towns & region names', layer: layer });
    return layer;
  }


  /* ------------------------------------------------------- embedded tiles */

  // Tiles of a local MBTiles/PMTiles package, embedded as data: images by key
  // "z/x/y"; a tile the package lacks (outside the incidents' area) is blank.
  var BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

  var PackageTileLayer = L.TileLayer.extend({
    initialize: function (tiles, options) {
      this._embedded = tiles;
      L.TileLayer.prototype.initialize.call(this, '', options);
    },
    getTileUrl: function (coords) {
      return this._embedded[coords.z + '/' + coords.x + '/' + coords.y] || BLANK_TILE;
    }
  });

  function packageTiles(map, dataElement, options) {
    var opts = L.extend({ maxZoom: map.getMaxZoom() }, options);
    var layer = new PackageTileLayer(JSON.parse(dataElement.textContent), opts).addTo(map);
    root.geomapExtraLayers = root.geomapExtraLayers || {};
    (root.geomapExtraLayers[map._leaflet_id] = root.geomapExtraLayers[map._leaflet_id] || [])
      .push({ label: options.label || 'Tiles', layer: layer });
    return layer;
  }


  /* ------------------------------------------------------------ overlays */

  // A line swatch (or a filled square for areas) for an overlay in the legend and layer control.
  function lineSwatch(color, area) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), el;
    svg.setAttribute('width', 16);
    svg.setAttribute('height', 16);
    svg.setAttribute('class', 'gm-swatch');
    if (area) {
      el = document.createElementNS(ns, 'rect');
      el.setAttribute('x', 2); el.setAttribute('y', 3); el.setAttribute('width', 12); el.setAttribute('height', 10);
      el.setAttribute('fill-opacity', '0.35');
    } else {
      el = document.createElementNS(ns, 'path');
      el.setAttribute('d', 'M1 12 L6 5 L10 10 L15 3');
      el.setAttribute('fill', 'none');
    }
    el.setAttribute('stroke', color);
    el.setAttribute('stroke-width', '2');
    if (area) { el.setAttribute('fill', color); }
    svg.appendChild(el);
    return svg;
  }

  function overlay(map, incidents, dataElement) {
    var data = JSON.parse(dataElement.textContent);
    var pane = map.getPane('gm-overlays') || map.createPane('gm-overlays');
    pane.style.zIndex = 370;  // above the basemap and towns' dots, under region shades and markers
    var renderer = L.svg({ pane: 'gm-overlays' });
    var group = L.featureGroup(), area = false;
    if (!map.gmOverlayClicks) {
      // The incidents' canvas lies over this pane and takes every click: one that
      // hits no incident goes to the topmost overlay feature under the pointer,
      // found by the browser's own hit test of the SVG and Leaflet's element table.
      map.gmOverlayClicks = true;
      map.on('click', function (e) {
        var ev = e.originalEvent;
        if (!ev || ev.gmHit || map.gmMeasuring) { return; }
        var under = document.elementsFromPoint(ev.clientX, ev.clientY);
        for (var k = 0; k < under.length; k++) {
          var hit = under[k]._leaflet_id && map._targets[under[k]._leaflet_id];
          if (hit && hit !== map && hit.options.pane === 'gm-overlays') {
            hit.fire('click', { latlng: e.latlng, originalEvent: ev }, true);
            return;
          }
        }
      });
    }
    var features = data.features.map(function (f) {
      var isArea = /Polygon/.test(f.g.type);
      area = area || isArea;
      var layer = L.geoJSON(f.g, {
        pane: 'gm-overlays',
        renderer: renderer,
        style: {
          color: f.c, weight: f.w || (isArea ? 1.5 : 3), opacity: 0.9,
          fillColor: f.f || f.c, fillOpacity: f.o === null || f.o === undefined ? 0.18 : f.o
        },
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { pane: 'gm-overlays', renderer: renderer, radius: 5, color: '#222', weight: 1,
            fillColor: f.c, fillOpacity: 0.9 });
        }
      });
      layer.gmFeature = f;
      layer.on('click', function (e) {
        if (map.gmMeasuring) { return; }
        var box = node('div', 'gm-popup'), table = node('table', 'gm-pop-table');
        box.appendChild(node('strong', null, data.name));
        f.p.forEach(function (kv) {
          var tr = node('tr');
          tr.appendChild(node('th', null, kv[0]));
          tr.appendChild(node('td', null, kv[1]));
          table.appendChild(tr);
        });
        box.appendChild(table);
        L.popup({ maxWidth: 360, maxHeight: 320 }).setLatLng(e.latlng).setContent(box).openOn(map);
      });
      return layer;
    });
    var api = {
      name: data.name, data: data, group: group, day: null,
      // Indices (in the file) of the features drawn now.
      shown: function () {
        return features.filter(function (l) { return group.hasLayer(l); }).map(function (l) { return l.gmFeature.i; });
      }
    };
    function update(day) {
      api.day = day;
      features.forEach(function (layer) {
        var f = layer.gmFeature;
        var want = day === null || ((f.from === null || f.from <= day) && (f.to === null || day <= f.to));
        if (want && !group.hasLayer(layer)) { group.addLayer(layer); }
        if (!want && group.hasLayer(layer)) { group.removeLayer(layer); }
      });
    }
    // Until the incidents are read every undated feature shows; then the end of the
    // date range decides (the front line as of that day).
    update(null);
    group.addTo(map);
    incidents.whenReady(function (inc) {
      function follow() { update(inc.dayMin === null ? null : inc.end); }
      inc.onChange(follow);
      follow();
    });
    api.swatch = function () { return lineSwatch(data.color || (data.categories[0] || [])[1] || '#6a3d9a', area); };
    root.geomapOverlays = root.geomapOverlays || [];
    root.geomapOverlays.push(api);
    root.geomapExtraLayers = root.geomapExtraLayers || {};
    (root.geomapExtraLayers[map._leaflet_id] = root.geomapExtraLayers[map._leaflet_id] || [])
      .push({ label: data.name, layer: group, swatch: api.swatch });
    api.area = area;
    return api;
  }


  /* ------------------------------------------------------------------ tools */

  // Fullscreen, collapsible panels, search, export of the shown incidents and the
  // permalink. Our own small controls: no installed Python package ships the
  // Leaflet plugins (folium links them from CDNs). Data reaches the page's DOM
  // only through textContent, and exports are built from the embedded columns.

  var PANELS = [
    // [name in the permalink, selector, button label]
    ['legend', '.gm-legend', 'Legend'],
    ['layers', '.leaflet-control-layers', 'Layers'],
    ['dates', '.gm-dates', 'Dates'],
    ['filters', '.gm-filters', 'Filters'],
    ['country', '.gm-country', 'Country-level']
  ];

  // Columns of the exports, in order: [name, function of (inc, i)].
  var EXPORT_COLUMNS = [
    ['event_id', function (inc, i) { return inc.data.id[i]; }],
    ['event_date', function (inc, i) { return inc.data.d[i] === null ? null : isoDay(inc.data.d[i]); }],
    ['time_precision', function (inc, i) { return inc.data.tp[i]; }],
    ['event_type', function (inc, i) { return inc.data.types[inc.data.t[i]].name; }],
    ['sub_event_type', function (inc, i) { return inc.string('sub', i); }],
    ['location', function (inc, i) { return inc.string('loc', i); }],
    ['admin1', function (inc, i) { return inc.string('adm', i); }],
    ['country', function (inc, i) { return inc.string('cty', i); }],
    ['geo_precision', function (inc, i) { return inc.data.gp[i]; }],
    ['latitude', function (inc, i) { return inc.data.lat[i]; }],
    ['longitude', function (inc, i) { return inc.data.lon[i]; }],
    ['fatalities', function (inc, i) { return inc.data.f[i]; }],
    ['injured', function (inc, i) { return inc.data.inj[i]; }],
    ['actor1', function (inc, i) { return inc.actors(i)[0]; }],
    ['actor2', function (inc, i) { return inc.actors(i)[1]; }],
    ['quantities', function (inc, i) { return inc.string('q', i); }],
    ['notes', function (inc, i) { return inc.data.ev[i] || ''; }],
    ['source', function (inc, i) { return inc.string('src', i); }],
    ['title', function (inc, i) { return inc.string('ttl', i); }],
    ['url', function (inc, i) { return inc.string('url', i); }]
  ];

  function csvCell(value, text) {
    if (value === null || value === undefined) { return ''; }
    var s = String(value);
    // A text cell starting like a formula would run in a spreadsheet: keep it text.
    if (text && /^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return /[",\r\n]/.test(s) || s !== s.trim() ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  var NUMERIC = { time_precision: 1, geo_precision: 1, latitude: 1, longitude: 1, fatalities: 1, injured: 1 };

  function tools(incidents, options) {
    var opts = options || {}, map = incidents.map, container = map.getContainer();
    var api = root.geomapTools = { ready: false };

    /* fullscreen: the browser's Fullscreen API, or the page's whole window
     * when the browser refuses (an iframe without allowfullscreen) */
    api.isFullscreen = function () {
      return document.fullscreenElement === container || container.classList.contains('gm-fullscreen');
    };
    api.toggleFullscreen = function () {
      function pseudo(on) {
        container.classList.toggle('gm-fullscreen', on);
        document.documentElement.classList.toggle('gm-fullscreen-page', on);
        changed();
      }
      function changed() { map.invalidateSize(); if (api.fsButton) { api.fsButton.classList.toggle('gm-on', api.isFullscreen()); } }
      if (api.isFullscreen()) {
        if (document.fullscreenElement === container) { return document.exitFullscreen().then(changed, changed); }
        pseudo(false);
        return Promise.resolve();
      }
      if (container.requestFullscreen && document.fullscreenEnabled) {
        return container.requestFullscreen().then(changed, function () { pseudo(true); });
      }
      pseudo(true);
      return Promise.resolve();
    };
    document.addEventListener('fullscreenchange', function () {
      map.invalidateSize();
      if (api.fsButton) { api.fsButton.classList.toggle('gm-on', api.isFullscreen()); }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && container.classList.contains('gm-fullscreen')) { api.toggleFullscreen(); }
    });

    var bar = L.control({ position: 'topleft' });
    bar.onAdd = function () {
      var div = node('div', 'gm-tools leaflet-bar');
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    bar.addTo(map);
    var barDiv = bar.getContainer();
    function button(cls, text, title, onClick) {
      var b = node('button', 'gm-tool ' + cls, text);
      b.type = 'button';
      b.title = title;
      b.setAttribute('aria-label', title);
      b.addEventListener('click', onClick);
      barDiv.appendChild(b);
      return b;
    }
    api.fsButton = button('gm-tool-fullscreen', '\u26F6', 'Fullscreen', function () { api.toggleFullscreen(); });

    /* measure: clicked points joined by a line, its length along the great circles
     * between them (Leaflet's map.distance) in km */
    var pane = map.createPane('gm-measure');
    pane.style.zIndex = 620;
    pane.style.pointerEvents = 'none';
    var measureRenderer = L.svg({ pane: 'gm-measure' });
    var line = L.polyline([], { renderer: measureRenderer, interactive: false, color: '#c0392b', weight: 2.5, dashArray: '6 5' });
    var dots = L.layerGroup(), measured = node('span', 'gm-measure-out');
    var measure = api.measure = {
      points: function () { return line.getLatLngs().slice(); },
      km: function () {
        var pts = line.getLatLngs(), m = 0;
        for (var k = 1; k < pts.length; k++) { m += map.distance(pts[k - 1], pts[k]); }
        return m / 1000;
      },
      active: function () { return !!map.gmMeasuring; },
      add: function (latlng) {
        line.addLatLng(latlng);
        L.circleMarker(latlng, { renderer: measureRenderer, interactive: false, radius: 3.5, color: '#c0392b', weight: 2, fillColor: '#fff', fillOpacity: 1 }).addTo(dots);
        var km = measure.km(), n = line.getLatLngs().length;
        measured.textContent = n < 2 ? 'click the next point' : (km < 10 ? km.toFixed(2) : km.toFixed(1)) + ' km';
      },
      toggle: function (on) {
        on = on === undefined ? !map.gmMeasuring : !!on;
        map.gmMeasuring = on;
        line.setLatLngs([]);
        dots.clearLayers();
        measured.textContent = on ? 'click points on the map' : '';
        container.classList.toggle('gm-measuring', on);
        api.measureButton.classList.toggle('gm-on', on);
        if (on) {
          map.closePopup();
          line.addTo(map);
          dots.addTo(map);
          map.doubleClickZoom.disable();  // quick clicks are points, not zooms
        } else {
          line.remove();
          dots.remove();
          map.doubleClickZoom.enable();
        }
      }
    };
    api.measureButton = button('gm-tool-measure', '\u2194 km', 'Measure a distance: click points on the map (again or Esc: done)',
      function () { measure.toggle(); });
    barDiv.appendChild(measured);

    /* the credit line of snapshots and print: the attribution (tiles, places, areas)
     * as a solid strip across the bottom, the corners' controls lifted above it, so
     * neither tiles nor panels cover it (it stays one line, or wraps, never cut) */
    api.creditLine = function (on) {
      var credit = map.attributionControl && map.attributionControl.getContainer();
      if (!credit) { return; }
      container.classList.toggle('gm-credit-line', !!on);
      (on ? container : map._controlCorners.bottomright).appendChild(credit);
      var lift = on ? credit.offsetHeight + 'px' : '';
      [].forEach.call(container.querySelectorAll('.leaflet-bottom'), function (c) { c.style.bottom = lift; });
    };
    root.addEventListener('beforeprint', function () { api.creditLine(true); });
    root.addEventListener('afterprint', function () { api.creditLine(false); });
    map.on('click', function (e) { if (map.gmMeasuring) { measure.add(e.latlng); } });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && map.gmMeasuring) { measure.toggle(false); } });

    incidents.whenReady(function (inc) {
      /* collapsible panels */
      var small = container.clientWidth < 900 || container.clientHeight < 600;
      var framed = false;
      try { framed = root.self !== root.top; } catch (err) { framed = true; }
      var collapseDefault = opts.collapsed === true || (opts.collapsed !== false && (framed || small));
      var panels = {};
      PANELS.forEach(function (p) {
        var el = container.querySelector(p[1]);
        if (!el) { return; }
        var toggle = node('button', 'gm-panel-toggle', p[2]);
        toggle.type = 'button';
        toggle.addEventListener('click', function (e) {
          L.DomEvent.stop(e);
          api.setCollapsed(p[0], !el.classList.contains('gm-collapsed'));
        });
        el.insertBefore(toggle, el.firstChild);
        el.classList.add('gm-panel');
        panels[p[0]] = { el: el, toggle: toggle };
      });
      api.panels = Object.keys(panels);
      api.setCollapsed = function (name, on) {
        var p = panels[name];
        if (!p) { return; }
        p.el.classList.toggle('gm-collapsed', !!on);
        p.toggle.setAttribute('aria-expanded', on ? 'false' : 'true');
        p.toggle.title = (on ? 'Show ' : 'Hide ') + p.toggle.textContent.toLowerCase();
        writeHash();
      };
      api.collapsed = function (name) { return !!(panels[name] && panels[name].el.classList.contains('gm-collapsed')); };

      /* search */
      var box = node('div', 'gm-search');
      var input = node('input', 'gm-search-input');
      input.type = 'search';
      input.placeholder = 'Search a place or a word';
      input.setAttribute('aria-label', 'Search a place or a word of the evidence');
      var results = node('ul', 'gm-search-results');
      box.appendChild(input);
      box.appendChild(results);
      barDiv.insertBefore(box, barDiv.firstChild);

      var placeIndex = null;
      function places() {
        // Incident places (with how many incidents there) and the context towns.
        if (placeIndex) { return placeIndex; }
        var seen = {}, list = [];
        for (var i = 0; i < inc.n; i++) {
          if (inc.data.k[i] === 2) { continue; }
          var name = inc.string('loc', i), key = fold(name);
          if (!key) { continue; }
          if (!seen[key]) {
            seen[key] = { name: name, key: key, lat: inc.data.lat[i], lon: inc.data.lon[i], count: 0, kind: 'incidents' };
            list.push(seen[key]);
          }
          seen[key].count += 1;
        }
        var ctx = root.geomapContext && root.geomapContext._data;
        if (ctx) {
          for (var j = 0; j < ctx.n.length; j++) {
            var k = fold(ctx.n[j]);
            if (seen[k]) { continue; }
            seen[k] = { name: ctx.n[j], key: k, lat: ctx.lat[j], lon: ctx.lon[j], count: 0, kind: 'town' };
            list.push(seen[k]);
          }
        }
        placeIndex = list;
        return list;
      }
      api.findPlaces = function (text, limit) {
        var q = fold(text), starts = [], inside = [];
        if (!q) { return []; }
        places().forEach(function (p) {
          var at = p.key.indexOf(q);
          if (at === 0) { starts.push(p); } else if (at > 0) { inside.push(p); }
        });
        var byCount = function (a, b) { return b.count - a.count; };
        return starts.sort(byCount).concat(inside.sort(byCount)).slice(0, limit || 8);
      };
      api.goTo = function (place) {
        // A town no incident mentions would leave the map empty: the text filter goes.
        if (place.kind === 'town' && inc.shownCounts().total === 0) { api.search(''); }
        map.setView([place.lat, place.lon], Math.max(map.getZoom(), 11), { animate: false });
        results.textContent = '';
      };
      function showResults() {
        results.textContent = '';
        var q = input.value;
        if (!fold(q)) { return; }
        var c = inc.shownCounts();
        results.appendChild(node('li', 'gm-search-count', fmt(c.total) + (c.total === 1 ? ' incident matches' : ' incidents match')));
        api.findPlaces(q).forEach(function (p) {
          var li = node('li', 'gm-search-place');
          li.appendChild(node('span', 'gm-search-name', p.name));
          li.appendChild(node('span', 'gm-search-what', p.kind === 'town' ? ' town' : ' ' + fmt(p.count) + ' incident' + (p.count === 1 ? '' : 's')));
          li.tabIndex = 0;
          li.addEventListener('click', function () { api.goTo(p); });
          li.addEventListener('keydown', function (e) { if (e.key === 'Enter') { api.goTo(p); } });
          results.appendChild(li);
        });
      }
      api.search = function (text) {
        input.value = text;
        inc.setQuery(text);
        showResults();
      };
      input.addEventListener('input', function () { inc.setQuery(input.value); showResults(); });
      input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') {
          var first = api.findPlaces(input.value, 1)[0];
          if (first) { api.goTo(first); }
        } else if (e.key === 'Escape') {
          api.search('');
        }
      });

      /* export of what is shown */
      api.exportIndices = function () {
        var out = [];
        for (var i = 0; i < inc.n; i++) {
          if (inc.typeVisible(inc.data.t[i]) && inc.matches(i)) { out.push(i); }
        }
        return out;
      };
      api.exportText = function (format) {
        var rows = api.exportIndices();
        if (format === 'csv') {
          var lines = [EXPORT_COLUMNS.map(function (c) { return c[0]; }).join(',')];
          rows.forEach(function (i) {
            lines.push(EXPORT_COLUMNS.map(function (c) { return csvCell(c[1](inc, i), !NUMERIC[c[0]]); }).join(','));
          });
          return lines.join('\r\n') + '\r\n';
        }
        var features = rows.map(function (i) {
          var props = {};
          EXPORT_COLUMNS.forEach(function (c) {
            if (c[0] !== 'latitude' && c[0] !== 'longitude') { props[c[0]] = c[1](inc, i); }
          });
          var lat = inc.data.lat[i], lon = inc.data.lon[i];
          return {
            type: 'Feature',
            // Country-level incidents have no point: null geometry, as GeoJSON allows.
            geometry: lat === null || inc.data.k[i] === 2 ? null : { type: 'Point', coordinates: [lon, lat] },
            properties: props
          };
        });
        return JSON.stringify({ type: 'FeatureCollection', features: features }, null, 1);
      };
      api.download = function (format) {
        if (!inc.evReady) { inc.evidence.then(function () { api.download(format); }); return; }
        var text = api.exportText(format), csv = format === 'csv';
        var blob = new Blob([text], { type: csv ? 'text/csv;charset=utf-8' : 'application/geo+json' });
        var url = URL.createObjectURL(blob), a = document.createElement('a');
        a.href = url;
        a.download = (opts.filename || 'incidents') + '-shown.' + (csv ? 'csv' : 'geojson');
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      };
      button('gm-tool-geojson', '\u2913 GeoJSON', 'Download the shown incidents as GeoJSON', function () { api.download('geojson'); });
      button('gm-tool-csv', '\u2913 CSV', 'Download the shown incidents as CSV', function () { api.download('csv'); });

      /* permalink: view and filters in the URL hash */
      var restoring = true, hashTimer = null;
      function writeHash() {
        if (restoring) { return; }
        var c = map.getCenter(), parts = ['view=' + map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4)];
        if (inc.dayMin !== null && (inc.start !== inc.dayMin || inc.end !== inc.dayMax)) {
          parts.push('from=' + isoDay(inc.start), 'to=' + isoDay(inc.end));
        }
        if (!inc.showUndated) { parts.push('undated=0'); }
        var hidden = inc.data.types.filter(function (type, t) { return !inc.typeVisible(t); })
          .map(function (type) { return encodeURIComponent(type.name); });
        if (hidden.length) { parts.push('hide=' + hidden.join(',')); }
        if (input.value) { parts.push('q=' + encodeURIComponent(input.value)); }
        if (inc.actorInput) { parts.push('actor=' + encodeURIComponent(inc.actorInput)); }
        if (inc.minFatalities) { parts.push('minf=' + inc.minFatalities); }
        if (!inc.scaled) { parts.push('size=0'); }
        parts.push('collapsed=' + api.panels.filter(api.collapsed).join(','));
        var hash = '#' + parts.join('&');
        api.hash = hash;
        // Once the map rests: replacing the URL is slow enough on file:// pages to
        // delay the label placement timers that run after each move.
        clearTimeout(hashTimer);
        hashTimer = setTimeout(function () {
          if (root.location.hash === api.hash) { return; }
          try { root.history.replaceState(null, '', api.hash); } catch (err) { /* a sandboxed frame: no URL to keep */ }
        }, 250);
      }
      api.writeHash = writeHash;
      function dayOf(text) {
        var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
        var day = m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS) : null;
        return day !== null && isoDay(day) === text ? day : null;  // 2024-13-99 is no day
      }
      api.readHash = function (hash) {
        var state = {};
        String(hash || '').replace(/^#/, '').split('&').forEach(function (kv) {
          var at = kv.indexOf('=');
          if (at > 0) {
            try { state[kv.slice(0, at)] = decodeURIComponent(kv.slice(at + 1)); } catch (err) { /* malformed: ignored */ }
          }
        });
        restoring = true;
        var view = (state.view || '').split('/').map(Number);
        if (view.length === 3 && view.every(isFinite)) {
          map.setView([view[1], view[2]], view[0], { animate: false });
        }
        if ('hide' in state) {
          var hide = state.hide.split(',');
          inc.data.types.forEach(function (type, t) {
            var want = hide.indexOf(type.name) < 0;
            if (want !== inc.typeVisible(t)) { if (want) { map.addLayer(inc.groups[t]); } else { map.removeLayer(inc.groups[t]); } }
          });
        }
        var a = dayOf(state.from), b = dayOf(state.to);
        if (inc.dayMin !== null && (a !== null || b !== null)) {
          a = a === null ? inc.dayMin : Math.max(inc.dayMin, Math.min(inc.dayMax, a));
          b = b === null ? inc.dayMax : Math.max(inc.dayMin, Math.min(inc.dayMax, b));
          inc.setRange(a, b);
        }
        if ('undated' in state) { inc.setUndated(state.undated !== '0'); }
        if ('q' in state) { api.search(state.q); results.textContent = ''; }
        if ('actor' in state) { inc.setActor(state.actor); }
        if ('minf' in state) { inc.setMinFatalities(state.minf); }
        if ('size' in state) { inc.setScaled(state.size !== '0'); }
        api.panels.forEach(function (name) {
          api.setCollapsed(name, 'collapsed' in state ? state.collapsed.split(',').indexOf(name) >= 0 : collapseDefault);
        });
        restoring = false;
        writeHash();
      };
      api.readHash(root.location.hash);
      map.on('moveend overlayadd overlayremove', writeHash);
      inc.onChange(writeHash);
      input.addEventListener('input', writeHash);
      root.addEventListener('hashchange', function () {
        if (root.location.hash !== api.hash) { api.readHash(root.location.hash); }
      });
      api.ready = true;
    });
    return api;
  }

  root.GeomapKit = {
    ShapeMarker: ShapeMarker,
    SHAPES: SHAPES,
    incidents: function (map, el, options) {
      var inc = new Incidents(map, el, options);
      root.geomap = inc;
      return inc;
    },
    heat: heat,
    layerControl: layerControl,
    legend: legend,
    dateControl: dateControl,
    filters: filters,
    titleBar: titleBar,
    countryPanel: countryPanel,
    basemap: basemap,
    contextLayer: contextLayer,
    packageTiles: packageTiles,
    overlay: overlay,
    tools: tools,
    isoDay: isoDay
  };
})(window);
