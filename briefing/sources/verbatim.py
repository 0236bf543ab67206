"""Finding many quotes verbatim in one normalised text, indexing it once.

Finding is fast because nothing is scanned per quote, and the text is
indexed for the quotes only. Wherever a quote is, its words between its
first and last space are whole chunks (space-separated) of the text. Its
key is the first three of them (fewer in a short quote), and its second key
the last three. :meth:`QuoteIndex.prepare`, given every quote up front (as
``check`` does), normalises them all together, records the places of all
their keys in one pass over the text, and then, for all quotes at once,
checks whether each is at its first key's first place, else at its second
key's (if it is, that is its first place: it can be nowhere before). Only
the few left (repeated phrases, quotes not there) are looked at one by one:
the places of their rarer key, in order, until one fits. A quote that was
not prepared, or of one or two words, is found by one scan (~1.5 ms per MB).

The work on all quotes at once is done by C-level ``map``s and slices:
a Python loop over 10,000 quotes, or over every chunk of a 1 MB text,
would cost several times more.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Iterable
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, itemgetter, not_, sub
from typing import TypeVar, cast

from briefing.sources.normal import normalise, normalise_all

_Key = tuple[str, ...]
_Plan = tuple[str, _Key | None, int, _Key | None, int]
"""How a quote is looked up: its normalised text (the needle), and two keys,
each with where it starts in the needle. A key is :data:`WORDS` adjacent
whole words (fewer when that is all there is): the first after the needle's
first space, and the last before its last space (the same key when there
are no more than :data:`WORDS`; None: there is no whole word). Wherever the
needle is, each key starts a chunk there. (Plain tuples: a NamedTuple costs
~1 µs more per quote.)"""
WORDS = 3
"""Whole words in a key: three adjacent words are rarely all common, and
when they are, the quote's other key usually is not."""
_BATCH = 64
"""Quotes past which indexing their keys (one pass, ~0.1 s per MB) costs less
than a scan for each (~1.5 ms per MB)."""
_PLANS = 200_000
"""Most quotes whose look-up a text remembers (the app keeps texts open)."""
_NOWHERE = 1 << 62
"""The place of a key that is not in the text: no needle fits past its end."""


_T = TypeVar("_T")


def _kept(values: list[_T], mask: list[bool]) -> list[_T]:
    return list(compress(values, mask))


