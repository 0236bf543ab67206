"""Folding text for search: case-, accent- and spacing-insensitive.

``fold(s)`` is what both the haystacks and the query words go through:

* each character is NFKD-decomposed (so ``ﬁ`` -> ``fi``, ``é`` -> ``e`` + accent),
  combining marks are dropped (the accent), the rest is casefolded (``ß`` ->
  ``ss``) and decomposed / stripped once more (``İ`` casefolds to ``i`` plus a
  combining dot);
* a few Latin letters without a decomposition are spelled out (``ł`` -> ``l``,
  ``ø`` -> ``o``, ``æ`` -> ``ae``), as people type them;
* invisible format characters (soft hyphen, zero-width space and joiner,
  bidi controls: Unicode category ``Cf``) are dropped, so ``Zelen\\u00adskyy``
  still reads ``zelenskyy``;
* runs of whitespace become one space and the ends are stripped, so a
  phrase matches across line breaks and double spaces.

``fold_map(s)`` returns the same folded string plus, for each folded
character, the index of the original character it came from, so a match in
folded text can be highlighted in the original (``ß`` -> ``ss`` gives two
folded characters that both point at the ``ß``).

Folding is per character (no context), which is what lets a folded string be
mapped back. The folded text never contains a newline, so the index can use
``"\\n"`` to separate fields inside one haystack.
"""

from __future__ import annotations

import unicodedata

# Latin letters that carry a stroke or are ligatures but have no Unicode
# decomposition; people type them without it ("Lukasz", "Soren").
_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t",
            "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ŀ": "l"}  # fmt: skip


def _fold_char(ch: str) -> str:
    if unicodedata.category(ch) == "Cf":
        return ""
    out = ch
    # Twice: casefolding can produce new decomposable characters and marks.
    for _ in range(2):
        out = "".join(c for c in unicodedata.normalize("NFKD", out) if not unicodedata.combining(c))
        out = out.casefold()
    return "".join(_LETTERS.get(c, c) for c in out)


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each code point."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold_char(ch: str) -> str:
    """What one character folds to (possibly empty, possibly several)."""
    return _TABLE[ord(ch)]


def fold(text: str) -> str:
    """Case-, accent- and spacing-folded ``text`` (see module docstring)."""
    # ASCII fast path: casefold is lower() there, and nothing decomposes.
    folded = text.lower() if text.isascii() else text.translate(_TABLE)
    return " ".join(folded.split())


def fold_map(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, per folded character, its index in ``text``.

    Spaces that stand for a run of whitespace point at the run's first
    character.
    """
    chars: list[str] = []
    origin: list[int] = []
    pending_space = -1  # index of the first whitespace char of a pending run
    table = _TABLE
    for i, ch in enumerate(text):
        for c in table[ord(ch)]:
            if c.isspace():
                if pending_space < 0:
                    pending_space = i
                continue
            if pending_space >= 0:
                if chars:  # no leading space
                    chars.append(" ")
                    origin.append(pending_space)
                pending_space = -1
            chars.append(c)
            origin.append(i)
    return "".join(chars), origin


def to_original(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    """A ``[start, end)`` span of ``fold_map(text)`` -> the span in ``text``.

    The end moves past combining marks that follow the last character, so
    highlighting ``cafe`` in a decomposed ``cafe\u0301`` keeps the accent
    with its letter.
    """
    stop = origin[end - 1] + 1
    while stop < len(text) and unicodedata.combining(text[stop]):
        stop += 1
    return origin[start], stop
