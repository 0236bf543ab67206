"""What the last reload changed: new, changed and removed items, each one a way to it."""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.diff.changes import Changes
from briefing.ui.screens.card import CardScreen
from briefing.ui.text_content import MUTED, lit


class ChangeList(OptionList):
    """The changed items; j / k move as well as the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


class ChangesScreen(CardScreen[tuple[str, str]]):
    """A list of the items the last save added, changed or removed.

    Enter (or a click) on a new or changed item closes the list and selects
    the item in its pane: the screen's result is ``(kind, id)``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d,q", "dismiss", "Close", id="close-changes"),
    ]

    DEFAULT_CSS = """
    ChangesScreen {
        & #changes-list { height: auto; max-height: 100%; border: none; padding: 0; background: $surface; }
        & #changes-when { margin-bottom: 1; }
    }
    """

    def __init__(self, changes: Changes, when: str, reachable: Collection[str] = ()) -> None:
        """``reachable``: the kinds of item the dashboard can go to."""
        super().__init__()
        self.changes = changes
        self.when = when
        self.reachable = set(reachable)
        self.targets: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        card = Vertical(id="changes-card", classes="card")
        card.border_title = "Changes since the previous version"
        card.border_subtitle = "⏎ go to · Esc close"
        with card:
            if not self.changes:
                yield Static(Content.styled("No changes since the briefing was opened.", MUTED))
                return
            yield Static(Content.styled(f"Last reload: {self.when}", MUTED), id="changes-when")
            yield ChangeList(*self._options(), id="changes-list")

    def _options(self) -> list[Option]:
        options: list[Option] = []
        for title, found, badge, can_go in (
            ("New", self.changes.added, "✚", True),
            ("Changed", self.changes.changed, "●", True),
            ("Removed", self.changes.removed, "✖", False),
        ):
            if not found:
                continue
            heading = Content.styled(f"{title} ({len(found)})", "bold underline")
            options.append(Option(heading, disabled=True))
            for item in found:
                goes = can_go and item.kind in self.reachable
                label = Content.assemble(f"  {badge} ", lit(item.label))
                # The option's id is its place in ``targets``, never text from the file.
                option_id = None
                if goes:
                    option_id = str(len(self.targets))
                    self.targets.append((item.kind, item.id))
                options.append(
                    Option(label if goes else label.stylize(MUTED), id=option_id, disabled=not goes)
                )
        return options

    def on_mount(self) -> None:
        if self.targets:
            self.query_one(ChangeList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.targets[int(event.option.id)])
