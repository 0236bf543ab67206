"""The answer to one search: which items matched, how many of each kind,
and where to highlight.

A result is a bitset over the index's items, so it is cheap to make; the
list of ids is built on first use (it costs time in proportion to the items
matched), counts per kind are a few word-wise ANDs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.search import bits as B
from briefing.search.fields import KINDS, Fields, field_text
from briefing.search.query import Query
from briefing.search.spans import Span, field_spans

if TYPE_CHECKING:
    from briefing.search.index import SearchIndex


class SearchResult:
    """Items that match a query, in briefing order."""

    __slots__ = ("_bits", "_counts", "_id_set", "_ids", "_index", "query")

    def __init__(self, index: SearchIndex, query: Query, found: int) -> None:
        self.query = query
        self._index = index
        self._bits = found
        self._ids: list[str] | None = None
        self._id_set: frozenset[str] | None = None
        self._counts: dict[str, int] | None = None

    def __repr__(self) -> str:
        return f"SearchResult({self.query.text!r}: {len(self)} of {len(self._index)})"

    def __len__(self) -> int:
        return self._bits.bit_count()

    @property
    def everything(self) -> bool:
        """True for an empty query (no filter): every item is in the result."""
        return self.query.empty

    @property
    def ids(self) -> list[str]:
        """Ids of the matching items, in briefing order (a shared list: do
        not modify it)."""
        if self._ids is None:
            self._ids = B.select(self._index._ids, self._bits)
        return self._ids

    def __contains__(self, item_id: object) -> bool:
        if self._id_set is None:
            self._id_set = frozenset(self.ids)
        return item_id in self._id_set

    @property
    def count_by_kind(self) -> dict[str, int]:
        """Matches per kind, every kind present (0 when none matched)."""
        if self._counts is None:
            kind_bits = self._index._kind_bits
            self._counts = {k: (self._bits & kind_bits[k]).bit_count() for k in KINDS}
        return dict(self._counts)

    def ids_of_kind(self, kind: str) -> list[str]:
        """Ids of the matching items of one kind, in briefing order."""
        return B.select(self._index._ids, self._bits & self._index._kind_bits[kind])

    def _fields(self, item_id: str) -> Fields:
        try:
            return self._index.fields(item_id)
        except KeyError:  # an id from another briefing: nothing to highlight
            return {}

    def text(self, item_id: str, field: str) -> str | None:
        """The text that ``spans(item_id, field)`` refers to; None when the
        item has no such field (or it is empty)."""
        segments = self._fields(item_id).get(field)
        return field_text(segments) if segments else None

    def spans(self, item_id: str, field: str) -> list[Span]:
        """Where the query occurs in ``field`` of ``item_id``: sorted, merged
        ``(start, end)`` offsets into ``text(item_id, field)``.

        Empty for an empty query, an absent field, or no occurrence. Spans
        are reported for every needle that occurs in the field, whether or
        not the item matched as a whole. See ``spans.py`` for aliases.
        """
        if not self.query.needles:
            return []
        segments = self._fields(item_id).get(field)
        if not segments:
            return []
        return field_spans(segments, self.query.needles)

    def all_spans(self, item_id: str) -> dict[str, list[Span]]:
        """``spans`` for every field of the item that has any."""
        out = {}
        if self.query.needles:
            for field, segments in self._fields(item_id).items():
                if found := field_spans(segments, self.query.needles):
                    out[field] = found
        return out


__all__ = ["KINDS", "SearchResult"]
