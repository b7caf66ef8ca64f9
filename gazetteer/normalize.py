"""Folding of place names and running text into match keys.

The build folds every gazetteer name with :func:`fold`; the matcher folds a
whole article with :func:`fold_text` and looks the keys up in the folded text.
Both apply the same per-character rules, so a name matches wherever its
spelling differs only in case, diacritics, apostrophes, hyphens or spacing::

    >>> fold("Ust’-Luga") == fold("Ust Luga") == "ust luga"
    True
    >>> fold("São Paulo")
    'sao paulo'

Rules, per character:

* apostrophes and quote-like marks (’ ' ʼ ‘ ʻ ` ´ ʹ ′) are removed (before
  decomposition: NFKD would turn ``´`` into a space and a combining accent);
* NFKD, then combining marks dropped (é→e, ё→е, й→и, ї→і), then ``casefold``;
* hyphens, dashes, underscores and dots become a space, as does any whitespace;
* invisible format characters (soft hyphen, zero-width joiners, BOM) are removed;
* control characters (NUL and the like) and lone surrogates become a space, so
  any ``str`` can be folded and looked up;
* runs of spaces collapse to one.

Each character folds independently of its neighbours, which is what lets
:func:`fold_text` report, for every folded character, where it came from.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_text", "script_of"]

#: Removed outright: an apostrophe inside a name is spelled, dropped or
#: replaced by a space depending on the source (Ust’-Luga, Ust-Luga).
_QUOTES = "'\u2019\u2018\u201b\u02bc\u02bb\u02b9`\u00b4\u2032\uff07"

#: Word separators that are not whitespace.
_SEPARATORS = "_.\u2212\u2027\u2043"

_SPACES = re.compile(" {2,}")

#: Categories folded to a space: dashes, and characters no name holds that must
#: never reach the name store (control characters such as NUL, lone surrogates).
_SPACE_CATEGORIES = frozenset(("Pd", "Cc", "Cs"))


def _fold_char(ch: str) -> str:
    """Fold one character (the slow, exact path, cached by :class:`_Table`)."""
    if ch in _QUOTES:
        return ""
    category = unicodedata.category(ch)
    if ch.isspace() or ch in _SEPARATORS or category in _SPACE_CATEGORIES:
        return " "
    if category == "Cf":
        return ""
    out = []
    # casefold can produce characters that decompose again (e.g. 'İ' -> 'i̇').
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold()):
        if unicodedata.combining(c):
            continue
        if c in _QUOTES:
            continue
        if c.isspace() or c in _SEPARATORS or unicodedata.category(c) == "Pd":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


class _Table(dict):
    """``str.translate`` table folding every character, filled on first sight.

    Keys are code points, values the folded string (or None to delete);
    identity mappings are stored too so the lookup never calls back twice.
    """

    def __missing__(self, cp: int) -> str | None:
        folded = _fold_char(chr(cp)) or None
        self[cp] = folded
        return folded


_TABLE = _Table()
for _cp in range(128):
    _TABLE[_cp]  # noqa: B018 - warm the ASCII range once, at import (cheap)


#: Per code point caches for :func:`fold_text`, filled as characters are first
#: seen: the folded length (0 = deleted) and, when that length is 1, the folded
#: code point. Vectorised lookups here are several times faster than
#: ``str.translate`` on long texts. numpy is imported on first use, so that
#: importing this module (and folding names) stays cheap.
_VEC: dict = {}


def _vectors() -> dict:
    if not _VEC:
        import numpy as np

        # lengths[cp] is _UNKNOWN until the code point is first seen: the
        # length look-up every text needs anyway then says whether any is new.
        _VEC.update(
            np=np,
            lengths=np.full(0x110000, _UNKNOWN, dtype=np.uint8),
            single=np.arange(0x110000, dtype=np.uint32),
        )
        _learn(np.arange(128, dtype=np.uint32))
    return _VEC


#: The folded length of a code point not seen yet (real lengths are 0 to 3).
_UNKNOWN = 255


def _learn(cps) -> None:
    """Make sure every code point in ``cps`` (a numpy array) has its fold cached."""
    np, lengths = _VEC["np"], _VEC["lengths"]
    unknown = cps[lengths[cps] == _UNKNOWN]
    for cp in np.unique(unknown).tolist():
        folded = _TABLE[cp] or ""
        lengths[cp] = len(folded)
        if len(folded) == 1:
            _VEC["single"][cp] = ord(folded)


def fold(s: str) -> str:
    """Fold a name into its lookup key.

    Parameters
    ----------
    s : str
        A place name, or any short string.

    Returns
    -------
    str
        The key: lower case, no diacritics or apostrophes, words separated by
        single spaces, no leading or trailing space.

    Examples
    --------
    >>> fold("Kyiv"), fold("Курская область"), fold("Zaporizhzhia ")
    ('kyiv', 'курская область', 'zaporizhzhia')
    """
    folded = s.translate(_TABLE)
    if "  " in folded:
        folded = _SPACES.sub(" ", folded)
    return folded.strip(" ")


def fold_text(text: str) -> tuple[str, list[int]]:
    """Fold a whole text and keep the way back to the original offsets.

    Parameters
    ----------
    text : str
        Any text, e.g. an article body.

    Returns
    -------
    folded : str
        ``text`` folded with the rules of :func:`fold`, runs of whitespace
        collapsed to one space but not stripped.
    offsets : list of int
        ``len(folded) + 1`` integers: ``offsets[i]`` is the index in ``text`` of
        the character ``folded[i]`` came from, and ``offsets[-1] == len(text)``.
        A match ``folded[i:j]`` is ``text[offsets[i]:offsets[j - 1] + 1]``.

    Examples
    --------
    >>> folded, offsets = fold_text("In Ust’-Luga,  today")
    >>> folded
    'in ust luga, today'
    >>> i = folded.index("ust luga"); j = i + len("ust luga")
    >>> "In Ust’-Luga,  today"[offsets[i]:offsets[j - 1] + 1]
    'Ust’-Luga'
    """
    if not text:
        return "", [0]
    out, offsets = fold_codepoints(text)
    folded = out.tobytes().decode("utf-32-le")
    result = offsets.tolist()
    result.append(len(text))
    return folded, result


def fold_codepoints(text: str, cps=None):
    """The arrays behind :func:`fold_text`: folded code points and their offsets.

    Parameters
    ----------
    text : str
        A non-empty text.
    cps : numpy.ndarray of uint32, optional
        ``text``'s code points, when the caller has them already.

    Returns
    -------
    out : numpy.ndarray of uint32
        The folded text's code points (``out.tobytes().decode("utf-32-le")`` is it).
    offsets : numpy.ndarray of int64
        For each folded character, the index in ``text`` it came from (no final
        ``len(text)``, unlike :func:`fold_text`'s list).

    Callers that scan the folded text (the finder) keep working on the arrays:
    turning the offsets into a list of Python ints cost as much as the folding.
    """
    vec = _vectors()
    np = vec["np"]
    if cps is None:
        # surrogatepass: a lone surrogate (from a broken decoder) is a code point like any other.
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lengths = vec["lengths"][cps]
    if lengths.max() > 1:
        _learn(cps)  # characters never seen before, or ones that fold to several
        lengths = vec["lengths"][cps]
    if lengths.max() > 1:
        # Rare (ß -> ss, ligatures): let str.translate expand, repeat offsets.
        out = np.frombuffer(text.translate(_TABLE).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        offsets = np.repeat(np.arange(len(text), dtype=np.int64), lengths)
    else:
        offsets = np.flatnonzero(lengths)  # characters folding keeps (one each)
        out = vec["single"][cps[offsets]]
    spaces = out == 32
    repeat = spaces[1:] & spaces[:-1]
    if repeat.any():
        keep = np.empty(len(spaces), dtype=bool)
        keep[0] = True
        np.logical_not(repeat, out=keep[1:])
        out = out[keep]
        offsets = offsets[keep]
    return out, offsets


def script_of(name: str) -> str | None:
    """``"latin"``, ``"cyrillic"``, ``"mixed"`` or None (another script) for a name.

    Examples
    --------
    >>> script_of("Kyiv"), script_of("Київ"), script_of("Kyiv Київ"), script_of("キエフ")
    ('latin', 'cyrillic', 'mixed', None)
    """
    scripts = set()
    for ch in name:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            if uname.startswith("LATIN"):
                scripts.add("latin")
            elif uname.startswith("CYRILLIC"):
                scripts.add("cyrillic")
            else:
                return None
    if not scripts:
        return None
    return scripts.pop() if len(scripts) == 1 else "mixed"
