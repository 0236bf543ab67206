"""The folder picker: every briefing of a folder (``briefing DIR``), one round each.

Each row shows the round's title, place, ``meta.updated`` and whether the
file has problems; rounds are in ``meta.updated`` order (then by name). The
file names show at once; what each file holds is read in a worker thread
and filled in as it comes. Typing filters the list (every word must match
the title, place, date or file name, ignoring case and accents), ↑ ↓ move,
Enter opens a round. The folder is looked at every second, so new, changed
and removed files show up.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from briefing.loading.folder import Round, listed, ordered, read_round, refreshed
from briefing.search.normalize import fold
from briefing.ui.text_content import MUTED, fit, lit
from briefing.ui.widgets.row_list import RowList

RESCAN_SECONDS = 1.0
"""How often the folder is looked at for new, changed and removed files."""


class RoundsScreen(Screen[None]):
    """Pick a briefing from a folder of rounds."""

    class Open(Message):
        """A round was chosen: the app opens it."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the filter has focus, and its own up/down would scroll it.
        Binding(
            "down", "move(1)", "Down", key_display="↓", tooltip="Next round", id="round-down", priority=True
        ),
        Binding(
            "up", "move(-1)", "Up", key_display="↑", tooltip="Previous round", id="round-up", priority=True
        ),
        Binding(
            "pagedown",
            "move(10)",
            "Page down",
            show=False,
            tooltip="Ten rounds down",
            id="round-page-down",
            priority=True,
        ),
        Binding(
            "pageup",
            "move(-10)",
            "Page up",
            show=False,
            tooltip="Ten rounds up",
            id="round-page-up",
            priority=True,
        ),
        Binding(
            "enter",
            "open",
            "Open",
            key_display="⏎",
            tooltip="Open the selected round",
            id="open-round",
            priority=True,
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            tooltip="Clear the filter (or the search)",
            id="clear-round-filter",
        ),
    ]

    DEFAULT_CSS = """
    RoundsScreen {
        layout: vertical;
        & #rounds-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        & #rounds-filter { margin: 0 1; }
        & #rounds {
            height: 1fr;
            margin: 0 1;
            padding: 0 1;
            border: round $accent;
            border-title-style: bold;
            /* Typing goes to the filter, so the list never has focus: show its cursor as if it had. */
            & > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
            &:nocolor > .row-list--cursor { text-style: reverse; }
        }
    }
    """

    def __init__(self, folder: Path, label: str | None = None, *, watch: bool = True) -> None:
        """``label``: how to name the folder (default: its path); ``watch``: look for changes."""
        super().__init__()
        self.watching = watch
        self.folder = folder
        self.label = label or str(folder)
        self.rounds: list[Round] = ordered([Round(path, sig) for path, sig in listed(folder).items()])
        """Every briefing of the folder, in order (what has been read of each)."""
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Static(lit(f"Rounds in {self.label}"), id="rounds-title")
        yield Input(placeholder="Type to filter by title, place, date or file name", id="rounds-filter")
        rows: RowList[Round] = RowList(
            self._render_round,
            height=2,
            placeholder="No briefing files (*.yaml) in this folder.",
            id="rounds",
        )
        rows.border_title = "Rounds"
        yield rows
        yield Footer()

    @property
    def rows(self) -> RowList[Round]:
        return self.query_one("#rounds", RowList)

    def on_mount(self) -> None:
        self._show()
        self.query_one(Input).focus()
        self.read_rounds([r.path for r in self.rounds])
        if self.watching:
            self.set_interval(RESCAN_SECONDS, self.rescan)

    # -- reading --------------------------------------------------------------

    @work(thread=True, group="rounds")
    def read_rounds(self, paths: list[Path]) -> None:
        worker = get_current_worker()
        for path in paths:
            if worker.is_cancelled:
                return
            found = read_round(path)
            self.app.call_from_thread(self._take, found)

    def _take(self, found: Round) -> None:
        self.rounds = ordered([found if r.path == found.path else r for r in self.rounds])
        self._show()

    def rescan(self) -> None:
        rounds, stale = refreshed(self.rounds, self.folder)
        if rounds != self.rounds:
            self.rounds = rounds
            self._show()
        if stale:
            self.read_rounds(stale)

    @property
    def pending(self) -> bool:
        """Whether some file has not been read yet."""
        return any(not r.read for r in self.rounds)

    # -- showing --------------------------------------------------------------

    def shown_rounds(self) -> list[Round]:
        words = fold(self.query_text).split()
        if not words:
            return list(self.rounds)
        return [r for r in self.rounds if all(w in _haystack(r) for w in words)]

    def _show(self) -> None:
        rows = self.rows
        selected = rows.selected
        shown = self.shown_rounds()
        rows.set_rows(shown, keep=(lambda r: r.path == selected.path) if selected is not None else None)
        total = len(self.rounds)
        unread = sum(not r.read for r in self.rounds)
        if unread:
            rows.border_subtitle = f"reading {total - unread + 1} of {total}…"
        else:
            noun = "round" if total == 1 else "rounds"
            rows.border_subtitle = (
                f"{len(shown)} of {total} {noun}" if len(shown) != total else f"{total} {noun}"
            )

    def _render_round(self, r: Round, width: int, compact: bool) -> list[Content]:
        title = lit(r.title, "bold") if r.title else Content.styled(r.name, "bold" if r.read else "dim")
        when = lit(r.updated) if r.updated else Content.styled("no date" if r.read else "", MUTED)
        first = Content.assemble(title, (" · ", MUTED), lit(r.place)) if r.place else title
        room = max(1, width - when.cell_length - 2)
        first = fit(first, room)
        first = Content.assemble(first, " " * (width - first.cell_length - when.cell_length), when)
        if not r.read:
            state = Content.styled("reading…", MUTED)
        elif r.problems:
            noun = "problem" if r.problems == 1 else "problems"
            state = Content.styled(f"⚠ {r.problems} {noun}", "bold $text-error")
        else:
            state = Content.styled("✓ loads", "$text-success")
        second = Content.assemble("  ", lit(r.name, MUTED), "  ", state)
        return [first, fit(second, width)]

    # -- actions --------------------------------------------------------------

    @on(Input.Changed, "#rounds-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._show()

    @on(Input.Submitted, "#rounds-filter")
    def _submitted(self) -> None:
        self.action_open()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_open()

    def action_move(self, step: int) -> None:
        rows = self.rows
        if rows.cursor is not None and rows.rows:
            rows.cursor = max(0, min(len(rows.rows) - 1, rows.cursor + step))

    def action_clear_filter(self) -> None:
        self.query_one(Input).value = ""

    def action_open(self) -> None:
        chosen = self.rows.selected
        if chosen is None:
            self.notify("No round to open.", severity="warning")
            return
        self.post_message(self.Open(chosen.path))

    def previous(self, path: Path) -> Round | None:
        """The round before ``path`` in the folder's order, if any."""
        paths = [r.path for r in self.rounds]
        if path not in paths:
            return None
        index = paths.index(path)
        return self.rounds[index - 1] if index > 0 else None


def _haystack(r: Round) -> str:
    return fold(" ".join(filter(None, (r.title, r.place, r.updated, r.name))))
