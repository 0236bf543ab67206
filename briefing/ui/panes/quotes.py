"""Quotes pane: who said what, where and when, verbatim."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from briefing.model import Briefing, Quote, Roster
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, clamp, fit, join, lit, side_style


class QuotesPane(Pane):
    """Quotes with their speaker, channel and moment."""

    TITLE = "Quotes"
    KEY = "3"
    ROW_HEIGHT = 4
    COMPACT_ROW_HEIGHT = 2
    SECTION = ("quotes",)
    PLACEHOLDER = "No quotes in this briefing."

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[Quote]:
        return briefing.quotes

    def render_row(self, quote: Quote, width: int, compact: bool) -> list[Content]:
        roster = self.roster
        speaker = roster.name_of(quote.speaker) if roster else quote.speaker
        side = roster.delegation_of(quote.speaker) if roster else None
        # The side is named, not only coloured: the mono theme and colour-blind
        # readers must still tell who is speaking for whom.
        side_name = (
            lit(f" ({side.side})", MUTED) if side is not None and side.side != speaker else Content("")
        )
        head = join(
            [
                Content.assemble(
                    ("▌", side_style(side, roster)), self.text(speaker, quote, "speaker", "bold"), side_name
                ),
                self.text(quote.channel, quote, "channel", MUTED) if quote.channel else Content(""),
                self.text(quote.when, quote, "when", MUTED) if quote.when else Content(""),
            ]
        )
        text = Content.assemble("“", self.text(quote.text, quote, "text", "italic"), "”")
        body = [line.pad_left(1) for line in clamp(text, width - 1, 1 if compact else 2)]
        return [fit(head, width), *body]
