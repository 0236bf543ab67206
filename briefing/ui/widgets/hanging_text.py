"""Text whose labelled lines wrap under their value, not under their label.

The detail view and the help screen are two columns in one piece of text: a
label ("Rate", "ctrl+o") and its value. Wrapped by Textual, a long value's
next line starts at the left edge, under the labels; wrapped here, at the
width the widget is given, it starts under the value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


class Hang(NamedTuple):
    """One labelled line: ``body`` wraps in the column after ``head``."""

    head: Content
    body: Content


Line = Content | Hang


def hang(lines: Sequence[Line], width: int) -> Content:
    """``lines`` as one Content for ``width`` cells (labelled lines wrapped under their value)."""
    out: list[Content] = []
    for line in lines:
        if not isinstance(line, Hang):
            out.append(line)
            continue
        indent = line.head.cell_length
        room = width - indent
        if room < 12:  # too narrow for two columns: wrap as one
            out.append(line.head + line.body)
            continue
        wrapped = line.body.wrap(room) or [Content("")]
        out.append(line.head + wrapped[0])
        out += [Content(" " * indent) + more for more in wrapped[1:]]
    return Content("\n").join(out)


class HangingText(Widget):
    """Lines of text, some labelled: see :func:`hang`."""

    DEFAULT_CSS = """
    HangingText { height: auto; }
    """

    def __init__(self, lines: Sequence[Line], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = list(lines)

    def update(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        self.refresh(layout=True)

    def content_at(self, width: int) -> Content:
        """What is shown at ``width`` cells (before Textual's own wrapping, which then has nothing to do)."""
        return hang(self.lines, width)

    def render(self) -> Content:
        return self.content_at(self.content_region.width)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((line.cell_length for line in hang(self.lines, 1 << 16).split("\n")), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.content_at(width).wrap(width)) if width > 0 else 0
