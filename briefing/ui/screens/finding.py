"""Search and side filter for the dashboard: state, and how it reaches the panes.

The engine (briefing.search) knows nothing of panes. ``Finder``, a widget
with nothing to show that the dashboard owns, keeps the index and what the
panes are narrowed to, and pushes a Lens to each pane it was given and the
count to the search bar: engine → finder → panes. It steps between matches
across panes and remembers the view before a search so Esc can put it back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.worker import get_current_worker

from briefing.model import Briefing
from briefing.model.items import SECTIONS
from briefing.ui.layout import PANE_SECTIONS
from briefing.ui.panes.base import Lens, Pane
from briefing.ui.text_content import STATUS_LABEL
from briefing.ui.widgets.header import BriefingHeader
from briefing.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from briefing.model import Roster
    from briefing.ui.widgets.search_bar import SearchBar

PANE_KINDS: dict[str, tuple[str, ...]] = {
    pane: tuple(kind for section in sections for kind in SECTIONS[section])
    for pane, sections in PANE_SECTIONS.items()
}
"""The kinds of item each pane lists, from the sections of the file it shows."""


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
    counts: dict[str, int] = field(default_factory=dict)
    """Matches per pane id, as the panes' frames show them."""

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
        )


def step(
    panes: Sequence[Pane], matches: Collection[str], current: tuple[int, int] | None, direction: int
) -> tuple[int, int] | None:
    """Position (pane index, row index) of the next match after ``current``.

    Walks every pane's displayed rows in order, wrapping around; ``None`` when
    nothing matches.
    """
    positions = [
        (p, r)
        for p, pane in enumerate(panes)
        for r, row in enumerate(pane.list.rows)
        if pane.row_key(row) in matches
    ]
    if not positions:
        return None
    if current is None:
        return positions[0] if direction > 0 else positions[-1]
    if direction > 0:
        return next((pos for pos in positions if pos > current), positions[0])
    return next((pos for pos in reversed(positions) if pos < current), positions[-1])


SEARCH_BINDINGS: list[BindingType] = [
    Binding(
        "slash,ctrl+f",
        "search",
        "Search",
        key_display="/",
        tooltip="Search every pane as you type",
        id="search",
    ),
    Binding(
        "n", "step_match(1)", "Next match", show=False, tooltip="Jump to the next match", id="next-match"
    ),
    Binding(
        "N",
        "step_match(-1)",
        "Previous match",
        show=False,
        tooltip="Jump to the previous match",
        id="previous-match",
    ),
    Binding(
        "ctrl+o",
        "toggle_hide",
        "Only matches",
        show=False,
        tooltip="Hide non-matching items instead of dimming them",
        id="toggle-hide",
    ),
    Binding(
        "f",
        "focus_side",
        "Focus side",
        show=False,
        tooltip="Show only the selected item's side (Esc clears)",
        id="focus-side",
    ),
    Binding("escape", "clear", "Clear", show=False, tooltip="Clear the search or side filter", id="clear"),
]
"""Search and side-filter keys, bound on MainScreen (a Finder never has focus to get keys)."""


