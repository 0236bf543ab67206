"""Presenter view: one quote or agenda item at a time, large and centred."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.model import AgendaItem, Briefing, Quote, Roster
from briefing.model.wording import attribution
from briefing.ui.text_content import MUTED, STATUS_LABEL, STATUS_STYLE, join, lit, para


class PresenterScreen(Screen[int]):
    """Steps through quotes or agenda items; dismisses with the last index shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,l,space,pagedown", "step(1)", "Next", key_display="→", id="presenter-next"),
        Binding("left,h,pageup", "step(-1)", "Previous", key_display="←", id="presenter-previous"),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("escape,p", "close", "Back", tooltip="Back to the dashboard", id="presenter-close"),
    ]

    DEFAULT_CSS = """
    PresenterScreen {
        background: $background;
        & #stage { height: 1fr; }
        & #card {
            width: 90%;
            max-width: 110;
            height: auto;
            padding: 2 4;
            border: round $accent;
            text-align: center;
        }
        & #position { dock: top; height: 1; text-align: right; padding: 0 2; color: $text-muted; }
    }
    """

    def __init__(
        self, items: Sequence[Quote | AgendaItem], index: int, briefing: Briefing, roster: Roster
    ) -> None:
        super().__init__()
        self.items = items
        self.index = max(0, min(index, len(items) - 1))
        self.briefing = briefing
        self.roster = roster

    def compose(self) -> ComposeResult:
        yield Static(id="position", markup=False)
        with Middle(id="stage"), Center():
            yield Static(id="card", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.render_item()

    def render_item(self) -> None:
        item = self.items[self.index]
        kind = "Quote" if isinstance(item, Quote) else "Agenda item"
        self.query_one("#position", Static).update(
            Content(f"{kind} {self.index + 1} of {len(self.items)}   ← →")
        )
        self.query_one("#card", Static).update(self.card(item))

    def card(self, item: Quote | AgendaItem) -> Content:
        if isinstance(item, Quote):
            who = attribution(item, self.roster.name_of)
            facts = join(
                [
                    lit(item.channel, MUTED) if item.channel else Content(""),
                    lit(item.when, MUTED) if item.when else Content(""),
                ]
            )
            return Content.assemble(
                ("“", "bold $text-accent"),
                para(item.text, "bold"),
                ("”", "bold $text-accent"),
                "\n\n",
                ("— ", MUTED),
                lit(who, "bold $text-accent"),
                "\n",
                facts,
            )
        raisers = ", ".join(self.roster.name_of(r) for r in item.raised_by)
        parts = [
            lit(item.title, "bold"),
            Content("\n\n"),
            lit(STATUS_LABEL[item.status].upper(), f"bold {STATUS_STYLE[item.status]}"),
        ]
        if raisers:
            parts += [Content("\n"), lit(f"raised by {raisers}", MUTED)]
        if item.notes:
            parts += [Content("\n\n"), para(item.notes)]
        return Content.assemble(*parts)

    def action_step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.items)
        self.render_item()

    def action_jump(self, index: int) -> None:
        self.index = index % len(self.items)
        self.render_item()

    def action_close(self) -> None:
        self.dismiss(self.index)
