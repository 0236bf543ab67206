"""A report's text, indexed once for finding quotes verbatim and near misses.

*Verbatim* ignores exactly three things: whitespace and line breaks (any
run is one space), typographic quotation marks and apostrophes (“ ” „ « »
are ", ‘ ’ ‚ are '), and a dash written as ``--``, ``—``, ``–`` or ``―``
(with or without spaces around it). Words, other punctuation and case must
be the same. Both the report and the quote are normalised the same way, and
the report keeps a map from normalised offsets back to its own, so a passage
can be shown where it is (the map is built on the first passage asked for:
knowing whether a quote is there does not need it).

Finding is fast because nothing is scanned per quote, and the text is
indexed for the quotes only. Wherever a quote is, its words between its
first and last space are whole chunks (space-separated) of the text. Its
key is the first three of them (fewer in a short quote), and its second key
the last three. :meth:`SourceText.prepare`, given every quote up front (as
``check`` does), records the places of all their keys in one pass over the
text, and then, for all quotes at once, checks whether each is at its first
key's first place, else at its second key's (if it is, that is its first
place: it can be nowhere before). Only the few left (repeated phrases,
quotes not there) are looked at one by one: the places of their rarer key,
in order, until one fits. A quote that was not prepared, or of one or two
words, is found by one scan (~1.5 ms per MB). A quote that is not there gets
its closest passage from an index of the words (built on the first miss):
the offsets of its rarer words vote for where it would start, and difflib
compares the quote with the few best places only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import accumulate, compress, islice, repeat
from operator import add, not_, sub
from typing import NamedTuple, cast

_DASH = "\u2014"
# Replacements of one character by one: offsets do not move. (A chain of
# str.replace: str.translate with a table is ~20x slower on non-ASCII text.)
_MARKS: tuple[tuple[str, str], ...] = (
    *((c, '"') for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"),
    *((c, "'") for c in "\u2018\u2019\u201a\u201b\u2032"),
    *((c, _DASH) for c in "\u2013\u2015"),
)
# Every other whitespace character is a space (str.split() splits on
# exactly these and the space: U+3000 is the last of them).
_SAME_LENGTH: tuple[tuple[str, str], ...] = (
    *_MARKS,
    *((chr(code), " ") for code in range(0x3001) if chr(code).isspace() and code != 0x20),
)


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
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|[^\w ]")
_RARE = 200
"""Places of a word past which it is too common to say where a quote would be."""
_BATCH = 64
"""Quotes past which indexing their keys (one pass, ~0.1 s per MB) costs less
than a scan for each (~1.5 ms per MB)."""
_PLANS = 200_000
"""Most quotes whose look-up a text remembers (the app keeps texts open)."""


def _dash_or_space(match: re.Match[str]) -> str:
    return " " if match.group().isspace() else _DASH


def _dashes(text: str) -> str:
    """``text`` (whitespace already single spaces) with each dash one ``—``
    and no space next to it."""
    if "--" in text:
        text = _HYPHENS.sub(_DASH, text)
    if _DASH in text:
        text = text.replace(" " + _DASH, _DASH).replace(_DASH + " ", _DASH)
    return text


def normalise(text: str) -> str:
    """``text`` as compared: see the module docstring."""
    return " ".join(_chunks(text))


def _chunks(text: str) -> list[str]:
    """The space-separated chunks of ``text`` normalised."""
    if not text.isascii():
        text = _same_length(text, _MARKS)
    if "--" in text or _DASH in text:
        return _dashes(" ".join(text.split())).split(" ")
    return text.split()


def _normalise_report(text: str) -> str:
    """Like :func:`normalise`, but whitespace at either end stays one space
    (so that :func:`_stretches` maps it)."""
    if not text.isascii():
        text = _same_length(text, _MARKS)
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return _dashes(lead + core + tail)


class _Map(NamedTuple):
    """Stretches whose length changed, as (normalised start, normalised end,
    original start, original end) in four lists: the map back to a text."""

    n_starts: list[int]
    n_ends: list[int]
    o_starts: list[int]
    o_ends: list[int]


def _stretches(text: str) -> tuple[str, _Map]:
    """``text`` normalised as the report is, the slow way, with its map."""
    same = _same_length(text)
    pieces: list[str] = []
    found = _Map([], [], [], [])
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


class Passage(NamedTuple):
    """Where a piece of text is in a report, in the report's own offsets."""

    start: int
    end: int
    exact: bool
    """True when the text is there verbatim; else this is the closest passage."""
    ratio: float = 1.0
    """How alike the text and the passage are (1.0 when exact)."""


