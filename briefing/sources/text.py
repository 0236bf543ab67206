"""A report's text, indexed once for finding quotes verbatim and near misses.

*Verbatim* ignores exactly three things: whitespace and line breaks (any
run is one space), typographic quotation marks and apostrophes (“ ” „ « »
are ", ‘ ’ ‚ are '), and a dash written as ``--``, ``—``, ``–`` or ``―``
(with or without spaces around it). Words, other punctuation and case must
be the same. Both the report and the quote are normalised the same way, and
the report keeps a map from normalised offsets back to its own, so a passage
can be shown where it is.

Finding is fast because nothing is scanned per quote: the words of the
normalised text are indexed once (word -> offsets), and a quote is looked up
at the offsets of its rarest whole word only. A quote that is not there gets
its closest passage from the same index: the offsets of its rarer words vote
for where it would start, and difflib compares the quote with the few best
places only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from difflib import SequenceMatcher
from typing import NamedTuple

_NORMAL = re.compile(
    r"\s*(?:-{2,}|[\u2014\u2013\u2015])\s*"  # a dash, with its spaces
    r"|\s*[^\S ]\s*| {2,}"  # whitespace that is not one plain space
    r"|[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]"  # double quotation marks
    r"|[\u2018\u2019\u201a\u201b\u2032]"  # single quotation marks, apostrophes
)
_DASH = "\u2014"
_WORD = re.compile(r"\w+")
_MANY = 2_000
"""Offsets of a word past which a plain scan of the text is quicker."""


def _replacement(match: str) -> str:
    if match.isspace():
        return " "
    if match[0] in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033":
        return '"'
    if match[0] in "\u2018\u2019\u201a\u201b\u2032":
        return "'"
    return _DASH


def normalise(text: str) -> str:
    """``text`` as compared: see the module docstring."""
    return _NORMAL.sub(lambda m: _replacement(m.group()), text).strip(" ")


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
        pieces: list[str] = []
        # Replaced stretches whose length changed, as (normalised start,
        # normalised end, original start, original end): the offset map.
        n_starts: list[int] = []
        n_ends: list[int] = []
        o_starts: list[int] = []
        o_ends: list[int] = []
        last = 0
        shift = 0  # normalised offset - original offset, so far
        for match in _NORMAL.finditer(text):
            start, end = match.span()
            new = _replacement(match.group())
            pieces.append(text[last:start])
            pieces.append(new)
            last = end
            if len(new) != end - start:
                n_starts.append(start + shift)
                n_ends.append(start + shift + len(new))
                o_starts.append(start)
                o_ends.append(end)
                shift += len(new) - (end - start)
        pieces.append(text[last:])
        self.norm = "".join(pieces)
        self._n_starts, self._n_ends, self._o_starts, self._o_ends = n_starts, n_ends, o_starts, o_ends
        self.words: dict[str, list[int]] = {}
        """Each word of the normalised text -> its offsets there."""
        for match in _WORD.finditer(self.norm):
            self.words.setdefault(match.group(), []).append(match.start())
        self._folded: dict[str, list[int]] | None = None

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

    def _find_normal(self, needle: str) -> int:
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(needle)]
        # Only a word with a non-word character (or the needle's edge that is
        # also a word edge in the text) on both sides is a whole word of the
        # text too: the first and last may be parts of longer words.
        inner = words[1:-1] or []
        if not inner:
            return self.norm.find(needle)
        word, offset, _ = min(inner, key=lambda w: len(self.words.get(w[0], ())))
        places = self.words.get(word)
        if places is None:
            return -1
        if len(places) > _MANY:
            return self.norm.find(needle)
        startswith = self.norm.startswith
        for place in places:
            start = place - offset
            if start >= 0 and startswith(needle, start):
                return start
        return -1

    def contains_words(self, pattern: re.Pattern[str]) -> Passage | None:
        """The first match of ``pattern`` in the normalised text, as a passage."""
        match = pattern.search(self.norm)
        return None if match is None else self._passage(match.start(), match.end(), True)

    def closest(self, text: str) -> Passage | None:
        """The passage most like ``text`` (None when no word of it is in the report)."""
        needle = normalise(text)
        if not needle:
            return None
        if self._folded is None:
            folded: dict[str, list[int]] = {}
            for word, places in self.words.items():
                folded.setdefault(word.casefold(), []).extend(places)
            self._folded = folded
        index = self._folded
        words = [(m.group().casefold(), m.start()) for m in _WORD.finditer(needle)]
        present = sorted({w for w in words if w[0] in index}, key=lambda w: len(index[w[0]]))
        if not present:
            return None
        # Each occurrence of one of the rarer words votes for where the
        # needle would start; nearby votes count together.
        bucket = max(16, len(needle) // 2)
        votes: Counter[int] = Counter()
        for word, offset in present[:8]:
            for place in index[word][:_MANY]:
                votes[(place - offset) // bucket] += 1
        best: Passage | None = None
        for cell, _ in votes.most_common(4):
            found = self._align(needle, cell * bucket, bucket)
            if found is not None and (best is None or found.ratio > best.ratio):
                best = found
        return best

    def _align(self, needle: str, guess: int, slack: int) -> Passage | None:
        """The best passage for ``needle`` starting near ``guess``."""
        lo = max(0, guess - slack)
        hi = min(len(self.norm), guess + len(needle) + 2 * slack)
        window = self.norm[lo:hi]
        matcher = SequenceMatcher(None, needle, window, autojunk=False)
        longest = matcher.find_longest_match(0, len(needle), 0, len(window))
        if longest.size == 0:
            return None
        # Keep the matching blocks in line with the longest one: a stray
        # "the" far off must not stretch the passage.
        shift = longest.b - longest.a
        near = len(needle) // 3 + 8
        blocks = [
            b for b in matcher.get_matching_blocks() if b.size >= 3 and abs((b.b - b.a) - shift) <= near
        ] or [longest]
        start = lo + blocks[0].b - blocks[0].a
        end = lo + blocks[-1].b + blocks[-1].size + (len(needle) - blocks[-1].a - blocks[-1].size)
        start, end = self._words_around(max(lo, start), min(hi, end))
        ratio = SequenceMatcher(None, needle, self.norm[start:end], autojunk=False).ratio()
        return self._passage(start, end, False, ratio)

    def _words_around(self, start: int, end: int) -> tuple[int, int]:
        """``start`` and ``end`` moved out to whole words."""
        norm = self.norm
        while start > 0 and norm[start - 1].isalnum() and norm[start].isalnum():
            start -= 1
        while end < len(norm) and end > 0 and norm[end - 1].isalnum() and norm[end].isalnum():
            end += 1
        while start < end and norm[start] == " ":
            start += 1
        return start, end


__all__ = ["Passage", "SourceText", "normalise"]
