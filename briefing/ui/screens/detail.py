"""One item in full: every field, plus what else in the briefing relates to it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from briefing.model import Briefing, Roster
from briefing.ui.screens.card import CardScreen
from briefing.ui.screens.detail_body import describe
from briefing.ui.text_content import lit


class DetailScreen(CardScreen):
    """A scrollable card over the dashboard; Esc returns to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Back", tooltip="Back to the dashboard", id="back"),
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding(
            "s", "show_source", "Source", tooltip="Show the passage in its source text", id="detail-source"
        ),
    ]

    DEFAULT_CSS = """
    DetailScreen {
        & > .card { width: 90%; max-width: 100; }
        & > Footer { dock: bottom; }
    }
    """

    def __init__(self, item: object, briefing: Briefing, roster: Roster) -> None:
        super().__init__()
        self.item = item
        self.briefing = briefing
        self.title_text, self.lines = describe(item, briefing, roster)

    def compose(self) -> ComposeResult:
        card = VerticalScroll(id="detail-card", classes="card")
        card.border_title = lit(self.title_text)
        card.border_subtitle = "Esc back"
        with card:
            yield Static(Content("\n").join(self.lines), markup=False, id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-card").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_source":  # only items that can have a source
            from briefing.model.items import kind_of
            from briefing.model.sourcing import SOURCED

            return kind_of(self.item) in SOURCED
        return True

    def action_show_source(self) -> None:
        from briefing.ui.screens.source import show_source

        show_source(self, self.briefing, self.item)

    def action_scroll_down(self) -> None:
        self.query_one("#detail-card", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#detail-card", VerticalScroll).scroll_up()
