"""The Textual application: loads a briefing, keeps it fresh, picks the screen.

The last good briefing always stays on screen: a reload that fails shows a
banner over it instead of replacing it. Loading happens in a worker thread,
so a large file never freezes the keyboard.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing.format import Briefing
from briefing.loading import BriefingError, load_path
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.row_list import RowList
from briefing.watching import signature

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing.ui.screens.error import ErrorScreen


# Screens and providers that the first frame doesn't show are imported when
# first needed, which keeps them out of the start-up time.


def _briefing_commands() -> type[Provider]:
    from briefing.ui.commands import BriefingCommands

    return BriefingCommands


def _error_screen() -> type[ErrorScreen]:
    from briefing.ui.screens.error import ErrorScreen

    return ErrorScreen


class BriefingApp(App[int]):
    """A meeting briefing, browsable by keyboard and mouse."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {_briefing_commands}
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit briefing", id="quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Show every key", id="help"),
        Binding("r", "reload", "Reload", show=False, tooltip="Reload the file now", id="reload"),
    ]

    def __init__(
        self, path: Path, *, display_name: str | None = None, watch: bool = True
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.display_name = display_name or str(path)
        self.watch_file = watch
        self.briefing: Briefing | None = None
        """The last briefing that loaded without problems."""
        self._startup_error: BriefingError | None = None
        self._loaded_signature: tuple[int, int, int, int] | None = None

    # -- time (tests freeze it) ---------------------------------------------

    def now(self) -> datetime:
        return datetime.now()

    def updated_at(self, briefing: Briefing) -> datetime | None:
        """When the briefing was last brought up to date.

        The briefing's own ``meta.updated`` when it is an ISO date, otherwise
        the file's modification time.
        """
        if briefing.meta.updated:
            try:
                when = datetime.fromisoformat(briefing.meta.updated.strip())
            except ValueError:
                pass
            else:
                return when.astimezone().replace(tzinfo=None) if when.tzinfo else when
        return self.file_mtime()

    def file_mtime(self) -> datetime | None:
        try:
            return datetime.fromtimestamp(os.stat(self.path).st_mtime)
        except OSError:
            return None

    # -- loading ------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        # The dashboard is the app's first screen instead of being pushed from
        # on_mount: Textual renders a screen pushed during its start-up batch
        # once and throws that frame away (~50 ms before the first paint).
        self._loaded_signature = signature(self.path)
        try:
            briefing = load_path(self.path, display=self.display_name)
        except BriefingError as error:
            self._startup_error = error
            return super().get_default_screen()
        self.briefing = briefing
        self.title = briefing.meta.title
        return MainScreen(briefing)

    def on_mount(self) -> None:
        if self._startup_error is not None:
            self.push_screen(_error_screen()(self._startup_error))
        if self.watch_file:
            # After the first frame: the watcher's imports and set-up run on
            # the event loop and would delay it by ~30 ms.
            self.call_after_refresh(self.watch_for_changes)

    def _first_show(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.title = briefing.meta.title
        self.push_screen(MainScreen(briefing))

    @work(exclusive=True, group="watch")
    async def watch_for_changes(self) -> None:
        from briefing.watching import changes  # not needed for the first paint

        if signature(self.path) != self._loaded_signature:
            self.reload()  # saved while we started up, before anything watched
        async for _ in changes(self.path):
            self.reload()

    @work(thread=True, exclusive=True, group="load")
    def reload(self) -> None:
        """Load the file again off the UI thread; drop the result if superseded."""
        try:
            result: Briefing | BriefingError = load_path(self.path, display=self.display_name)
        except BriefingError as error:
            result = error
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._loaded, result)

    def _loaded(self, result: Briefing | BriefingError) -> None:
        main = self.main_screen
        if isinstance(result, BriefingError):
            if main is not None:
                main.set_stale(result)
            elif isinstance(self.screen, _error_screen()):
                self.screen.show(result)
            return
        if main is None:
            # The file was broken at start-up and is good now.
            while isinstance(self.screen, _error_screen()):
                self.pop_screen()
            self._first_show(result)
            return
        self.briefing = result
        self.title = result.meta.title
        changes = main.update(result)
        if changes:
            parts = [f"{len(items)} {word}" for items, word in (
                (changes.added, "new"), (changes.changed, "changed"), (changes.removed, "removed")) if items]
            self.notify(", ".join(parts) + " · d lists the changes", title="Briefing updated", timeout=4)

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # -- actions ------------------------------------------------------------

    def action_reload(self) -> None:
        self.reload()

    def action_help(self) -> None:
        from briefing.ui.screens.detail import DetailScreen
        from briefing.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette", tooltip="Search commands and items")
        self.push_screen(
            HelpScreen(
                [
                    ("Anywhere", [*self.BINDINGS, palette]),
                    ("Dashboard", MainScreen.BINDINGS),
                    ("In a pane", RowList.BINDINGS),
                    ("Detail view", DetailScreen.BINDINGS),
                ]
            )
        )

    def action_edit(self) -> None:
        """Suspend, open the editor at the selected item (or the problem), reload."""
        from briefing.editor import editor_command
        from briefing.loading import line_of

        line = 1
        main = self.main_screen
        error = main.error if main is not None else getattr(self.screen, "error", None)
        if isinstance(error, BriefingError) and error.first.mark is not None:
            line = error.first.mark.line
        elif main is not None and (node := main.selected_path()) is not None:
            line = line_of(self.path, node)
        command = editor_command(self.path, line)
        try:
            with self.suspend():
                subprocess.run(command, check=False)
        except (SuspendNotSupported, OSError) as exc:
            self.notify(f"Could not run {command[0]}: {exc}", severity="error")
            return
        self.reload()

    def action_quit_with_error(self) -> None:
        self.exit(return_code=1)
