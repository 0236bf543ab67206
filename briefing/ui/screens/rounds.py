"""The folder picker: every briefing of a folder (``briefing DIR``), one round each.

Each row shows the round's title, place, ``meta.updated`` and whether the
file has problems; rounds are in ``meta.updated`` order (then by name). The
file names show at once; what each file holds is read in a worker thread
and filled in as it comes. Typing filters the list (every word must match
the title, place, date or file name, ignoring case and accents), ↑ ↓ move,
Enter opens a round. The folder is looked at every second, so new, changed
and removed files show up.

A filter that starts with ``/`` searches the items of every round instead
(the usual search syntax, ``briefing.search``): one result a line, named by
its round, and Enter opens that round with the item selected. Each round's
index is built in a worker the first time a search needs it and kept while
the file is unchanged.
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
from briefing.search.across import Found, Hit, Indexes
from briefing.search.normalize import fold
from briefing.ui.screens.round_hits import render_hit
from briefing.ui.text_content import MUTED, STATUS_LABEL, fit, lit
from briefing.ui.widgets.row_list import RowList

RESCAN_SECONDS = 1.0
"""How often the folder is looked at for new, changed and removed files."""


class RoundsScreen(Screen[None]):
    """Pick a briefing from a folder of rounds."""

    class Open(Message):
        """A round was chosen: the app opens it."""

        def __init__(self, path: Path, item: tuple[str, str] | None = None) -> None:
            super().__init__()
            self.path = path
            self.item = item
            """``(kind, id)`` of the item to select, for a search result."""

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
        & #rounds, & #round-hits {
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
        self.indexes = Indexes(STATUS_LABEL)
        """One search index per round, for a search across them (``/word``)."""
        self.found: Found | None = None

    def compose(self) -> ComposeResult:
        yield Static(lit(f"Rounds in {self.label}"), id="rounds-title")
        yield Input(
            placeholder="Filter by title, place, date or file name; /word searches every round",
            id="rounds-filter",
        )
        rows: RowList[Round] = RowList(
            self._render_round,
            height=2,
            placeholder="No briefing files (*.yaml) in this folder.",
            id="rounds",
        )
        rows.border_title = "Rounds"
        yield rows
        hits: RowList[Hit] = RowList(self._render_hit, placeholder="", id="round-hits")
        hits.border_title = "Search in every round"
        hits.display = False
        yield hits
        yield Footer()

    @property
    def rows(self) -> RowList[Round]:
        return self.query_one("#rounds", RowList)

    @property
    def hits(self) -> RowList[Hit]:
        return self.query_one("#round-hits", RowList)

    @property
    def searching(self) -> str | None:
        """The query of a search across the rounds (the filter after ``/``), or None."""
        return self.query_text[1:] if self.query_text.startswith("/") else None

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
            self.indexes.forget(r.path for r in rounds)
            if self.searching:
                self.search_rounds(self.searching)
        if stale:
            self.read_rounds(stale)

    @property
    def pending(self) -> bool:
        """Whether some file has not been read yet."""
        return any(not r.read for r in self.rounds)

    # -- searching every round -------------------------------------------------

    @work(thread=True, exclusive=True, group="round-search")
    def search_rounds(self, query: str) -> None:
        """Search every round off the UI thread (indexes built as needed)."""
        worker = get_current_worker()
        paths = [r.path for r in self.rounds]
        found = self.indexes.search(paths, query, cancelled=lambda: worker.is_cancelled)
        if found is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._found, found)

    def _found(self, found: Found) -> None:
        if found.query != self.searching:
            return  # typing moved on
        self.found = found
        self._show_hits()

    def _show_hits(self) -> None:
        hits = self.hits
        query = self.searching or ""
        found = self.found if self.found is not None and self.found.query == query else None
        if not query.strip():
            hits.placeholder = "Type what to look for in every round after the /."
            hits.set_rows([])
            hits.border_subtitle = ""
            return
        if found is None:
            hits.border_subtitle = "searching…"
            return
        hits.placeholder = "Nothing matches in any round."
        hits.set_rows(list(found.hits))
        rounds = len({h.path for h in found.hits})
        said = f"{found.total} results in {rounds} {'round' if rounds == 1 else 'rounds'}"
        if found.total > len(found.hits):
            said = f"first {len(found.hits)} of {said}"
        hits.border_subtitle = "1 result" if found.total == 1 else said

    def _render_hit(self, hit: Hit, width: int, compact: bool) -> list[Content]:
        titles = {r.path: r.title for r in self.rounds if r.title}
        return [render_hit(hit, titles, width)]

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
        query = self.searching
        self.rows.display = query is None
        self.hits.display = query is not None
        if query is None:
            self.workers.cancel_group(self, "round-search")
            self._show()
            return
        self._show_hits()
        if query.strip():
            self.search_rounds(query)

    @on(Input.Submitted, "#rounds-filter")
    def _submitted(self) -> None:
        self.action_open()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_open()

    def action_move(self, step: int) -> None:
        rows: RowList[Round] | RowList[Hit] = self.rows if self.searching is None else self.hits
        if rows.cursor is not None and rows.rows:
            rows.cursor = max(0, min(len(rows.rows) - 1, rows.cursor + step))

    def action_clear_filter(self) -> None:
        self.query_one(Input).value = ""

    def action_open(self) -> None:
        if self.searching is not None:
            hit = self.hits.selected
            if hit is not None:
                self.post_message(self.Open(hit.path, (hit.kind, hit.id)))
            return
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
