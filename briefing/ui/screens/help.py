"""Help: every key binding, generated from the live bindings so it cannot drift."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.ui.content import MUTED


def binding_groups(
    groups: list[tuple[str, list[BindingType]]], key_display: Callable[[Binding], str]
) -> Content:
    """Render ``(heading, bindings)`` groups as a two-column key table."""
    lines: list[Content] = []
    for heading, bindings in groups:
        lines.append(Content.styled(heading, "bold underline"))
        for binding in bindings:
            if not isinstance(binding, Binding) or binding.system:
                continue
            keys = key_display(binding)
            description = binding.tooltip or binding.description or binding.action
            lines.append(
                Content.assemble((f"  {keys:<18}", "bold $accent"), (description, ""))
            )
        lines.append(Content(""))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Lists what every key does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "dismiss", "Close help", id="close-help"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
        & > #help-card {
            width: 72;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            border: round $accent;
            border-title-style: bold;
            background: $surface;
            padding: 1 2;
        }
    }
    """

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        card = VerticalScroll(id="help-card")
        card.border_title = "Keys"
        card.border_subtitle = "Esc close"
        with card:
            yield Static(
                Content.assemble(
                    (
                        "briefing shows a meeting briefing from a YAML file. "
                        "Mouse: click an item to select it, click again to open it; "
                        "scroll with the wheel.\n\n",
                        MUTED,
                    ),
                    binding_groups(self.groups, self._key_display),
                ),
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#help-card").focus()

    def _key_display(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        return " / ".join(self.app.get_key_display(Binding(k, "")) for k in binding.key.split(","))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
