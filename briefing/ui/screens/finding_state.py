"""What the dashboard is narrowed to, and the Lens each pane is given from it.

Plain state, held once by the Finder (finding.py); the panes only ever see
the Lens made for them.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import msgspec

from briefing.ui.panes.base import Lens
from briefing.ui.screens.walk import Position, SavedView


# A Struct rather than a dataclass: every start defines it, and a
# dataclass takes ~1 ms to define (a Struct ~0.03 ms).
class Finding(msgspec.Struct):
    """What the dashboard is currently narrowed to."""

    query: str = ""
    result: Any = None
    """The engine's result for ``query`` (None when there is no search)."""
    hide: bool = False
    side: str | None = None
    """Id of the delegation the panes are filtered to."""
    side_keys: Collection[str] | None = None
    saved: SavedView | None = None
    matches: frozenset[str] = msgspec.field(default_factory=frozenset)
    counts: dict[str, int] = msgspec.field(default_factory=dict)
    """Matches per pane id, as the panes' frames show them."""
    current: Position | None = None
    """The selected match, whose place is shown."""
    current_pane: str | None = None
    """Id of the pane ``current`` is in."""
    place: str = ""
    """``current``'s place among the matches, "3/12" ("" for none)."""
    in_overview: bool = False
    """The query is also found in what only the meeting's overview shows."""

    @property
    def searching(self) -> bool:
        return self.result is not None

    def lens_for(self, pane_id: str) -> Lens:
        if self.result is None:
            return Lens(side=self.side_keys)
        return Lens(
            side=self.side_keys,
            matches=self.matches,
            spans=self.result.spans,
            hide=self.hide,
            count=self.counts.get(pane_id, 0),
            place=self.place if pane_id == self.current_pane else "",
        )