class Finder(Widget):
    """Search (/, n, N, Ctrl+O) and the side filter (f) of one dashboard."""

    def __init__(
        self,
        briefing: Briefing,
        roster: Roster,
        *,
        panes: Sequence[Pane],
        header: BriefingHeader,
        focus_pane: Callable[[str], None],
    ) -> None:
        """``focus_pane(id)`` brings a pane into view and focuses its list."""
        super().__init__()
        self.display = False  # state and workers only: nothing to lay out or draw
        self.briefing = briefing
        self.roster = roster
        self.panes = list(panes)
        self.header = header
        self._focus_pane = focus_pane
        self.bar: SearchBar | None = None
        """The search bar, once the screen has mounted it."""
        self.finding = Finding()
        self.index: Any = None
        """The search index of the briefing on screen (built in a worker)."""
        self._search_lock = threading.Lock()
        self._indexing_paused = False

    # -- the briefing and its index -----------------------------------------

    def show(self, briefing: Briefing, roster: Roster) -> None:
        """Narrow ``briefing``, now in the panes, as the one before was."""
        self.briefing = briefing
        self.roster = roster
        self.index = None
        # Indexing runs in a thread that would compete with the UI thread
        # for the interpreter: start it once the frame is on screen.
        self.call_after_refresh(self._start_indexing)
        if self.finding.side is not None or self.finding.searching:
            self._apply(rerun=True)

    def pause_indexing(self) -> None:
        """Stop building the index until :meth:`resume_indexing` (a reload is coming).

        Building takes seconds with 100,000 items and shares the interpreter
        with the reload's parsing, doubling its time; the index is built
        afterwards for whichever briefing is then on screen.
        """
        self._indexing_paused = True
        self.workers.cancel_group(self, "index")

    def resume_indexing(self) -> None:
        """A reload's result is on screen: build the index if it is missing."""
        self._indexing_paused = False
        if self.index is None:
            self.call_after_refresh(self._start_indexing)

    def _start_indexing(self) -> None:
        if self.index is None and not self._indexing_paused:
            self.build_index()

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

    def _index_ready(self, briefing: Briefing, index: Any) -> None:
        if briefing is self.briefing:
            self.index = index
            if self.finding.query or self.finding.side:
                self._apply(rerun=True)

    # -- searching ------------------------------------------------------------

    def begin_search(self, focused: Widget | None) -> None:
        """The search bar is opening: remember the view to return to."""
        if self.finding.saved is None:
            self.finding.saved = self._save_view(focused)

    def search(self, query: str) -> None:
        self.finding.query = query
        self.run_search(query)

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
        self._apply()

    def step(self, direction: int, focused: Widget | None) -> None:
        """Select the next (+1) or previous (-1) match, from ``focused``'s row."""
        finding = self.finding
        if not finding.searching:
            return
        # From the selected row; from the search bar, from where the search began.
        if not isinstance(focused, RowList) and finding.saved and finding.saved.focused:
            focused = next(p.list for p in self.panes if p.id == finding.saved.focused)
        current = None
        for p, pane in enumerate(self.panes):
            if focused is pane.list and pane.list.cursor is not None:
                current = (p, pane.list.cursor)
        target = step(self.panes, finding.matches, current, direction)
        if target is None:
            self.notify("No matches.", severity="warning", timeout=2)
            return
        pane = self.panes[target[0]]
        self._focus_pane(pane.id or "")
        pane.list.cursor = target[1]

    def toggle_hide(self) -> None:
        self.finding.hide = not self.finding.hide
        self._apply()

    def clear_search(self) -> None:
        """End the search and put focus and selection back as they were."""
        finding = self.finding
        finding.query = ""
        finding.result = None
        finding.matches = frozenset()
        if self.bar is not None:
            self.bar.close()
        self._apply()
        if finding.saved is not None:
            self._restore_view(finding.saved)
            finding.saved = None

    # -- the side filter ------------------------------------------------------

    def toggle_side(self, focused: Widget | None) -> None:
        """Filter to the side of ``focused``'s selected row, or stop filtering."""
        if self.finding.side is not None:
            self._clear_side()
            return
        side = self._selected_side(focused)
        if side is None:
            self.notify("Select a delegation, a person or an item of one side first.", severity="warning")
            return
        self.finding.side = side
        self.finding.side_keys = self.roster.sides.items_of(side)
        self.header.set_filter(self.roster.name_of(side))
        self._apply()

    def _selected_side(self, focused: Widget | None) -> str | None:
        pane = Pane.holding(focused)
        if pane is None or pane.list.selected is None:
            return None
        sides = self.roster.sides.of(pane.row_key(pane.list.selected))
        return next(iter(sides)) if len(sides) == 1 else None

    def _clear_side(self) -> None:
        self.finding.side = None
        self.finding.side_keys = None
        self.header.set_filter("")
        self._apply()

    def clear(self) -> None:
        """Esc: end the search if there is one, else the side filter."""
        bar = self.bar
        if self.finding.searching or self.finding.query or (bar is not None and bar.has_class("-open")):
            self.clear_search()
        elif self.finding.side is not None:
            self._clear_side()

    # -- to the panes ---------------------------------------------------------

    def _apply(self, *, rerun: bool = False) -> None:
        """Push search and side filter to the panes and the bar (``rerun``: the briefing or index changed)."""
        finding = self.finding
        if rerun:
            if finding.side is not None:
                finding.side_keys = self.roster.sides.items_of(finding.side)
            if finding.query:
                finding.result = None
                self.run_search(finding.query)
        finding.counts = (
            {pane.id or "": self._count(pane) for pane in self.panes} if finding.searching else {}
        )
        for pane in self.panes:
            pane.set_lens(finding.lens_for(pane.id or ""))
        if self.bar is not None:
            self.bar.set_count(self._count_text())

    def _count(self, pane: Pane) -> int:
        """How many of ``pane``'s rows match (within the side, if filtered)."""
        finding = self.finding
        if finding.side_keys is None:
            by_kind = finding.result.count_by_kind
            return sum(by_kind.get(kind, 0) for kind in PANE_KINDS[pane.id or ""])
        keys = (pane.row_key(row) for row in pane.all_rows)
        return sum(1 for key in keys if key in finding.side_keys and key in finding.matches)

    def _count_text(self) -> Content:
        """What the search bar says about the matches."""
        finding = self.finding
        if finding.searching:
            total = sum(finding.counts.values())
            hint = "  n/N next/prev · ctrl+o " + ("dim" if finding.hide else "hide") + " others · Esc clear"
            return Content.assemble(
                (f"{total:,} match" + ("" if total == 1 else "es"), "bold"), (hint, "$text-muted")
            )
        if finding.query and self.index is None:
            return Content.styled("indexing…", "$text-muted")
        return Content("")

    def _save_view(self, focused: Widget | None) -> SavedView:
        focused_pane = Pane.holding(focused)
        selected = {
            pane.id or "": (pane.row_key(pane.list.selected) if pane.list.selected is not None else None)
            for pane in self.panes
        }
        return SavedView(focused_pane.id if focused_pane is not None else None, selected)

    def _restore_view(self, saved: SavedView) -> None:
        for pane in self.panes:
            key = saved.selected.get(pane.id or "")
            if key is not None:
                pane.select_row(key)
        if saved.focused is not None:
            self._focus_pane(saved.focused)
