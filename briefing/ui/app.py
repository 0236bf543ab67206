"""The Textual application: loads a briefing and shows the right screen."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from briefing.loading import BriefingError, load_path
from briefing.text import visible
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.error import ErrorScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.row_list import RowList


class BriefingApp(App[int]):
    """A meeting briefing, browsable by keyboard and mouse."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit briefing", id="quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Show every key", id="help"),
    ]

    def __init__(self, path: Path, *, display_name: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.display_name = display_name or str(path)

    def on_mount(self) -> None:
        try:
            briefing = load_path(self.path, display=self.display_name)
        except BriefingError as error:
            self.push_screen(ErrorScreen(error))
            return
        # Textual writes the title into screenshots (SVG) and their file names.
        self.title = visible(briefing.meta.title)
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
