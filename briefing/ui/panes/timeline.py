"""Timeline pane: what happened, in the order the briefing gives it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content

from briefing.model import Briefing, Event, Roster
from briefing.model.text import visible
from briefing.model.wording import TIME_NOT_STATED
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, fit, lit

WHEN_SHARE = 0.4
"""The "when" column takes what the longest "when" needs, up to this share of the width."""


class TimelinePane(Pane):
    """Events from the earliest to the latest."""

    TITLE = "Timeline"
    ROW_HEIGHT = 2
    COMPACT_ROW_HEIGHT = 1
    SECTION = ("timeline",)
    PLACEHOLDER = "No timeline in this briefing."

    _when_width = 0
    """Cells the longest "when" of the timeline takes."""

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[Event]:
        self._when_width = max(
            (cell_len(visible(e.when or TIME_NOT_STATED)) for e in briefing.timeline), default=0
        )
        return briefing.timeline

    def render_row(self, event: Event, width: int, compact: bool) -> list[Content]:
        when = (
            self.text(event.when, event, "when", "$text-accent")
            if event.when
            else lit(TIME_NOT_STATED, "italic " + MUTED)
        )
        # A column as wide as the longest "when", so the titles line up.
        column = min(self._when_width, max(8, int(width * WHEN_SHARE))) + 2
        when = fit(when, column - 2).pad_right(column - min(column - 2, when.cell_length))
        if compact:
            return [fit(when + self.text(event.title, event, "title"), width)]
        head = Content.assemble(("● ", "$text-accent"), when, self.text(event.title, event, "title", "bold"))
        detail = event.detail
        if not detail and event.involves and self.roster:
            detail = ", ".join(self.roster.name_of(r) for r in event.involves)
        return [
            fit(head, width),
            fit(
                Content.assemble(
                    ("│ ", MUTED),
                    self.text(detail, event, "detail", MUTED)
                    if detail == event.detail and detail
                    else lit(detail or "", MUTED),
                ),
                width,
            ),
        ]
