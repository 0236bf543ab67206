"""A report's text, indexed once for finding quotes verbatim and near misses.

*Verbatim* ignores exactly three things: whitespace and line breaks (any
run is one space), typographic quotation marks and apostrophes (“ ” „ « »
are ", ‘ ’ ‚ are '), and a dash written as ``--``, ``—``, ``–`` or ``―``
(with or without spaces around it). Words, other punctuation and case must
be the same. Both the report and the quote are normalised the same way, and
the report keeps a map from normalised offsets back to its own, so a passage
can be shown where it is.

Finding is fast because nothing is scanned per quote: the first characters
of every space-separated chunk of the normalised text are indexed once
(their first place), and a quote is looked up by its text after its first
space (a quote of a few words only is found by one scan). A quote
that is not there gets its closest passage from an index of the words
(built on the first miss): the offsets of its rarer words vote for where it
would start, and difflib compares the quote with the few best places only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from difflib import SequenceMatcher
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

_DASH = "\u2014"
# Replacements of one character by one: offsets do not move. (A chain of
# str.replace: str.translate with a table is ~20x slower on non-ASCII text.)
_SAME_LENGTH: tuple[tuple[str, str], ...] = (
    *((c, '"') for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"),
    *((c, "'") for c in "\u2018\u2019\u201a\u201b\u2032"),
    *((c, _DASH) for c in "\u2013\u2015"),
    *((chr(code), " ") for code in range(0x3001) if chr(code).isspace() and code != 0x20),
)


def _same_length(text: str) -> str:
    for char, new in _SAME_LENGTH:
        if char in text:
            text = text.replace(char, new)
    return text


# What is left changes the length: runs of spaces, and a dash with the
# spaces around it.
_LENGTHS = re.compile(
    # That is ` *(?:\u2014|-{2,}) *| {2,}`, written to start with a set of
    # characters, which lets the regex engine skip to them (2.5x faster).
    r"[ \u2014-](?:(?<= )(?: *(?:\u2014|-{2,}) *| +)|(?<=\u2014) *|(?<=-)-+ *)"
)
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|[^\w ]")
KEY = 20
"""Characters of a chunk's start indexed (shorter quotes are found by a scan)."""
_RARE = 200
"""Places of a word past which it is too common to say where a quote would be."""


def _dash_or_space(match: re.Match[str]) -> str:
    return " " if match.group().isspace() else _DASH


def normalise(text: str) -> str:
    """``text`` as compared: see the module docstring."""
    text = " ".join(text.split() if text.isascii() else _same_length(text).split())
    if "--" in text or _DASH in text:
        text = _LENGTHS.sub(_dash_or_space, text)
    return text.strip(" ")


class Passage(NamedTuple):
    """Where a piece of text is in a report, in the report's own offsets."""

    start: int
    end: int
    exact: bool
    """True when the text is there verbatim; else this is the closest passage."""
    ratio: float = 1.0
    """How alike the text and the passage are (1.0 when exact)."""


