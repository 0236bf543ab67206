"""The App's file: loading the briefing, watching it and its sources, reloading.

The last good briefing always stays on screen: a reload that fails shows a
banner over it instead of replacing it. Loading happens in a worker thread,
so a large file never freezes the keyboard. ``ReloadingApp`` is the base of
BriefingApp (app.py), which adds the keys, the theme and the actions.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing.loading import BriefingError, load_path
from briefing.loading.watching import signature
from briefing.model import Briefing
from briefing.model.text import visible
from briefing.ui.messages import ReloadFinished, ReloadStarted, SourceTextChanged
from briefing.ui.screens.main import MainScreen

if TYPE_CHECKING:
    from briefing.diff.changes import Changes
    from briefing.ui.screens.error import ErrorScreen


def error_screen() -> type[ErrorScreen]:
    """The screen of a file that will not load (imported when first needed)."""
    from briefing.ui.screens.error import ErrorScreen

    return ErrorScreen


class ReloadingApp(App[int]):
    """An app showing the briefing in one file, kept fresh as the file changes."""

    def __init__(
        self,
        path: Path,
        *,
        display_name: str | None = None,
        watch: bool = True,
        since: tuple[Briefing, str] | None = None,
    ) -> None:
        """``since``: an earlier version of the briefing and its name (``--since REV``)."""
        super().__init__()
        self.since = since
        self.path = Path(path)
        self.display_name = display_name or str(path)
        self.watch_file = watch
        self.briefing: Briefing | None = None
        """The last briefing that loaded without problems."""
        self._startup_error: BriefingError | None = None
        self._asked_reload = False
        """The next reload was asked for with r: say if nothing changed."""
        self._loaded_signature: tuple[int, int, int, int] | None = None
        self._watched_sources: list[Path] = []

    # -- time (tests freeze it) ---------------------------------------------

    def now(self) -> datetime:
        return datetime.now()

    def updated_at(self, briefing: Briefing) -> date | None:
        """When the briefing says it was last brought up to date.

        Only the briefing's own ``meta.updated``, when it is an ISO date (a
        ``date``) or date and time (a ``datetime``): the file's modification
        time is when it was saved (or installed), not when its facts were
        brought up to date.
        """
        text = (briefing.meta.updated or "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)  # a day, with no time of day to invent
        except ValueError:
            pass
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            return None
        return when.astimezone().replace(tzinfo=None) if when.tzinfo else when

    def saved_at(self) -> datetime | None:
        """When the open file was last saved, shown as such ("saved 2 min ago").

        None for the bundled briefing: its file time is when it was installed.
        """
        from briefing.paths import default_briefing

        if self.path.resolve() == default_briefing().resolve():
            return None
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
        self._take(briefing)
        return self._main_screen_for(briefing)

    def _take(self, briefing: Briefing) -> None:
        """Make ``briefing`` the one the app shows."""
        self.briefing = briefing
        # Textual writes the title into screenshots (SVG) and their file names.
        # Set quietly: App.title repaints the whole screen, and no widget here
        # shows it (the header draws the briefing's own title).
        self.set_reactive(App.title, visible(briefing.meta.title))

    def _main_screen_for(self, briefing: Briefing) -> MainScreen:
        return MainScreen(
            briefing, updated=self.updated_at(briefing), saved=self.saved_at(), now=self.now, since=self.since
        )

    def _first_show(self, briefing: Briefing) -> None:
        self._take(briefing)
        self.push_screen(self._main_screen_for(briefing))

    @work(exclusive=True, group="watch")
    async def watch_for_changes(self) -> None:
        from briefing.loading.watching import changes  # not needed for the first paint

        # The watch starts after the first frame, so a save made before it
        # is in place would be missed: compare the file with what was loaded,
        # now and once the watch is surely set up.
        self._reload_if_changed()
        for delay in (0.3, 1.5):
            self.set_timer(delay, self._reload_if_changed)
        self.watch_sources()
        async for _ in changes(self.path):
            self.reload()

    @work(exclusive=True, group="watch-sources")
    async def watch_sources(self) -> None:
        """Watch the texts the briefing's sources point at (restarted when
        the briefing is reloaded); an open source view shows the new text."""
        from briefing.loading.watching import changes_of_any

        files = self._source_files(self.briefing)
        self._watched_sources = files
        async for _ in changes_of_any(files):
            self.post_message(SourceTextChanged())

    def _source_files(self, briefing: Briefing | None) -> list[Path]:
        """The texts ``briefing``'s sources point at, beside the file."""
        folder = self.path.parent
        return [folder / s.file for s in (briefing.sources if briefing else []) if s.file]

    def on_source_text_changed(self, _message: SourceTextChanged) -> None:
        from briefing.ui.screens.source import SourceScreen

        # (The watch can report as the app closes, with no screen left.)
        if self.screen_stack and isinstance(self.screen_stack[-1], SourceScreen):
            self.screen_stack[-1].reread()

    def _reload_if_changed(self) -> None:
        if signature(self.path) != self._loaded_signature:
            self.reload()

    def reload(self) -> None:
        """Load the file again off the UI thread; drop the result if superseded."""
        if (main := self.main_screen) is not None:
            main.post_message(ReloadStarted())
        self._reload()

    @work(thread=True, exclusive=True, group="load")
    def _reload(self) -> None:
        self._loaded_signature = signature(self.path)
        shown = self.briefing
        try:
            result: Briefing | BriefingError = load_path(self.path, display=self.display_name)
        except BriefingError as error:
            result = error
        changes = None
        if isinstance(result, Briefing) and shown is not None:
            # Here rather than on the UI thread: ~0.4 s with 100,000 items.
            from briefing.diff.changes import diff

            changes = diff(shown, result)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._loaded, result, shown, changes)

    def _loaded(
        self, result: Briefing | BriefingError, shown: Briefing | None, changes: Changes | None
    ) -> None:
        """Take a reload's result; ``changes`` is its diff from ``shown``."""
        main = self.main_screen
        asked, self._asked_reload = self._asked_reload, False
        if isinstance(result, BriefingError):
            if main is not None:
                main.set_stale(result)
                main.post_message(ReloadFinished())
            elif isinstance(self.screen, error_screen()):
                self.screen.show(result)
            return
        if main is None:
            # The file was broken at start-up and is good now.
            while isinstance(self.screen, error_screen()):
                self.pop_screen()
            self._first_show(result)
            if self.watch_file:
                self.watch_sources()
            return
        self._take(result)
        if self.watch_file and self._watched_sources != self._source_files(result):
            self.watch_sources()
        # The worker's diff holds only if it was made against what is shown.
        changes = main.update(
            result,
            changes if shown is main.briefing else None,
            updated=self.updated_at(result),
            saved=self.saved_at(),
        )
        main.post_message(ReloadFinished())
        if changes:
            parts = [
                f"{len(items)} {word}"
                for items, word in (
                    (changes.added, "new"),
                    (changes.changed, "changed"),
                    (changes.removed, "removed"),
                )
                if items
            ]
            self.notify(", ".join(parts) + " · d lists the changes", title="Briefing updated", timeout=4)
        elif asked:
            self.notify("No changes since the last load.", title="Reloaded", timeout=3)

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None
