"""The Textual application: loads a briefing and shows the right screen."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from briefing.config import read_config
from briefing.loading import BriefingError, load_path
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.error import ErrorScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.themes import ThemeSwitcher, briefing_variable_defaults
from briefing.ui.widgets.row_list import RowList


class BriefingApp(App[int]):
    """A meeting briefing, browsable by keyboard and mouse."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit briefing", id="quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Show every key", id="help"),
        Binding("t", "cycle_theme", "Theme", tooltip="Next colour theme (remembered)", id="cycle-theme"),
    ]

    def __init__(self, path: Path, *, display_name: str | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.display_name = display_name or str(path)
        # The user's config.toml (theme, keymap); problems are shown on mount.
        self.user_config, config_problems = read_config()
        # Registers shipped + user themes and applies: theme=, else the
        # remembered one, else the default (briefing/ui/themes.py).
        self.theme_switcher = ThemeSwitcher(
            self, requested=theme, remembered=self.user_config.theme, problems=config_problems
        )

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Side and tally colours ($side-ally, $tally-launched ...) for themes
        # that do not set them, Textual's built-ins included.
        return briefing_variable_defaults(self.current_theme)

    def action_cycle_theme(self) -> None:
        self.theme_switcher.cycle()

    def on_mount(self) -> None:
        self.theme_switcher.start()
        try:
            briefing = load_path(self.path, display=self.display_name)
        except BriefingError as error:
            self.push_screen(ErrorScreen(error))
            return
        self.title = briefing.meta.title
        self.push_screen(MainScreen(briefing))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette", tooltip="Search commands")
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

    def action_quit_with_error(self) -> None:
        self.exit(return_code=1)