class SourceText:
    """One report's text, normalised and indexed for :meth:`find` and :meth:`closest`."""

    def __init__(self, text: str) -> None:
        self.text = text
        same = _same_length(text)
        pieces: list[str] = []
        # Stretches whose length changed, as (normalised start, normalised
        # end, original start, original end): the map back to ``text``.
        n_starts: list[int] = []
        n_ends: list[int] = []
        o_starts: list[int] = []
        o_ends: list[int] = []
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
            n_starts.append(start + shift)
            n_ends.append(start + shift + len(new))
            o_starts.append(start)
            o_ends.append(end)
            shift += len(new) - (end - start)
        pieces.append(same[last:])
        self.norm = "".join(pieces)
        self._n_starts, self._n_ends, self._o_starts, self._o_ends = n_starts, n_ends, o_starts, o_ends
        # The first place of each stretch of KEY characters that starts a
        # space-separated chunk of the text. A quote's text after its first
        # space starts a chunk wherever the quote is, so one look-up finds
        # its first place. Built with C-level calls only (~0.2 s per MB).
        norm = self.norm
        starts = list(accumulate(map(add, map(len, norm.split(" ")), repeat(1)), initial=0))[:-1]
        keys = list(map(norm.__getitem__, map(slice, starts, map(add, starts, repeat(KEY)))))
        self._first: dict[str, int] = dict(zip(reversed(keys), reversed(starts), strict=True))
        self._last: dict[str, int] = dict(zip(keys, starts, strict=True))
        self._words: dict[str, list[int]] | None = None

    def original(self, offset: int) -> int:
        """The offset in the report's own text of normalised ``offset``."""
        i = bisect_right(self._n_ends, offset)
        if i < len(self._n_starts) and self._n_starts[i] <= offset:
            return self._o_starts[i]  # inside a replaced stretch: its start
        if i == 0:
            return offset
        return self._o_ends[i - 1] + offset - self._n_ends[i - 1]

    def _passage(self, start: int, end: int, exact: bool, ratio: float = 1.0) -> Passage:
        o_start = self.original(start)
        o_end = self.original(end) if end > start else o_start
        # A passage ends at its last character, not after the spaces that follow.
        while o_end > o_start and self.text[o_end - 1].isspace():
            o_end -= 1
        return Passage(o_start, o_end, exact, ratio)

    def find(self, text: str) -> Passage | None:
        """Where ``text`` is verbatim (its first place), or None."""
        needle = normalise(text)
        if not needle:
            return None
        at = self._find_normal(needle)
        return None if at < 0 else self._passage(at, at + len(needle), True)

    def contains(self, text: str) -> bool:
        """Whether ``text`` is in the report verbatim (:meth:`find` without the place)."""
        needle = normalise(text)
        return bool(needle) and self._find_normal(needle) >= 0

    def _find_normal(self, needle: str) -> int:
        # Anchors: the needle's text after each of its first spaces (the
        # first chunk may be part of a longer one). One that starts a chunk
        # only once in the text says where the needle must be.
        first, last = self._first, self._last
        after = needle.find(" ") + 1
        if not after or len(needle) - after < KEY:
            return self.norm.find(needle)  # a quote of a few words: one scan
        lead = after
        for _ in range(8):
            anchor = needle[after : after + KEY]
            if len(anchor) < KEY:
                break
            place = first.get(anchor)
            if place is None:
                return -1
            if place == last[anchor]:
                start = place - after
                return start if start >= 0 and self.norm.startswith(needle, start) else -1
            after = needle.find(" ", after) + 1
            if not after:
                break
        # Every anchor is found more than once (a repeated phrase): the
        # needle is not before the first place of the first one.
        start = first[needle[lead : lead + KEY]] - lead
        if start >= 0 and self.norm.startswith(needle, start):
            return start
        return self.norm.find(needle, max(0, start))

    def contains_words(self, pattern: re.Pattern[str]) -> Passage | None:
        """The first match of ``pattern`` in the normalised text, as a passage."""
        match = pattern.search(self.norm)
        return None if match is None else self._passage(match.start(), match.end(), True)

    def closest(self, text: str) -> Passage | None:
        """The passage most like ``text`` (None when no word of it is in the report)."""
        needle = normalise(text)
        if not needle:
            return None
        if self._words is None:
            built: dict[str, list[int]] = {}
            for match in _WORD.finditer(self.norm):
                built.setdefault(match.group().casefold(), []).append(match.start())
            self._words = built
        index = self._words
        words = [(m.group().casefold(), m.start()) for m in _WORD.finditer(needle)]
        present = sorted({w for w in words if w[0] in index}, key=lambda w: len(index[w[0]]))
        if not present:
            return None
        # Each place of one of the rarer words votes for where the needle
        # would start; nearby votes count together. Words found everywhere
        # say little, unless there is nothing else.
        rare = [w for w in present[:6] if len(index[w[0]]) <= _RARE] or present[:2]
        bucket = max(16, len(needle) // 2)
        votes: Counter[int] = Counter()
        for word, offset in rare:
            for place in index[word][: _RARE * 10]:
                votes[(place - offset) // bucket] += 1
        best: Passage | None = None
        for cell, _ in votes.most_common(3):
            found = self._align(needle, cell * bucket, bucket)
            if found is not None and (best is None or found.ratio > best.ratio):
                best = found
        return best

    def _align(self, needle: str, guess: int, slack: int) -> Passage | None:
        """The best passage for ``needle`` starting near ``guess``, matched
        word by word (difflib on characters costs ~100x more)."""
        lo = max(0, guess - slack)
        hi = min(len(self.norm), guess + len(needle) + 2 * slack)
        spans = [m.span() for m in _TOKEN.finditer(self.norm, lo, hi)]
        window = [self.norm[a:b] for a, b in spans]
        wanted = _TOKEN.findall(needle)
        matcher = SequenceMatcher(None, wanted, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return None
        # Keep the matching words in line with the longest run: a stray
        # "the" far off must not stretch the passage.
        longest = max(blocks, key=lambda b: b.size)
        shift = longest.b - longest.a
        near = len(wanted) // 3 + 2
        blocks = [b for b in blocks if abs((b.b - b.a) - shift) <= near]
        first = max(0, blocks[0].b - blocks[0].a)
        last = min(len(window), blocks[-1].b + len(wanted) - blocks[-1].a)
        ratio = SequenceMatcher(None, wanted, window[first:last], autojunk=False).ratio()
        return self._passage(spans[first][0], spans[last - 1][1], False, ratio)


__all__ = ["Passage", "SourceText", "normalise"]
