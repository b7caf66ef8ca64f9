"""Bad, broken and hostile inputs: one clear line each, exit 1, and the good article beside them still comes out.

Each case of :data:`CASES` builds one bad input in a fresh folder and runs
``geomap extract BAD good.txt -o out.geojson`` in-process (click's runner, the
real gazetteer). The test checks the exact stderr lines, the exit code, that no
exception escaped, and that the good article's Kharkiv incident was written.
Cases that need a process of their own (stdin, stdout, FIFOs, signals,
permissions, a full disk) are below the table.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import GOOD_ARTICLE, assert_no_traceback, run, stderr_lines

from geomap.cli import cli

UKRAINIAN = "Унаслідок обстрілу Харкова загинули троє людей, повідомив голова обласної адміністрації.\n"
RUSSIAN = "В результате обстрела Харькова погибли три человека, сообщил глава областной администрации.\n"


@pytest.fixture(autouse=True)
def shared_gazetteer(monkeypatch, real_gazetteer):
    """The CLI builds a Gazetteer per command; give it the session's loaded one."""
    import gazetteer

    real = gazetteer.Gazetteer
    monkeypatch.setattr(
        gazetteer,
        "Gazetteer",
        lambda places_files=(), focus=(): real_gazetteer if not places_files and not focus else real(
            places_files=places_files, focus=focus
        ),
    )


def _write(folder: Path, name: str, content: bytes | str) -> str:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return name


def _jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _symlink(folder: Path, name: str, target: str) -> str:
    os.symlink(target, folder / name)
    return name


def _folder_with_fifo(folder: Path) -> str:
    (folder / "news").mkdir()
    os.mkfifo(folder / "news" / "pipe.txt")
    (folder / "news" / "ok.txt").write_text(GOOD_ARTICLE.replace("Kharkiv", "Sumy"), encoding="utf-8")
    return "news"


def _folder_with_socket(folder: Path) -> str:
    (folder / "news").mkdir()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "news" / "sock.txt"))
    server.close()
    (folder / "news" / "ok.txt").write_text(GOOD_ARTICLE.replace("Kharkiv", "Sumy"), encoding="utf-8")
    return "news"


def _folder_with_stale_temporary(folder: Path) -> str:
    # What a run killed with -9 leaves: hidden, recognisable, never read as an input.
    (folder / "news").mkdir()
    (folder / "news" / ".out.geojson.geomap-tmp-x1y2z3.geojson").write_text('{"type": "Feat', encoding="utf-8")
    (folder / "news" / "ok.txt").write_text(GOOD_ARTICLE.replace("Kharkiv", "Sumy"), encoding="utf-8")
    return "news"


DEEP = "[" * 1000 + "]" * 1000
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><rss version="2.0"><channel><title>&lol9;</title><item><title>Strike</title>'
    "<description>&lol9;</description></item></channel></rss>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel>'
    "<item><title>Strike &x;</title><description>Shelling of Sumy killed two people. &x;</description></item>"
    "</channel></rss>"
)

