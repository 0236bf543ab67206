"""Search and side filter for the dashboard: the state's keeper, and how it reaches the panes.

The engine (briefing.search) knows nothing of panes. ``Finder``, a widget
with nothing to show that the dashboard owns, keeps the index and what the
panes are narrowed to, and pushes a Lens to each pane it was given and the
count to the search bar: engine → finder → panes. While the query is typed
the selection follows the first match (Enter keeps it there, Esc puts back
the view as it was before the search); n and N step between matches across
panes (walk.py), and the selected match's place ("3/12") is shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from textual import work
from textual.content import Content
from textual.widget import Widget
from textual.worker import get_current_worker

from briefing.model import Briefing
from briefing.ui.layout import PANE_KINDS, PANE_OF
from briefing.ui.panes.base import Pane
from briefing.ui.screens.finding_state import Finding
from briefing.ui.screens.walk import SavedView, rank, step
from briefing.ui.text_content import STATUS_LABEL
from briefing.ui.widgets.header import BriefingHeader

if TYPE_CHECKING:
    from briefing.model import Roster
    from briefing.ui.widgets.search_bar import SearchBar

# The pane tables live in layout.py; importable from here as before.
__all__ = ["PANE_KINDS", "PANE_OF", "Finder", "Finding"]


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
        self._previewed: Pane | None = None
        """The pane whose cursor the search moved while typing."""
        self._accepting = False
        """Enter came before the search's result: accept when it arrives."""

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

    @property
    def typing(self) -> bool:
        """The search bar is open (keys go to the query)."""
        return self.bar is not None and self.bar.is_open

    def begin_search(self, focused: Widget | None) -> None:
        """The search bar is opening: remember the view to return to."""
        if self.finding.saved is None:
            self.finding.saved = SavedView.of(self.panes, Pane.holding(focused))
        self._previewed = None

    def search(self, query: str) -> None:
        self.finding.query = query
        self.run_search(query)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; a result for an outdated query is dropped."""
        from briefing.search.fields import overview_texts
        from briefing.search.query import matches_texts, parse_query

        index = self.index
        if index is None or not query.strip():
            self.app.call_from_thread(self._search_done, query, None)
            return
        # The index caches answers and is not safe for two searches at once;
        # a superseded search may still be running in its thread.
        with self._search_lock:
            result = index.search(query)
            matches = frozenset(result.ids)  # built here, not on the UI thread
        overview = matches_texts(parse_query(query), overview_texts(self.briefing))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._search_done, query, result, matches, overview)

    def _search_done(
        self, query: str, result: Any, matches: frozenset[str] = frozenset(), overview: bool = False
    ) -> None:
        if query != self.finding.query:
            return  # typing moved on
        self.finding.result = result
        self.finding.matches = matches
        self.finding.in_overview = overview
        self._apply()
        if self.typing or self._accepting:
            self._preview()
        if self._accepting and (result is not None or not query.strip()):
            self.accept()

    def _preview(self) -> None:
        """While typing, select the first match after where the search began.

        Only the cursor moves (focus stays in the bar); the pane it moved in
        before gets its own selection back first.
        """
        saved = self.finding.saved
        if saved is None:
            return
        if self._previewed is not None:
            saved.restore(self._previewed)
            self._previewed = None
        target = None
        if self.finding.searching:
            target = step(self.panes, self.finding.matches, saved.origin(self.panes), 1)
        if target is not None:
            pane = self.panes[target[0]]
            pane.list.cursor = target[1]
            self._previewed = pane
        self._set_current(target)

    def accept(self) -> None:
        """Enter: close the bar, keep the search, focus the match."""
        finding = self.finding
        if finding.query.strip() and not finding.searching:
            self._accepting = True  # the index or the search is still on its way
            return
        self._accepting = False
        if not finding.searching or finding.current is None:
            if finding.searching:
                self.notify("No matches.", severity="warning", timeout=2)
            self.cancel()
            return
        pane_index, row = finding.current
        if self.bar is not None:
            self.bar.hide()
        finding.saved = None  # Esc now clears the highlights and keeps the selection
        self._previewed = None
        pane = self.panes[pane_index]
        self._focus_pane(pane.id or "")
        pane.list.cursor = row

    def cancel(self) -> None:
        """Esc while typing: drop the search and put the view back as it was."""
        self._accepting = False
        self.clear_search()

    def step(self, direction: int, focused: Widget | None) -> None:
        """Select the next (+1) or previous (-1) match, from ``focused``'s row."""
        finding = self.finding
        if not finding.searching:
            return
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
        self._set_current(target)

    def moved(self, pane: Pane, index: int) -> None:
        """A pane's cursor moved: the position shown follows it onto a match."""
        finding = self.finding
        if not finding.searching or self.typing or pane not in self.panes:
            return
        if pane.row_key(pane.list.rows[index]) in finding.matches:
            self._set_current((self.panes.index(pane), index))

    def _set_current(self, position: tuple[int, int] | None) -> None:
        """Make ``position`` the match whose place ("3/12") is shown."""
        finding = self.finding
        before = finding.current
        finding.current = position
        finding.current_pane = None if position is None else self.panes[position[0]].id
        finding.place = ""
        if position is not None:
            place = rank(self.panes, finding.matches, position) + 1
            finding.place = f"{place:,}/{self._total():,}"
        for moved in (before, position):
            if moved is not None:
                pane = self.panes[moved[0]]
                pane.set_lens(finding.lens_for(pane.id or ""))
        if self.bar is not None:
            self.bar.set_count(self._count_text())

    def toggle_hide(self) -> None:
        self.finding.hide = not self.finding.hide
        self._apply()
        if self.typing:
            self._preview()

    def clear_search(self) -> None:
        """End the search; put focus, selection and scroll back if it was not accepted."""
        finding = self.finding
        finding.query = ""
        finding.result = None
        finding.matches = frozenset()
        finding.current = finding.current_pane = None
        finding.place = ""
        if self.bar is not None:
            self.bar.close()
        self._apply()
        saved, finding.saved = finding.saved, None
        self._previewed = None
        if saved is not None:
            for pane in self.panes:
                saved.restore(pane)
            if saved.focused is not None:
                self._focus_pane(saved.focused)

    # -- the side filter ------------------------------------------------------

    def toggle_side(self, focused: Widget | None) -> None:
        """Filter to the side of ``focused``'s selected row, or stop filtering.

        An item of several sides (an event both parties attend) asks which.
        """
        if self.finding.side is not None:
            self.clear_side()
            return
        sides = self._selected_sides(focused)
        if not sides:
            self.notify("Select a delegation, a person or an item of one side first.", severity="warning")
            return
        if len(sides) == 1:
            self.set_side(sides[0])
            return
        from briefing.ui.screens.side_picker import SidePicker

        choices = [(side, self.roster.name_of(side)) for side in sides]
        self.app.push_screen(SidePicker(choices), self._picked)

    def _picked(self, side: str | None) -> None:
        if side is not None:
            self.set_side(side)

    def set_side(self, side: str) -> None:
        """Show only what belongs to delegation ``side`` in every pane."""
        self.finding.side = side
        self.finding.side_keys = self.roster.sides.items_of(side)
        self.header.set_filter(self.roster.name_of(side))
        self._apply()

    def _selected_sides(self, focused: Widget | None) -> list[str]:
        """The sides of ``focused``'s selected row, in the briefing's order."""
        pane = Pane.holding(focused)
        if pane is None or pane.list.selected is None:
            return []
        sides = self.roster.sides.of(pane.row_key(pane.list.selected))
        return [d.id for d in self.briefing.delegations if d.id in sides]

    def clear_side(self) -> None:
        self.finding.side = None
        self.finding.side_keys = None
        self.header.set_filter("")
        self._apply()

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
        if not finding.searching:
            finding.current = finding.current_pane = None
            finding.place = ""
        for pane in self.panes:
            pane.set_lens(finding.lens_for(pane.id or ""))
        if finding.current is not None and not self.typing:
            # Rows may have come or gone (hide, side filter, reload): find the place again.
            self._set_current(self._current_match())
        if self.bar is not None:
            self.bar.set_count(self._count_text())
        if self.is_attached:
            self.screen.refresh_bindings()  # the footer's keys follow the mode

    def _current_match(self) -> tuple[int, int] | None:
        for p, pane in enumerate(self.panes):
            if pane.list.has_focus and pane.list.selected is not None:
                if pane.row_key(pane.list.selected) in self.finding.matches:
                    return (p, pane.list.cursor or 0)
        return None

    def _count(self, pane: Pane) -> int:
        """How many of ``pane``'s rows match (within the side, if filtered)."""
        finding = self.finding
        if finding.side_keys is None:
            by_kind = finding.result.count_by_kind
            return sum(by_kind.get(kind, 0) for kind in PANE_KINDS[pane.id or ""])
        keys = (pane.row_key(row) for row in pane.all_rows)
        return sum(1 for key in keys if key in finding.side_keys and key in finding.matches)

    def _total(self) -> int:
        return sum(self.finding.counts.values())

    def _count_text(self) -> Content:
        """What the search bar says: where the selected match is among them all."""
        finding = self.finding
        if finding.searching:
            total = self._total()
            # The meeting's summary, days and format are not rows: say they match.
            overview = "in the overview: i" if finding.in_overview else ""
            if not total:
                return Content.assemble(
                    ("no matches", "bold"), (f"  {overview}" if overview else "", "$accent")
                )
            place = finding.place or f"{total:,} match" + ("" if total == 1 else "es")
            hint = "  ⏎ go · ↑↓ history · ^o " + ("dim" if finding.hide else "hide") + " · Esc cancel"
            also = f"  also {overview}" if overview else ""
            return Content.assemble((place, "bold"), (also, "$accent"), (hint, "$text-muted-flat"))
        if finding.query and self.index is None:
            return Content.styled("indexing…", "$text-muted-flat")
        return Content("")
