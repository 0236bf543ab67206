"""The Textual application: loads a briefing, keeps it fresh, picks the screen.

The last good briefing always stays on screen: a reload that fails shows a
banner over it instead of replacing it. Loading happens in a worker thread,
so a large file never freezes the keyboard.
"""

from __future__ import annotations

import gc
import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing.loading import BriefingError, load_path
from briefing.loading.watching import signature
from briefing.model import Briefing
from briefing.model.text import visible
from briefing.output.clipboard import SystemClipboard
from briefing.settings.config import read_config
from briefing.ui.keymap import check_keymap, keys_of
from briefing.ui.messages import CiteQuote, EditAt, ReloadFinished, ReloadStarted, SourceTextChanged
from briefing.ui.screens.main import MainScreen
from briefing.ui.terminal import Terminal
from briefing.ui.themes import ThemeSwitcher, briefing_variable_defaults
from briefing.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.command import Provider
    from textual.filter import LineFilter

    from briefing.diff.changes import Changes
    from briefing.ui.screens.error import ErrorScreen


# Screens and providers that the first frame doesn't show are imported when
# first needed, which keeps them out of the start-up time.


def _briefing_commands() -> type[Provider]:
    from briefing.ui.commands import BriefingCommands

    return BriefingCommands


def _error_screen() -> type[ErrorScreen]:
    from briefing.ui.screens.error import ErrorScreen

    return ErrorScreen


SERVER_SIDE_ACTIONS = {"edit"}
"""Actions that act on the machine the app runs on: hidden in a browser (``briefing serve``).

The web driver cannot suspend for an editor, and a viewer in a browser must
not run programs or write files on the server."""

MODAL_SCOPES = {"detail view", "change list"}
"""Binding scopes (see ``binding_sections``) on modal screens, where the app's keys are not live."""


def _server_side(binding: BindingType) -> bool:
    return isinstance(binding, Binding) and binding.action.removeprefix("app.") in SERVER_SIDE_ACTIONS


def _key_name(display: str) -> str:
    """F-keys as the keyboard writes them (F1, not f1)."""
    return display.upper() if display[:1] == "f" and display[1:].isdigit() else display


