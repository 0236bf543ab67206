"""A report's text, indexed once for finding quotes verbatim and near misses.

What *verbatim* ignores, and the normalising it takes, is in
:mod:`briefing.sources.normal`; how many quotes are found at once, in
:mod:`briefing.sources.verbatim`. The report keeps a map from normalised
offsets back to its own, so a passage can be shown where it is (the map is
built on the first passage asked for: knowing whether a quote is there does
not need it). A quote that is not there gets its closest passage from an
index of the words (built on the first miss): the offsets of its rarer
words vote for where it would start, and difflib compares the quote with
the few best places only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import NamedTuple

from briefing.sources.normal import Map, normalise, normalise_report, stretches
from briefing.sources.verbatim import QuoteIndex

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|[^\w ]")
_RARE = 200
"""Places of a word past which it is too common to say where a quote would be."""


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

    def __init__(self, text: str, quotes: Iterable[str] = ()) -> None:
        self.text = text
        self.norm = normalise_report(text)
        self._map: Map | None = None
        self._quotes = QuoteIndex(self.norm)
        self._words: dict[str, list[int]] | None = None
        if quotes:
            self.prepare(quotes)

    def prepare(self, quotes: Iterable[str]) -> None:
        """Index, in one pass over the text, what finding ``quotes`` needs,
        and find them: :meth:`contains` is then one look-up each."""
        self._quotes.prepare(quotes)

    def missing(self) -> set[str]:
        """The prepared quotes that are not in the text."""
        return self._quotes.missing()

    def original(self, offset: int) -> int:
        """The offset in the report's own text of normalised ``offset``."""
        if self._map is None:
            self._map = stretches(self.text)[1]
        n_starts, n_ends, o_starts, o_ends = self._map
        i = bisect_right(n_ends, offset)
        if i < len(n_starts) and n_starts[i] <= offset:
            return o_starts[i]  # inside a replaced stretch: its start
        if i == 0:
            return offset
        return o_ends[i - 1] + offset - n_ends[i - 1]

    def _passage(self, start: int, end: int, exact: bool, ratio: float = 1.0) -> Passage:
        o_start = self.original(start)
        o_end = self.original(end) if end > start else o_start
        # A passage ends at its last character, not after the spaces that follow.
        while o_end > o_start and self.text[o_end - 1].isspace():
            o_end -= 1
        return Passage(o_start, o_end, exact, ratio)

    def find(self, text: str) -> Passage | None:
        """Where ``text`` is verbatim (its first place), or None."""
        span = self._quotes.find(text)
        return None if span is None else self._passage(*span, True)

    def contains(self, text: str) -> bool:
        """Whether ``text`` is in the report verbatim (:meth:`find` without the place)."""
        return self._quotes.contains(text)

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


__all__ = ["Passage", "SourceText"]
