"""Template and script injection through every input format, into ``map``, ``--embed`` and ``--png``.

Article text and titles are data. For each payload, one folder holds the same
hostile article as plain text, an HTML page, JSON, JSON Lines, an RSS feed and
incident files (GeoJSON, GeoPackage, CSV). ``geomap map`` must write the map,
show the payload literally, never run it on this machine (no marker file) and,
in Chromium, never run it in the page (no dialog, no page error).
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import run
from render_helpers import chromium_browser
from test_render import incident_data

from geomap.cli import cli

#: Where the os.system payload would leave its mark.
MARKER = "geomap-pwned-marker"

PAYLOADS = {
    "arithmetic": "Strike {{ 7*7 }} reported",
    "loop": "Strike {% for x in range(3) %}loop{% endfor %} reported",
    "comment": "Strike {# never closed reported",
    "wiki citation": "Strike {{cite news|title=Kharkiv|date=18 December 2024}} reported",
    "os.system": "Strike {{ cycler.__init__.__globals__.os.system('touch " + MARKER + "') }} reported",
    "script builder": "Strike {{ '<' }}/script><script>alert(1)</script> reported",
    "plain script": "Strike </script><script>alert(2)</script><img src=x onerror=alert(3)> reported",
}

SOURCES = [
    "article.txt", "page.html", "items.json", "items.jsonl", "feed.rss",
    "incidents.geojson", "incidents.gpkg", "incidents.csv",
]  # fmt: skip


def _article(payload: str) -> tuple[str, str]:
    title = f"{payload} in Kharkiv"
    text = f"A Russian missile strike on Kharkiv ({payload}) killed three people on Tuesday, officials said."
    return title, text


def _inputs(folder: Path, payload: str, run_cli) -> None:
    title, text = _article(payload)
    folder.mkdir()
    (folder / "article.txt").write_text(f" date 2024-12-18\n{title}\n\n{text}\n", encoding="utf-8")
    (folder / "page.html").write_text(
        f"<html><head><title>{html.escape(title)}</title>"
        '<meta property="article:published_time" content="2024-12-18"></head>'
        f"<body><article><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        "<p>Rescue teams worked at the site through the night, the regional governor said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    record = {"title": title, "text": text, "date": "2024-12-18", "url": "https://example.org/a?q={{7*7}}"}
    (folder / "items.json").write_text(json.dumps([record]), encoding="utf-8")
    (folder / "items.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<title>{html.escape(title)}</title><description>{html.escape(text)}</description>"
        "<pubDate>Wed, 18 Dec 2024 08:00:00 GMT</pubDate><link>https://example.org/b</link></item></channel></rss>",
        encoding="utf-8",
    )
    # Incident files carry the payload in every text column a map shows.
    extracted = folder.parent / "extracted.geojson"
    run_cli(["extract", str(folder / "article.txt"), "-o", str(extracted)])
    collection = json.loads(extracted.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        props = feature["properties"]
        props.update(title=title, notes=text, location=f"Kharkiv {payload}", source="incidents.geojson")
        props["evidence"] = [{"source": "incidents.geojson", "text": text}]
    (folder / "incidents.geojson").write_text(json.dumps(collection), encoding="utf-8")
    extracted.unlink()
    from geomap.export import read_incidents, write_incidents

    for suffix in ("gpkg", "csv"):
        frame = read_incidents(folder / "incidents.geojson")
        frame["source"] = f"incidents.{suffix}"
        write_incidents(frame, folder / f"incidents.{suffix}")


@pytest.fixture
def run_cli(monkeypatch, real_gazetteer):
    import gazetteer

    monkeypatch.setattr(gazetteer, "Gazetteer", lambda places_files=(), focus=(): real_gazetteer)

    def run(args):
        result = CliRunner().invoke(cli, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == 0, result.stderr
        return result

    return run


def _built(tmp_path, payload, run_cli, *extra):
    folder = tmp_path / "in"
    _inputs(folder, payload, run_cli)
    out = tmp_path / "map.html"
    run_cli(["map", str(folder), "-o", str(out), "--title", payload, "--embed", *extra])
    return folder, out


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_payload_is_shown_literally_and_never_run(tmp_path, monkeypatch, run_cli, name):
    payload = PAYLOADS[name]
    monkeypatch.chdir(tmp_path)
    _folder, out = _built(tmp_path, payload, run_cli)
    assert not (tmp_path / MARKER).exists()
    page = out.read_text(encoding="utf-8")
    data = incident_data(page)
    title, text = _article(payload)
    # The same incident from several inputs is one row whose source lists them all.
    sources = {part.rsplit("/", 1)[-1] for i in data["src"] for part in data["S"][i].split("; ")}
    assert sources >= set(SOURCES)  # one incident or more from each input format
    for i in range(len(data["id"])):
        assert payload in data["ev"][i], data["ev"][i]
    # Incident files' rows now merge with the articles' (#11): titles are "; "-joined.
    assert title in {part for i in data["ttl"] for part in data["S"][i].split("; ")}
    assert f"<title>{html.escape(payload)}</title>" in page
    embed = out.with_name("map.embed.html").read_text(encoding="utf-8")
    assert html.escape(f"<title>{html.escape(payload)}</title>", quote=True) in embed
    assert "Strike 49" not in page + embed and "looplooploop" not in page + embed


browser = pytest.fixture(scope="module")(chromium_browser)


@pytest.mark.browser
@pytest.mark.parametrize("name", ["arithmetic", "os.system", "script builder", "plain script"])
def test_nothing_runs_in_chromium_map_embed_and_png(tmp_path, monkeypatch, run_cli, browser, name):
    payload = PAYLOADS[name]
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    _inputs(folder, payload, run_cli)
    out = tmp_path / "map.html"
    # A process of its own: Playwright's sync API cannot run inside this test's browser loop.
    proc = run(["map", "in", "-o", "map.html", "--title", payload, "--embed", "--png", "map.png"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / MARKER).exists()
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")

    host = tmp_path / "host.html"
    host.write_text("<!DOCTYPE html><html><body>" + out.with_name("map.embed.html").read_text("utf-8") + "</body></html>")
    for page_file in (out, host):
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        dialogs, errors = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "about:")) else route.abort())
        page.goto(page_file.resolve().as_uri())
        frame = page.frames[-1] if page_file == host else page.main_frame
        frame.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=20_000)
        assert frame.locator(".gm-title-main").inner_text() == payload
        # Open every incident's popup: the evidence is text, never markup.
        shown = frame.evaluate(
            "(() => { const out = []; for (let i = 0; i < geomap.data.id.length; i++) {"
            " const box = geomap.popupContent(i); out.push([box.textContent, box.querySelectorAll('script,img').length]); }"
            " return out; })()"
        )
        assert shown and all(payload in content and tags == 0 for content, tags in shown)
        page.wait_for_timeout(300)
        assert dialogs == [] and errors == [], (dialogs, errors)
        page.close()
    shutil.rmtree(tmp_path / "in")
