"""Decoding the bytes of an input into text.

Inputs in this field come as UTF-8 (with or without a byte-order mark) and, from
Russian and Ukrainian sources, in the single-byte Cyrillic code pages CP1251 and
KOI8-R/U. A general detector such as charset-normalizer is unreliable on short
Cyrillic texts (a one-line CP1251 headline can come back as ``mac_cyrillic`` and a
KOI8-R one as ``shift_jis``), so Cyrillic code pages are decided here by a property
every real Cyrillic text has: decoded with the right table its words are wholly
Cyrillic and in natural case (``обстрел``, ``Харькова``, ``ВСУ``); with a wrong
table they come out in mixed case (``пНЯРПЕК``) or mixed with Latin letters and
symbols. Everything else goes to charset-normalizer.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from geomap.errors import UnreadableInputError

#: Cyrillic code pages tried when the bytes are not UTF-8, in order of preference
#: (the first wins a tie: CP1251 is by far the most common on the web).
CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866")

#: Share of words with non-ASCII letters that must read as natural Cyrillic words
#: for a Cyrillic code page to be chosen.
CYRILLIC_MIN_SHARE = 0.7

#: The most frequent letters of Russian and Ukrainian prose (about 60 % of letters).
COMMON_CYRILLIC_LETTERS = frozenset("оеаинтсрвлкі")

#: Above this share of control or replacement characters the input is not text.
MAX_GARBAGE_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_CYRILLIC_PUNCTUATION = frozenset("\u00a0«»—–‘’“”„…№°")
#: Control characters (Unicode category Cc) other than whitespace, and U+FFFD.
_GARBAGE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode one input's bytes, detecting the encoding.

    Parameters
    ----------
    data : bytes
        The whole input.
    source : str
        The input's name, for error messages.

    Returns
    -------
    str
        The decoded text, without a byte-order mark. Line endings are left as they
        are, so offsets into this string are offsets into the file's text.

    Raises
    ------
    UnreadableInputError
        When the bytes are not text in any encoding geomap knows (binary data).

    Examples
    --------
    >>> decode_bytes("Взрыв в Москве".encode("koi8_r"), "x.txt")
    'Взрыв в Москве'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return check_text(text.lstrip("\ufeff"), source)
    if b"\x00" in data:
        raise UnreadableInputError(f"{source}: not a text file (binary data)")
    try:
        return check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):
        # A cut-off last character or a few bad bytes in a UTF-8 article: reading it
        # all as a single-byte code page would garble every other letter.
        text = data.decode("utf-8", errors="replace")
        check_text(text.replace("\ufffd", ""), source)  # the few U+FFFD are known, not binary
        return text
    encoding = cyrillic_codepage(data)
    if encoding is None:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise UnreadableInputError(f"{source}: not a text file (no known encoding fits)")
        encoding = best.encoding
    return check_text(data.decode(encoding, errors="replace"), source)


#: Valid multi-byte UTF-8 characters needed per invalid byte sequence for
#: :func:`mostly_utf8`. Text in a single-byte code page practically never forms
#: valid multi-byte sequences (CP1251 "Вґ" does, rarely); its every non-ASCII
#: word is an invalid one.
UTF8_GOOD_PER_BAD = 8


def mostly_utf8(data: bytes) -> bool:
    """True when ``data`` is UTF-8 but for a damaged tail or a few bad bytes.

    Examples
    --------
    >>> mostly_utf8("Обстріл Харкова".encode("utf-8")[:-1])
    True
    >>> mostly_utf8("Обстрел Харькова".encode("cp1251"))
    False
    """
    good = bad = 0
    for match in _UTF8_SEQUENCE.finditer(data):
        if match.group(1):
            good += 1
        else:
            bad += 1
    return good > 0 and good >= UTF8_GOOD_PER_BAD * bad


# A valid multi-byte character (group 1), or one byte that cannot start or continue one.
_UTF8_SEQUENCE = re.compile(
    rb"([\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})|[\x80-\xff]"
)


def cyrillic_codepage(data: bytes) -> str | None:
    """The Cyrillic code page that reads ``data`` as natural Cyrillic words, if any.

    Parameters
    ----------
    data : bytes
        Text in some single-byte encoding.

    Returns
    -------
    str or None
        A name from :data:`CYRILLIC_CODEPAGES`, or None when no Cyrillic code page
        makes most non-ASCII words natural Cyrillic words.
    """
    best_name, best_rank = None, (float("-inf"), 0)
    for name in CYRILLIC_CODEPAGES:
        text = data.decode(name, errors="replace")
        good = bad = 0
        for word in _WORD.findall(text):
            if word.isascii():
                continue
            if _is_natural_cyrillic(word):
                good += 1
            else:
                bad += 1
        if not good or good / (good + bad) < CYRILLIC_MIN_SHARE:
            continue
        # Several tables can give natural-case words (ISO 8859-5 reads CP1251 as
        # all-lowercase gibberish); the right one also gives the letters that are
        # common in Russian and Ukrainian text, a wrong one a permutation of them.
        # Symbols a wrong table makes of letters (box drawing, bullets) count against it.
        letters = "".join(_CYRILLIC.findall(text)).lower()
        common = sum(1 for ch in letters if ch in COMMON_CYRILLIC_LETTERS)
        odd = sum(1 for ch in text if not ch.isascii() and not ch.isalpha() and ch not in _CYRILLIC_PUNCTUATION)
        rank = (round((common - 2 * odd) / len(letters), 3), good - bad)
        if rank > best_rank:
            best_name, best_rank = name, rank
    return best_name


def _is_natural_cyrillic(word: str) -> bool:
    if _CYRILLIC.fullmatch(word) is None:
        return False
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def check_text(text: str, source: str) -> str:
    """Return ``text``, or raise when it is mostly control characters (binary data).

    Raises
    ------
    UnreadableInputError
        When more than :data:`MAX_GARBAGE_SHARE` of ``text`` is control or
        replacement characters.
    """
    if text and len(_GARBAGE.findall(text)) / len(text) > MAX_GARBAGE_SHARE:
        raise UnreadableInputError(f"{source}: not a text file (binary data or unknown encoding)")
    return text
