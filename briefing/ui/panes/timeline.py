"""Timeline pane: what happened, in the order the briefing gives it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from briefing.model import Briefing, Event, Roster
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, fit, lit

WHEN_WIDTH = 16


class TimelinePane(Pane):
    """Events from the earliest to the latest."""

    TITLE = "Timeline"
    ROW_HEIGHT = 2
    COMPACT_ROW_HEIGHT = 1
    SECTION = ("timeline",)
    PLACEHOLDER = "No timeline in this briefing."

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[Event]:
        return briefing.timeline

    def render_row(self, event: Event, width: int, compact: bool) -> list[Content]:
        when = self.text(event.when, event, "when", "$text-accent")
        if compact:
            column = min(WHEN_WIDTH, max(8, width // 3))
            return [
                fit(
                    fit(when, column - 1).pad_right(column - min(column - 1, when.cell_length))
                    + self.text(event.title, event, "title"),
                    width,
                )
            ]
        head = Content.assemble(
            ("● ", "$text-accent"), when, "  ", self.text(event.title, event, "title", "bold")
        )
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
