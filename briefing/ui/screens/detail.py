"""One item in full: every field, plus what else in the briefing relates to it.

The other items it names are links: Tab / Shift+Tab select one, Enter (or
a click) opens its own detail view over this one, and Esc comes back.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.style import Style
from textual.widgets import Footer

from briefing.model import Briefing, Delegation, Meta, Quote, Roster
from briefing.model.items import Path, items
from briefing.ui.messages import CiteQuote, EditAt
from briefing.ui.panes.delegations import PersonRow, SideRow
from briefing.ui.screens.card import CardScreen, ScrollCard
from briefing.ui.screens.detail_body import Links, describe
from briefing.ui.text_content import lit
from briefing.ui.widgets.hanging_text import HangingText


def find_item(briefing: Briefing, ident: str) -> tuple[object, Path] | None:
    """The item with id ``ident`` as a pane shows it (people with their side), and its path."""
    for kind, key, obj, owner, path in items(briefing):
        if key == ident:
            if kind == "person" and isinstance(owner, Delegation):
                return PersonRow(obj, owner), path
            if kind == "delegation":
                return SideRow(obj), path
            return obj, path
    return None


class DetailScreen(CardScreen[None]):
    """A scrollable card over the dashboard; Esc returns to it (or to the detail before)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,backspace", "dismiss", "Back", tooltip="Back to where you came from", id="back"),
        Binding("tab", "next_link(1)", "Next link", key_display="tab", tooltip="Select the next link"),
        Binding(
            "shift+tab", "next_link(-1)", "Previous link", show=False, tooltip="Select the previous link"
        ),
        Binding("enter", "follow_current", "Open link", tooltip="Open the selected link's item"),
        Binding("c", "cite", "Cite", tooltip="Copy this quote as a citation", id="cite"),
        Binding("e", "edit", "Edit", tooltip="Open $EDITOR at this item", id="edit"),
        Binding(
            "s", "show_source", "Source", tooltip="Show the passage in its source text", id="detail-source"
        ),
    ]

    DEFAULT_CSS = """
    DetailScreen {
        & > .card { width: 90%; max-width: 100; }
        & > Footer { dock: bottom; }
    }
    """

    def __init__(self, item: object, briefing: Briefing, roster: Roster) -> None:
        super().__init__()
        self.item = item
        self.briefing = briefing
        self.roster = roster
        self.current: int | None = None
        """The link selected with Tab (None: none yet)."""
        self.links = Links()
        self.title_text, self.lines = describe(item, briefing, roster, self.links)

    def compose(self) -> ComposeResult:
        card = ScrollCard(hint="Tab links · Esc back", id="detail-card")
        card.border_title = lit(self.title_text)
        with card:
            yield HangingText(self.lines, id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-card").focus()

    @property
    def quote(self) -> Quote | None:
        return self.item if isinstance(self.item, Quote) else None

    def action_show_source(self) -> None:
        from briefing.ui.screens.source import show_source

        show_source(self, self.briefing, self.item)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cite":
            return self.quote is not None
        if action == "edit":
            return self.app.check_action(action, parameters)  # hidden in a browser
        if action in ("next_link", "follow_current"):
            return bool(self.links.targets)
        if action == "show_source":  # only items that can have a source
            from briefing.model.items import kind_of
            from briefing.model.sourcing import SOURCED

            return kind_of(self.item) in SOURCED
        return True

    # -- links ----------------------------------------------------------------

    def action_next_link(self, direction: int) -> None:
        count = len(self.links.targets)
        if self.current is None:
            self.current = 0 if direction > 0 else count - 1
        else:
            self.current = (self.current + direction) % count
        self.links = Links(self.current)
        _, self.lines = describe(self.item, self.briefing, self.roster, self.links)
        self.query_one("#detail-body", HangingText).update(self.lines)
        self.call_after_refresh(self._scroll_to_link, self.current)

    def _scroll_to_link(self, number: int) -> None:
        body = self.query_one("#detail-body", HangingText)
        width = body.content_region.width
        for y, line in enumerate(body.content_at(width).wrap(width) if width > 0 else []):
            if any(
                isinstance(s.style, Style) and s.style.meta.get("detail_link") == number for s in line.spans
            ):
                card = self.query_one("#detail-card", ScrollCard)
                top = body.virtual_region.y + y
                card.scroll_to_region(Region(0, top, 1, 1), animate=False, immediate=True)
                return

    def action_follow_current(self) -> None:
        if self.current is not None:
            self.follow(self.current)
        elif self.links.targets:
            self.action_next_link(1)  # first Enter shows where the links are

    def follow(self, number: int) -> None:
        """Open the detail of link ``number``'s item over this view."""
        if not 0 <= number < len(self.links.targets):
            return
        found = find_item(self.briefing, self.links.targets[number])
        if found is not None:
            self.app.push_screen(DetailScreen(found[0], self.briefing, self.roster))

    def action_follow(self, number: int) -> None:
        """A click on a link."""
        self.follow(number)

    # -- what the dashboard's keys do here -------------------------------------

    def action_cite(self) -> None:
        if self.quote is not None:
            self.post_message(CiteQuote(self.quote))

    def action_edit(self) -> None:
        if isinstance(self.item, Meta):  # the overview
            self.post_message(EditAt(("meta",)))
            return
        ident = getattr(self.item, "id", None)
        found = find_item(self.briefing, ident) if isinstance(ident, str) else None
        self.post_message(EditAt(found[1] if found is not None else None))
