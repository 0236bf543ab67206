"""What every pane shares: a titled frame around one RowList."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from briefing.format import Briefing, Roster
from briefing.ui.widgets.row_list import RowList

COMPACT_BELOW = 14
"""Panes shorter than this many lines switch their rows to the short form."""


class Pane(Vertical):
    """A bordered pane holding a list of briefing items."""

    ALLOW_MAXIMIZE = True
    TITLE: ClassVar[str] = ""
    KEY: ClassVar[str] = ""
    ROW_HEIGHT: ClassVar[int] = 1
    COMPACT_ROW_HEIGHT: ClassVar[int | None] = None
    PLACEHOLDER: ClassVar[str] = "Nothing in this briefing."

    DEFAULT_CSS = """
    Pane {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-title-style: bold;
        height: 1fr;
        padding: 0 1;
        &:focus-within {
            border: round $accent;
            border-title-color: $text;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = f"{self.KEY} {self.TITLE}" if self.KEY else self.TITLE
        self.briefing: Briefing | None = None
        self.roster: Roster | None = None
        self.marks: dict[str, str] = {}
        """Row keys marked "new" or "changed" by the last reload."""
        self.list: RowList[Any] = RowList(
            self._render_marked,
            height=self.ROW_HEIGHT,
            compact_height=self.COMPACT_ROW_HEIGHT,
            placeholder=self.PLACEHOLDER,
        )

    def compose(self) -> ComposeResult:
        yield self.list

    def on_resize(self) -> None:
        self.list.compact = self.size.height < COMPACT_BELOW

    def show(self, briefing: Briefing, roster: Roster) -> None:
        """Display ``briefing`` (keeps the selection when its item still exists)."""
        self.briefing = briefing
        self.roster = roster
        selected = self.list.selected
        old_key = self.row_key(selected) if selected is not None else None
        rows = self.build_rows(briefing, roster)
        self.list.set_rows(
            rows, keep=(lambda row: self.row_key(row) == old_key) if old_key else None
        )
        self.border_subtitle = self.subtitle(rows)

    def _render_marked(self, row: Any, width: int, compact: bool) -> list[Content]:
        mark = self.marks.get(self.row_key(row)) if self.marks else None
        if mark is None:
            return self.render_row(row, width, compact)
        lines = self.render_row(row, width - 2, compact)
        badge = Content.styled("✚ " if mark == "new" else "● ", "bold $text-warning")
        return [badge + lines[0], *(Content("  ") + line for line in lines[1:])]

    def set_marks(self, marks: dict[str, str]) -> None:
        """Mark new and changed rows (keys not in this pane are ignored)."""
        self.marks = marks
        self.list.refresh_rows()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        # A marked row stops being news once someone has looked at it.
        if self.marks:
            key = self.row_key(event.row_list.rows[event.index])
            if self.marks.pop(key, None) is not None:
                self.list.refresh_rows()

    SECTION: ClassVar[tuple[str, ...]] = ()
    """Path of this pane's list in the file, e.g. ("quotes",)."""

    def row_path(self, index: int) -> tuple[str | int, ...]:
        """Where row ``index`` sits in the briefing file, as a loader path."""
        return (*self.SECTION, index)

    def subtitle(self, rows: Sequence[Any]) -> str:
        return f"{len(rows):,}" if rows else ""

    # Subclasses fill these in.

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[Any]:
        raise NotImplementedError

    def render_row(self, row: Any, width: int, compact: bool) -> list[Content]:
        raise NotImplementedError

    def row_key(self, row: Any) -> str:
        return getattr(row, "id", str(row))
