"""What RowList has drawn, kept for the next frame, and how a row's line becomes a strip."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.content import Content
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

from briefing.ui.text_content import drawn_style
from briefing.ui.themes.colours import contrast

MIN_TEXT_CONTRAST = 3.0
"""What a selected row's words must reach against its background (WCAG's large-text minimum)."""

StripKey = tuple[int, int, int, bool, bool, bool]
"""(row, line within it, width, is the cursor's row, compact, list has focus)."""


class DrawnRows:
    """Strips per (row, line, ...) and, apart, each row's rendered lines.

    One cache for both, so whatever clears it (a new width, style or
    cursor) forgets the lines with the strips made from them.
    """

    def __init__(self, size: int = 1024) -> None:
        self._cache: LRUCache[tuple[Any, ...], Any] = LRUCache(size)

    def strip(self, key: StripKey) -> Strip | None:
        return self._cache.get(key)

    def keep_strip(self, key: StripKey, strip: Strip) -> None:
        self._cache[key] = strip

    def lines(self, index: int, width: int, compact: bool) -> list[Content] | None:
        """Row ``index``'s lines as rendered for ``width`` and ``compact``, if they were."""
        return self._cache.get(("lines", index, width, compact))

    def keep_lines(self, index: int, width: int, compact: bool, lines: list[Content]) -> None:
        self._cache[("lines", index, width, compact)] = lines

    def clear(self) -> None:
        self._cache.clear()

    def forget(self, rows: Collection[int]) -> None:
        """Forget what was drawn of ``rows``, and nothing else."""
        for key in list(self._cache.keys()):
            if _row_of(key) in rows:
                self._cache.discard(key)

    def kept(self, keep: Callable[[int], bool]) -> list[tuple[tuple[Any, ...], Any]]:
        """What was drawn of the rows ``keep`` accepts, to :meth:`restore` after a clear."""
        return [(key, self._cache.get(key)) for key in self._cache.keys() if keep(_row_of(key))]

    def restore(self, entries: list[tuple[tuple[Any, ...], Any]]) -> None:
        for key, value in entries:
            self._cache[key] = value


def _row_of(key: tuple[Any, ...]) -> int:
    """The row index of a cache key (a strip's, or a row's lines')."""
    return int(key[1] if key[0] == "lines" else key[0])


def style_parser(widget: Widget, *, selected: bool = False) -> Callable[[str | VisualStyle], VisualStyle]:
    """How ``widget`` reads the styles of what it draws itself: muted text in
    the theme's own muted colour, over the background it lands on; on a
    ``selected`` row in the selection's text colour (muted over a strong
    colour is too faint to read on a projector)."""
    muted = "" if selected else getattr(widget.app, "muted_text", "auto 60%")
    get_style = widget._get_style  # Textual's parser for Content styles, as Static uses
    return lambda style: get_style(drawn_style(style, muted))


def fitted_strip(
    content: Content,
    width: int,
    base: VisualStyle,
    parse_style: Callable[[str | VisualStyle], VisualStyle],
    *,
    readable: bool = False,
    meta: dict[str, Any] | None = None,
) -> Strip:
    """One line of a row, already fitted to ``width``, as a strip ``width`` cells wide.

    ``readable``: words whose colour does not stand out from the background
    (3:1) take ``base``'s text colour instead (a selection's strong colour
    swallowed a blue status on a blue bar: 1.3-1.7:1). ``meta``: added to
    every cell (which row a click lands on).
    """
    # Rows arrive as single lines already fitted to the width, so the
    # general path (Visual.to_strips: wrapping, alignment, selection and
    # link passes) has nothing to do: styling the spans is all (~2x faster).
    # Each span's style already has ``base`` under it (Content.render).
    # One Strip is built, not four (padded, cropped, with meta): ~3 ms of
    # the first frame.
    spans = content.render(base, end="", parse_style=parse_style)
    if readable:
        styles = [(text, _readable(style, base).rich_style) for text, style in spans if text]
    else:
        styles = [(text, style.rich_style) for text, style in spans if text]
    length = content.cell_length
    if length < width:
        styles.append((" " * (width - length), base.rich_style))
    if meta:
        extra = RichStyle.from_meta(meta)
        segments = [Segment(text, style + extra) for text, style in styles]
    else:
        segments = [Segment(text, style) for text, style in styles]
    strip = Strip(segments, max(length, width))
    return strip.crop(0, width) if length > width else strip


def _readable(style: VisualStyle, base: VisualStyle) -> VisualStyle:
    back, fore = style.background, style.foreground
    if back is None or fore is None or base.foreground is None or fore == base.foreground:
        return style
    back = back.clamped
    if contrast(back + fore, back) >= MIN_TEXT_CONTRAST:
        return style
    return style + VisualStyle(foreground=base.foreground)