class BriefingApp(App[int]):
    """A meeting briefing, browsable by keyboard and mouse."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {_briefing_commands}
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit briefing", id="quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Show every key", id="help"),
        Binding("r", "reload", "Reload", show=False, tooltip="Reload the file now", id="reload"),
        Binding("b", "blank", "Blank", show=False, tooltip="Blank the screen (any key returns)", id="blank"),
        Binding(
            "t",
            "cycle_theme",
            "Theme",
            show=False,
            tooltip="Next colour theme (remembered)",
            id="cycle-theme",
        ),
    ]

    def __init__(
        self,
        path: Path,
        *,
        display_name: str | None = None,
        watch: bool = True,
        theme: str | None = None,
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
        # Colours and characters the terminal can show (briefing/ui/terminal.py).
        self.terminal = Terminal(self)
        # The user's config.toml (theme, keymap); problems are shown on mount.
        self.system_clipboard = SystemClipboard()
        """How citations reach the clipboard (tests give it a fake runner)."""
        self.user_config, config_problems = read_config()
        # Registers shipped + user themes and applies: theme=, else the
        # remembered one, else the default (briefing/ui/themes/catalog.py).
        self.theme_switcher = ThemeSwitcher(
            self, requested=theme, remembered=self.user_config.theme, problems=config_problems
        )

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Side and tally colours ($side-ally, $tally-launched ...) for themes
        # that do not set them, Textual's built-ins included.
        return briefing_variable_defaults(self.current_theme)

    def get_line_filters(self) -> Sequence[LineFilter]:
        # NO_COLOR without greys; ASCII stand-ins on a terminal without Unicode.
        return self.terminal.line_filters(super().get_line_filters())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Screens ask the same for their own actions (see DetailScreen).
        return not (self.is_web and action in SERVER_SIDE_ACTIONS)

    def action_cycle_theme(self) -> None:
        self.theme_switcher.cycle()

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

    def binding_sections(self) -> list[tuple[str, str | None, list[BindingType]]]:
        """Every binding once: (help heading, screen where it is live, bindings).

        The screen is None for the app's own bindings, live on every screen.
        Help lists the sections in this order; keymap checks group them by
        screen (:meth:`binding_scopes`).
        """
        from briefing.ui.screens.changes import ChangesScreen
        from briefing.ui.screens.detail import DetailScreen
        from briefing.ui.screens.presenter import PresenterScreen
        from briefing.ui.widgets.search_bar import SearchBar

        palette = Binding(
            self.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Command palette",
            tooltip="Search commands and items",
        )
        sections: list[tuple[str, str | None, list[BindingType]]] = [
            ("Anywhere", None, [*self.BINDINGS, palette]),
            ("Dashboard", "dashboard", MainScreen.BINDINGS),
            ("In a pane", "dashboard", RowList.BINDINGS),
            ("Search bar", "search bar", SearchBar.BINDINGS),
            ("Detail view", "detail view", DetailScreen.BINDINGS),
            ("Change list", "change list", ChangesScreen.BINDINGS),
            ("Presenter view", "presenter", PresenterScreen.BINDINGS),
        ]
        sections[2:2] = self.extra_binding_sections()
        if not self.is_web:
            return sections
        # In a browser, help does not list what is hidden there (check_action).
        return [
            (heading, screen, [b for b in bindings if not _server_side(b)])
            for heading, screen, bindings in sections
        ]

    def extra_binding_sections(self) -> list[tuple[str, str | None, list[BindingType]]]:
        """Sections a subclass adds after the dashboard's (the folder app's picker)."""
        return []

    def binding_scopes(self) -> list[tuple[str, list[BindingType]]]:
        """Bindings that are live together, by screen (for keymap checks)."""
        sections = self.binding_sections()
        everywhere = [b for _, screen, bindings in sections if screen is None for b in bindings]
        scopes: dict[str, list[BindingType]] = {}
        for _, screen, bindings in sections:
            if screen is not None:
                # A modal screen (the detail view) stops the app's keys: its
                # q means back, not quit, and does not clash with it.
                start = [] if screen in MODAL_SCOPES else everywhere
                scopes.setdefault(screen, list(start)).extend(bindings)
        return list(scopes.items())

    def keys_for(self, binding: Binding) -> str:
        """How to show ``binding``'s keys, every one of them, with the user's keymap applied."""
        keys = keys_of(binding, self._keymap if binding.id in self._keymap else {})
        return " or ".join(_key_name(self.get_key_display(Binding(k, ""))) for k in keys)

    def _apply_keymap(self) -> None:
        if not self.user_config.keymap:
            return  # nothing to check, and no need to import every screen
        keymap, problems = check_keymap(self.user_config.keymap, self.binding_scopes())
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Keymap", severity="warning", timeout=12, markup=False)

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

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        self._apply_keymap()
        self.theme_switcher.start()
        if self._startup_error is not None:
            self.push_screen(_error_screen()(self._startup_error, watching=self.watch_file))
        if self.watch_file:
            # After the first frame: the watcher's imports and set-up run on
            # the event loop and would delay it by ~30 ms.
            self.call_after_refresh(self.watch_for_changes)

    def _after_first_frame(self) -> None:
        if not self.is_headless:
            # Everything alive now (Textual, the briefing, the first frame)
            # lives as long as the app: keep the collector from walking it
            # again and again (-50..80 ms on later frames with 100,000
            # items). Not in tests, which start many apps in one process:
            # earlier apps' garbage would stay forever.
            gc.freeze()
        gc.enable()  # the command line turned it off until now (cli.main)

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

        folder = self.path.parent
        files = [folder / s.file for s in (self.briefing.sources if self.briefing else []) if s.file]
        self._watched_sources = files
        async for _ in changes_of_any(files):
            self.post_message(SourceTextChanged())

    def on_source_text_changed(self, _message: SourceTextChanged) -> None:
        from briefing.ui.screens.source import SourceScreen

        if isinstance(self.screen, SourceScreen):
            self.screen.reread()

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
            elif isinstance(self.screen, _error_screen()):
                self.screen.show(result)
            return
        if main is None:
            # The file was broken at start-up and is good now.
            while isinstance(self.screen, _error_screen()):
                self.pop_screen()
            self._first_show(result)
            if self.watch_file:
                self.watch_sources()
            return
        self._take(result)
        if self.watch_file and self._watched_sources != [
            self.path.parent / s.file for s in result.sources if s.file
        ]:
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

    # -- actions ------------------------------------------------------------

    def action_reload(self) -> None:
        self._asked_reload = True
        self.reload()

    def action_blank(self) -> None:
        from briefing.ui.screens.blank import BlankScreen

        if not isinstance(self.screen, BlankScreen):
            self.push_screen(BlankScreen())

    def action_help(self) -> None:
        from briefing.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        groups = [(heading, bindings) for heading, _, bindings in self.binding_sections()]
        self.push_screen(HelpScreen(groups, key_display=self.keys_for))

    def action_edit(self) -> None:
        """Suspend, open the editor at the selected item (or the problem), reload."""
        main = self.main_screen
        self.edit_at(main.selected_path() if main is not None else None)

    def edit_at(self, node: tuple[str | int, ...] | None) -> None:
        """Open the editor at ``node`` (a loader path), or at the problem if the file is broken."""
        from briefing.loading import line_of
        from briefing.settings.editor import editor_command

        line = 1
        main = self.main_screen
        if main is not None:
            error = main.error
        else:
            error = self.screen.error if isinstance(self.screen, _error_screen()) else None
        if error is not None and error.first.mark is not None:
            line = error.first.mark.line
        elif node is not None:
            line = line_of(self.path, node)
        if self.is_web:
            return  # hidden in a browser (check_action); a message sent anyway stops here
        command = editor_command(self.path, line)
        try:
            with self.suspend():
                import subprocess  # only when an editor is opened

                subprocess.run(command, check=False)
        except (SuspendNotSupported, OSError) as exc:
            self.notify(visible(f"Could not run {command[0]}: {exc}"), severity="error", markup=False)
            return
        self.reload()

    def on_edit_at(self, event: EditAt) -> None:
        self.edit_at(event.path)

    def on_cite_quote(self, event: CiteQuote) -> None:
        """Copy a quote's citation; say "copied" only when a clipboard program took it."""
        from briefing.model import Roster
        from briefing.output.citation import cite

        main = self.main_screen
        briefing = main.briefing if main is not None else self.briefing
        if briefing is None:
            return
        roster = main.roster if main is not None else Roster(briefing)
        citation = cite(event.quote, briefing, roster)
        from briefing.ui.screens.citation import CitationScreen

        if self.is_web:
            # To the browser's clipboard (the page's terminal takes OSC 52),
            # never the server's; the card offers it as a download too.
            self.copy_to_clipboard(citation)
            self.push_screen(CitationScreen(citation, self.path, in_browser=True))
            return
        tool = self.system_clipboard.copy(citation)
        if tool is not None:
            self.notify(citation, title=f"Citation copied ({tool})", timeout=4, markup=False)
            return
        self.copy_to_clipboard(citation)  # OSC 52: the terminal may or may not take it
        self.push_screen(CitationScreen(citation, self.path))

    def action_quit_with_error(self) -> None:
        self.exit(return_code=1)
