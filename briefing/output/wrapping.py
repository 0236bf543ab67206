"""Text measured and wrapped in terminal cells, for ``--plain`` and ``briefing diff``.

A CJK character or most emoji take two cells, combining marks and
zero-width characters none; lines break between words only, except CJK
text, which has no spaces. No UI imports: this is how the text outputs
line up without Rich.
"""

from __future__ import annotations

import shutil
import unicodedata
from typing import TextIO

DEFAULT_WIDTH = 80
"""The width of text written anywhere but a terminal."""

_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufe0e", "\ufe0f"}


def _char_width(char: str) -> int:
    if char in _ZERO_WIDTH or unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: CJK and most emoji count two."""
    if text.isascii():  # one cell each: the common case, measured without a loop
        return len(text)
    return sum(_char_width(c) for c in text)


def _split_wide(word: str, room: int) -> list[str]:
    """Cut a word that is too long for a line, if it is CJK-like text.

    CJK text has no spaces and may break between any two characters; a long
    Latin word or a URL is kept whole (it overflows) rather than broken.
    """
    if room < 2 or not any(_char_width(c) == 2 for c in word):
        return [word]
    pieces, piece, used = [], "", 0
    for char in word:
        w = _char_width(char)
        if piece and used + w > room:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += w
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy word wrap by terminal cells, between words only.

    ``first`` prefixes the first line and ``rest`` (default: as many spaces)
    the following ones, which gives list items a hanging indent.
    """
    rest = " " * cell_width(first) if rest is None else rest
    lines: list[str] = []
    line, used = first, cell_width(first)
    empty = True  # no word on this line yet
    for word in text.split():
        room = width - cell_width(rest)
        for piece in _split_wide(word, room) if cell_width(word) > room else [word]:
            w = cell_width(piece)
            if not empty and used + 1 + w > width:
                lines.append(line)
                line, used, empty = rest, cell_width(rest), True
            if not empty:
                line += " "
                used += 1
            line += piece
            used += w
            empty = False
    lines.append(line)
    return [ln.rstrip() for ln in lines]


def output_width(stream: TextIO) -> int:
    """The terminal's width when writing to one, else 80 columns."""
    try:
        if stream.isatty():
            return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return DEFAULT_WIDTH


__all__ = ["DEFAULT_WIDTH", "cell_width", "output_width", "wrap"]
