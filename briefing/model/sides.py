"""Which side (delegation) each item belongs to, for "focus on one side".

A delegation belongs to itself and a person to their delegation; an agenda
item to the sides of those who raised it, a quote to its speaker's side, an
event to the sides involved, a weapon count to the side of whoever reported
the tally. Any other item that names people (``items.REFERENCES``) belongs
to their sides.

Reach it through ``Roster.sides``: it is worked out once per briefing, on
first use, not on every press of the key.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.model.items import items, references
from briefing.model.structs import Briefing, Delegation

_NONE: frozenset[str] = frozenset()


class Sides:
    """Every item id -> the ids of the delegations it belongs to."""

    def __init__(self, briefing: Briefing, side_of: Callable[[str], str | None]) -> None:
        """``side_of`` maps a person or delegation id to its delegation's id."""
        # Most items share a few side sets: keep one frozenset of each.
        shared: dict[frozenset[str], frozenset[str]] = {}
        self._of: dict[str, frozenset[str]] = {}
        for kind, ident, obj, owner, _ in items(briefing):
            if kind == "delegation":
                sides = frozenset((ident,))
            elif isinstance(owner, Delegation):  # a person
                sides = frozenset((owner.id,))
            else:
                # A count names no one itself: it is whoever reported its tally's.
                refs = references("tally", owner) if kind == "count" else references(kind, obj)
                sides = frozenset(s for r in refs if (s := side_of(r)) is not None)
            self._of[ident] = shared.setdefault(sides, sides)
        self._items_of: dict[str, frozenset[str]] = {}

    def of(self, item_id: str) -> frozenset[str]:
        """Delegation ids ``item_id`` belongs to (none for an unknown id)."""
        return self._of.get(item_id, _NONE)

    def items_of(self, side: str) -> frozenset[str]:
        """Ids of every item that belongs to delegation ``side``."""
        found = self._items_of.get(side)
        if found is None:
            found = frozenset(key for key, sides in self._of.items() if side in sides)
            self._items_of[side] = found
        return found
