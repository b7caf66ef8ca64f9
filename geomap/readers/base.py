"""The small base class every incident-file reader derives from.

A reader owns one *layout* of incident data (geomap's own columns, ACLED's
codebook, GDELT's event table). Layouts inside an ordinary table (CSV,
GeoJSON, GeoPackage, Parquet; :mod:`geomap.readers.tables` parses those) are
claimed by :meth:`IncidentReader.matches` on the table's column names and cast
by :meth:`IncidentReader.conform`; a layout that is a file format of its own
(GDELT's headerless TSV) is claimed by :meth:`IncidentReader.sniff` on the
file's first bytes and read by :meth:`IncidentReader.read`. Either way a
reader returns a frame of ``docs/schema.md``. Readers never extract anything
from text: they import neither :mod:`geomap.pipeline` nor :mod:`geomap.analysis`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import geopandas
    import pandas as pd

    from geomap.readers.tables import Data

__all__ = ["IncidentReader", "MERGE_SCOPES"]

#: How the rows of one reader may merge with each other (rows always may merge with other inputs'):
#: ``dataset``: never (each row is an event the dataset already told apart: ACLED);
#: ``file``: not within one file (geomap merged them when it wrote the file);
#: ``url``: not within one article (``url``), as incidents extracted from one article (GDELT).
MERGE_SCOPES = ("dataset", "file", "url")


class IncidentReader:
    """Reads one layout of incident data into the incident frame.

    Attributes
    ----------
    name : str
        The key of :data:`geomap.readers.READERS`.
    merge_scope : str
        One of :data:`MERGE_SCOPES`.
    """

    name: ClassVar[str] = ""
    merge_scope: ClassVar[str] = "file"

    def matches(self, columns: Iterable[str]) -> bool:
        """True when a table with these column names holds this layout."""
        return False

    def conform(self, table: pd.DataFrame, *, source: str, nested: str = "objects") -> geopandas.GeoDataFrame:
        """The incident frame of a table this reader :meth:`matches`.

        ``nested="text"`` (:data:`geomap.readers.geomap_files.NESTED`) lets a reader leave
        nested columns the table holds as JSON text as that text; a reader that builds
        them itself gives them as objects either way.
        """
        raise NotImplementedError

    def sniff(self, head: bytes) -> bool:
        """True when an input whose first bytes are ``head`` is a file of this reader's own format."""
        return False

    def read(self, data: Data, *, source: str) -> geopandas.GeoDataFrame:
        """The incident frame of a file this reader :meth:`sniff` claimed."""
        raise NotImplementedError
