"""Which side to filter to, when the selected item involves several."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.ui.text_content import lit


class SideOptions(OptionList):
    """The sides, with j / k as well as the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class SidePicker(ModalScreen[str | None]):
    """A short list of sides; Enter (or a click) picks one, Esc or q picks none."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", tooltip="Filter to no side"),
    ]

    DEFAULT_CSS = """
    SidePicker {
        align: center middle;
        background: $background 60%;
        & > SideOptions {
            width: auto;
            min-width: 30;
            max-width: 60;
            height: auto;
            max-height: 80%;
            border: round $accent;
            border-title-style: bold;
            padding: 0 1;
        }
    }
    """

    def __init__(self, sides: list[tuple[str, str]]) -> None:
        """``sides``: (delegation id, name) pairs, in the briefing's order."""
        super().__init__()
        self.sides = sides

    def compose(self) -> ComposeResult:
        # Names come from the YAML: literal Content, never markup.
        options = SideOptions(*(Option(lit(name), id=ident) for ident, name in self.sides))
        options.border_title = "Show only the side of"
        options.border_subtitle = "⏎ choose · Esc cancel"
        yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    async def action_dismiss(self, result: str | None = None) -> None:
        self.dismiss(result)
