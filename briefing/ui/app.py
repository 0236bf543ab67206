"""The Textual application: a briefing, browsable by keyboard and mouse.

Loading the file, watching it and reloading are its base's (reloading.py);
here are the app's keys and help, the theme, the editor and citations.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType

from briefing.model import Briefing
from briefing.model.text import visible
from briefing.output.clipboard import SystemClipboard
from briefing.settings.config import read_config
from briefing.ui.keymap import check_keymap, keys_of
from briefing.ui.messages import CiteQuote, EditAt
from briefing.ui.reloading import ReloadingApp, error_screen
from briefing.ui.screens.main import MainScreen
from briefing.ui.terminal import Terminal
from briefing.ui.themes import ThemeSwitcher, briefing_variable_defaults
from briefing.ui.themes.colours import muted_text, muted_variables
from briefing.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.command import Provider
    from textual.filter import LineFilter


# Screens and providers that the first frame doesn't show are imported when
# first needed, which keeps them out of the start-up time.


def _briefing_commands() -> type[Provider]:
    from briefing.ui.commands import BriefingCommands

    return BriefingCommands


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


class BriefingApp(ReloadingApp):
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
        super().__init__(path, display_name=display_name, watch=watch, since=since)
        # Colours and characters the terminal can show (briefing/ui/terminal.py).
        self.terminal = Terminal(self)
        self.muted_text = "auto 60%"
        """The theme's muted text colour as written, for what the app draws itself."""
        self.system_clipboard = SystemClipboard()
        """How citations reach the clipboard (tests give it a fake runner)."""
        # The user's config.toml (theme, keymap); problems are shown on mount.
        self.user_config, config_problems = read_config()
        # Registers shipped + user themes and applies: theme=, else the
        # remembered one, else the default (briefing/ui/themes/catalog.py).
        self.theme_switcher = ThemeSwitcher(
            self, requested=theme, remembered=self.user_config.theme, problems=config_problems
        )

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Side and tally colours ($side-ally, $tally-launched ...) for themes
        # that do not set them, Textual's built-ins included.
        colours = self.current_theme.to_color_system().generate()
        # Muted text: as written for what the app draws, flattened for the rest.
        self.muted_text = muted_text(colours)
        return {**briefing_variable_defaults(self.current_theme, colours), **muted_variables(colours)}

    def get_line_filters(self) -> Sequence[LineFilter]:
        # NO_COLOR without greys; ASCII stand-ins on a terminal without Unicode.
        return self.terminal.line_filters(super().get_line_filters())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Screens ask the same for their own actions (see DetailScreen).
        return not (self.is_web and action in SERVER_SIDE_ACTIONS)

    def action_cycle_theme(self) -> None:
        self.theme_switcher.cycle()

    # -- keys and help --------------------------------------------------------

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

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        self._apply_keymap()
        self.theme_switcher.start()
        if self._startup_error is not None:
            self.push_screen(error_screen()(self._startup_error, watching=self.watch_file))
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
            error = self.screen.error if isinstance(self.screen, error_screen()) else None
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