#: id → (build(folder) -> input name, expected stderr lines, exit code, extra check or None).
#: ``{in}`` in an expected line is the input's name. A None line list means "any
#: lines, but one per failed input and no traceback".
CASES = {
    "empty file": (lambda d: _write(d, "empty.txt", b""), ["geomap: {in}: no article text"], 1),
    "only whitespace": (lambda d: _write(d, "blank.txt", " \n\t\n"), ["geomap: {in}: no article text"], 1),
    "binary": (
        lambda d: _write(d, "data.bin", bytes(range(256)) * 8),
        ["geomap: {in}: not a text file (binary data)"],
        1,
    ),
    "pdf": (
        lambda d: _write(d, "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Length 5>>stream\n\x00\x01\x02\x03\nendstream"),
        ["geomap: {in}: not a text file (binary data)"],
        1,
    ),
    "png image": (
        lambda d: _write(d, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
        ["geomap: {in}: not a text file (binary data)"],
        1,
    ),
    "utf-16 with BOM is read": (
        lambda d: _write(d, "utf16.txt", codecs.BOM_UTF16_LE + GOOD_ARTICLE.replace("Kharkiv", "Sumy").encode("utf-16-le")),
        [],
        0,
    ),
    "cp1251 is read": (lambda d: _write(d, "cp1251.txt", RUSSIAN.encode("cp1251")), [], 0),
    "koi8-r is read": (lambda d: _write(d, "koi8.txt", RUSSIAN.encode("koi8_r")), [], 0),
    "utf-8 cut inside the last letter stays utf-8": (
        lambda d: _write(d, "cut.txt", (UKRAINIAN.strip() + " Харків").encode("utf-8")[:-1]),
        [],
        0,
    ),
    "utf-8 with two bad bytes stays utf-8": (
        lambda d: _write(
            d, "bad-bytes.txt", UKRAINIAN.encode("utf-8").replace(" повідомив".encode(), b" \xff\xfe\xb1" + " повідомив".encode())
        ),
        [],
        0,
    ),
    "five megabytes on one line": (
        lambda d: _write(d, "long.txt", ("the convoy moved slowly along the road " * 130_000)[:5_000_000]),
        [],
        0,
    ),
    "json nested 1000 deep": (lambda d: _write(d, "deep.json", DEEP), ["geomap: {in}: JSON nested too deeply"], 1),
    "json lines with a line nested 1000 deep": (
        lambda d: _write(d, "deep.jsonl", _jsonl({"text": RUSSIAN}, '{"text": ' + DEEP + "}")),
        ["geomap: {in} line 2: JSON nested too deeply"],
        1,
    ),
    "malformed json": (
        lambda d: _write(d, "broken.json", '[{"text": "Shelling of Sumy"'),
        ["geomap: {in}: invalid JSON at line 1: Expecting ',' delimiter"],
        1,
    ),
    "malformed json lines": (
        lambda d: _write(d, "broken.jsonl", _jsonl({"text": RUSSIAN}, '{"text": "unterminated', {"title": "no text"})),
        [
            "geomap: {in} line 2: invalid JSON (Invalid control character at, column 23)",
            "geomap: {in} line 3: no text/body/content/article field with text",
        ],
        1,
    ),
    "json with NUL in text is read": (
        lambda d: _write(d, "nul.json", '[{"text": "Shelling of Sumy \\u0000 Kyiv killed two people on Monday."}]'),
        [],
        0,
    ),
    "text with NUL characters": (
        lambda d: _write(d, "nul.txt", "Shelling of Kharkiv\x00Staryi Saltiv killed two people.\n"),
        ["geomap: {in}: not a text file (binary data)"],
        1,
    ),
    "html that breaks lxml": (
        lambda d: _write(d, "svg.html", "</><svg><br><t>"),
        ["geomap: {in}: cannot parse HTML (AssertionError)"],
        1,
    ),
    "html with no article": (
        lambda d: _write(d, "empty.html", "<html><head><title>T</title></head><body></body></html>"),
        ["geomap: {in}: no article text found in the HTML page"],
        1,
    ),
    "malformed html is still read": (
        lambda d: _write(
            d,
            "tagsoup.html",
            "<html><body><div><p>A Russian drone strike on Sumy killed two people on Monday, the regional "
            "governor said.<p>Rescuers worked through the night <b><i>at the site</div></span></body>",
        ),
        [],
        0,
    ),
    "feed declaring an impossible encoding": (
        lambda d: _write(
            d,
            "bad.xml",
            b'<?xml version="1.0" encoding="\xaa"?><rss><channel><item><title>x</title>'
            b"<description>Shelling of Sumy killed two.</description></item></channel></rss>",
        ),
        [
            "geomap: {in}: not a readable feed (UnicodeDecodeError: 'utf-8' codec can't decode byte 0xaa "
            "in position 0: invalid start byte)"
        ],
        1,
    ),
    "malformed rss": (
        lambda d: _write(d, "broken.rss", "<rss><channel><item><title>Strike</ti"),
        ["geomap: {in} entry 1: no text (untitled)"],
        1,
    ),
    "billion laughs": (lambda d: _write(d, "lol.rss", BILLION_LAUGHS), None, None),
    "dangling link": (
        lambda d: _symlink(d, "gone.txt", "nowhere.txt"),
        ["geomap: {in}: broken symbolic link (to nowhere.txt)"],
        1,
    ),
    "link loop": (lambda d: _symlink(d, "loop.txt", "loop.txt"), ["geomap: {in}: symbolic link loop"], 1),
    "missing file": (lambda d: "absent.txt", ["geomap: {in}: no such file or folder"], 1),
    "glob matching nothing": (lambda d: "*.nothing", ["geomap: {in}: no files match"], 1),
    "empty folder": (lambda d: (d / "void").mkdir() or "void", ["geomap: {in}: folder holds no article files"], 1),
    "FIFO inside a folder is skipped, never opened": (
        _folder_with_fifo,
        ["geomap: news/pipe.txt: skipped, a FIFO is not a file (name it on its own to read it)"],
        1,
    ),
    "socket inside a folder is skipped": (
        _folder_with_socket,
        ["geomap: news/sock.txt: skipped, a socket is not a file (name it on its own to read it)"],
        1,
    ),
    "stale temporary inside a folder is ignored": (_folder_with_stale_temporary, [], 0),
    "file name holding a newline": (
        lambda d: _write(d, "bad\nname.txt", bytes(range(256))),
        ["geomap: bad\\nname.txt: not a text file (binary data)"],
        1,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_and_the_good_article_still_comes_out(case, tmp_path, monkeypatch):
    build, expected, code = CASES[case]
    monkeypatch.chdir(tmp_path)
    bad = build(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", bad, "good.txt", "-o", "out.geojson"])

    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.stderr.splitlines() if "incidents written to" not in line]
    if expected is None:  # what the parser makes of it may vary; never more than one line
        assert len(lines) <= 1 and all(line.startswith(f"geomap: {bad}") for line in lines), lines
    else:
        assert lines == [line.format(**{"in": bad}) for line in expected]
    assert result.exit_code == (code if code is not None else int(bool(lines)))
    features = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["features"]
    kharkiv = [f for f in features if f["properties"]["place_id"] == "gn:706483" and f["properties"]["source"] == "good.txt"]
    assert len(kharkiv) == 1 and kharkiv[0]["properties"]["fatalities"] == 3


def test_cyrillic_cases_keep_their_places(tmp_path, monkeypatch):
    # Read is not enough: the damaged UTF-8 and the code pages must give the Kharkiv incident.
    monkeypatch.chdir(tmp_path)
    names = []
    for name, build in [
        ("cut", CASES["utf-8 cut inside the last letter stays utf-8"][0]),
        ("bad-bytes", CASES["utf-8 with two bad bytes stays utf-8"][0]),
        ("cp1251", CASES["cp1251 is read"][0]),
        ("koi8", CASES["koi8-r is read"][0]),
    ]:
        names.append(build(tmp_path))
    result = CliRunner().invoke(cli, ["extract", *names, "-o", "out.geojson"])
    assert result.exit_code == 0, result.stderr
    features = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["features"]
    # cp1251 and koi8 hold the same article: one incident, both files its sources.
    sources = {s for f in features if f["properties"]["location"] == "Kharkiv" for s in f["properties"]["source"].split("; ")}
    assert sources == set(names)


def test_feeds_never_expand_entities_or_read_local_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "xxe.rss", XXE)
    _write(tmp_path, "lol.rss", BILLION_LAUGHS)
    result = CliRunner().invoke(cli, ["extract", "xxe.rss", "lol.rss", "-o", "out.geojson"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    text = (tmp_path / "out.geojson").read_text(encoding="utf-8")
    assert "root:" not in text and "lollollol" not in text


# --- options are checked before any input is read ----------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "--type", ""], "--type: an empty value is not an event type"),
        (["extract", "--country", " "], "--country: an empty value is not a country"),
        (["extract", "--focus", "ZZ"], "'ZZ' is not a country"),
        (["extract", "--focus", "EU"], "'EU' is not a country"),
        (["extract", "--focus", "XA"], "the gazetteer has no country 'XA'"),
        (["extract", "-o", "out.shp"], "out.shp: unknown output file type .shp"),
        (["extract", "--format", "shapefile"], "unknown output format 'shapefile'"),
        (["extract", "-o", "out.csv", "--areas"], "--areas: csv cannot hold areas"),
        (["map", "--tiles", "NoSuchTiles"], "unknown tiles 'NoSuchTiles'"),
        (["map", "--tiles", "https://tiles.example/{z}/{x}.png"], "lacks {y}"),
        (["map", "--tiles", "missing.mbtiles"], "no such tile package"),
        (["map", "--overlay", "missing.geojson"], "no such file"),
        (["map", "--png", "out.pdf"], "no .png file name"),
        (["map", "-o", "-", "--embed"], "--embed writes <output>.embed.html beside the map"),
    ],
)
def test_bad_options_are_usage_errors_before_any_input_is_read(tmp_path, args, message):
    # The input is a FIFO nobody writes to: reading it would block until the timeout.
    os.mkfifo(tmp_path / "never.txt")
    proc = run([args[0], "never.txt", *args[1:]], cwd=tmp_path, timeout=30)
    assert proc.returncode == 2
    assert message in proc.stderr.decode()
    assert_no_traceback(proc)


# --- inputs that only a process has ----------------------------------------------------------------


def _incidents(proc) -> list[dict]:
    return json.loads(proc.stdout)["features"]


def test_process_substitution_is_read_whole(tmp_path):
    # A long article through <(cat ...): sniffing must not eat its first 4 KB.
    article = GOOD_ARTICLE + "".join(f"Paragraph {i} says nothing of note about the weather.\n" for i in range(200))
    article += "Separately, a drone strike on Sumy injured two people on Tuesday.\n"
    (tmp_path / "page.txt").write_text(article, encoding="utf-8")
    proc = run(f"set -e; '{sys.executable}' -m geomap extract <(cat page.txt)", cwd=tmp_path, shell=True)
    assert proc.returncode == 0, proc.stderr
    locations = {f["properties"]["location"] for f in _incidents(proc)}
    assert {"Kharkiv", "Sumy"} <= locations


def test_dev_stdin_is_read(tmp_path):
    proc = run(["extract", "/dev/stdin"], cwd=tmp_path, input=GOOD_ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr
    assert [f["properties"]["location"] for f in _incidents(proc)] == ["Kharkiv"]


def test_stdin_json_lines_are_sniffed_and_read_once(tmp_path):
    lines = _jsonl({"text": GOOD_ARTICLE.split("\n", 1)[1], "date": "2024-12-18"}, *[{"title": f"t{i}"} for i in range(300)])
    proc = run(["extract", "-"], cwd=tmp_path, input=lines.encode())
    assert proc.returncode == 1
    assert len(stderr_lines(proc)) == 300  # one per record without text, nothing else
    assert [f["properties"]["event_date"] for f in _incidents(proc)] == ["2024-12-17"]


def test_named_fifo_given_explicitly_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)

    def writer():
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write(GOOD_ARTICLE)

    thread = threading.Thread(target=writer)
    thread.start()
    proc = run(["extract", "feed.txt"], cwd=tmp_path, timeout=60)
    thread.join(5)
    assert proc.returncode == 0, proc.stderr
    assert [f["properties"]["location"] for f in _incidents(proc)] == ["Kharkiv"]


# --- permissions (root runs these without its DAC capabilities) ------------------------------------


def _good(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return "good.txt"


def test_unreadable_file(tmp_path):
    _write(tmp_path, "secret.txt", GOOD_ARTICLE)
    os.chmod(tmp_path / "secret.txt", 0)
    proc = run(["extract", "secret.txt", _good(tmp_path)], cwd=tmp_path, unprivileged=True)
    assert proc.returncode == 1
    assert stderr_lines(proc) == ["geomap: secret.txt: Permission denied"]
    assert len(_incidents(proc)) == 1


def test_unreadable_subfolder_is_reported(tmp_path):
    (tmp_path / "news" / "locked").mkdir(parents=True)
    _write(tmp_path / "news" / "locked", "a.txt", GOOD_ARTICLE)
    _write(tmp_path / "news", "b.txt", GOOD_ARTICLE.replace("Kharkiv", "Sumy"))
    os.chmod(tmp_path / "news" / "locked", 0)
    try:
        proc = run(["extract", "news"], cwd=tmp_path, unprivileged=True)
    finally:
        os.chmod(tmp_path / "news" / "locked", 0o755)
    assert proc.returncode == 1
    assert stderr_lines(proc) == ["geomap: news/locked: Permission denied"]
    assert [f["properties"]["location"] for f in _incidents(proc)] == ["Sumy"]


def test_unreadable_top_folder_says_permission_denied(tmp_path):
    (tmp_path / "news").mkdir()
    _write(tmp_path / "news", "a.txt", GOOD_ARTICLE)
    os.chmod(tmp_path / "news", 0)
    try:
        proc = run(["extract", "news", _good(tmp_path)], cwd=tmp_path, unprivileged=True)
    finally:
        os.chmod(tmp_path / "news", 0o755)
    assert proc.returncode == 1
    assert stderr_lines(proc) == ["geomap: news: Permission denied"]
    assert len(_incidents(proc)) == 1


def test_unwritable_output_folder(tmp_path):
    (tmp_path / "out").mkdir()
    os.chmod(tmp_path / "out", 0o555)
    try:
        proc = run(["extract", _good(tmp_path), "-o", "out/x.geojson"], cwd=tmp_path, unprivileged=True)
    finally:
        os.chmod(tmp_path / "out", 0o755)
    assert proc.returncode == 1
    assert stderr_lines(proc) == ["Error: cannot write out/x.geojson: Permission denied"]
    assert list((tmp_path / "out").iterdir()) == []


# --- outputs -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["extract"], ["places"], ["places", "--format", "json"], ["map", "-o", "-"]])
def test_full_stdout_is_one_line(tmp_path, command):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "geomap", command[0], _good(tmp_path), *command[1:]],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, timeout=60, check=False,
        )
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["Error: cannot write to standard output: No space left on device"]


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv", ".html"])
def test_devices_are_written_to_never_replaced(tmp_path, suffix):
    command = "map" if suffix == ".html" else "extract"
    # Nothing writes to the real /dev/null here: a FIFO stands for any non-regular target.
    fifo = tmp_path / f"sink{suffix}"
    os.mkfifo(fifo)
    received = []

    def reader():
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    thread = threading.Thread(target=reader)
    thread.start()
    proc = run([command, _good(tmp_path), "-o", fifo.name], cwd=tmp_path)
    thread.join(10)
    assert proc.returncode == 0, proc.stderr
    assert fifo.is_fifo()  # still a FIFO, not replaced by a file
    data = received[0]
    assert (b"Kharkiv" in data) if suffix != ".gpkg" else data.startswith(b"SQLite format 3\x00")


def test_dev_null_and_dev_full_as_output(tmp_path):
    ok = run(["extract", _good(tmp_path), "-o", "/dev/null"], cwd=tmp_path)
    assert ok.returncode == 0
    assert Path("/dev/null").is_char_device()
    full = run(["extract", _good(tmp_path), "-o", "/dev/full"], cwd=tmp_path)
    assert full.returncode == 1
    assert stderr_lines(full) == ["Error: cannot write /dev/full: No space left on device"]
    assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize("name", ["out.geojson", "out.gpkg", "out.csv", "out.html"])
def test_a_write_that_fails_half_way_keeps_the_old_file_and_leaves_nothing(tmp_path, name):
    # A file size limit (ulimit -f) fails writes past 8 kB as a full disk would.
    import resource

    from datetime import date, timedelta

    for i in range(40):  # 40 distinct incidents: one a day
        day = (date(2024, 10, 1) + timedelta(days=i)).isoformat()
        (tmp_path / f"a{i}.txt").write_text(GOOD_ARTICLE.replace("2024-12-18", day).replace(" on Tuesday", ""), encoding="utf-8")
    (tmp_path / name).write_text("old", encoding="utf-8")
    command = "map" if name.endswith(".html") else "extract"
    proc = subprocess.run(
        [sys.executable, "-m", "geomap", command, *[f"a{i}.txt" for i in range(40)], "-o", name],
        cwd=tmp_path, capture_output=True, timeout=120, check=False,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000)),
    )
    assert proc.returncode == 1
    assert stderr_lines(proc) == [f"Error: cannot write {name}: File too large"]
    assert (tmp_path / name).read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_symlinked_output_replaces_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real.geojson").write_text("old", encoding="utf-8")
    os.symlink("real.geojson", tmp_path / "link.geojson")
    proc = run(["extract", _good(tmp_path), "-o", "link.geojson"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert os.readlink(tmp_path / "link.geojson") == "real.geojson"
    assert "Kharkiv" in (tmp_path / "real.geojson").read_text(encoding="utf-8")


def test_sigterm_while_writing_leaves_no_temporary(tmp_path):
    # The write itself sends SIGTERM: the CLI's handler unwinds and removes the temporaries.
    script = (
        "import os, signal, sys\n"
        "from geomap.cli import main\n"
        "import geomap.export as export\n"
        "real = export.pyogrio_write = __import__('pyogrio').write_arrow\n"
        "def killed(*args, **kwargs):\n"
        "    real(*args, **kwargs)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "__import__('pyogrio').write_arrow = killed\n"
        "sys.argv = ['geomap', 'extract', 'good.txt', '-o', 'out.gpkg']\n"
        "main()\n"
    )
    _good(tmp_path)
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=60, check=False)
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]


def test_library_warnings_only_with_verbose(tmp_path):
    _write(tmp_path, "empty.html", "<html><head><title>T</title></head><body></body></html>")
    quiet = run(["extract", "empty.html", _good(tmp_path)], cwd=tmp_path)
    assert stderr_lines(quiet) == ["geomap: empty.html: no article text found in the HTML page"]
    verbose = run(["-v", "extract", "empty.html", _good(tmp_path)], cwd=tmp_path)
    assert "geomap: [trafilatura] discarding data: None" in stderr_lines(verbose)
