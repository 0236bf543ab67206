"""The search bar: a query field and the match count, docked above the footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """Type to search every pane; Enter jumps to the next match.

    | Key | Action |
    | --- | --- |
    | enter | Next match (focus moves to it) |
    | shift+enter | Previous match |
    | escape | Clear the search and restore the view |
    | ctrl+o | Hide non-matching items instead of dimming them |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Next match", show=False),
        Binding("shift+enter", "previous", "Previous match", show=False),
        Binding("escape", "close", "Clear search", show=False),
    ]

    DEFAULT_CSS = """
    SearchBar {
        dock: bottom;
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > #search-label { width: auto; padding: 0 1; color: $text-accent; text-style: bold; }
        & > Input {
            width: 1fr;
            height: 1;
            border: none;
            padding: 0;
            background: $panel;
            &:focus { border: none; background: $panel; }
        }
        & > #search-count { width: auto; padding: 0 1; color: $text-muted; }
    }
    """

    class Changed(Message):
        """The query changed (on every keystroke)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Step(Message):
        """Move to the next (+1) or previous (-1) match."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    class Closed(Message):
        """The search was cleared."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-label")
        yield Input(
            placeholder='search names, quotes, agenda… ("phrase" for exact words)',
            id="search-input",
            select_on_focus=False,
        )
        yield Static(id="search-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def open(self) -> None:
        self.add_class("-open")
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.input.value = ""
        self.set_count(Content(""))

    def set_count(self, text: Content) -> None:
        self.query_one("#search-count", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_next(self) -> None:
        self.post_message(self.Step(1))

    def action_previous(self) -> None:
        self.post_message(self.Step(-1))

    def action_close(self) -> None:
        self.post_message(self.Closed())
