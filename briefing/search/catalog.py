"""The items a search runs over, as both the index and its results see them.

One catalog per index: the items in briefing order, their positions (bit
``i`` of a result is item ``i``), which items are of which kind, and each
item's searchable fields. The index builds its haystacks and postings from
it; a result reads ids, kinds and fields (for highlighting) from it. Neither
needs the other's insides, so imports go one way: catalog <- index,
catalog <- result.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.model import Briefing
from briefing.model.items import KINDS, Item, items
from briefing.search import bits as B
from briefing.search.fields import Fields, Names, fields_of


class Catalog:
    """Every item of a briefing, numbered in briefing order.

    ``status_labels`` maps agenda statuses to the labels the UI shows; see
    ``fields.py``.
    """

    def __init__(self, briefing: Briefing, status_labels: Mapping[str, str] | None = None) -> None:
        self.items: list[Item] = list(items(briefing))
        self.ids: list[str] = [item[1] for item in self.items]
        """Every item id, in briefing order (shared: do not modify it)."""
        self.positions: dict[str, int] = {ident: i for i, ident in enumerate(self.ids)}
        kinds = [item[0] for item in self.items]
        self.kind_bits: dict[str, int] = {kind: B.from_flags(map(kind.__eq__, kinds)) for kind in KINDS}
        """Kind -> the bitset of the items of that kind."""
        self._names = Names(briefing)
        self._labels = dict(status_labels) if status_labels else None

    def __len__(self) -> int:
        return len(self.ids)

    def kind(self, item_id: str) -> str:
        """One of ``KINDS``; KeyError for an unknown id."""
        return self.items[self.positions[item_id]][0]

    def fields(self, item_id: str) -> Fields:
        """Searchable fields of an item: name -> segments; KeyError for an
        unknown id."""
        return self.fields_of(self.items[self.positions[item_id]])

    def fields_of(self, item: Item) -> Fields:
        return fields_of(item, self._names, self._labels)
