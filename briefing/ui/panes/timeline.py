"""Timeline pane: what happened, in the order the briefing gives it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content

from briefing.model import Briefing, Event, Roster
from briefing.model.text import visible
from briefing.model.wording import TIME_NOT_STATED
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, clamp, fit, lit

WHEN_SHARE = 0.4
"""The "when" column takes what the longest "when" needs, up to this share of the width."""
TITLE_LINES = 3
"""Lines an event's title may wrap to before it is cut (not in compact rows)."""
DETAIL_LINES = 2
"""Lines for its detail, or the sides it involves."""


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
        # Titles and details wrap rather than being cut: a wide terminal's
        # timeline has the lines to spare (a cut still shows around a hit).
        title = self.text(event.title, event, "title", "bold")
        titles = clamp(title, max(1, width - 2 - column), TITLE_LINES, self.first_hit(event.id, "title"))
        lines = [Content.assemble(("● ", "$text-accent"), when, titles[0] if titles else "")]
        lines += [Content.assemble(("│ ", MUTED), " " * column, line) for line in titles[1:]]
        detail = event.detail
        if detail:
            words = self.text(detail, event, "detail", MUTED)
            around = self.first_hit(event.id, "detail")
        else:
            names = [self.roster.name_of(r) for r in event.involves] if self.roster else []
            words, around = lit(", ".join(names), MUTED), None
        for line in clamp(words, max(1, width - 2), DETAIL_LINES, around) or [Content("")]:
            lines.append(Content.assemble(("│ ", MUTED), line))
        return [fit(line, width) for line in lines]
