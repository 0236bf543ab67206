"""Agenda pane: the topics on the table, who raised them and where they stand."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from briefing.model import AgendaItem, Briefing, Roster
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, STATUS_LABEL, STATUS_STYLE, clamp, fit, lit

TITLE_LINES = 3
"""Lines a title may wrap to before it is cut (not in compact rows)."""
ABOUT_LINES = 2
"""Lines for its status and who raised it."""


class AgendaPane(Pane):
    """Agenda items with status and who raised them."""

    TITLE = "Agenda"
    ROW_HEIGHT = 2
    COMPACT_ROW_HEIGHT = 1
    SECTION = ("agenda",)
    PLACEHOLDER = "No agenda items in this briefing."

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[AgendaItem]:
        return briefing.agenda

    def render_row(self, item: AgendaItem, width: int, compact: bool) -> list[Content]:
        status = lit(STATUS_LABEL[item.status], STATUS_STYLE[item.status])
        title = self.text(item.title, item, "title", "bold")
        if compact:
            room = max(0, width - status.cell_length - 1)
            if room >= min(title.cell_length, 12):
                return [
                    fit(title, room).pad_right(room - min(room, title.cell_length)) + Content(" ") + status
                ]
            # Too narrow for both on one line: the status goes under the
            # title rather than being cut away.
            return [fit(title, width), fit(status.pad_left(2), width)]
        raisers = ", ".join(self.roster.name_of(r) for r in item.raised_by) if self.roster else ""
        by = lit(f"raised by {raisers}" if raisers else "raiser not reported", MUTED)
        # Wrapped, not cut, where the pane has the lines (a cut shows around a hit).
        titles = clamp(title, width, TITLE_LINES, self.first_hit(item.id, "title"))
        about = clamp(Content.assemble(status, "  ", by), max(1, width - 2), ABOUT_LINES)
        return [*titles, *(line.pad_left(2) for line in about)]
