"""The dashboard: header, banner, the panes the briefing has, footer.

How the panes are laid out and moved between is its base's (pane_layout.py);
its keys are in dashboard_keys.py. Here: showing a briefing and its reloads
(marks, the stale banner), the search's keys, and the screens it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.widgets import Footer

from briefing.loading import BriefingError
from briefing.model import Briefing, Quote, Roster
from briefing.model.text import visible
from briefing.ui.layout import PANE_OF
from briefing.ui.messages import CiteQuote, ReloadFinished, ReloadStarted
from briefing.ui.panes.agenda import AgendaPane
from briefing.ui.panes.base import Pane
from briefing.ui.panes.delegations import DelegationsPane
from briefing.ui.panes.quotes import QuotesPane
from briefing.ui.panes.tally import TallyPane
from briefing.ui.panes.timeline import TimelinePane
from briefing.ui.screens.dashboard_keys import DASHBOARD_BINDINGS
from briefing.ui.screens.finding import Finder
from briefing.ui.screens.pane_layout import PaneLayout
from briefing.ui.widgets.header import BriefingHeader
from briefing.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from briefing.diff.changes import Changes
    from briefing.ui.widgets.search_bar import SearchBar

MARK_SECONDS = 60


class MainScreen(PaneLayout):
    """All panes of one briefing at a glance.

    Search and the side filter live in its ``finder``; the actions here hand
    it what the screen knows (the focus, the search bar).
    """

    BINDINGS: ClassVar[list[BindingType]] = DASHBOARD_BINDINGS

    finder: Finder
    """Search and side filter (made with the panes, in compose)."""

    ALLOW_IN_MAXIMIZED_VIEW = "BriefingHeader, #banner, Footer, SearchBar"
    ESCAPE_TO_MINIMIZE = False  # Esc restores a zoom in its turn (SEARCH_BINDINGS)

    DEFAULT_CSS = """
    MainScreen {
        layout: vertical;
        /* The banner's and the message's own looks are in their classes. */
        & #banner { display: none; }
        &.-stale #banner { display: block; }
        & #body { height: 1fr; layout: grid; }
        & #body > .-absent, & #body > .-inactive { display: none; }
        &.-one-column #body { layout: vertical; }
        &.-accordion #body > Pane, &.-accordion #body > PaneFrame { height: 3; }
        &.-accordion.-tight #body > Pane, &.-accordion.-tight #body > PaneFrame { height: 2; }
        &.-accordion #body > Pane.-current, &.-accordion #body > PaneFrame.-current { height: 1fr; }
        & #too-small { display: none; }
        &.-too-small #too-small { display: block; }
        &.-too-small #body, &.-too-small BriefingHeader, &.-too-small Footer,
        &.-too-small #banner { display: none; }
    }
    """

    def __init__(
        self,
        briefing: Briefing,
        *,
        updated: date | None = None,
        saved: datetime | None = None,
        now: Callable[[], datetime] = datetime.now,
        since: tuple[Briefing, str] | None = None,
    ) -> None:
        """``updated``: when ``briefing`` says it was brought up to date;
        ``saved``: when its file was saved; ``now``: the clock;
        ``since``: an earlier version and its name (``--since REV``): what
        changed since it is marked, and the marks stay until visited."""
        super().__init__()
        self.briefing = briefing
        self._updated = updated
        self._saved = saved
        self._now = now
        self.roster = Roster(briefing)
        self.changes: Changes | None = None
        """What the last reload changed (None before the first reload)."""
        self.changes_when = ""
        self.since = since
        self.error: BriefingError | None = None
        """The problem that makes the view stale, if any."""

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
        # The stale banner and "make the window larger" are mounted when
        # first needed: each widget costs the first frame its styling.
        # One grid for every arrangement: panes are never moved between
        # containers, so each keeps its selection and scroll position.
        body = Container(id="body")
        self._first_arrangement(body, [delegations, agenda, quotes, tally, timeline])
        with body:
            yield delegations
            yield agenda
            yield quotes
            yield tally.frame
            yield timeline
        if self.arrangement.mode == "too-small":
            from briefing.ui.widgets.too_small import too_small

            yield too_small()
        # The palette (Ctrl+P) is in help; its hint would take the room of the mode keys.
        yield Footer(show_command_palette=False)
        yield self.finder
        # The search bar is mounted when first opened (action_search).

    def on_mount(self) -> None:
        self.show(self.briefing, self._updated, self._saved)
        self.pane(self._current).list.focus()
        if self.since is not None:
            self._mark_since(self.briefing, {})
            count = len(self.changes) if self.changes else 0
            said = f"{count} change{'s' if count != 1 else ''} since {self.since[1]}"
            self.notify(visible(said + (" · d lists them" if count else "")), timeout=6, markup=False)

    def on_resize(self) -> None:
        self._arrange()
        self._show_problems()  # how many fit depends on the height

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once it has been opened."""
        return self.finder.bar

    # -- showing briefings --------------------------------------------------

    def show(self, briefing: Briefing, updated: date | None = None, saved: datetime | None = None) -> None:
        """Display ``briefing`` in every pane (``updated``, ``saved`` as for the constructor)."""
        if briefing is not self.briefing:  # the first show reuses __init__'s roster
            self.roster = Roster(briefing)
        self.briefing = briefing
        self.query_one(BriefingHeader).show(briefing, updated, saved)
        for pane in self.panes:
            pane.show(briefing, self.roster)
        self.finder.show(briefing, self.roster)
        self._arrange()

    def update(
        self,
        briefing: Briefing,
        changes: Changes | None = None,
        *,
        updated: date | None = None,
        saved: datetime | None = None,
    ) -> Changes:
        """Show a reloaded briefing, marking what is new or changed.

        ``changes``: the diff from what is shown, if already made (the app
        makes it in the loading thread); ``updated``, ``saved`` as for :meth:`show`.
        """
        if changes is None:
            from briefing.diff.changes import diff

            changes = diff(self.briefing, briefing)
        self.set_stale(None)
        self.show(briefing, updated, saved)
        if changes and self.since is not None:
            self._mark_since(briefing, changes.marked_ids)
        elif changes:
            self.changes = changes
            self.changes_when = self._now().strftime("%H:%M:%S")
            marks = changes.marked_ids
            for pane in self.panes:
                pane.set_marks(dict(marks))
            self.set_timer(MARK_SECONDS, lambda marks=marks: self._expire(marks))
        return changes

    def _mark_since(self, briefing: Briefing, reloaded: dict[str, str]) -> None:
        """Mark what changed since ``self.since`` (at first) and what a reload
        changed (after): marks add up and stay until visited or cleared."""
        from briefing.diff.changes import diff

        assert self.since is not None
        self.changes = diff(self.since[0], briefing)
        self.changes_when = self._now().strftime("%H:%M:%S")
        marks = reloaded or self.changes.marked_ids
        for pane in self.panes:
            pane.set_marks({**pane.marks, **marks})

    def clear_marks(self) -> None:
        for pane in self.panes:
            pane.set_marks({})

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
        from briefing.ui.stale_banner import banner_on, stale_banner  # a stale view is rare

        room = 3 if self.app.size.height >= 30 else 1
        banner_on(self, below=self.query_one(BriefingHeader)).update(stale_banner(self.error.problems, room))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which keys work (and show in the footer) in the focused pane and the mode."""
        if action == "focus_pane_number":  # only the panes shown have numbers
            number = parameters[0] if parameters else 0
            return isinstance(number, int) and number <= len(self.arrangement.panes)
        if self.finder.typing:
            return action == "toggle_hide"  # the other keys type into the query
        finding = self.finder.finding
        searching = finding.searching
        pane = Pane.holding(self.focused)
        if action == "copy_citation":
            return pane is not None and pane.id == "quotes"
        if action == "present":
            return pane is not None and pane.id in ("quotes", "agenda")
        if action in ("step_match", "toggle_hide"):
            return searching
        if action == "maximize_pane":
            return self.maximized is None
        if action == "minimize_pane":
            return self.maximized is not None
        # Esc: the search, then the zoom, then the side filter.
        if action == "clear_search":
            return searching
        if action == "restore_pane":
            return not searching and self.maximized is not None
        if action == "clear_side":
            return not searching and self.maximized is None and finding.side is not None
        return True

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
        self.refresh_bindings()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self.finder.search(event.query)

    def on_search_bar_accepted(self, event: SearchBar.Accepted) -> None:
        self.finder.accept()
        self.refresh_bindings()

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self.finder.cancel()
        self.refresh_bindings()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        if (pane := Pane.holding(event.row_list)) is not None:
            self.finder.moved(pane, event.index)

    def action_step_match(self, direction: int) -> None:
        self.finder.step(direction, self.focused)

    def action_toggle_hide(self) -> None:
        self.finder.toggle_hide()

    def action_focus_side(self) -> None:
        self.finder.toggle_side(self.focused)

    def action_clear_search(self) -> None:
        self.finder.clear_search()

    def action_clear_side(self) -> None:
        self.finder.clear_side()

    def on_reload_started(self, event: ReloadStarted) -> None:
        self.finder.pause_indexing()  # it would compete with the reload's parsing

    def on_reload_finished(self, event: ReloadFinished) -> None:
        self.finder.resume_indexing()

    # The screens below, and what they need, are imported on first use: the
    # first frame shows none of them.

    def action_copy_citation(self) -> None:
        quotes = self.pane("quotes").list
        if self.focused is quotes and isinstance(quotes.selected, Quote):
            self.post_message(CiteQuote(quotes.selected))

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

        def go(target: tuple[str, str] | None) -> None:
            if target is not None and target[0] in PANE_OF:
                self.jump_to(PANE_OF[target[0]], target[1])

        since = self.since[1] if self.since is not None else None
        screen = ChangesScreen(
            self.changes or Changes(),
            self.changes_when,
            since=since,
            clear=self.clear_marks,
            reachable=PANE_OF,
        )
        self.app.push_screen(screen, go)

    def action_show_overview(self) -> None:
        from briefing.ui.screens.detail import DetailScreen

        self.app.push_screen(DetailScreen(self.briefing.meta, self.briefing, self.roster))

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
