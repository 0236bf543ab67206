"""The dashboard: header, four panes, footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer

from briefing.format import Briefing, Roster
from briefing.ui.panes.agenda import AgendaPane
from briefing.ui.panes.base import Pane
from briefing.ui.panes.delegations import DelegationsPane
from briefing.ui.panes.quotes import QuotesPane
from briefing.ui.panes.tally import TallyPane
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.widgets.header import BriefingHeader
from briefing.ui.widgets.row_list import RowList

PANES: tuple[type[Pane], ...] = (DelegationsPane, AgendaPane, QuotesPane, TallyPane)


class MainScreen(Screen[None]):
    """All panes of one briefing at a glance."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "focus_pane(0)", "Delegations", show=False, tooltip="Go to delegations", id="pane-1"),
        Binding("2", "focus_pane(1)", "Agenda", show=False, tooltip="Go to agenda", id="pane-2"),
        Binding("3", "focus_pane(2)", "Quotes", show=False, tooltip="Go to quotes", id="pane-3"),
        Binding("4", "focus_pane(3)", "Tally", show=False, tooltip="Go to strike tally", id="pane-4"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
    ]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.roster = Roster(briefing)

    def compose(self) -> ComposeResult:
        yield BriefingHeader()
        with Grid(id="panes"):
            for pane in PANES:
                yield pane(id=pane.__name__.removesuffix("Pane").lower())
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.briefing)
        self.panes[0].list.focus()

    @property
    def panes(self) -> list[Pane]:
        return list(self.query(Pane))

    def show(self, briefing: Briefing) -> None:
        """Display ``briefing`` in every pane."""
        self.briefing = briefing
        self.roster = Roster(briefing)
        self.query_one(BriefingHeader).show(briefing)
        for pane in self.panes:
            pane.show(briefing, self.roster)

    def action_focus_pane(self, index: int) -> None:
        panes = self.panes
        if 0 <= index < len(panes):
            panes[index].list.focus()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        row = event.row_list.rows[event.index]
        self.app.push_screen(DetailScreen(row, self.briefing, self.roster))
