"""Text as compared for *verbatim*: what is ignored, and the map back.

*Verbatim* ignores exactly three things: whitespace and line breaks (any
run is one space), typographic quotation marks and apostrophes (“ ” „ « »
are ", ‘ ’ ‚ are '), and a dash written as ``--``, ``—``, ``–`` or ``―``
(with or without spaces around it). Words, other punctuation and case must
be the same. Both the report and the quote are normalised the same way, and
the report keeps a map from normalised offsets back to its own (built by
:func:`stretches` when a passage is first shown).
"""

from __future__ import annotations

import re
from typing import NamedTuple

DASH = "\u2014"
# Replacements of one character by one: offsets do not move. (A chain of
# str.replace: str.translate with a table is ~20x slower on non-ASCII text.)
_MARKS: tuple[tuple[str, str], ...] = (
    *((c, '"') for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"),
    *((c, "'") for c in "\u2018\u2019\u201a\u201b\u2032"),
    *((c, DASH) for c in "\u2013\u2015"),
)
# Every other whitespace character is a space (str.split() splits on
# exactly these and the space: U+3000 is the last of them).
_SAME_LENGTH: tuple[tuple[str, str], ...] = (
    *_MARKS,
    *((chr(code), " ") for code in range(0x3001) if chr(code).isspace() and code != 0x20),
)
_SPACES = tuple(char for char, new in _SAME_LENGTH if new == " ")
_ASCII_SPACES = tuple(char for char in _SPACES if char.isascii())
_LONG = 4096
"""Characters past which :func:`_spaced` is the faster way to join words."""
_HOLDER = "\x01"
"""Where a dash will be, while a long ASCII text is worked on."""
_SEPARATOR = "\x00"
"""Between quotes normalised together: not whitespace, a mark or a dash."""


def _same_length(text: str, table: tuple[tuple[str, str], ...] = _SAME_LENGTH) -> str:
    for char, new in table:
        if char in text:
            text = text.replace(char, new)
    return text


# What is left changes the length: runs of spaces, and a dash with the
# spaces around it. (Used for the map back to the report's own offsets;
# normalising itself does the same with str.split and str.replace, ~5x
# faster: the regex engine stops at every space of the text.)
_LENGTHS = re.compile(
    # That is ` *(?:\u2014|-{2,}) *| {2,}`, written to start with a set of
    # characters, which lets the regex engine skip to them (2.5x faster).
    r"[ \u2014-](?:(?<= )(?: *(?:\u2014|-{2,}) *| +)|(?<=\u2014) *|(?<=-)-+ *)"
)
_HYPHENS = re.compile("--+")


def _dash_or_space(match: re.Match[str]) -> str:
    return " " if match.group().isspace() else DASH


def _dashes(text: str) -> str:
    """``text`` (whitespace already single spaces) with each dash one ``—``
    and no space next to it."""
    if len(text) >= _LONG and text.isascii() and _HOLDER not in text and "--" in text:
        # Each step on one byte a character, and the text made wider once.
        # Typed dashes are mostly " -- ": one replace, not the regex.
        text = text.replace(" -- ", _HOLDER)
        if "--" in text:
            text = _HYPHENS.sub(_HOLDER, text)
        return _unspaced(text, _HOLDER).replace(_HOLDER, DASH)
    if "--" in text:
        text = _HYPHENS.sub(DASH, text)
    return _unspaced(text, DASH) if DASH in text else text


def _unspaced(text: str, dash: str) -> str:
    """``text`` without the spaces next to ``dash``: a dash is mostly
    between two, which one pass removes."""
    if f" {dash} " in text:
        text = text.replace(f" {dash} ", dash)
    if " " + dash in text:
        text = text.replace(" " + dash, dash)
    if dash + " " in text:
        text = text.replace(dash + " ", dash)
    return text


def _spaced(text: str) -> str:
    """``text`` with each run of whitespace one space, the ends kept: for a
    long text, ~2x faster than ``" ".join(text.split())``, which makes an
    object of every word."""
    for char in _ASCII_SPACES if text.isascii() else _SPACES:
        if char in text:
            text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def normalise(text: str) -> str:
    """``text`` as compared: see the module docstring."""
    if not text.isascii():
        text = _same_length(text, _MARKS)
    if len(text) < _LONG:
        return _dashes(" ".join(text.split()))
    return _dashes(_spaced(text).strip(" "))


def normalise_all(texts: list[str]) -> list[str]:
    """:func:`normalise` of each of ``texts``, in a few passes over them all
    (one by one, 10,000 quotes cost ~2x more)."""
    # Nothing normalising does reaches across the separator but a space
    # next to it, which stripping each piece removes.
    pieces = normalise(_SEPARATOR.join(texts)).split(_SEPARATOR)
    if len(pieces) != len(texts):  # one of them holds the separator
        return list(map(normalise, texts))
    return list(map(str.strip, pieces))


def normalise_report(text: str) -> str:
    """Like :func:`normalise`, but whitespace at either end stays one space
    (so that :func:`stretches` maps it)."""
    if not text.isascii():
        text = _same_length(text, _MARKS)
    return _dashes(_spaced(text))


class Map(NamedTuple):
    """Stretches whose length changed, as (normalised start, normalised end,
    original start, original end) in four lists: the map back to a text."""

    n_starts: list[int]
    n_ends: list[int]
    o_starts: list[int]
    o_ends: list[int]


def stretches(text: str) -> tuple[str, Map]:
    """``text`` normalised as the report is, the slow way, with its map."""
    same = _same_length(text)
    pieces: list[str] = []
    found = Map([], [], [], [])
    last = 0
    shift = 0  # normalised offset - original offset, so far
    for match in _LENGTHS.finditer(same):
        start, end = match.span()
        new = _dash_or_space(match)
        if len(new) == end - start:
            continue
        pieces.append(same[last:start])
        pieces.append(new)
        last = end
        found.n_starts.append(start + shift)
        found.n_ends.append(start + shift + len(new))
        found.o_starts.append(start)
        found.o_ends.append(end)
        shift += len(new) - (end - start)
    pieces.append(same[last:])
    return "".join(pieces), found


__all__ = ["DASH", "Map", "normalise", "normalise_all", "normalise_report", "stretches"]
