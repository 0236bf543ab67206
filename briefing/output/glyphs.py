"""The characters briefing draws, and what stands in for them where they cannot be shown.

With an ASCII-only locale (``LC_ALL=C``) or another encoding without box
drawing, Python writes what it cannot encode as ``\\u256d`` escapes (the
app's frames) or ``?``. Instead, every character the terminal's encoding
lacks is replaced here by an ASCII stand-in **of the same width**, so a
layout measured in cells stays intact: frames become ``+-|``, marks become
``| + * #``, typographic dashes and quotes their ASCII forms, accented
letters their base letter, and anything else one ``?`` per cell.

:data:`STAND_INS` is the one table of these stand-ins; the app applies it to
everything it draws (:mod:`briefing.ui.terminal`) and ``--plain`` to its
text. No UI imports here.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from briefing.model.text import latin_letter

STAND_INS: dict[str, str] = {
    # Marks drawn by the panes and screens.
    "▌": "|",  # side of a delegation or speaker
    "✚": "+",  # new since the last reload
    "●": "*",  # changed since the last reload; an event on the timeline
    "✖": "x",  # removed
    "•": "*",
    "⚠": "!",
    "✓": "v",
    "█": "#",  # exact figure in the tally
    "▒": ":",  # approximate figure
    "░": ":",
    "▓": "#",
    "…": "~",  # cut text (one cell, like the ellipsis it stands for)
    "·": "-",  # separator
    "←": "<",
    "→": ">",
    "↑": "^",
    "↓": "v",
    "⏎": "<",
    # Typography from briefings and the app's own words.
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "―": "-",
    "×": "x",  # sizes: 40x12
    "′": "'",
    "″": '"',
    "‘": "'",
    "’": "'",
    "‚": ",",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‹": "<",
    "›": ">",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    # Letters NFKD leaves whole that have no "WITH ..." in their name.
    "Ð": "D",
    "ð": "d",
    # Parts of frames, scrollbars and large digits Textual draws.
    "▔": "-",
    "▁": "_",
    "▊": "|",
    "▋": "|",
    "▍": "|",
    "▎": "|",
    "▏": "|",
    "▐": "|",
    "▕": "|",
}
"""Stand-ins for the characters briefing and Textual draw, one cell each."""

UI_SAMPLE = "╭─╮│╰╯▌●✚…"
"""What the app must be able to draw to use its own glyphs."""


def can_encode(text: str, encoding: str | None) -> bool:
    """Whether ``encoding`` (a stream's; None: unknown, taken as UTF-8) has every character of ``text``."""
    if not encoding:
        return True
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True  # an encoding Python does not know: leave it to the stream
    return True


def _cells(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


@lru_cache(maxsize=4096)
def stand_in(char: str) -> str:
    """An ASCII stand-in for ``char``, as many cells wide as ``char``."""
    if char in STAND_INS:
        return STAND_INS[char]
    width = _cells(char)
    if width == 0:
        return ""
    if "\u2500" <= char <= "\u257f":  # box drawing: lines, corners, joins
        name = unicodedata.name(char, "")
        if " AND " in name or "CROSS" in name:
            return "+"
        if "DIAGONAL" in name:
            return "/" if "UPPER RIGHT" in name else "\\"
        return "-" if "HORIZONTAL" in name or "LEFT" in name or "RIGHT" in name else "|"
    if "\u2580" <= char <= "\u259f":  # other block elements
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii() and c.isprintable())
    if base and len(base) == width:
        return base  # é -> e
    # A stroke, hook or bar has no decomposition, but the name says the
    # letter under it: ł -> l, Ø -> O, ı -> i.
    letter = latin_letter(char) if width == 1 else None
    return letter or "?" * width


@lru_cache(maxsize=4096)
def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def for_encoding(text: str, encoding: str | None) -> str:
    """``text`` with each character ``encoding`` lacks replaced by its stand-in."""
    if text.isascii() or can_encode(text, encoding):
        return text
    assert encoding is not None  # can_encode is True without one
    return "".join(char if _encodable(char, encoding) else stand_in(char) for char in text)


__all__ = ["STAND_INS", "UI_SAMPLE", "can_encode", "for_encoding", "stand_in"]
