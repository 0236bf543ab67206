"""The rows of a list, virtualised: each as tall as its words need, drawn on demand.

Only the rows on screen are rendered, so a list of 100,000 items costs no
more to open than a list of ten: nothing is measured up front (unlike
OptionList, which wraps every prompt to find its height, or ListView, which
builds a widget per item).

A row is at least ``height`` lines (the list's estimate for rows not yet
seen) and at most the list's visible height, so a long quote is shown whole
when it fits and never hides the rest. A row's real height is learnt when it
is first rendered (row_heights.py keeps them); what was drawn is kept for
the next frame (row_drawing.py). RowList (row_list.py) adds the keys, the
clicks and the messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from briefing.ui.widgets.row_drawing import DrawnRows, fitted_strip, style_parser
from briefing.ui.widgets.row_heights import RowHeights

T = TypeVar("T")

SIZE_DELAY = 0.3
"""Seconds to gather newly measured rows of a long list before its scroll size follows them."""
SIZE_AT_ONCE = 1_000
"""Lists up to this many rows follow every newly measured row at once."""

RowRenderer = Callable[[Any, int, bool], list[Content]]
"""(row, width, compact) -> one Content per line, each fitting ``width``."""


class RowsView(ScrollView, Generic[T]):
    """Rows with a cursor, measured and drawn as they come into view (the base of RowList)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--cursor",
        "row-list--placeholder",
    }

    cursor: reactive[int | None] = reactive[int | None](None, init=False)
    """Index of the selected row, or None when the list is empty."""
    compact: reactive[bool] = reactive(False)
    """Use the short form of each row (set automatically on small screens)."""

    def __init__(
        self,
        render_row: RowRenderer,
        *,
        height: int = 1,
        compact_height: int | None = None,
        least_height: int | None = None,
        placeholder: str = "Nothing here.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._render_row = render_row
        self._full_height = height
        self._compact_height = compact_height or height
        self._least_height = least_height
        """The least height of a full row, when less than ``height`` (the estimate)."""
        self._rows: Sequence[T] = ()
        self.placeholder = placeholder
        """What an empty list says."""
        self._heights = RowHeights(0, height)
        self._geometry: tuple[int, bool, int] = (0, False, 0)
        """(width, compact, max_lines) that the heights were measured for."""
        self._size_pending = False
        self._drawn = DrawnRows()
        self._frame_region: Region | None = None
        """The region rows are drawn in, while a frame is drawn."""

    # -- data ---------------------------------------------------------------

    @property
    def rows(self) -> Sequence[T]:
        return self._rows

    @property
    def row_height(self) -> int:
        """The least height of a row, and the estimate for rows not yet rendered."""
        return self._compact_height if self.compact else self._full_height

    @property
    def max_lines(self) -> int:
        """The most lines a row may take: the visible height of the list."""
        return max(self.row_height, self._view_region().height)

    @property
    def selected(self) -> T | None:
        if self.cursor is None or not self._rows:
            return None
        return self._rows[self.cursor]

    def set_rows(
        self, rows: Sequence[T], *, keep: Callable[[T], bool] | None = None, reuse: bool = False
    ) -> None:
        """Replace the rows; put the cursor on the first row ``keep`` accepts.

        When a kept row is found the scroll position is kept too, so a reload
        does not make the view jump. ``reuse``: the caller knows that a row
        equal to the old row at its index looks the same, so its measured
        height is kept, and when every row is unchanged nothing is redrawn.
        """
        old, self._rows = self._rows, rows
        if reuse and rows and len(old) == len(rows) and all(a == b for a, b in zip(old, rows, strict=True)):
            return
        if reuse and rows:
            self._keep_unchanged(old)
            self.refresh()
        else:
            self._forget_heights()
            self.refresh_rows()
        cursor = None
        found = False
        if rows:
            cursor = 0
            if keep is not None:
                match = next((i for i, row in enumerate(rows) if keep(row)), None)
                found = match is not None
                cursor = match or 0
        self.set_reactive(RowsView.cursor, cursor)
        scroll_y = self.scroll_offset.y
        self._measure_view(scroll_y if found else 0)
        self._update_size()
        if found:
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
            self.call_after_refresh(self._ensure_cursor_visible)
        elif cursor is not None:
            self.scroll_to(y=0, animate=False, immediate=True)

    def _ensure_cursor_visible(self) -> None:
        if self.cursor is None:
            return
        top, height = self._cursor_geometry()
        view = self.scrollable_content_region.height
        if not (self.scroll_offset.y <= top and top + height <= self.scroll_offset.y + view):
            self.scroll_to_cursor()

    def refresh_rows(self) -> None:
        """Forget rendered rows (after their content or styles change)."""
        self._drawn.clear()
        self.refresh()

    def _measure_view(self, top: int) -> None:
        """Measure the rows a view from line ``top`` shows (they are drawn
        next anyway), so the list's size is right from the first frame: sized
        from the estimate, it would grow as the rows are drawn, a scroll bar
        come and go, and the screen be laid out again each time."""
        view = self.scrollable_content_region.height
        if not view or not self._rows:
            return
        index, offset = self._heights.at(top)
        used = -offset
        pending, self._size_pending = self._size_pending, True  # set_rows sizes the list next
        try:
            while index < len(self._rows) and used < view:
                used += self.height_of(index)
                index += 1
        finally:
            self._size_pending = pending

    def forget_rows(self, indices: Iterable[int]) -> None:
        """Draw these rows again (how they look changed), and no others."""
        gone = set(indices)
        if not gone:
            return
        self._drawn.forget(gone)
        self.refresh()

    def _keep_unchanged(self, old: Sequence[T]) -> None:
        """Keep the measured height and drawn lines of each row equal to the
        row at its index in ``old``; forget the others'.

        A reload that changes one item then draws one row again: were all
        heights forgotten, the list's size would drop to the estimate and
        grow back as rows are measured, laying the screen out each time.
        """
        rows = self._rows
        geometry = (self.scrollable_content_region.width, self.compact, self.max_lines)
        if geometry != self._geometry:
            self._forget_heights()
            return
        same: dict[int, bool] = {}

        def unchanged(index: int) -> bool:
            if index not in same:
                same[index] = index < len(rows) and index < len(old) and rows[index] == old[index]
            return same[index]

        kept = {i: h for i, h in self._heights.items() if unchanged(i)}
        drawn = self._drawn.kept(unchanged)
        self._forget_heights()
        self._size_pending = True  # set_rows brings the size up to date itself
        for index, height in kept.items():
            self._set_height(index, height)
        self._size_pending = False
        self._drawn.restore(drawn)

    # -- geometry -----------------------------------------------------------

    def _forget_heights(self) -> None:
        """Forget measured heights (the rows or the room for them changed)."""
        self._heights = RowHeights(len(self._rows), self.row_height)
        self._drawn.clear()  # rendered for other room
        self._geometry = (self.scrollable_content_region.width, self.compact, self.max_lines)

    def _check_geometry(self) -> None:
        geometry = (self._view_region().width, self.compact, self.max_lines)
        if geometry != self._geometry:
            self._forget_heights()

    def _set_height(self, index: int, height: int) -> None:
        if not self._heights.set(index, height):
            return
        if not self._size_pending:
            # Not while a frame is drawn (after it), and for long lists not
            # after every row: a new virtual size lays the screen out again
            # (~90 ms with 100,000 items) and moving down a list measures a
            # row a key. What needs the exact size now (scrolling to a row)
            # asks for it.
            self._size_pending = True
            if len(self._rows) > SIZE_AT_ONCE:
                self.set_timer(SIZE_DELAY, self._update_size)
            else:
                self.call_after_refresh(self._update_size)

    def row_top(self, index: int) -> int:
        """The line at which row ``index`` starts."""
        self._check_geometry()
        return self._heights.top(index)

    def height_of(self, index: int) -> int:
        """The height of row ``index`` (rendering it, if it has not been)."""
        self._check_geometry()
        height = self._heights.get(index)
        if height is None:
            self._lines(index)
            height = self._heights.get(index)
        return self.row_height if height is None else height

    def _update_size(self) -> None:
        self._size_pending = False
        self._check_geometry()
        width = self.scrollable_content_region.width
        total = self._heights.top(len(self._rows))
        self.virtual_size = Size(width, total)

    def on_resize(self, event: events.Resize) -> None:
        self._drawn.clear()
        self._update_size()
        if self.cursor is not None:
            self.scroll_to_cursor(False)
            # Heights are measured again for the new width: look once more
            # when they are known, so the selection stays in view.
            self.call_after_refresh(self._ensure_cursor_visible)

    def watch_compact(self) -> None:
        self._drawn.clear()
        self._update_size()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def _cursor_geometry(self) -> tuple[int, int]:
        """The cursor's row's top and height, once the rows that can share
        the view with it are measured: were they measured only once drawn,
        they could push it out."""
        assert self.cursor is not None
        view = self.scrollable_content_region.height
        above, index = 0, self.cursor - 1
        while index >= 0 and above < view:
            above += self.height_of(index)
            index -= 1
        return self.row_top(self.cursor), self.height_of(self.cursor)

    def scroll_to_cursor(self, animate: bool = False) -> None:
        if self.cursor is None:
            return
        top, height = self._cursor_geometry()
        if top + height > self.virtual_size.height:
            self._update_size()  # the cursor's row was just measured taller
        self.scroll_to_region(
            Region(0, top, self.scrollable_content_region.width, height),
            animate=animate,
            force=True,
            immediate=True,
        )

    # -- rendering ----------------------------------------------------------

    def _view_region(self) -> Region:
        """Where the rows are drawn: looked up once per frame while one is drawn."""
        return self._frame_region or self.scrollable_content_region

    def render_lines(self, crop: Region) -> list[Strip]:
        # Each line needs the region four or five times over; Textual works
        # it out afresh each time (~30% of drawing a line of the first frame).
        self._frame_region = self.scrollable_content_region
        try:
            return super().render_lines(crop)
        finally:
            self._frame_region = None

    def render_line(self, y: int) -> Strip:
        width = self._view_region().width
        if not self._rows:
            if y != 0:
                return Strip.blank(width)
            placeholder_style = self.get_visual_style("row-list--placeholder")
            content = Content(self.placeholder).truncate(width, ellipsis=True)
            return self._strip(content, width, placeholder_style)
        self._check_geometry()
        line = y + int(self.scroll_offset.y)
        index, offset = self._heights.at(line)
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        is_cursor = index == self.cursor
        key = (index, offset, width, is_cursor, self.compact, self.has_focus)
        strip = self._drawn.strip(key)
        if strip is None:
            lines = self._lines(index)
            content = lines[offset] if offset < len(lines) else Content("")
            style = self._cursor_style() if is_cursor else None
            # Muted words on the selection of the focused list (a strong
            # colour) take its text colour; elsewhere they stay muted.
            selected = is_cursor and self.has_focus
            strip = self._strip(content, width, style, selected=selected, meta={"row": index})
            self._drawn.keep_strip(key, strip)
        return strip

    def _cursor_style(self) -> VisualStyle:
        style = self.get_visual_style("row-list--cursor")
        # Textual's visual styles leave out `reverse`, which marks the
        # selection under NO_COLOR (see DEFAULT_CSS).
        if self.get_component_styles("row-list--cursor").text_style.reverse:
            style += VisualStyle(reverse=True)
        return style

    def _lines(self, index: int) -> list[Content]:
        """The lines of row ``index``, rendered once (not once per line) and
        measured."""
        width, compact = self._view_region().width, self.compact
        lines = self._drawn.lines(index, width, compact)
        if lines is None:
            lines = self._render_row(self._rows[index], width, compact)[: self.max_lines]
            self._drawn.keep_lines(index, width, compact, lines)
        # Also for cached lines: heights may have been forgotten since.
        least = self.row_height if self._least_height is None else min(self._least_height, self.row_height)
        self._set_height(index, max(least, len(lines)))
        return lines

    def _strip(
        self,
        content: Content,
        width: int,
        style: Any,
        *,
        selected: bool = False,
        meta: dict[str, Any] | None = None,
    ) -> Strip:
        base = self.visual_style if style is None else self.visual_style + style
        return fitted_strip(
            content, width, base, style_parser(self, selected=selected), readable=selected, meta=meta
        )

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self._drawn.clear()
        self.refresh()
        if new is not None:
            self.scroll_to_cursor()

    def on_focus(self) -> None:
        self._drawn.clear()

    def on_blur(self) -> None:
        self._drawn.clear()
