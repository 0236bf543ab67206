"""Search and side filter for the dashboard: state, and how it reaches the panes.

The engine (briefing.search) knows nothing of panes; this module turns its
results into a Lens per pane, steps between matches across panes, and
remembers the view from before the search so Esc can put it back.
``FindingMixin`` holds the dashboard's side of it, so the screen module
keeps to layout and the other actions.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.content import Content
from textual.worker import get_current_worker

from briefing.model import Briefing
from briefing.model.items import SECTIONS
from briefing.ui.panes.base import Lens, Pane
from briefing.ui.text_content import STATUS_LABEL
from briefing.ui.widgets.header import BriefingHeader
from briefing.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefing.ui.widgets.search_bar import SearchBar

    _Base = Screen[None]
else:
    _Base = object

PANE_KINDS: dict[str, tuple[str, ...]] = {
    "delegations": SECTIONS["delegations"],
    "agenda": SECTIONS["agenda"],
    "quotes": SECTIONS["quotes"],
    "tally": SECTIONS["strikes"],
    "timeline": SECTIONS["timeline"],
}
"""The kinds of item each pane lists: one section of the file each."""


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


def step(
    panes: Sequence[tuple[str, Pane]], current: tuple[int, int] | None, direction: int
) -> tuple[int, int] | None:
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


class FindingMixin(_Base):
    """Search (/, n, N, Ctrl+O) and the side filter (f) of the dashboard.

    Expects the screen to provide ``briefing``, ``roster``, ``panes``,
    ``pane(name)`` and ``action_focus_pane(name)``.
    """

    finding: Finding
    index: Any
    _search_lock: threading.Lock

    def init_finding(self) -> None:
        self.finding = Finding()
        self.index = None
        """The search index of the briefing on screen (built in a worker)."""
        self._search_lock = threading.Lock()

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Index the briefing off the UI thread; typing starts once it's ready."""
        from briefing.search import BuildCancelled, SearchIndex

        briefing = self.briefing
        worker = get_current_worker()
        try:
            index = SearchIndex(briefing, status_labels=STATUS_LABEL, cancelled=lambda: worker.is_cancelled)
        except BuildCancelled:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._index_ready, briefing, index)

    def stop_indexing(self) -> None:
        """Give up building the index of the briefing on screen (a reload is coming).

        Building takes seconds with 100,000 items and shares the interpreter
        with the reload's parsing, doubling its time; the index is rebuilt
        for the briefing that replaces this one.
        """
        self.workers.cancel_group(self, "index")

    def resume_indexing(self) -> None:
        """Build the index again if :meth:`stop_indexing` left it unbuilt."""
        if self.index is None:
            self.build_index()

    def _index_ready(self, briefing: Briefing, index: Any) -> None:
        if briefing is self.briefing:
            self.index = index
            if self.finding.query or self.finding.side:
                self.refresh_finding(rerun=True)

    async def action_search(self) -> None:
        if self.finding.saved is None:
            self.finding.saved = self._save_view()
        bar = self.search_bar
        if bar is None:
            # Mounted on first use: the first frame has no need of it.
            from briefing.ui.widgets.search_bar import SearchBar

            bar = SearchBar()
            await self.mount(bar)
        bar.open()

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once it has been opened."""
        bars = self.query_children("SearchBar")
        return cast("SearchBar", bars.first()) if bars else None

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.finding.query = event.query
        self.run_search(event.query)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; a result for an outdated query is dropped."""
        index = self.index
        if index is None or not query.strip():
            self.app.call_from_thread(self._search_done, query, None)
            return
        # The index caches answers and is not safe for two searches at once;
        # a superseded search may still be running in its thread.
        with self._search_lock:
            result = index.search(query)
            matches = frozenset(result.ids)  # built here, not on the UI thread
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._search_done, query, result, matches)

    def _search_done(self, query: str, result: Any, matches: frozenset[str] = frozenset()) -> None:
        if query != self.finding.query:
            return  # typing moved on
        self.finding.result = result
        self.finding.matches = matches
        self.refresh_finding()

    def refresh_finding(self, *, rerun: bool = False) -> None:
        """Push the current search and side filter to every pane and the bars."""
        finding = self.finding
        if rerun:
            if finding.side is not None:
                finding.side_keys = self._side_keys(finding.side)
            if finding.query:
                finding.result = None
                self.run_search(finding.query)
        for pane in self.panes:
            pane.set_lens(finding.lens_for(pane.id or "", pane))
        if (bar := self.search_bar) is not None:
            bar.set_count(self._count_text())

    def _count_text(self) -> Content:
        """What the search bar says about the matches."""
        finding = self.finding
        if finding.searching:
            total = sum(pane.lens.count for pane in self.panes)
            hint = "  n/N next/prev · ctrl+o " + ("dim" if finding.hide else "hide") + " others · Esc clear"
            return Content.assemble(
                (f"{total:,} match" + ("" if total == 1 else "es"), "bold"), (hint, "$text-muted")
            )
        if finding.query and self.index is None:
            return Content.styled("indexing…", "$text-muted")
        return Content("")

    def on_search_bar_step(self, event: SearchBar.Step) -> None:
        self.action_step_match(event.direction)

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        self.clear_search()

    def action_step_match(self, direction: int) -> None:
        if not self.finding.searching:
            return
        ordered = [(pane.id or "", pane) for pane in self.panes]
        # From the selected row; from the search bar, from where the search began.
        focused = self.focused
        if not isinstance(focused, RowList) and self.finding.saved and self.finding.saved.focused:
            focused = self.pane(self.finding.saved.focused).list
        current = None
        for p, (_, pane) in enumerate(ordered):
            if focused is pane.list and pane.list.cursor is not None:
                current = (p, pane.list.cursor)
        target = step(ordered, current, direction)
        if target is None:
            self.notify("No matches.", severity="warning", timeout=2)
            return
        name, pane = ordered[target[0]]
        self.action_focus_pane(name)
        pane.list.cursor = target[1]

    def action_toggle_hide(self) -> None:
        self.finding.hide = not self.finding.hide
        self.refresh_finding()

    def action_focus_side(self) -> None:
        if self.finding.side is not None:
            self._clear_side()
            return
        side = self._selected_side()
        if side is None:
            self.notify("Select a delegation, a person or an item of one side first.", severity="warning")
            return
        self.finding.side = side
        self.finding.side_keys = self._side_keys(side)
        self.query_one(BriefingHeader).set_filter(self.roster.name_of(side))
        self.refresh_finding()

    def _selected_side(self) -> str | None:
        focused = self.focused
        if (
            not isinstance(focused, RowList)
            or focused.selected is None
            or not isinstance(focused.parent, Pane)
        ):
            return None
        key = focused.parent.row_key(focused.selected)
        side = self.roster.side_of(key)
        if side is not None:
            return side
        sides = self._sides_of(key)
        return next(iter(sorted(sides)), None) if len(sides) == 1 else None

    def _sides_of(self, key: str) -> frozenset[str]:
        return self.roster.sides.of(key)

    def _side_keys(self, side: str) -> frozenset[str]:
        return self.roster.sides.items_of(side)

    def action_clear(self) -> None:
        bar = self.search_bar
        if self.finding.searching or self.finding.query or (bar is not None and bar.has_class("-open")):
            self.clear_search()
        elif self.finding.side is not None:
            self._clear_side()

    def _clear_side(self) -> None:
        self.finding.side = None
        self.finding.side_keys = None
        self.query_one(BriefingHeader).set_filter("")
        self.refresh_finding()

    def clear_search(self) -> None:
        """End the search and put focus and selection back as they were."""
        finding = self.finding
        finding.query = ""
        finding.result = None
        finding.matches = frozenset()
        if (bar := self.search_bar) is not None:
            bar.close()
        self.refresh_finding()
        if finding.saved is not None:
            self._restore_view(finding.saved)
            finding.saved = None

    def _save_view(self) -> SavedView:
        focused = self.focused
        focused_pane = (
            focused.parent.id if isinstance(focused, RowList) and isinstance(focused.parent, Pane) else None
        )
        selected = {
            pane.id or "": (pane.row_key(pane.list.selected) if pane.list.selected is not None else None)
            for pane in self.panes
        }
        return SavedView(focused_pane, selected)

    def _restore_view(self, saved: SavedView) -> None:
        for pane in self.panes:
            key = saved.selected.get(pane.id or "")
            if key is not None:
                for index, row in enumerate(pane.list.rows):
                    if pane.row_key(row) == key:
                        pane.list.cursor = index
                        break
        if saved.focused is not None:
            self.action_focus_pane(saved.focused)
