"""``briefing DIR``: the app over a folder of rounds.

It starts on the folder picker (:class:`RoundsScreen`); Enter opens a round
as the usual dashboard, watched and reloaded like a single file; ``o`` goes
back to the picker (a search across every round is typed there, after a
``/``) and ``D`` compares the open round with the one before it
in the folder's order (the changes view).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.loading import BriefingError, load_path
from briefing.loading.watching import signature
from briefing.model import Briefing
from briefing.model.text import visible
from briefing.ui.app import BriefingApp
from briefing.ui.layout import PANE_OF
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.rounds import RoundsScreen


class RoundMainScreen(MainScreen):
    """The dashboard of one round, with the keys that lead back to the folder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "app.rounds", "Rounds", tooltip="Back to the folder's rounds", id="rounds"),
        Binding(
            "D",
            "app.compare_previous",
            "Compare",
            tooltip="What changed since the previous round of the folder",
            id="compare-previous",
        ),
    ]


class RoundsApp(BriefingApp):
    """A folder of briefings: pick one, read it, go back, compare with the previous."""

    def __init__(
        self,
        folder: Path,
        *,
        display_name: str | None = None,
        watch: bool = True,
        theme: str | None = None,
    ) -> None:
        super().__init__(folder, display_name=display_name or str(folder), watch=watch, theme=theme)
        self.folder = Path(folder)
        self.folder_label = self.display_name
        self.watch_rounds = self.watch_file
        # Nothing to watch until a round is open (the picker looks at the folder itself).
        self.watch_file = False

    def extra_binding_sections(self) -> list[tuple[str, str | None, list[BindingType]]]:
        return [
            ("A round of the folder", "dashboard", RoundMainScreen.BINDINGS),
            ("Rounds picker", "rounds", RoundsScreen.BINDINGS),
        ]

    def get_default_screen(self) -> Screen:
        return RoundsScreen(self.folder, self.folder_label, watch=self.watch_rounds)

    @property
    def rounds_screen(self) -> RoundsScreen:
        return next(s for s in self.screen_stack if isinstance(s, RoundsScreen))

    def _main_screen_for(self, briefing: Briefing) -> MainScreen:
        return RoundMainScreen(briefing, updated=self.updated_at(briefing), now=self.now)

    def open_round(self, path: Path, item: tuple[str, str] | None = None) -> None:
        """Show the round at ``path`` (a broken one is reported, the picker stays),
        with ``item`` (kind, id) selected if given."""
        try:
            briefing = load_path(path, display=path.name)
        except BriefingError as exc:
            shown = "\n".join(str(p) for p in exc.problems[:3])
            self.notify(shown, title=visible(f"{path.name} has problems"), severity="error", markup=False)
            return
        self.path = path
        self.display_name = path.name
        self._loaded_signature = signature(path)
        self._take(briefing)
        main = self._main_screen_for(briefing)
        self.push_screen(main)
        if item is not None and item[0] in PANE_OF:
            main.call_after_refresh(main.jump_to, PANE_OF[item[0]], item[1])
        if self.watch_rounds:
            self.watch_file = True
            self.watch_for_changes()  # exclusive: replaces the last round's watch

    def on_rounds_screen_open(self, event: RoundsScreen.Open) -> None:
        self.open_round(event.path, event.item)

    def action_rounds(self) -> None:
        """Back to the picker; the open round's watch stops."""
        self.workers.cancel_group(self, "watch")
        self.workers.cancel_group(self, "load")
        while not isinstance(self.screen, RoundsScreen):
            self.pop_screen()
        self.briefing = None
        self.path = self.folder
        self.display_name = self.folder_label
        self.title = "briefing"

    def action_compare_previous(self) -> None:
        from briefing.diff.changes import diff
        from briefing.ui.screens.changes import ChangesScreen

        main = self.main_screen
        if main is None:
            return
        before = self.rounds_screen.previous(self.path)
        if before is None:
            self.notify("This is the first round of the folder: nothing to compare with.", severity="warning")
            return
        try:
            old = load_path(before.path, display=before.name)
        except BriefingError as exc:
            self.notify(
                str(exc.problems[0]), title="The previous round has problems", severity="error", markup=False
            )
            return
        changes = diff(old, main.briefing)
        label = visible(f"{before.name} (previous round)")
        self.push_screen(
            ChangesScreen(changes, self.now().strftime("%H:%M:%S"), since=label, clear=main.clear_marks)
        )
