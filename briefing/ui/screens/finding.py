"""Search and side filter for the dashboard: state, and how it reaches the panes.

The engine (briefing.search) knows nothing of panes; this module turns its
results into a Lens per pane, steps between matches across panes, and
remembers the view from before the search so Esc can put it back.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing.ui.panes.base import Lens, Pane

PANE_KINDS: dict[str, tuple[str, ...]] = {
    "delegations": ("delegation", "person"),
    "agenda": ("agenda",),
    "quotes": ("quote",),
    "tally": ("count",),
    "timeline": ("event",),
}


@dataclass
class SavedView:
    """Focus and selection before a search began, to restore on Esc."""

    focused: str | None
    selected: dict[str, str | None]


@dataclass
class Finding:
    """What the dashboard is currently narrowed to."""

    query: str = ""
    result: Any = None
    """The engine's result for ``query`` (None when there is no search)."""
    hide: bool = False
    side: str | None = None
    """Id of the delegation the panes are filtered to."""
    side_keys: Collection[str] | None = None
    saved: SavedView | None = None
    matches: frozenset[str] = field(default_factory=frozenset)

    @property
    def searching(self) -> bool:
        return self.result is not None

    def lens_for(self, pane_id: str, pane: Pane) -> Lens:
        if self.result is None:
            return Lens(side=self.side_keys)
        count = self._count(pane_id, pane)
        return Lens(
            side=self.side_keys,
            matches=self.matches,
            spans=self.result.spans,
            hide=self.hide,
            count=count,
        )

    def _count(self, pane_id: str, pane: Pane) -> int:
        if self.side_keys is None:
            by_kind = self.result.count_by_kind
            return sum(by_kind.get(kind, 0) for kind in PANE_KINDS[pane_id])
        keys = (pane.row_key(row) for row in pane.all_rows)
        return sum(1 for key in keys if key in self.side_keys and key in self.matches)


def step(panes: Sequence[tuple[str, Pane]], current: tuple[int, int] | None, direction: int) -> tuple[int, int] | None:
    """Position (pane index, row index) of the next match after ``current``.

    Walks every pane's displayed rows in order, wrapping around; ``None`` when
    nothing matches.
    """
    positions = [
        (p, r)
        for p, (_, pane) in enumerate(panes)
        for r, row in enumerate(pane.list.rows)
        if pane.lens.matches is not None and pane.is_match(row)
    ]
    if not positions:
        return None
    if current is None:
        return positions[0] if direction > 0 else positions[-1]
    if direction > 0:
        return next((pos for pos in positions if pos > current), positions[0])
    return next((pos for pos in reversed(positions) if pos < current), positions[-1])
