"""The search index: one folded haystack per item, and token postings.

How a query is answered (see ``query.py`` for the syntax):

* Each item's fields are folded (``normalize.fold``) into one *haystack*,
  fields and list entries separated by ``"\\n"``; folded text has no other
  whitespace than single spaces, so no needle can match across two fields.
* The haystacks are split into whitespace-free *tokens*; each distinct token
  has a *posting*: the set of items whose haystack contains it.
* A word needle (no space) occurs in a haystack exactly when it is a
  substring of one of its tokens. So its matches are the union of the
  postings of the vocabulary tokens that contain it: no haystack is scanned.
  The tokens containing ``zelensk`` are found among those containing
  ``zelens`` (remembered from the previous keystroke), so typing one more
  character only looks at a few tokens.
* A phrase needle (with spaces) narrows the candidates with its words the
  same way (first word must end a token, middle words be tokens, last word
  start a token) and then checks the candidates' haystacks with ``in``.
* A query is the intersection of its needles.

Sets of items are bitsets (``bits.py``): postings of frequent tokens are
kept as bitsets, rare ones as position lists; every needle's answer is
cached (least recently used) and every single character's answer is computed
when the index is built, so the first keystroke is a cache hit and backspace
finds the earlier answer again.

Not thread-safe for concurrent searches: build it in a worker thread, then
search it from one thread (the UI's).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import reduce
from itertools import chain, compress, repeat
from operator import contains, or_
from typing import Any

from briefing.model import Briefing
from briefing.model.items import Item
from briefing.search import bits as B
from briefing.search.catalog import Catalog
from briefing.search.fields import Fields
from briefing.search.normalize import fold
from briefing.search.query import Query, parse_query
from briefing.search.result import SearchResult

DENSE_MIN = 24
"""A posting with at least this many items is kept as a bitset (if the
memory budget allows): OR-ing a bitset costs about as much as marking this
many positions one by one."""
DENSE_BUDGET = 32 * 1024 * 1024
"""Bytes the dense postings may take in all."""
NEEDLE_CACHE = 512
QUERY_CACHE = 128
SMALL = 64
"""When a query's candidates fall to this many items, the remaining needles
are checked directly in those items' haystacks."""
PRECOMPUTED_CHARS = 128
"""At most this many single characters are answered at build time."""


class _Needle:
    """A cached needle: its answer and, for a word, the tokens containing it."""

    __slots__ = ("bits", "tokens")

    def __init__(self, bits: int, tokens: list[str] | None) -> None:
        self.bits = bits
        self.tokens = tokens


_NOT_FOUND = -1


class _Trail:
    """The last phrase searched: the items it matched and, per item, where it
    first occurs in the haystack (so the phrase typed on can be checked from
    there instead of from the start)."""

    __slots__ = ("bits", "phrase", "places", "starts")

    def __init__(self, phrase: str, bits: int, places: list[int], starts: list[int]) -> None:
        self.phrase = phrase
        self.bits = bits
        self.places = places
        self.starts = starts

    def extend(self, phrase: str, hays: list[str], size: int) -> tuple[int, _Trail]:
        places = self.places
        starts = list(map(str.find, map(hays.__getitem__, places), repeat(phrase), self.starts))
        keep = list(map(_NOT_FOUND.__ne__, starts))
        kept = list(compress(places, keep))
        bits = _drop(self.bits, places, starts, kept, size)
        return bits, _Trail(phrase, bits, kept, list(compress(starts, keep)))


def _drop(bits: int, places: list[int], starts: list[int], kept: list[int], size: int) -> int:
    """``bits`` (set at ``places``) less the places where nothing was found;
    marks whichever is fewer, the dropped or the kept places."""
    if len(kept) == len(places):
        return bits
    if 2 * len(kept) < len(places):
        return B.from_positions(kept, size)
    dropped = compress(places, map(_NOT_FOUND.__eq__, starts))
    return bits & ~B.from_positions(dropped, size)


class BuildCancelled(Exception):
    """``SearchIndex(..., cancelled=...)`` gave up because ``cancelled()`` said so."""


CHECK_EVERY = 1024
"""Items between two ``cancelled()`` checks while building."""


