"""The dashboard: header, banner, the panes the briefing has, footer.

Which panes there are and how they share the terminal is worked out in
``briefing.ui.layout``; this screen applies it as the briefing or the
terminal's size changes. The panes are numbered in the order they are shown,
and the number keys follow those numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from briefing.loading import BriefingError
from briefing.model import Briefing, Quote, Roster
from briefing.model.items import present
from briefing.model.text import visible
from briefing.ui.layout import MIN_HEIGHT, MIN_WIDTH, Arrangement, arrange, panes_for
from briefing.ui.messages import ReloadFinished, ReloadStarted
from briefing.ui.panes.agenda import AgendaPane
from briefing.ui.panes.base import Pane
from briefing.ui.panes.delegations import DelegationsPane
from briefing.ui.panes.quotes import QuotesPane
from briefing.ui.panes.tally import TallyPane
from briefing.ui.panes.timeline import TimelinePane
from briefing.ui.screens.finding import SEARCH_BINDINGS, Finder
from briefing.ui.text_content import lit
from briefing.ui.widgets.header import BriefingHeader
from briefing.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from briefing.diff.changes import Changes
    from briefing.ui.widgets.search_bar import SearchBar

MARK_SECONDS = 60
PANE_KEYS = 5
"""Number keys 1 … 5 go to the first … fifth pane shown."""


class MainScreen(Screen[None]):
    """All panes of one briefing at a glance.

    Search and the side filter live in its ``finder``; the actions here hand
    it what the screen knows (the focus, the search bar).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                f"{n}",
                f"focus_pane_number({n})",
                f"Pane {n}",
                show=False,
                tooltip=f"Go to pane {n} (the number in its frame)",
                id=f"pane-{n}",
            )
            for n in range(1, PANE_KEYS + 1)
        ),
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
        Binding("z", "maximize_pane", "Zoom", tooltip="Maximise the focused pane (Esc restores)", id="zoom"),
        Binding(
            "d",
            "show_changes",
            "Changes",
            show=False,
            tooltip="List what the last reload changed",
            id="changes",
        ),
        Binding("e", "app.edit", "Edit", show=False, tooltip="Open $EDITOR at the selected item", id="edit"),
        Binding(
            "c",
            "copy_citation",
            "Cite",
            show=False,
            tooltip="Copy the selected quote as a citation",
            id="cite",
        ),
        Binding(
            "p",
            "present",
            "Present",
            tooltip="Presenter view: one quote or agenda item at a time",
            id="present",
        ),
        Binding("b", "blank", "Blank", show=False, tooltip="Blank the screen (any key returns)", id="blank"),
        *SEARCH_BINDINGS,
    ]

    finder: Finder
    """Search and side filter (made with the panes, in compose)."""

    ALLOW_IN_MAXIMIZED_VIEW = "BriefingHeader, #banner, Footer"

    DEFAULT_CSS = """
    MainScreen {
        layout: vertical;
        & #banner {
            /* In the flow below the docked header, never docked over it:
               the title, the clock and STALE stay in view with the banner. */
            display: none;
            height: auto;
            max-height: 4;
            background: $error 25%;
            color: $text;
            border-left: thick $error;
            padding: 0 1;
        }
        &.-stale #banner { display: block; }
        & #body { height: 1fr; layout: grid; }
        & #body > .-absent, & #body > .-inactive { display: none; }
        &.-one-column #body { layout: vertical; }
        &.-accordion #body > Pane { height: 3; }
        &.-accordion.-tight #body > Pane { height: 2; }
        &.-accordion #body > Pane.-current { height: 1fr; }
        & #too-small {
            display: none;
            width: 1fr;
            height: 1fr;
            content-align: center middle;
            text-align: center;
            color: $text-muted;
        }
        &.-too-small #too-small { display: block; }
        &.-too-small #body, &.-too-small BriefingHeader, &.-too-small Footer,
        &.-too-small #banner { display: none; }
    }
    """

    def __init__(
        self,
        briefing: Briefing,
        *,
        updated: datetime | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        """``updated``: when ``briefing`` was last brought up to date; ``now``: the clock."""
        super().__init__()
        self.briefing = briefing
        self._updated = updated
        self._now = now
        self.roster = Roster(briefing)
        self.changes: Changes | None = None
        """What the last reload changed (None before the first reload)."""
        self.changes_when = ""
        self.error: BriefingError | None = None
        """The problem that makes the view stale, if any."""
        self.arrangement = Arrangement("two-columns")
        """How the panes are laid out now."""
        self._current = "delegations"
        """The pane last focused (the open one in an accordion)."""
        self._tab = ""
        """Of two panes that take turns in one cell, the one shown."""

    def compose(self) -> ComposeResult:
        header = BriefingHeader(now=self._now)
        delegations, agenda = DelegationsPane(id="delegations"), AgendaPane(id="agenda")
        quotes, tally = QuotesPane(id="quotes"), TallyPane(id="tally")
        timeline = TimelinePane(id="timeline")
        self.finder = Finder(
            self.briefing,
            self.roster,
            panes=[delegations, agenda, quotes, tally, timeline],
            header=header,
            focus_pane=self.action_focus_pane,
        )
        yield header
        yield Static(id="banner", markup=False)
        # One grid for every arrangement: panes are never moved between
        # containers, so each keeps its selection and scroll position.
        with Container(id="body"):
            yield delegations
            yield agenda
            yield quotes
            yield tally
            yield timeline
        yield Static(
            f"Make the window larger\n(at least {MIN_WIDTH}×{MIN_HEIGHT})", id="too-small", markup=False
        )
        yield Footer()
        yield self.finder
        # The search bar is mounted when first opened (action_search).

    def on_mount(self) -> None:
        self.show(self.briefing, self._updated)
        self.pane(self._current).list.focus()

    def on_resize(self) -> None:
        self._arrange()

    @property
    def panes(self) -> list[Pane]:
        return list(self.query(Pane))

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once it has been opened."""
        return self.finder.bar

    def pane(self, name: str) -> Pane:
        return self.query_one(f"#{name}", Pane)

    # -- showing briefings --------------------------------------------------

    def show(self, briefing: Briefing, updated: datetime | None = None) -> None:
        """Display ``briefing`` in every pane (``updated``: when it was last brought up to date)."""
        if briefing is not self.briefing:  # the first show reuses __init__'s roster
            self.roster = Roster(briefing)
        self.briefing = briefing
        self.query_one(BriefingHeader).show(briefing, updated)
        for pane in self.panes:
            pane.show(briefing, self.roster)
        self.finder.show(briefing, self.roster)
        self._arrange()

    def update(
        self, briefing: Briefing, changes: Changes | None = None, *, updated: datetime | None = None
    ) -> Changes:
        """Show a reloaded briefing, marking what is new or changed.

        ``changes``: the diff from what is shown, if already made (the app
        makes it in the loading thread); ``updated`` as for :meth:`show`.
        """
        if changes is None:
            from briefing.diff.changes import diff

            changes = diff(self.briefing, briefing)
        self.set_stale(None)
        self.show(briefing, updated)
        if changes:
            self.changes = changes
            self.changes_when = self._now().strftime("%H:%M:%S")
            marks = changes.marked_ids
            for pane in self.panes:
                pane.set_marks(dict(marks))
            self.set_timer(MARK_SECONDS, lambda marks=marks: self._expire(marks))
        return changes

    def _expire(self, marks: dict[str, str]) -> None:
        # Only this reload's marks: a later reload may have marked a row again.
        for pane in self.panes:
            if pane.marks:
                pane.set_marks({k: v for k, v in pane.marks.items() if marks.get(k) != v})

    def set_stale(self, error: BriefingError | None) -> None:
        """Show (or clear) the banner saying the file is broken and the view stale."""
        self.error = error
        self.set_class(error is not None, "-stale")
        self.query_one(BriefingHeader).set_stale(error is not None)
        if error is None:
            return
        first = error.problems[0]
        more = len(error.problems) - 1
        self.query_one("#banner", Static).update(
            Content.assemble(
                ("⚠ ", "bold $text-error"),
                lit(str(first), "bold"),
                (f"  (+{more} more)" if more else "", ""),
                "\n",
                (
                    "Showing the last good version (stale). Fix the file and save; "
                    "e opens the editor at the problem, r reloads.",
                    "$text-muted",
                ),
            )
        )

    # -- actions ------------------------------------------------------------

    # -- arranging the panes ---------------------------------------------------

    def _arrange(self) -> None:
        """Lay out the panes the briefing has for the terminal's size."""
        size = self.size if self.size.area else self.app.size
        shown = panes_for(present(self.briefing))
        if self._current not in shown:
            self._current = shown[0]
        before = self.arrangement
        a = self.arrangement = arrange(shown, size.width, size.height)
        self.set_class(a.mode == "too-small", "-too-small")
        self.set_class(a.mode == "one-column", "-one-column")
        self.set_class(a.accordion, "-accordion")
        self.set_class(a.collapsed_height == 2, "-tight")
        body = self.query_one("#body").styles
        body.grid_size_columns = a.columns
        body.grid_size_rows = a.rows
        body.grid_columns = a.column_widths
        body.grid_rows = "1fr"
        if a.tabs is not None and self._tab not in a.tabs:
            self._tab = self._current if self._current in a.tabs else a.tabs[0]
        for pane in self.panes:
            name = pane.id or ""
            pane.set_class(name not in a.panes, "-absent")
            pane.set_class(a.tabs is not None and name in a.tabs and name != self._tab, "-inactive")
            pane.set_class(name == self._current, "-current")
            pane.styles.column_span, pane.styles.row_span = a.spans.get(name, (1, 1))
        self._set_titles()
        if self._focus_lost():
            # Back from "too small", or the focused pane went with its section.
            self.call_after_refresh(self._focus_current)
        if before.panes != a.panes or before.mode != a.mode:
            self.refresh_bindings()  # the number keys follow the panes shown

    def _focus_lost(self) -> bool:
        """Whether nothing, or a pane no longer shown, has the focus."""
        if self.arrangement.mode == "too-small":
            return False
        pane = Pane.holding(self.focused)
        return self.focused is None or (pane is not None and (pane.id or "") not in self.arrangement.panes)

    def _focus_current(self) -> None:
        if self._focus_lost():
            self.pane(self._current).list.focus()

    def _set_titles(self) -> None:
        a = self.arrangement
        numbered = {
            name: f"{n} {self.pane(name).title_for(self.briefing)}" for n, name in enumerate(a.panes, 1)
        }
        for name, title in numbered.items():
            self.pane(name).border_title = title
        if a.tabs is not None:
            # One cell, two tabs: the title names both so the other is discoverable.
            first, second = ((numbered[n], "bold" if n == self._tab else "dim") for n in a.tabs)
            both = Content.assemble(first, ("  │  ", "dim"), second)
            for name in a.tabs:
                self.pane(name).border_title = both

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane = Pane.holding(event.widget)
        if pane is not None and pane.id and pane.id != self._current:
            self._current = pane.id
            for each in self.panes:
                each.set_class(each is pane, "-current")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_pane_number":
            number = parameters[0] if parameters else 0
            return isinstance(number, int) and number <= len(self.arrangement.panes)
        return True

    # -- actions ------------------------------------------------------------

    def action_focus_pane_number(self, number: int) -> None:
        """Focus the ``number``-th pane shown (1 is the first)."""
        shown = self.arrangement.panes
        if 1 <= number <= len(shown):
            self.action_focus_pane(shown[number - 1])

    def action_focus_pane(self, name: str) -> None:
        """Focus pane ``name`` (bringing its tab forward); nothing if it is not shown."""
        if name not in self.arrangement.panes:
            return
        tabs = self.arrangement.tabs
        if tabs is not None and name in tabs and name != self._tab:
            self._tab = name
            for other in tabs:
                self.pane(other).set_class(other != name, "-inactive")
            self._set_titles()
        self.pane(name).list.focus()

    def action_maximize_pane(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        if (pane := Pane.holding(self.focused)) is not None:
            self.maximize(pane, container=False)

    def watch_maximized(self, before: Widget | None, after: Widget | None) -> None:
        for pane in (before, after):
            if isinstance(pane, TallyPane):
                pane.set_big(pane is after)

    def jump_to(self, name: str, key: str) -> None:
        """Focus pane ``name`` and select the row whose key is ``key``."""
        self.action_focus_pane(name)
        self.pane(name).select_row(key)

    # -- search and side filter (the finder's) --------------------------------

    async def action_search(self) -> None:
        self.finder.begin_search(self.focused)
        bar = self.finder.bar
        if bar is None:
            # Mounted on first use: the first frame has no need of it.
            from briefing.ui.widgets.search_bar import SearchBar

            bar = self.finder.bar = SearchBar()
            await self.mount(bar)
        bar.open()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.finder.search(event.query)

    def on_search_bar_step(self, event: SearchBar.Step) -> None:
        self.finder.step(event.direction, self.focused)

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        self.finder.clear_search()

    def action_step_match(self, direction: int) -> None:
        self.finder.step(direction, self.focused)

    def action_toggle_hide(self) -> None:
        self.finder.toggle_hide()

    def action_focus_side(self) -> None:
        self.finder.toggle_side(self.focused)

    def action_clear(self) -> None:
        self.finder.clear()

    def on_reload_started(self, event: ReloadStarted) -> None:
        self.finder.pause_indexing()  # it would compete with the reload's parsing

    def on_reload_finished(self, event: ReloadFinished) -> None:
        self.finder.resume_indexing()

    # The screens below, and what they need, are imported on first use: the
    # first frame shows none of them.

    def action_blank(self) -> None:
        from briefing.ui.screens.blank import BlankScreen

        self.app.push_screen(BlankScreen())

    def action_copy_citation(self) -> None:
        quotes = self.pane("quotes").list
        if self.focused is not quotes or not isinstance(quotes.selected, Quote):
            self.notify("Select a quote in the Quotes pane (3) to copy its citation.", severity="warning")
            return
        from briefing.output.citation import cite

        citation = cite(quotes.selected, self.briefing, self.roster)
        self.app.copy_to_clipboard(citation)
        self.notify(visible(citation), title="Citation copied", timeout=4, markup=False)

    def action_present(self) -> None:
        """Present agenda items when the agenda is focused, quotes otherwise."""
        name = "agenda" if self.focused is self.pane("agenda").list else "quotes"
        rows = self.pane(name).list
        if not rows.rows:
            self.notify(f"No {name} to present.", severity="warning")
            return

        from briefing.ui.screens.presenter import PresenterScreen

        def back(index: int | None) -> None:
            if index is not None:
                rows.cursor = index
            rows.focus()

        self.app.push_screen(PresenterScreen(rows.rows, rows.cursor or 0, self.briefing, self.roster), back)

    def action_show_changes(self) -> None:
        from briefing.diff.changes import Changes
        from briefing.ui.screens.changes import ChangesScreen

        self.app.push_screen(ChangesScreen(self.changes or Changes(), self.changes_when))

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        from briefing.ui.screens.detail import DetailScreen

        row = event.row_list.rows[event.index]
        self.app.push_screen(DetailScreen(row, self.briefing, self.roster))

    def selected_path(self) -> tuple[str | int, ...] | None:
        """File path (for the loader) of the item selected in the focused pane."""
        pane = Pane.holding(self.focused)
        if pane is not None and pane.list.cursor is not None and pane.list.rows:
            return pane.row_path(pane.list.cursor)
        return None
