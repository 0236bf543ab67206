"""The answer to one search: which items matched, how many of each kind,
and where to highlight.

A result is a bitset over the index's items, so it is cheap to make; the
list of ids is built on first use (it costs time in proportion to the items
matched), counts per kind are a few word-wise ANDs.
"""

from __future__ import annotations

from briefing.model.items import KINDS
from briefing.search import bits as B
from briefing.search.catalog import Catalog
from briefing.search.fields import Fields, field_text
from briefing.search.query import Query
from briefing.search.spans import Span, field_spans


class SearchResult:
    """Items that match a query, in briefing order."""

    __slots__ = ("_bits", "_catalog", "_counts", "_id_set", "_ids", "query")

    def __init__(self, catalog: Catalog, query: Query, found: int) -> None:
        """``found`` has bit ``i`` set for each matching item ``i`` of ``catalog``."""
        self.query = query
        self._catalog = catalog
        self._bits = found
        self._ids: list[str] | None = None
        self._id_set: frozenset[str] | None = None
        self._counts: dict[str, int] | None = None

    def __repr__(self) -> str:
        return f"SearchResult({self.query.text!r}: {len(self)} of {len(self._catalog)})"

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
            self._ids = B.select(self._catalog.ids, self._bits)
        return self._ids

    def __contains__(self, item_id: object) -> bool:
        if self._id_set is None:
            self._id_set = frozenset(self.ids)
        return item_id in self._id_set

    @property
    def count_by_kind(self) -> dict[str, int]:
        """Matches per kind, every kind present (0 when none matched)."""
        if self._counts is None:
            kind_bits = self._catalog.kind_bits
            self._counts = {k: (self._bits & kind_bits[k]).bit_count() for k in KINDS}
        return dict(self._counts)

    def _fields(self, item_id: str) -> Fields:
        try:
            return self._catalog.fields(item_id)
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


__all__ = ["SearchResult"]
