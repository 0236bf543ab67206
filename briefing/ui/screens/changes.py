"""What changed: new, changed, renamed and removed items, field by field.

After a reload it lists what that reload changed; with ``--since REV`` (or
comparing rounds of a folder) everything since that version. Enter on a new,
changed or renamed item goes to it. Each changed item shows its changed fields as ``old → new``, long texts as a word diff
(``[-removed-]`` struck through in red, ``{+added+}`` underlined in
green: colour is never the only sign). Text from the briefing is always literal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.diff.changes import Changes, Item
from briefing.diff.fields import FieldChange, field_changes
from briefing.model.text import visible
from briefing.output.diff_report import KINDS_OF_CHANGE, SECTION_TITLES, shown
from briefing.ui.screens.card import CardScreen
from briefing.ui.text_content import MUTED, lit

_HEADINGS = {
    "changed": ("Changed", "●"),
    "renamed": ("Renamed", "→"),
    "added": ("New", "✚"),
    "removed": ("Removed", "✖"),
}
MAX_FIELDS = 6
"""Fields listed per changed item; the rest are counted."""


class ChangeList(OptionList):
    """The changed items; j / k move as well as the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


class ChangesScreen(CardScreen[tuple[str, str]]):
    """A list of the items a newer version added, changed, renamed or removed.

    Enter (or a click) on an item that is still in the briefing closes the
    list and selects it in its pane: the screen's result is ``(kind, id)``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d,q", "dismiss", "Close", id="close-changes"),
        Binding(
            "z", "toggle_full", "Full screen", tooltip="Use the whole screen (projector)", id="zoom-changes"
        ),
        Binding(
            "x",
            "clear_marks",
            "Clear marks",
            tooltip="Remove every change mark from the panes",
            id="clear-marks",
        ),
    ]

    DEFAULT_CSS = """
    ChangesScreen {
        & #changes-list { height: auto; max-height: 100%; border: none; padding: 0; background: $surface; }
        & #changes-when { margin-bottom: 1; }
    }
    ChangesScreen.-full > .card { width: 100%; max-width: 100%; height: 100%; max-height: 100%; }
    """

    def __init__(
        self,
        changes: Changes,
        when: str,
        *,
        since: str | None = None,
        clear: Callable[[], None] | None = None,
        reachable: Collection[str] = (),
    ) -> None:
        """``when``: the time of the reload; ``since``: the version compared with, if not the
        last one; ``reachable``: the kinds of item the dashboard can go to."""
        super().__init__()
        self.changes = changes
        self.when = when
        self.since = since
        self._clear = clear
        self.reachable = set(reachable)
        self.targets: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        card = Vertical(id="changes-card", classes="card")
        card.border_title = visible(
            f"Changes since {self.since}" if self.since else "Changes since the previous version"
        )
        card.border_subtitle = "⏎ go to · z full screen · x clear marks · Esc close"
        with card:
            if not self.changes:
                what = self.since or "the briefing was opened"
                yield Static(Content.styled(visible(f"No changes since {what}."), MUTED))
                return
            said = f"Compared with {self.since}" if self.since else f"Last reload: {self.when}"
            yield Static(Content.styled(visible(said), MUTED), id="changes-when")
            yield ChangeList(*self._options(), id="changes-list")

    def _options(self) -> list[Option]:
        options: list[Option] = []
        for how in KINDS_OF_CHANGE:
            items: list[Item] = getattr(self.changes, how)
            if not items:
                continue
            title, badge = _HEADINGS[how]
            options.append(Option(Content.styled(f"{title} ({len(items)})", "bold underline"), disabled=True))
            for item in items:
                section = SECTION_TITLES.get(item.section, item.section.capitalize())
                name = lit(item.label)
                if item.old_id is not None:
                    name = Content.assemble(name, (f"  ({item.old_id} → {item.id})", MUTED))
                lines = [Content.assemble(f"  {badge} ", name, (f"  · {section}", MUTED))]
                if how in ("changed", "renamed"):
                    lines += _fields(field_changes(item))
                prompt = Content("\n").join(lines)
                goes = how != "removed" and item.kind in self.reachable
                # The option's id is its place in ``targets``, never text from the file.
                option_id = None
                if goes:
                    option_id = str(len(self.targets))
                    self.targets.append((item.kind, item.id))
                options.append(
                    Option(prompt if goes else prompt.stylize(MUTED), id=option_id, disabled=not goes)
                )
        return options

    def on_mount(self) -> None:
        if self.targets:
            self.query_one(ChangeList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.targets[int(event.option.id)])

    def action_toggle_full(self) -> None:
        self.toggle_class("-full")

    def action_clear_marks(self) -> None:
        if self._clear is not None:
            self._clear()
        self.notify("Change marks cleared.", timeout=3)


def _fields(changes: list[FieldChange]) -> list[Content]:
    lines = [_field(change) for change in changes[:MAX_FIELDS]]
    if len(changes) > MAX_FIELDS:
        lines.append(Content.styled(f"      and {len(changes) - MAX_FIELDS} more fields", MUTED))
    return lines


def _field(change: FieldChange) -> Content:
    head = Content.styled(f"      {change.name}: ", "bold")
    words = change.words
    if words is None:
        return Content.assemble(head, lit(shown(change.old)), " → ", lit(shown(change.new), "bold"))
    parts = [head]
    for op, run in words:
        text = shown(run)
        parts.append(lit(text) if op == "same" else _old(text) if op == "removed" else _new(text))
    return Content.assemble(*parts)


def _old(text: str) -> Content:
    return lit(f"[-{text}-]", "strike $text-error")


def _new(text: str) -> Content:
    return lit(f"{{+{text}+}}", "underline $text-success")
