"""An item's report, scrolled to the item's passage with the passage highlighted.

The text is shown read-only in a TextArea (it draws only the lines on
screen, so a long report opens at once), with the passage selected. The
report's text is data: control characters are made visible piece by piece
(before, passage, after), so the highlight stays on the passage's words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from briefing.model import Briefing
from briefing.model.items import kind_of
from briefing.model.sourcing import SOURCED, describe
from briefing.model.text import visible
from briefing.sources.passages import Located, locate
from briefing.sources.verify import Library
from briefing.ui.screens.card import CardScreen
from briefing.ui.text_content import lit


def _shown(text: str) -> str:
    return visible(text.replace("\r\n", "\n"), multiline=True)


def _end_of(text: str, start: tuple[int, int]) -> tuple[int, int]:
    """The (row, column) after ``text`` written from ``start``."""
    lines = text.split("\n")
    if len(lines) == 1:
        return start[0], start[1] + len(text)
    return start[0] + len(lines) - 1, len(lines[-1])


def status_line(found: Located) -> Content:
    """One line on what the view shows: found verbatim, closest, or why nothing."""
    if found.text is None:
        return lit(found.problem or "no text to show", "bold $error")
    passage = found.passage
    if passage is None:
        return lit(f"Nothing like {found.what} in {found.file}.", "bold $warning")
    if passage.exact:
        return lit(f"Highlighted: {found.what}, found verbatim in {found.file}.", "bold $success")
    return lit(
        f"Not found verbatim in {found.file}; the closest passage is highlighted "
        f"({passage.ratio:.0%} alike).",
        "bold $warning",
    )


class SourceScreen(CardScreen):
    """The report an item comes from; Esc returns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,s", "dismiss", "Back", tooltip="Back to the dashboard", id="close-source"),
    ]

    DEFAULT_CSS = """
    SourceScreen {
        & > .card { width: 95%; max-width: 110; height: 90%; padding: 0 1; }
        & #source-status { height: auto; margin-bottom: 1; }
        & #source-text { height: 1fr; border: none; padding: 0; }
        & > Footer { dock: bottom; }
    }
    """

    def __init__(self, found: Located, again: Callable[[], Located | None] | None = None) -> None:
        super().__init__()
        self.again = again
        """Looks the passage up again (in the text as it is now on disk)."""
        self._take(found)

    def _take(self, found: Located) -> None:
        self.found = found
        text = found.text or ""
        passage = found.passage
        if passage is None:
            self.text = _shown(text)
            self.selection: Selection | None = None
        else:
            before = _shown(text[: passage.start])
            middle = _shown(text[passage.start : passage.end])
            self.text = before + middle + _shown(text[passage.end :])
            start = _end_of(before, (0, 0))
            self.selection = Selection(start, _end_of(middle, start))

    def reread(self) -> None:
        """Show the text as it is now on disk (its file changed)."""
        if not self.query("#source-status"):
            # Still being composed (a change can arrive just as it opens).
            self.call_after_refresh(self.reread)
            return
        found = self.again() if self.again is not None else None
        if found is None:
            return
        self._take(found)
        self.query_one("#source-status", Static).update(status_line(found))
        area = self.query_one("#source-text", TextArea)
        area.load_text(self.text)
        area.display = found.text is not None
        self._select()

    def compose(self) -> ComposeResult:
        card = Vertical(id="source-card", classes="card")
        card.border_title = lit(describe(self.found.report))
        card.border_subtitle = "Esc back"
        with card:
            yield Static(status_line(self.found), markup=False, id="source-status")
            area = TextArea(
                self.text,
                read_only=True,
                soft_wrap=True,
                show_cursor=False,
                highlight_cursor_line=False,
                id="source-text",
            )
            area.display = self.found.text is not None
            yield area
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#source-text", TextArea).focus()
        self._select()

    def _select(self) -> None:
        area = self.query_one("#source-text", TextArea)
        if self.selection is not None:
            # The cursor at the passage's start, so scrolling shows its beginning.
            area.selection = Selection(self.selection.end, self.selection.start)
            self.call_after_refresh(area.scroll_cursor_visible, center=True, animate=False)

    @property
    def passage_text(self) -> str:
        """The highlighted text as shown (for tests)."""
        return self.query_one("#source-text", TextArea).selected_text


def show_source(screen: Screen[Any], briefing: Briefing, item: object) -> None:
    """Open the source view of ``item`` (a row of a pane), or say why not."""
    kind = kind_of(item)
    if kind is None or kind not in SOURCED:
        screen.notify("Select a quote, agenda item, figure or event to see its source.", severity="warning")
        return
    owner = briefing.strikes if kind == "count" else None
    folder = getattr(screen.app, "path", Path("briefing.yaml")).parent

    def again() -> Located | None:
        return locate(Library(briefing, folder), kind, item, owner)

    found = again()
    if found is None:
        screen.notify(
            "This item names no source (and the briefing has no single source).", severity="warning"
        )
        return
    screen.app.push_screen(SourceScreen(found, again))


__all__ = ["SourceScreen", "show_source", "status_line"]
