"""How each event type looks: colour and marker shape, in one table.

Colours are the Okabe–Ito palette (Okabe & Ito 2008), chosen to stay distinct for
the common forms of colour blindness; each type also has its own shape, so the
legend works in greyscale print too.
"""

from __future__ import annotations

#: ACLED event type → (fill colour, marker shape). Shapes are drawn by geomap.js.
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Battles": ("#D55E00", "circle"),
    "Explosions/Remote violence": ("#E69F00", "triangle"),
    "Violence against civilians": ("#CC79A7", "diamond"),
    "Protests": ("#0072B2", "square"),
    "Riots": ("#56B4E9", "triangle-down"),
    "Strategic developments": ("#009E73", "hexagon"),
}

#: For types outside ACLED's six (e.g. from a hand-edited file), in order of use.
EXTRA_STYLES: tuple[tuple[str, str], ...] = (
    ("#000000", "star"),
    ("#F0E442", "star"),
    ("#7F7F7F", "square"),
)

#: Order of the legend and layer control: ACLED's order, then others by name.
TYPE_ORDER = tuple(TYPE_STYLES)


def styles_for(types) -> dict[str, tuple[str, str]]:
    """Colour and shape for each of ``types``, known types first in ACLED order.

    Parameters
    ----------
    types : iterable of str
        Event types present in the frame.

    Returns
    -------
    dict
        Ordered mapping type → (colour, shape).
    """
    present = set(types)
    ordered = [t for t in TYPE_ORDER if t in present]
    others = sorted(present - set(TYPE_ORDER))
    result = {t: TYPE_STYLES[t] for t in ordered}
    for i, name in enumerate(others):
        result[name] = EXTRA_STYLES[i % len(EXTRA_STYLES)]
    return result
