"""What the last reload changed: new, changed and removed items."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.diff.changes import Changes
from briefing.ui.screens.card import CardScreen
from briefing.ui.text_content import MUTED, lit


class ChangesScreen(CardScreen):
    """A list of the items the last save added, changed or removed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d,q", "dismiss", "Close", id="close-changes"),
    ]

    def __init__(self, changes: Changes, when: str) -> None:
        super().__init__()
        self.changes = changes
        self.when = when

    def compose(self) -> ComposeResult:
        card = VerticalScroll(id="changes-card", classes="card")
        card.border_title = "Changes since the previous version"
        card.border_subtitle = "Esc close"
        with card:
            yield Static(self._body(), markup=False, id="changes-body")

    def _body(self) -> Content:
        if not self.changes:
            return Content.styled("No changes since the briefing was opened.", MUTED)
        lines = [Content.styled(f"Last reload: {self.when}", MUTED)]
        for title, items, badge in (
            ("New", self.changes.added, "✚"),
            ("Changed", self.changes.changed, "●"),
            ("Removed", self.changes.removed, "✖"),
        ):
            if items:
                lines.append(Content.assemble("\n", (f"{title} ({len(items)})", "bold underline")))
                lines += [Content.assemble(f"  {badge} ", lit(item.label)) for item in items]
        return Content("\n").join(lines)
