"""What every pane shares: a RowList in a titled frame.

A pane is its list (one widget, framed by its own border), not a container
around one: each widget on the dashboard costs the first frame its
mounting, styling and layout (~6 M instructions a container), and five
panes made ten widgets. The tally, which shows a caption and, maximised,
large figures above its rows, sits in a frame of its own (``frame``).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection, Sequence
from typing import Any, ClassVar

import msgspec
from textual import events
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget

from briefing.model import Briefing, Roster
from briefing.model.items import present
from briefing.model.text import visible
from briefing.ui.text_content import lit
from briefing.ui.widgets.row_list import RowList

Spans = Callable[[str, str], Sequence[tuple[int, int]]]
"""(row key, field) -> matched character ranges in that field's text."""
MATCH_STYLE = "bold reverse"


# A Struct rather than a dataclass: every start defines it, and a
# dataclass takes ~1 ms to define (a Struct ~0.03 ms).
class Lens(msgspec.Struct, frozen=True):
    """How a pane is narrowed: to one side, and by a search."""

    side: Collection[str] | None = None
    """Keys of the rows related to the side being focused on (None: all)."""
    matches: Collection[str] | None = None
    """Keys of the rows matching the search (None: no search)."""
    spans: Spans | None = None
    hide: bool = False
    """Hide rows that don't match instead of dimming them."""
    count: int = 0
    """How many of this pane's rows match (shown in the frame)."""
    place: str = ""
    """The selected match's place among all matches ("3/12"), in the pane that has it."""


COMPACT_BELOW = 14
"""Panes shorter than this many lines switch their rows to the short form."""


def _framed(selector: str, *, focused: str) -> str:
    """The look of a pane's frame, for ``selector`` (a Pane, or the frame of
    a pane that shows more than rows), brighter when ``focused`` applies."""
    return f"""
    {selector} {{
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-title-style: bold;
        height: 1fr;
        padding: 0 1;
        &{focused} {{
            border: round $accent;
            border-title-color: $text;
        }}
        &:nocolor{focused} {{  /* NO_COLOR: a heavy frame, its title reversed */
            border: heavy $accent;
            border-title-style: bold reverse;
        }}
    }}
    """


