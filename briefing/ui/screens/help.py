"""Help: every key binding, generated from the live bindings so it cannot drift."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content

from briefing.ui.screens.card import CardScreen, ScrollCard
from briefing.ui.text_content import MUTED
from briefing.ui.widgets.hanging_text import Hang, HangingText, Line


def binding_groups(
    groups: list[tuple[str, list[BindingType]]], key_display: Callable[[Binding], str]
) -> list[Line]:
    """Render ``(heading, bindings)`` groups as a two-column key table."""
    lines: list[Line] = []
    for heading, bindings in groups:
        lines.append(Content.styled(heading, "bold underline"))
        for binding in bindings:
            if not isinstance(binding, Binding) or binding.system:
                continue
            keys = key_display(binding)
            description = binding.tooltip or binding.description or binding.action
            # Long descriptions wrap in their column, under the description.
            lines.append(Hang(Content.styled(f"  {keys:<18}", "bold $accent"), Content(description)))
        lines.append(Content(""))
    return lines


class HelpScreen(CardScreen[None]):
    """Lists what every key does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="close-help"),
    ]

    DEFAULT_CSS = """
    HelpScreen > .card { width: 78; }
    """

    def __init__(
        self,
        groups: list[tuple[str, list[BindingType]]],
        key_display: Callable[[Binding], str] | None = None,
    ) -> None:
        super().__init__()
        self.groups = groups
        self._keys_of = key_display or (lambda binding: binding.key_display or binding.key)
        """How to show a binding's keys (the app's, with the user's keymap applied)."""

    def compose(self) -> ComposeResult:
        card = ScrollCard(hint="Esc close", id="help-card")
        card.border_title = "Keys"
        with card:
            yield HangingText(
                [
                    Content.styled(
                        "briefing shows a meeting briefing from a YAML file. "
                        "Mouse: click an item to select it, click again to open it; "
                        "click the title for the meeting's overview; scroll with the wheel.\n"
                        "Here, in a detail view and in the change list: j / k, "
                        "g / G, PgUp / PgDn scroll; Esc or q closes.\n",
                        MUTED,
                    ),
                    *binding_groups(self.groups, self._keys_of),
                ]
            )

    def on_mount(self) -> None:
        self.query_one("#help-card").focus()