class QuoteIndex:
    """Where quotes are in ``norm``, a normalised text (offsets in it)."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._indexed: dict[_Key, _Key] = {}
        """The keys indexed so far, each mapped to itself."""
        self._first: dict[_Key, int] = {}
        """Where each indexed key first starts (absent: nowhere in the text)."""
        self._hits: list[_Key] = []
        self._hit_starts: list[int] = []
        """Every place of the indexed keys, each key's in order."""
        self._places: dict[_Key, list[int]] = {}
        """All the places of the keys asked for so far (gathered from the hits)."""
        self._plans: dict[str, _Plan] = {}
        self._places_of: dict[str, int] = {}
        self._fits: list[tuple[list[str], list[int], list[bool]]] = []
        """Quotes found at once, with where, not yet in ``_places_of`` (a
        check only asks which are missing)."""
        self._missing: set[str] = set()

    def prepare(self, quotes: Iterable[str]) -> None:
        """Index, in one pass over the text, what finding ``quotes`` needs,
        and find them: :meth:`contains` is then one look-up each."""
        quotes = list(quotes)
        needles = normalise_all(quotes)
        # A needle's first chunk, its first key and the rest; then the rest,
        # its last key and its last chunk. (Not all its words: an object
        # for each costs more than anything else here.)
        heads = list(map(str.split, needles, repeat(" "), repeat(WORDS + 1)))
        few: list[list[str]] = []
        if min(map(len, heads), default=WORDS + 2) < WORDS + 2:
            quotes, needles, heads, few = self._fewer_words(quotes, needles, heads)
        if not quotes:
            return
        tails = list(map(str.rsplit, needles[: len(heads)], repeat(" "), repeat(WORDS + 1)))
        words = itemgetter(*range(1, WORDS + 1))
        short = list(map(tuple, map(itemgetter(slice(1, -1)), few)))
        firsts, lasts = [*map(words, heads), *short], [*map(words, tails), *short]
        first_at = list(map(add, map(str.find, needles, repeat(" ")), repeat(1)))
        last_at = list(map(add, map(len, map(itemgetter(0), chain(tails, few))), repeat(1)))
        self._index_keys(firsts[: len(heads)] + lasts[: len(heads)], short)
        # Where each needle would be if it were at its first key's first
        # place, for all at once (if it is there, that is its first place: it
        # is nowhere before). Then the same with the last key, for the few left.
        left = self._fit_all(quotes, needles, firsts, first_at)
        quotes, needles, firsts, lasts, first_at, last_at = (
            list(map(values.__getitem__, left))
            for values in (quotes, needles, firsts, lasts, first_at, last_at)
        )
        left = self._fit_all(quotes, needles, lasts, last_at)
        rest = [(quotes[i], needles[i], firsts[i], first_at[i], lasts[i], last_at[i]) for i in left]
        self._gather({key for _q, _n, first, _f, last, _l in rest for key in (first, last)})
        for quote, *plan in rest:  # repeated phrases, quotes not there
            self._record(quote, self._find(cast("_Plan", tuple(plan))))

    def _fewer_words(
        self, quotes: list[str], needles: list[str], heads: list[list[str]]
    ) -> tuple[list[str], list[str], list[list[str]], list[list[str]]]:
        """Find the quotes of one or two chunks (no whole word to index) by a
        scan each; return the others, those of five chunks or more first,
        with their heads, then the heads of those of three or four (whose one
        key, first and last, has fewer words)."""
        sizes = list(map(len, heads))
        for quote, needle in compress(zip(quotes, needles, strict=True), map((3).__gt__, sizes)):
            self._record(quote, self.norm.find(needle) if needle else -1)
        full = list(map((WORDS + 2).__eq__, sizes))
        few = list(map(set(range(3, WORDS + 2)).__contains__, sizes))
        quotes, needles = _kept(quotes, full) + _kept(quotes, few), _kept(needles, full) + _kept(needles, few)
        return quotes, needles, _kept(heads, full), _kept(heads, few)

    def _record(self, quote: str, at: int) -> None:
        self._places_of[quote] = at
        if at < 0:
            self._missing.add(quote)

    def _index_keys(self, keys: list[_Key], short: list[_Key]) -> None:
        """Index the keys not yet indexed, where they are enough to pay for a pass."""
        by_size: dict[int, list[_Key]] = {WORDS: keys}
        for key in short:  # of quotes of 3-4 chunks: seldom many
            by_size.setdefault(len(key), []).append(key)
        chunks: list[str] | None = None
        for group in by_size.values():
            # Each key maps to itself, so that the places of the text map to
            # the quotes' own tuples: a look-up then finds the same object.
            wanted = dict(zip(group, group, strict=True))
            if self._indexed:
                wanted = {key: key for key in wanted if key not in self._indexed}
            if len(wanted) >= _BATCH:
                chunks = chunks or self.norm.split(" ")
                self._index(wanted, chunks)

    def _index(self, keys: dict[_Key, _Key], chunks: list[str]) -> None:
        """Record where ``keys`` (all of one size) start, in one pass over the text."""
        size = len(next(iter(keys)))
        found = list(map(keys.get, zip(*(chunks[i:] for i in range(size)), strict=False)))
        hits = cast("list[_Key]", list(compress(found, found)))
        # A chunk starts after the chunks before it and a space after each.
        starts = list(compress(accumulate(map(add, map(len, chunks), repeat(1)), initial=0), found))
        self._first.update(zip(reversed(hits), reversed(starts), strict=True))
        self._hits += hits
        self._hit_starts += starts
        if self._indexed:
            self._indexed.update(keys)
        else:
            self._indexed = keys

    def _fit_all(
        self, quotes: list[str], needles: list[str], keys: list[_Key], offsets: list[int]
    ) -> list[int]:
        """Record the quotes found at their key's first place; return the
        indexes of those left."""
        at = list(map(sub, map(self._first.get, keys, repeat(_NOWHERE)), offsets))
        # (A start before 0 counts from the end, where less than the needle
        # is left: it fits nowhere there either.)
        fits = list(map(self.norm.startswith, needles, at))
        self._fits.append((quotes, at, fits))
        return list(compress(range(len(fits)), map(not_, fits)))

    def _plan(self, quote: str) -> _Plan:
        """One quote's :data:`_Plan` (what :meth:`prepare` works out for many)."""
        plan = self._plans.get(quote)
        if plan is None:
            needle = normalise(quote)
            head = needle.split(" ", WORDS + 1)
            if len(head) < 3:
                plan = (needle, None, 0, None, 0)
            else:
                tail = needle.rsplit(" ", WORDS + 1)
                plan = (needle, tuple(head[1:-1]), len(head[0]) + 1, tuple(tail[1:-1]), len(tail[0]) + 1)
            if len(self._plans) < _PLANS:
                self._plans[quote] = plan
        return plan

    def _gather(self, keys: Iterable[_Key | None]) -> None:
        """Find all the places of those of ``keys`` indexed and not gathered
        yet, in one C-level pass over the hits."""
        wanted = {key for key in keys if key in self._indexed and key not in self._places}
        if not wanted:
            return
        places: dict[_Key, list[int]] = {key: [] for key in wanted}
        chosen = list(map(wanted.__contains__, self._hits))
        lists = map(places.__getitem__, compress(self._hits, chosen))
        deque(map(list.append, lists, compress(self._hit_starts, chosen)), maxlen=0)
        self._places.update(places)

    def find(self, text: str) -> tuple[int, int] | None:
        """Where ``text`` first is, as (start, end) in ``norm``, or None."""
        plan = self._plan(text)
        at = self._find(plan)
        return None if at < 0 else (at, at + len(plan[0]))

    def contains(self, text: str) -> bool:
        """Whether ``text`` is in the text verbatim (:meth:`find` without the place)."""
        at = self._found.get(text)
        return (at if at is not None else self._find(self._plan(text))) >= 0

    @property
    def _found(self) -> dict[str, int]:
        """Where each prepared quote starts in ``norm`` (-1: it is not there)."""
        for quotes, at, fits in self._fits:
            self._places_of.update(zip(compress(quotes, fits), compress(at, fits), strict=True))
        self._fits.clear()
        return self._places_of

    def missing(self) -> set[str]:
        """The prepared quotes that are not in the text."""
        return self._missing

    def _find(self, plan: _Plan) -> int:
        needle, first, first_at, last, last_at = plan
        if not needle:
            return -1
        if first is None or last is None or first not in self._indexed or last not in self._indexed:
            # A quote of one or two words, or one not prepared: one scan.
            return self.norm.find(needle)
        # Every key of the needle is there wherever it is: the rarer says
        # where. The first of its places where the needle fits is its first
        # place (tried C-level: a common key has hundreds).
        self._gather((first, last))
        keys = ((self._places[first], first_at), (self._places[last], last_at))
        places, at = min(keys, key=lambda p: len(p[0]))
        starts = list(map(sub, islice(places, bisect_left(places, at), None), repeat(at)))
        return next(compress(starts, map(self.norm.startswith, repeat(needle), starts)), -1)


__all__ = ["WORDS", "QuoteIndex"]
