"""Quotes pane: who said what, where and when, verbatim."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from briefing.model import Briefing, Quote, Roster
from briefing.model.wording import attribution_parts
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, clamp, fit, join, lit, side_style


class QuotesPane(Pane):
    """Quotes with their speaker, channel and moment."""

    TITLE = "Quotes"
    ROW_HEIGHT = 3
    """Speaker line, at least one line of words, and a blank line between quotes."""
    COMPACT_ROW_HEIGHT = 2
    SECTION = ("quotes",)
    PLACEHOLDER = "No quotes in this briefing."

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[Quote]:
        return briefing.quotes

    def render_row(self, quote: Quote, width: int, compact: bool) -> list[Content]:
        head = join(
            [
                self.who(quote),
                self.text(quote.channel, quote, "channel", MUTED) if quote.channel else Content(""),
                self.text(quote.when, quote, "when", MUTED) if quote.when else Content(""),
            ]
        )
        text = Content.assemble("“", self.text(quote.text, quote, "text", "italic"), "”")
        # The whole quote when the pane has room for it; else as much as fits,
        # around the first search hit if the hit would be cut off.
        room = self.list.max_lines - (1 if compact else 2)
        hit = self.first_hit(quote.id, "text")
        around = None if hit is None else hit + 1  # after the opening “
        body = [line.pad_left(1) for line in clamp(text, width - 1, max(1, room), around)]
        return [fit(head, width), *body, *([] if compact else [Content("")])]

    def who(self, quote: Quote) -> Content:
        """The side's mark and whose words these are: a speaker, or who reported them."""
        roster = self.roster
        side = roster.delegation_of(quote.speaker) if roster and quote.speaker else None
        parts: list[Content] = [Content.styled("▌", side_style(side, roster))]
        # A named speaker stands out; reported speech's reporter does when no one is named.
        strong = "speaker" if quote.speaker else "reported_by"
        for text, field in attribution_parts(quote, roster.name_of if roster else str):
            if field is None:
                parts.append(lit(text, MUTED))
                continue
            parts.append(self.text(text, quote, field, "bold" if field == strong else MUTED))
            # The side is named, not only coloured: the mono theme and
            # colour-blind readers must still tell who speaks for whom.
            if field == "speaker" and side is not None and side.id != quote.speaker:
                parts.append(lit(f" ({side.side})", MUTED))
        return Content.assemble(*parts)
