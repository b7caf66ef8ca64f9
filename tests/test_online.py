"""Online geocoders (gazetteer.online, ``--geocoder``): only when asked, rate-limited,
cached on disk, one warning when unreachable, and the run goes on offline.

A real HTTP server on loopback answers as Nominatim's ``/search`` does; no request
leaves the machine.
"""

from __future__ import annotations

import json
import socket
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from gazetteer import Gazetteer
from gazetteer.online import OnlineGeocoder, unknown_settlements
from gazetteer.userplaces import load_places_file

#: What the fake service knows: a village the embedded data lacks (made up: the data has
#: every Ukrainian village the codifier lists).
VILLAGE = {"novodarianka": {"lat": "47.7411", "lon": "36.5689", "osm_type": "node", "osm_id": 337049133,
                           "addresstype": "village", "display_name": "Novodarianka, Donetsk Oblast, Ukraine",
                           "address": {"village": "Novodarianka", "state": "Donetsk Oblast", "country_code": "ua"}}}  # fmt: skip
TEXT = "Russian forces shelled the village of Novodarianka near Velyka Novosilka, Ukraine, on Monday."


@pytest.fixture
def service():
    """A Nominatim look-alike on 127.0.0.1: ``(domain, requests)``; ``requests.stop()`` takes it down."""
    requests = _Requests()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            query = parse_qs(urlsplit(self.path).query)
            requests.append({"path": urlsplit(self.path).path, **{k: v[0] for k, v in query.items()}})
            hit = VILLAGE.get(query.get("q", [""])[0].lower())
            body = json.dumps([hit] if hit else []).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        if thread.is_alive():
            server.shutdown()
            server.server_close()
            thread.join()

    requests.stop = stop
    yield f"127.0.0.1:{server.server_address[1]}", requests
    stop()


class _Requests(list):
    """The requests the service saw (dicts of path and query)."""

    stop = None


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"  # nothing listens there once closed


def geocoder(domain, tmp_path, **kw):
    return OnlineGeocoder("nominatim", domain=domain, scheme="http", cache_dir=tmp_path, min_delay_seconds=0,
                          timeout=5, **kw)  # fmt: skip


def test_a_village_the_data_lacks_is_found_online(service, tmp_path):
    domain, requests = service
    mentions = Gazetteer(online=geocoder(domain, tmp_path)).find(TEXT)
    village = next(m for m in mentions if m.text == "Novodarianka")
    assert village.reason == "online:nominatim"
    assert village.place.id == "online:nominatim:n337049133"
    assert (round(village.place.lat, 2), round(village.place.lon, 2)) == (47.74, 36.57)
    assert village.place.kind == "city" and village.place.country == "UA"
    assert "Velyka Novosilka" in {m.text for m in mentions}  # the embedded data still answers the rest
    # The request names the village and the document's country; nothing else was asked.
    assert [(r["path"], r["q"], r.get("countrycodes")) for r in requests] == [("/search", "Novodarianka", "ua")]


def test_nothing_is_asked_without_a_geocoder(service):
    _domain, requests = service
    assert "Novodarianka" not in {m.text for m in Gazetteer().find(TEXT)}
    assert requests == []


def test_answers_are_cached_on_disk_for_later_offline_runs(service, tmp_path):
    domain, requests = service
    Gazetteer(online=geocoder(domain, tmp_path)).find(TEXT)
    Gazetteer(online=geocoder(domain, tmp_path)).find(TEXT + " Novodarianka was hit again.")
    assert len(requests) == 1  # the second run read the cache
    # Even with the service gone, the cached answer stands.
    requests.stop()
    offline = Gazetteer(online=geocoder(domain, tmp_path, warn=pytest.fail))
    assert "Novodarianka" in {m.text for m in offline.find(TEXT)}


def test_a_name_the_service_does_not_know_is_asked_once(service, tmp_path):
    domain, requests = service
    gaz = Gazetteer(online=geocoder(domain, tmp_path))
    text = "Shelling hit the village of Nowhereville."
    assert gaz.find(text) == [] and gaz.find(text) == []
    assert len(requests) == 1


def test_an_unreachable_service_is_one_warning_and_the_run_goes_on(tmp_path):
    messages: list[str] = []
    online = geocoder(closed_port(), tmp_path, warn=messages.append)
    gaz = Gazetteer(online=online)
    first = gaz.find(TEXT)
    second = gaz.find("Drones hit the village of Novoselivka and the town of Pokrovsk.")
    assert len(messages) == 1 and "cannot be reached" in messages[0] and "offline" in messages[0]
    assert "Velyka Novosilka" in {m.text for m in first}  # offline results are kept
    assert "Pokrovsk" in {m.text for m in second}
    assert online.unavailable


def test_found_places_are_kept_as_a_places_file(service, tmp_path):
    domain, _ = service
    online = geocoder(domain, tmp_path)
    Gazetteer(online=online).find(TEXT)
    path = tmp_path / "found.csv"
    assert online.save_places_file(path) == 1
    [(place, names)] = load_places_file(path)
    assert place.name == "Novodarianka" and place.country == "UA" and round(place.lat, 2) == 47.74
    # The file makes the next run find the village with no geocoder at all.
    assert "Novodarianka" in {m.text for m in Gazetteer(places_files=[path]).find(TEXT)}


@pytest.mark.parametrize(
    "text, names",
    [
        ("Shelling hit the village of Staromaiorske on Monday.", ["Staromaiorske"]),
        ("Обстріляли село Новодарівка та селище Велика Новосілка.", ["Новодарівка", "Велика Новосілка"]),
        ("В поселке Октябрьский погиб человек.", ["Октябрьский"]),
        ("The village council met in the town hall.", []),  # no capitalised name after the word
    ],
)
def test_names_after_settlement_words(text, names):
    assert [name for _, _, name in unknown_settlements(text, [])] == names


def test_unknown_service_is_refused():
    with pytest.raises(ValueError, match="unknown geocoder"):
        OnlineGeocoder("no-such-service", cache_dir=False)


def test_cli_geocoder_finds_and_saves(service, tmp_path, monkeypatch):
    from geomap.cli import cli as main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    domain, requests = service
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    saved = tmp_path / "found.csv"
    runner = CliRunner()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the CLI reports on stderr, never by warnings
        result = runner.invoke(main, ["places", str(article), "--geocoder", "nominatim",
                                      "--geocoder-url", f"http://{domain}", "--save-geocoded", str(saved)])
    assert result.exit_code == 0, result.output
    assert "Novodarianka" in result.output
    assert [name for place, _ in load_places_file(saved) for name in [place.name]] == ["Novodarianka"]
    assert len(requests) == 1


def test_cli_unreachable_geocoder_warns_once_and_exits_zero(tmp_path, monkeypatch):
    from geomap.cli import cli as main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(article), "--geocoder", "nominatim",
                                       "--geocoder-url", f"http://{closed_port()}"])
    assert result.exit_code == 0
    assert result.stderr.count("warning: geocoder nominatim cannot be reached") == 1
    assert "Velyka Novosilka" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--save-geocoded", "x.csv"], "need --geocoder"),
        (["--geocoder", "no-such-service"], "unknown geocoder"),
        (["--geocoder", "nominatim", "--geocoder-url", "ftp://example.org"], "not an http(s) address"),
    ],
)
def test_cli_geocoder_options_are_checked(tmp_path, args, message):
    from geomap.cli import cli as main

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(article), *args])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output
