"""``geomap places``: the places each article mentions, one record per mention."""

from __future__ import annotations

import csv
import io
import json
import sys

import click

from geomap.cli.options import ErrorReporter, gazetteer_options, make_gazetteer
from geomap.fileio import write_stdout

#: Fields of a mention record, in output order.
FIELDS = (
    "file", "article", "start", "end", "text", "name", "kind", "country", "admin1",
    "lat", "lon", "geonameid", "place_id", "confidence", "reason",
)
#: Fields of a ``--lookup`` record, in output order.
LOOKUP_FIELDS = (
    "rank", "name", "kind", "country", "admin1", "lat", "lon", "population",
    "feature_code", "geonameid", "place_id",
)
#: Columns shown by ``--format table`` (the full record is in the other formats).
TABLE_FIELDS = ("file", "start", "end", "text", "name", "kind", "country", "lat", "lon", "confidence", "reason")
LOOKUP_TABLE_FIELDS = ("rank", "name", "kind", "country", "admin1", "lat", "lon", "population", "place_id")

FORMATS = ("table", "jsonl", "json", "csv")


def mention_records(article, mentions_and_offsets) -> list[dict]:
    """Records for one article's mentions; offsets already mapped to the file's text."""
    records = []
    for mention, start, end in mentions_and_offsets:
        place = mention.place
        records.append(
            {
                "file": article.source,
                "article": article.index,
                "start": start,
                "end": end,
                "text": mention.text,
                "name": place.name,
                "kind": mention.kind,
                "country": place.country,
                "admin1": place.admin1,
                "lat": round(place.lat, 5),
                "lon": round(place.lon, 5),
                "geonameid": place.geonameid,
                "place_id": place.id,
                "confidence": mention.confidence,
                "reason": mention.reason,
            }
        )
    return records


def find_in_article(gazetteer, article):
    """Mentions in an article's title and body, with offsets into the source file.

    Title and body are resolved together (one document, one context). Offsets are
    None when the text was extracted (HTML, feeds), not sliced from the file. A line
    that links another article ("Read also: ...", "Читайте також: ...") names that
    article's places, not this one's: left out.
    """
    title = article.title or ""
    sep = "\n\n" if title else ""
    joined = f"{title}{sep}{article.text}"
    body_at = len(title) + len(sep)
    from geomap.document import LINK

    out = []
    for m in gazetteer.find(joined):
        line_start = joined.rfind("\n", 0, m.start) + 1
        if LINK.match(joined, line_start):
            continue  # "Read also: Strike on Zaporizhzhia kills two": another article's places
        if m.start < body_at:
            base = article.title_offset
            start, end = (None, None) if base is None else (base + m.start, base + m.end)
        else:
            base = article.offset
            start, end = (None, None) if base is None else (base + m.start - body_at, base + m.end - body_at)
        out.append((m, start, end))
    return out


def _format_table(records: list[dict], fields) -> str:
    if not records:
        return ""
    rows = [[("" if r.get(f) is None else str(r.get(f))) for f in fields] for r in records]
    widths = [max(len(f), *(len(row[i]) for row in rows)) for i, f in enumerate(fields)]
    lines = ["  ".join(f.ljust(w) for f, w in zip(fields, widths)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def _format_csv(records: list[dict], fields) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buf.getvalue()


def format_records(records: list[dict], fmt: str, fields, table_fields) -> str:
    """Render records as ``jsonl``, ``json``, ``csv`` or ``table``."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _format_csv(records, fields)
    return _format_table(records, table_fields)


@click.command()
@click.argument("inputs", nargs=-1, metavar="[FILES|DIRS|-]...")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format (table shows the main columns; the others every field).",
)
@click.option("--lookup", "lookup", metavar="NAME", help="Rank the places called NAME instead of reading articles.")
@gazetteer_options
@click.option("--country", metavar="ISO2", help="With --lookup: only places in this country.")
@click.option("--kind", type=click.Choice(["country", "admin1", "city", "sea", "other"]), help="With --lookup: only this kind.")
def places(inputs, fmt, lookup, places_files, focus, country, kind) -> None:
    """List the places each article mentions, one record per mention.

    Reads files, folders (recursively) or - (standard input). Each record has the
    file, the character offsets of the mention in the file's decoded text (null
    when the text was extracted from HTML, a feed or JSON), the text, and the
    place it resolves to (name, kind, ISO country, admin1, lat/lon, GeoNames id)
    with a confidence and the reason for the choice. Demonyms (Ukrainian, North
    Korean) are listed with kind "demonym". Titles are read with their articles.

    \b
    Examples:
      geomap places seeds/
      geomap places seeds/ --format jsonl > places.jsonl
      cat article.txt | geomap places - --format csv
      geomap places --lookup Kharkov
      geomap places --places-file frontline.csv reports/
    """
    gazetteer = make_gazetteer(places_files, focus)
    if lookup is not None:
        if inputs:
            raise click.UsageError("give either --lookup NAME or input files, not both")
        ranked = gazetteer.lookup(lookup, country=country, kind=kind)
        if not ranked:
            click.echo(f"geomap: no place called {lookup!r}", err=True)
            sys.exit(1)
        records = [
            {
                "rank": rank,
                "name": p.name,
                "kind": p.kind,
                "country": p.country,
                "admin1": p.admin1,
                "lat": round(p.lat, 5),
                "lon": round(p.lon, 5),
                "population": p.population,
                "feature_code": p.feature_code,
                "geonameid": p.geonameid,
                "place_id": p.id,
            }
            for rank, p in enumerate(ranked, 1)
        ]
        write_stdout(format_records(records, fmt, LOOKUP_FIELDS, LOOKUP_TABLE_FIELDS))
        return
    if not inputs:
        raise click.UsageError("give files, folders or - (standard input); see --help")
    if country or kind:
        raise click.UsageError("--country and --kind go with --lookup")

    from geomap.ingest import iter_articles

    report = ErrorReporter()
    records: list[dict] = []
    streaming = fmt == "jsonl"
    for article in iter_articles(inputs, on_error=report):
        found = mention_records(article, find_in_article(gazetteer, article))
        if streaming:
            write_stdout(format_records(found, fmt, FIELDS, TABLE_FIELDS))
        else:
            records.extend(found)
    if not streaming:
        write_stdout(format_records(records, fmt, FIELDS, TABLE_FIELDS))
    if report.failed:
        sys.exit(1)
