"""Agenda pane: the topics on the table, who raised them and where they stand."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from briefing.model import AgendaItem, Briefing, Roster
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, STATUS_LABEL, STATUS_STYLE, fit, lit


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
            return [
                fit(title, room).pad_right(room - min(room, title.cell_length)) + Content(" ") + status
                if room > 8
                else fit(title, width)
            ]
        raisers = ", ".join(self.roster.name_of(r) for r in item.raised_by) if self.roster else ""
        by = lit(f"raised by {raisers}" if raisers else "raiser not reported", MUTED)
        return [fit(title, width), fit(Content.assemble("  ", status, "  ", by), width)]