class Pane(RowList[Any]):
    """A bordered list of briefing items."""

    ALLOW_MAXIMIZE = True
    TITLE: ClassVar[str] = ""
    ROW_HEIGHT: ClassVar[int] = 1
    COMPACT_ROW_HEIGHT: ClassVar[int | None] = None
    LEAST_ROW_HEIGHT: ClassVar[int | None] = None
    """Rows may be this short, though most take ROW_HEIGHT (the estimate)."""
    PLACEHOLDER: ClassVar[str] = "Nothing in this briefing."

    DEFAULT_CSS = _framed("Pane", focused=":focus")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            self._render_marked,
            height=self.ROW_HEIGHT,
            compact_height=self.COMPACT_ROW_HEIGHT,
            least_height=self.LEAST_ROW_HEIGHT,
            placeholder=self.PLACEHOLDER,
            id=id,
            classes=classes,
        )
        self.frame.border_title = self.TITLE  # the screen numbers it once it is placed
        self.briefing: Briefing | None = None
        self.roster: Roster | None = None
        self.marks: dict[str, str] = {}
        """Row keys marked "new" or "changed" by the last reload."""
        self.all_rows: Sequence[Any] = ()
        self._row_keys: tuple[Sequence[Any], frozenset[str]] | None = None
        self.lens = Lens()

    @property
    def list(self) -> RowList[Any]:
        """The pane's rows: the pane itself."""
        return self

    @property
    def frame(self) -> Widget:
        """The widget that is the pane's cell on the dashboard: it has the
        border, the title, the arrangement's classes, and is what a zoom
        maximises (the pane itself, but for the tally)."""
        return self

    def on_resize(self, event: events.Resize) -> None:
        # RowsView's own on_resize runs too: Textual calls each class's handler.
        self.compact = self.frame.size.height < COMPACT_BELOW

    def show(self, briefing: Briefing, roster: Roster) -> None:
        """Display ``briefing`` (keeps the selection when its item still exists)."""
        # A reload: rows equal to the ones shown keep their drawing when
        # nothing else they are drawn from has changed.
        reuse = self.briefing is not None and self.drawn_alike(self.briefing, briefing)
        self.briefing = briefing
        self.roster = roster
        self.all_rows = self.build_rows(briefing, roster)
        self._apply(reuse=reuse)

    def set_lens(self, lens: Lens) -> None:
        """Narrow (or widen) what the pane shows; the selection is kept if visible."""
        narrowing_changed = (lens.side, lens.hide and lens.matches) != (
            self.lens.side,
            self.lens.hide and self.lens.matches,
        )
        self.lens = lens
        if narrowing_changed:
            self._apply()
        else:
            self.list.refresh_rows()
            self.frame.border_subtitle = self.subtitle(self.list.rows)

    def _apply(self, reuse: bool = False) -> None:
        rows = self.all_rows
        lens = self.lens
        if lens.side is not None:
            rows = [row for row in rows if self.row_key(row) in lens.side]
        if lens.hide and lens.matches is not None:
            rows = [row for row in rows if self.row_key(row) in lens.matches]
        selected = self.list.selected
        old_key = self.row_key(selected) if selected is not None else None
        self.list.placeholder = self.PLACEHOLDER
        if self.briefing is not None and not present(self.briefing):
            # The one pane of a briefing with nothing but its meta: point to where that is.
            self.list.placeholder = "Nothing here yet but the meeting itself: i shows its overview."
        if not rows and self.all_rows:
            # Narrowed to nothing: say so, not that the briefing has none.
            hiding = lens.hide and lens.matches is not None
            self.list.placeholder = "No matches." if hiding else "Nothing of this side."
        self.list.set_rows(
            rows, keep=(lambda row: self.row_key(row) == old_key) if old_key else None, reuse=reuse
        )
        subtitle = self.subtitle(rows)
        if subtitle != self.frame.border_subtitle:
            self.frame.border_subtitle = subtitle

    @staticmethod
    def holding(widget: Widget | None) -> Pane | None:
        """``widget`` if it is a pane (None for any other widget)."""
        return widget if isinstance(widget, Pane) else None

    def select_row(self, key: str) -> None:
        """Put the cursor on the shown row whose key is ``key``, if there is one."""
        for index, row in enumerate(self.list.rows):
            if self.row_key(row) == key:
                self.list.cursor = index
                return

    def is_match(self, row: Any) -> bool:
        matches = self.lens.matches
        return matches is None or self.row_key(row) in matches

    def text(self, value: str, row: Any, field: str, style: str = "") -> Content:
        """``value`` as literal Content, with the search's matches highlighted."""
        content = lit(value, style)
        spans = self.lens.spans
        if spans is None or self.lens.matches is None:
            return content
        # Offsets refer to the raw text; skip if making it visible moved them.
        if visible(value) != value:
            return content
        for start, end in spans(self.row_key(row), field):
            content = content.stylize(MATCH_STYLE, start, end)
        return content

    def first_hit(self, key: str, field: str) -> int | None:
        """Offset of the first search hit in ``field`` of the row ``key``, if
        that row is a match: where a cut text must show its words."""
        spans = self.lens.spans
        if spans is None or self.lens.matches is None or key not in self.lens.matches:
            return None
        hits = spans(key, field)
        return hits[0][0] if hits else None

    def _render_marked(self, row: Any, width: int, compact: bool) -> builtins.list[Content]:
        mark = self.marks.get(self.row_key(row)) if self.marks else None
        if not self.is_match(row):
            return [line.stylize("dim") for line in self.render_row(row, width, compact)]
        if mark is None:
            return self.render_row(row, width, compact)
        lines = self.render_row(row, width - 2, compact)
        badge = Content.styled("✚ " if mark == "new" else "● ", "bold $text-warning")
        return [badge + lines[0], *(Content("  ") + line for line in lines[1:])]

    def set_marks(self, marks: dict[str, str]) -> None:
        """Mark new and changed rows (keys not in this pane are ignored)."""
        # Only this pane's: a reload that marks a quote redraws only quotes.
        mine = {key: mark for key, mark in marks.items() if key in self.row_keys} if marks else {}
        if mine == self.marks:
            return
        changed = {key for key in mine.keys() | self.marks.keys() if mine.get(key) != self.marks.get(key)}
        self.marks = mine
        self.list.forget_rows(i for i, row in enumerate(self.list.rows) if self.row_key(row) in changed)

    @property
    def row_keys(self) -> frozenset[str]:
        """The keys of every row of the briefing shown (not only the visible ones)."""
        if self._row_keys is None or self._row_keys[0] is not self.all_rows:
            self._row_keys = (self.all_rows, frozenset(self.row_key(row) for row in self.all_rows))
        return self._row_keys[1]

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        # A marked row stops being news once someone has looked at it.
        if self.marks:
            key = self.row_key(event.row_list.rows[event.index])
            if self.marks.pop(key, None) is not None:
                self.list.forget_rows([event.index])

    SECTION: ClassVar[tuple[str, ...]] = ()
    """Path of this pane's list in the file, e.g. ("quotes",)."""

    def row_path(self, index: int) -> tuple[str | int, ...]:
        """Where row ``index`` sits in the briefing file, as a loader path."""
        return (*self.SECTION, index)

    def subtitle(self, rows: Sequence[Any]) -> str:
        if self.lens.matches is not None:
            count = self.lens.count
            matches = f"{count:,} match" + ("" if count == 1 else "es")
            return f"{self.lens.place} · {matches}" if self.lens.place else matches
        return self.summary(rows)

    def summary(self, rows: Sequence[Any]) -> str:
        """What the frame says about the rows when no search is active."""
        return f"{len(rows):,}" if rows else ""

    def drawn_alike(self, old: Briefing, new: Briefing) -> bool:
        """Whether an unchanged row of ``old`` is drawn the same in ``new``:
        rows show names and sides from the delegations."""
        return old.delegations == new.delegations

    def title_for(self, briefing: Briefing) -> str:
        """The pane's name in its frame (without its number)."""
        return self.TITLE

    # Subclasses fill these in.

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[Any]:
        raise NotImplementedError

    def render_row(self, row: Any, width: int, compact: bool) -> builtins.list[Content]:
        raise NotImplementedError

    def row_key(self, row: Any) -> str:
        return getattr(row, "id", str(row))


class PaneFrame(Vertical):
    """The frame of a pane that shows more than its rows (the tally's caption
    and large figures): the border and the cell are the frame's."""

    ALLOW_MAXIMIZE = True
    # Its pane is inside the frame's border: the pane draws none of its own.
    DEFAULT_CSS = (
        _framed("PaneFrame", focused=":focus-within")
        + """
    PaneFrame > Pane, PaneFrame > Pane:focus, PaneFrame > Pane:nocolor:focus {
        border: none; padding: 0; height: 1fr;
    }
    """
    )

    def __init__(self, pane: Pane, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pane = pane
