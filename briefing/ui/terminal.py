"""What the terminal can show: how many colours, whether colour at all, which characters.

Three facts about the terminal, each found once at start-up:

- **16 colours** (``TERM=xterm``, ``TERM=linux``; Rich's detection, which
  Textual uses to write colours): the themes take their 16-colour form
  (:mod:`briefing.ui.themes.ansi`) instead of the nearest of 16 colours.
- **NO_COLOR** set: no colour at all reaches the terminal. Textual's own
  answer to NO_COLOR turns colours into greys (still colour codes); here
  they are dropped, and bold, reverse and underline carry focus, selection
  and marks (the ``:nocolor`` rules in the panes' CSS).
- **An encoding without box drawing** (``LC_ALL=C``): every character the
  encoding lacks is drawn as its ASCII stand-in of the same width
  (:mod:`briefing.output.glyphs`), frames and text from the briefing alike,
  instead of Python's ``\\u256d`` escapes.

Textual applies line filters to everything it draws, its own widgets
included; :meth:`Terminal.line_filters` is what ``App.get_line_filters``
returns. (Textual's filter module is public but "used internally"; this is
the one place that touches it.)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual.filter import LineFilter, Monochrome, NoColor

from briefing.output.glyphs import UI_SAMPLE, can_encode, for_encoding

if TYPE_CHECKING:
    from textual.app import App
    from textual.color import Color

SIXTEEN_COLOUR_SYSTEMS = ("standard", "windows")
"""Rich's names for terminals with the 16 standard colours."""


def output_encoding() -> str | None:
    """The encoding of what Textual writes to (its drivers write to stderr)."""
    return getattr(sys.__stderr__, "encoding", None)


def has_sixteen_colours(app: App[Any]) -> bool:
    """Whether ``app``'s output is brought down to the 16 standard colours."""
    return app.console.color_system in SIXTEEN_COLOUR_SYSTEMS


class StandInFilter(LineFilter):
    """Draws each character the terminal's encoding lacks as its ASCII stand-in."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self.encoding = encoding

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        fit = _fit
        encoding = self.encoding
        return [
            segment if segment.text.isascii() else Segment(fit(segment.text, encoding), *segment[1:])
            for segment in segments
        ]


@lru_cache(maxsize=4096)
def _fit(text: str, encoding: str) -> str:
    return for_encoding(text, encoding)


class Terminal:
    """The line filters that make the app's output fit the terminal."""

    def __init__(self, app: App[Any], encoding: str | None = None) -> None:
        self.no_color = app.no_color
        encoding = encoding if encoding is not None else output_encoding()
        self.ascii = not can_encode(UI_SAMPLE, encoding)
        """The terminal's encoding lacks the app's glyphs: stand-ins are drawn."""
        self._stand_ins = StandInFilter(encoding) if self.ascii and encoding else None
        self._no_color = NoColor()

    def line_filters(self, filters: Sequence[LineFilter]) -> list[LineFilter]:
        """Textual's filters, with NO_COLOR's greys made no colour, and stand-ins added."""
        if self.no_color:
            filters = [self._no_color if isinstance(f, Monochrome) else f for f in filters]
        return [*filters, self._stand_ins] if self._stand_ins is not None else list(filters)


__all__ = ["SIXTEEN_COLOUR_SYSTEMS", "StandInFilter", "Terminal", "has_sixteen_colours", "output_encoding"]
