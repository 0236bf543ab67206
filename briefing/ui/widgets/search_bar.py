"""The search bar: a query field and the match position, docked above the footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

HISTORY_LIMIT = 50
"""Queries remembered for ↑ / ↓ (for the session only)."""


class SearchBar(Horizontal):
    """Type to search every pane; the selection follows the first match.

    | Key | Action |
    | --- | --- |
    | enter | Accept: close the bar, keep the match selected and highlighted |
    | escape | Cancel: clear the search and put the view back as it was |
    | up / down | Earlier / later queries |
    | ctrl+o | Hide non-matching items instead of dimming them |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "accept",
            "Accept",
            tooltip="Close the bar and go to the match; n / N step on",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Cancel the search and restore the view"),
        Binding("up", "history(-1)", "History", key_display="↑↓", tooltip="Earlier query"),
        Binding("down", "history(1)", "Later query", show=False, tooltip="Later query"),
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

    class Accepted(Message):
        """Enter: keep the search and go to the match."""

    class Cancelled(Message):
        """Esc while typing: drop the search and restore the view."""

    def __init__(self) -> None:
        super().__init__()
        self.history: list[str] = []
        """Accepted queries, oldest first."""
        self._recalled: int | None = None
        """Index in ``history`` shown in the field (None: the user's own text)."""
        self._draft = ""

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

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the bar; the last query stays in the field, selected, so typing replaces it."""
        self.add_class("-open")
        self._recalled = None
        self.input.focus()
        self.input.select_all()

    def hide(self) -> None:
        """Close the bar but keep the query (the search stays on)."""
        self.remove_class("-open")

    def close(self) -> None:
        """Close the bar and empty it (the search is over)."""
        self.remove_class("-open")
        self.input.value = ""
        self.set_count(Content(""))

    def remember(self, query: str) -> None:
        """Add ``query`` to the history (once, as the latest)."""
        query = query.strip()
        if not query:
            return
        if query in self.history:
            self.history.remove(query)
        self.history.append(query)
        del self.history[:-HISTORY_LIMIT]

    def set_count(self, text: Content) -> None:
        self.query_one("#search-count", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        self.remember(self.value)
        self.post_message(self.Accepted())

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())

    def action_history(self, direction: int) -> None:
        """Show the previous (-1) or next (+1) remembered query."""
        if not self.history:
            return
        if self._recalled is None:
            if direction > 0:
                return
            self._draft = self.value
            index: int | None = len(self.history) - 1
        else:
            index = self._recalled + direction
            if index < 0:
                index = 0
            elif index >= len(self.history):
                index = None  # past the newest: back to what was typed
        self._recalled = index
        self.input.value = self._draft if index is None else self.history[index]
        self.input.cursor_position = len(self.input.value)