_Key = tuple[str, ...]
_Plan = tuple[str, _Key | None, int, _Key | None, int]
"""How a quote is looked up: its normalised text (the needle), and two keys,
each with where it starts in the needle. A key is :data:`WORDS` adjacent
whole words (fewer when that is all there is): the first after the needle's
first space, and the last before its last space (None: there is no such
key). Wherever the needle is, each key starts a chunk there. (Plain tuples:
a NamedTuple costs ~1 µs more per quote.)"""
WORDS = 3
"""Whole words in a key: three adjacent words are rarely all common, and
when they are, the quote's other key usually is not."""


class SourceText:
    """One report's text, normalised and indexed for :meth:`find` and :meth:`closest`."""

    def __init__(self, text: str, quotes: Iterable[str] = ()) -> None:
        self.text = text
        self.norm = _normalise_report(text)
        self._map: _Map | None = None
        self._indexed: set[_Key] = set()
        self._first: dict[_Key, int] = {}
        """Where each indexed key first starts (absent: nowhere in the text)."""
        self._hits: list[_Key] = []
        self._hit_starts: list[int] = []
        """Every place of the indexed keys, each key's in order."""
        self._repeats: dict[_Key, list[int]] | None = None
        """The places of the keys found more than once (built when first needed)."""
        self._plans: dict[str, _Plan] = {}
        self._found: dict[str, int] = {}
        """Where each prepared quote starts in ``norm`` (-1: it is not there)."""
        self._words: dict[str, list[int]] | None = None
        if quotes:
            self.prepare(quotes)

    def prepare(self, quotes: Iterable[str]) -> None:
        """Index, in one pass over the text, what finding ``quotes`` needs,
        and find them: :meth:`contains` is then one look-up each."""
        quotes = list(quotes)
        if not quotes:
            return
        plans = list(map(self._plan, quotes))
        needles, firsts, first_at, lasts, last_at = map(list, zip(*plans, strict=True))
        wanted = set(firsts)
        wanted.update(lasts)
        wanted.discard(None)
        wanted -= self._indexed
        full = set(compress(wanted, map(WORDS.__eq__, map(len, wanted))))
        by_size: dict[int, set[_Key]] = {WORDS: full}
        for key in wanted - full:  # quotes of a few words: seldom many
            by_size.setdefault(len(key), set()).add(key)
        for keys in by_size.values():
            if len(keys) >= _BATCH:
                self._index(keys)
        # Where each needle would be if it were at its first key's first
        # place: C-level, for all at once (if it is there, that is its first
        # place: it is nowhere before). Then the same with the last key.
        left = self._fit_all(quotes, needles, firsts, first_at)
        quotes, needles, lasts, last_at = (list(compress(c, left)) for c in (quotes, needles, lasts, last_at))
        left = self._fit_all(quotes, needles, lasts, last_at)
        for quote in compress(quotes, left):  # repeated phrases, quotes not there, few words
            self._found[quote] = self._find(self._plan(quote))

    def _fit_all(
        self, quotes: list[str], needles: list[str], keys: list[_Key | None], offsets: list[int]
    ) -> list[bool]:
        """Record the quotes found at their key's first place; return which are left."""
        first = cast("dict[_Key | None, int]", self._first)
        at = list(map(sub, map(first.get, keys, repeat(-(1 << 62))), offsets))
        # (A negative start counts from the end: -1 fits no needle with a key.)
        fits = list(map(self.norm.startswith, needles, map(max, at, repeat(-1))))
        self._found.update(zip(compress(quotes, fits), compress(at, fits), strict=True))
        return list(map(not_, fits))

    def _plan(self, quote: str) -> _Plan:
        plan = self._plans.get(quote)
        if plan is None:
            chunks = _chunks(quote)
            needle = " ".join(chunks)
            # The first and last chunks may be parts of chunks of the text.
            inner = len(chunks) - 2
            if inner <= 0:
                plan = (needle, None, 0, None, 0)
            elif inner <= WORDS:
                plan = (needle, tuple(chunks[1:-1]), len(chunks[0]) + 1, None, 0)
            else:
                last = tuple(chunks[-1 - WORDS : -1])
                at = len(needle) - len(chunks[-1]) - 1 - sum(map(len, last)) - WORDS + 1
                plan = (needle, tuple(chunks[1 : WORDS + 1]), len(chunks[0]) + 1, last, at)
            if len(self._plans) < _PLANS:
                self._plans[quote] = plan
        return plan

    def _index(self, keys: set[_Key]) -> None:
        """Record where ``keys`` (all of one size) start, in one pass over the text."""
        chunks = self.norm.split(" ")
        size = len(next(iter(keys)))
        # C-level filters and copies only: a Python loop over every chunk
        # would cost ~5x more.
        mask = list(
            map(keys.__contains__, zip(*(islice(chunks, i, None) for i in range(size)), strict=False))
        )
        hits = list(zip(*(compress(islice(chunks, i, None), mask) for i in range(size)), strict=True))
        starts = list(compress(accumulate(map(add, map(len, chunks), repeat(1)), initial=0), mask))
        self._first.update(zip(reversed(hits), reversed(starts), strict=True))
        self._hits += hits
        self._hit_starts += starts
        self._indexed |= keys
        self._repeats = None

    def _places(self, key: _Key) -> list[int]:
        """Every place of ``key``, an indexed key, in order."""
        if self._repeats is None:
            # One Python loop over only the places of keys found more than once.
            times = Counter(self._hits)
            more = map((1).__lt__, map(times.__getitem__, self._hits))
            repeats: dict[_Key, list[int]] = {}
            for hit, start in compress(zip(self._hits, self._hit_starts, strict=True), more):
                repeats.setdefault(hit, []).append(start)
            self._repeats = repeats
        places = self._repeats.get(key)
        if places is not None:
            return places
        return [] if (place := self._first.get(key)) is None else [place]

    def original(self, offset: int) -> int:
        """The offset in the report's own text of normalised ``offset``."""
        if self._map is None:
            self._map = _stretches(self.text)[1]
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
        plan = self._plan(text)
        at = self._find(plan)
        return None if at < 0 else self._passage(at, at + len(plan[0]), True)

    def contains(self, text: str) -> bool:
        """Whether ``text`` is in the report verbatim (:meth:`find` without the place)."""
        at = self._found.get(text)
        return (at if at is not None else self._find(self._plan(text))) >= 0

    def _find(self, plan: _Plan) -> int:
        needle, first, first_at, last, last_at = plan
        if not needle:
            return -1
        keys = [(key, at) for key, at in ((first, first_at), (last, last_at)) if key is not None]
        if not keys or any(key not in self._indexed for key, _ in keys):
            # A quote of one or two words, or one not prepared: one scan.
            return self.norm.find(needle)
        # Every key of the needle is there wherever it is: the rarer says
        # where. The first of its places where the needle fits is its first place.
        places, at = min(((self._places(key), at) for key, at in keys), key=lambda p: len(p[0]))
        norm = self.norm
        for place in places:
            if place >= at and norm.startswith(needle, place - at):
                return place - at
        return -1

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