class SearchIndex:
    """Search over every item of a briefing.

    ``status_labels`` maps agenda statuses to the labels the UI shows
    (``"on-agenda"`` -> ``"on the agenda"``); the label is then searchable
    and highlightable, the raw status stays searchable as an alias.
    """

    def __init__(
        self,
        briefing: Briefing,
        *,
        status_labels: Mapping[str, str] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Build the index (seconds for 100,000 items).

        ``cancelled`` is asked now and then while building; once it returns
        True the build stops with :class:`BuildCancelled`, so a worker whose
        briefing was replaced does not keep the interpreter busy.
        """
        self._cancelled = cancelled
        self.catalog = catalog = Catalog(briefing, status_labels)
        """The items searched, shared with every result."""
        self._size = size = len(catalog)
        self._all = (1 << size) - 1
        self._hays: list[str] = [self._haystack(item) for item in self._checked(catalog.items)]
        self._build_postings()
        self._needles: OrderedDict[str, _Needle] = OrderedDict()
        self._queries: OrderedDict[frozenset[str], int] = OrderedDict()
        self._pinned: dict[str, _Needle] = {}
        self._last_phrase: _Trail | None = None
        self._places = list(range(size))
        self._precompute_chars()

    # -- building -----------------------------------------------------------

    def _checked(self, items: list[Item] | list[str]) -> Iterator[Any]:
        """``items``, asking ``cancelled()`` every CHECK_EVERY of them."""
        cancelled = self._cancelled
        if cancelled is None:
            yield from items
            return
        for start in range(0, len(items), CHECK_EVERY):
            if cancelled():
                raise BuildCancelled
            yield from items[start : start + CHECK_EVERY]

    def _haystack(self, item: Item) -> str:
        pieces: list[str] = []
        for segments in self.catalog.fields_of(item).values():
            for seg in segments:
                pieces.append(_fold_short(seg.text))
                pieces.extend(map(_fold_short, seg.aliases))
        return "\n".join(dict.fromkeys(p for p in pieces if p))

    def _build_postings(self) -> None:
        postings: dict[str, list[int]] = {}
        get = postings.get
        for i, hay in enumerate(self._checked(self._hays)):
            for token in set(hay.split()):
                found = get(token)
                if found is None:
                    postings[token] = [i]
                else:
                    found.append(i)
        self._vocab: list[str] = list(postings)
        bytes_each = max(1, self._size // 8)
        room = max(64, DENSE_BUDGET // bytes_each)
        frequent = sorted(
            (t for t, p in postings.items() if len(p) >= DENSE_MIN),
            key=lambda t: len(postings[t]),
            reverse=True,
        )[:room]
        self._dense: dict[str, int] = {t: B.from_positions(postings.pop(t), self._size) for t in frequent}
        self._sparse: dict[str, list[int]] = postings

    def _precompute_chars(self) -> None:
        counts: Counter[str] = Counter()
        for token in self._vocab:
            counts.update(set(token))
        for char, _ in counts.most_common(PRECOMPUTED_CHARS):
            if self._cancelled is not None and self._cancelled():
                raise BuildCancelled
            self._pinned[char] = self._compute_word(char)

    # -- public API ---------------------------------------------------------

    def __len__(self) -> int:
        return self._size

    @property
    def ids(self) -> list[str]:
        """Every item id, in briefing order."""
        return list(self.catalog.ids)

    def kind(self, item_id: str) -> str:
        """One of ``briefing.model.items.KINDS``; KeyError for an unknown id."""
        return self.catalog.kind(item_id)

    def fields(self, item_id: str) -> Fields:
        """Searchable fields of an item: name -> segments (see fields.py)."""
        return self.catalog.fields(item_id)

    def search(self, query: str | Query) -> SearchResult:
        """Items matching ``query`` (any string; never raises).

        An empty query (blank, or only quote marks) matches every item: it is
        "no filter", so the UI can show everything with the same code path.
        Every needle's answer is cached, so a query that extends (or shortens
        back to) an earlier one is refined from it.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        found = self._match(parsed.needles) if parsed.needles else self._all
        return SearchResult(self.catalog, parsed, found)

    def clear_cache(self) -> None:
        """Forget cached answers (the per-character ones made at build stay).
        For benchmarks and tests; searching never needs it."""
        self._needles.clear()
        self._queries.clear()
        self._last_phrase = None

    # -- matching -----------------------------------------------------------

    def _match(self, needles: tuple[str, ...]) -> int:
        key = frozenset(needles)
        cached = self._queries.get(key)
        if cached is not None:
            self._queries.move_to_end(key)
            return cached
        # Longer needles first: they are usually the most selective.
        order = sorted(key, key=lambda n: (" " in n, -len(n)))
        found = self._all
        for i, needle in enumerate(order):
            if found.bit_count() <= SMALL:
                found = self._verify(found, order[i:])
                break
            if " " in needle:
                found = self._phrase(needle, found)
            else:
                found &= self._word(needle).bits
            if not found:
                break
        self._queries[key] = found
        if len(self._queries) > QUERY_CACHE:
            self._queries.popitem(last=False)
        return found

    def _verify(self, candidates: int, needles: Iterable[str]) -> int:
        """The candidates whose haystack contains every needle (checked in C)."""
        places = B.positions(candidates, self._places)
        for needle in needles:
            hays = map(self._hays.__getitem__, places)
            places = list(compress(places, map(contains, hays, repeat(needle))))
            if not places:
                return 0
        return B.from_positions(places, self._size)

    def _word(self, word: str) -> _Needle:
        hit = self._pinned.get(word) or self._needles.get(word)
        if hit is not None:
            if word in self._needles:
                self._needles.move_to_end(word)
            return hit
        hit = self._compute_word(word)
        self._remember(word, hit)
        return hit

    def _remember(self, needle: str, entry: _Needle) -> None:
        self._needles[needle] = entry
        if len(self._needles) > NEEDLE_CACHE:
            self._needles.popitem(last=False)

    def _compute_word(self, word: str) -> _Needle:
        tokens = [t for t in self._narrowest(word) if word in t]
        return _Needle(self._union(tokens), tokens)

    def _narrowest(self, word: str) -> list[str]:
        """The fewest tokens known to include every token containing ``word``:
        those of a cached needle that is a substring of ``word``, or all."""
        best = self._vocab
        for cache in (self._needles, self._pinned):
            for known, entry in cache.items():
                if entry.tokens is not None and len(entry.tokens) < len(best) and known in word:
                    best = entry.tokens
        return best

    def _union(self, tokens: list[str]) -> int:
        dense = self._dense
        found = reduce(or_, (dense[t] for t in tokens if t in dense), 0)
        rare = [self._sparse[t] for t in tokens if t not in dense]
        if rare:
            found |= B.from_positions(chain.from_iterable(rare), self._size)
        return found

    def _phrase(self, phrase: str, candidates: int) -> int:
        """Items among ``candidates`` whose haystack contains ``phrase``."""
        alone = candidates == self._all
        last = self._last_phrase
        trail: _Trail | None
        if last is not None and phrase.startswith(last.phrase):
            # Typing on at the end of a phrase: every occurrence of the new
            # phrase is one of the old, so each matching item is re-checked
            # from where the old phrase first occurred in it, nothing else.
            found, trail = last.extend(phrase, self._hays, self._size)
            found &= candidates
        else:
            found, trail = self._phrase_afresh(phrase, candidates)
        if alone:  # only an unrestricted answer is the phrase's own answer
            self._remember(phrase, _Needle(found, None))
            self._last_phrase = trail
        return found

    def _phrase_afresh(self, phrase: str, candidates: int) -> tuple[int, _Trail | None]:
        words = phrase.split(" ")
        first, last = words[0], words[-1]
        # The first word must end a token, the last start one. (Skipped for
        # one or two letters: nearly every item has such a token.)
        if len(first) > 2:
            candidates &= self._union([t for t in self._word(first).tokens or () if t.endswith(first)])
        if len(last) > 2:
            candidates &= self._union([t for t in self._word(last).tokens or () if t.startswith(last)])
        for middle in words[1:-1]:
            if not candidates:
                return 0, None
            candidates &= self._exact_token(middle)
        # Any cached needle inside this phrase (a word of it, the phrase
        # before a backspace) bounds the answer too.
        for known, entry in self._needles.items():
            if candidates and known in phrase:
                candidates &= entry.bits
        if not candidates:
            return 0, None
        places = B.positions(candidates, self._places)
        hays = map(self._hays.__getitem__, places)
        starts = list(map(str.find, hays, repeat(phrase)))
        keep = list(map(_NOT_FOUND.__ne__, starts))
        kept = list(compress(places, keep))
        found = _drop(candidates, places, starts, kept, self._size)
        return found, _Trail(phrase, found, kept, list(compress(starts, keep)))

    def _exact_token(self, token: str) -> int:
        if token in self._dense:
            return self._dense[token]
        places = self._sparse.get(token)
        return B.from_positions(places, self._size) if places else 0


_SHORT = 80
_short_cache: dict[str, str] = {}


def _fold_short(text: str) -> str:
    """``fold`` with a memo for short strings (names, channels, dates repeat)."""
    if len(text) > _SHORT:
        return fold(text)
    folded = _short_cache.get(text)
    if folded is None:
        if len(_short_cache) > 65_536:
            _short_cache.clear()
        folded = _short_cache[text] = fold(text)
    return folded
