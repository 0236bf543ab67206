"""Text folding for search: case-, accent- and width-insensitive.

``fold`` is what the index stores and what queries are turned into;
``fold_with_offsets`` also says, for every folded character, which character
of the original it came from, so matches can be highlighted in the text as
displayed. Whitespace runs fold to one space, so phrases match across line
breaks.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


def fold(text: str) -> str:
    """Case-fold, strip accents (NFKD), and squash whitespace."""
    if text.isascii():
        return " ".join(text.lower().split())
    folded = "".join(_fold_char(c) for c in text)
    return " ".join(folded.split())


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, per folded character, its index in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char.isspace():
            pending_space = bool(out)
            continue
        piece = char.lower() if char.isascii() else _fold_char(char)
        if not piece:
            continue  # a lone combining mark
        if pending_space:
            out.append(" ")
            offsets.append(index - 1)
            pending_space = False
        for folded in piece:
            out.append(folded)
            offsets.append(index)
    return "".join(out), offsets
