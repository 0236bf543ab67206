"""The dashboard: header, banner, five panes, footer.

Narrow terminals show the strike tally and the timeline as two tabs of one
cell (4 and 5 switch); wide ones show both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from briefing.loading import BriefingError
from briefing.model import Briefing, Quote, Roster
from briefing.model.text import visible
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

WIDE_WIDTH = 150
WIDE_HEIGHT = 30
MARK_SECONDS = 60


class MainScreen(Screen[None]):
    """All panes of one briefing at a glance.

    Search and the side filter live in its ``finder``; the actions here hand
    it what the screen knows (the focus, the search bar).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1",
            "focus_pane('delegations')",
            "Delegations",
            show=False,
            tooltip="Go to delegations",
            id="pane-1",
        ),
        Binding("2", "focus_pane('agenda')", "Agenda", show=False, tooltip="Go to agenda", id="pane-2"),
        Binding("3", "focus_pane('quotes')", "Quotes", show=False, tooltip="Go to quotes", id="pane-3"),
        Binding(
            "4", "focus_pane('tally')", "Tally", show=False, tooltip="Go to the strike tally", id="pane-4"
        ),
        Binding(
            "5", "focus_pane('timeline')", "Timeline", show=False, tooltip="Go to the timeline", id="pane-5"
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
            "s",
            "show_source",
            "Source",
            show=False,
            tooltip="Show the selected item in its source text",
            id="source",
        ),
        Binding(
            "p",
            "present",
            "Present",
            tooltip="Presenter view: one quote or agenda item at a time",
            id="present",
        ),
        Binding("b", "blank", "Blank", show=False, tooltip="Blank the screen (any key returns)", id="blank"),
        Binding(
            "exclamation_mark",
            "show_problems",
            "Problems",
            show=False,
            tooltip="List every problem of the broken save",
            id="problems",
        ),
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
            max-height: 5;
            text-wrap: nowrap;
            text-overflow: ellipsis;
            background: $error 25%;
            color: $text;
            border-left: thick $error;
            padding: 0 1;
        }
        &.-stale #banner { display: block; }
        & #body { height: 1fr; }
        & .row { height: 1fr; }
        & #side { width: 1fr; }
        & #side > .-inactive { display: none; }
        &.-wide #side > .-inactive { display: block; }
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
        self._side_tab = "tally"

    def compose(self) -> ComposeResult:
        header = BriefingHeader(now=self._now)
        delegations, agenda = DelegationsPane(id="delegations"), AgendaPane(id="agenda")
        quotes, tally = QuotesPane(id="quotes"), TallyPane(id="tally")
        timeline = TimelinePane(id="timeline", classes="-inactive")
        self.finder = Finder(
            self.briefing,
            self.roster,
            panes=[delegations, agenda, quotes, tally, timeline],
            header=header,
            focus_pane=self.action_focus_pane,
        )
        yield header
        yield Static(id="banner", markup=False)
        with Vertical(id="body"):
            with Horizontal(classes="row"):
                yield delegations
                yield agenda
            with Horizontal(classes="row"):
                yield quotes
                with Vertical(id="side"):
                    yield tally
                    yield timeline
        yield Footer()
        yield self.finder
        # The search bar is mounted when first opened (action_search).

    def on_mount(self) -> None:
        self.show(self.briefing, self._updated)
        self.panes[0].list.focus()

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE_WIDTH and self.size.height >= WIDE_HEIGHT
        self.set_class(wide, "-wide")
        self._update_side_titles()
        self._show_problems()  # how many fit depends on the height

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
        self._show_problems()

    def _show_problems(self) -> None:
        """The banner: the first problems, as many as the height allows, one
        line each; ``!`` lists them all."""
        if self.error is None:
            return
        problems = self.error.problems
        shown = problems[: 3 if self.app.size.height >= 30 else 1]
        more = len(problems) - len(shown)
        lines = [Content.assemble(("⚠ ", "bold $text-error"), lit(str(problem), "bold")) for problem in shown]
        lines.append(
            Content.assemble(
                (f"+{more} more · ! lists all · " if more else "", "bold"),
                (
                    "Showing the last good version (stale): fix the file and save · e edit · r reload",
                    "$text-muted",
                ),
            )
        )
        self.query_one("#banner", Static).update(Content("\n").join(lines))

    # -- actions ------------------------------------------------------------

    def action_focus_pane(self, name: str) -> None:
        if name in ("tally", "timeline"):
            self._show_side(name)
        self.pane(name).list.focus()

    def _show_side(self, name: str) -> None:
        self._side_tab = name
        self.pane("tally").set_class(name != "tally", "-inactive")
        self.pane("timeline").set_class(name != "timeline", "-inactive")
        self._update_side_titles()

    def _update_side_titles(self) -> None:
        tally, timeline = self.pane("tally"), self.pane("timeline")
        if self.has_class("-wide"):
            tally.border_title = "4 Strike tally"
            timeline.border_title = "5 Timeline"
            return
        # One cell, two tabs: the title names both so the other is discoverable.
        on_tally = self._side_tab == "tally"
        title = Content.assemble(
            ("4 Strike tally", "bold" if on_tally else "dim"),
            ("  │  ", "dim"),
            ("5 Timeline", "dim" if on_tally else "bold"),
        )
        tally.border_title = title
        timeline.border_title = title

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

    def action_show_source(self) -> None:
        from briefing.ui.screens.source import show_source

        pane = Pane.holding(self.focused)
        rows = pane.list.rows if pane is not None else []
        cursor = pane.list.cursor if pane is not None else None
        show_source(self, self.briefing, rows[cursor] if rows and cursor is not None else None)

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

    def action_show_problems(self) -> None:
        if self.error is None:
            self.notify("The file is fine: no problems to list.")
            return
        from briefing.ui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.error))

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
