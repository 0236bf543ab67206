"""The citation, when no clipboard program took it: shown to select, or written to a file.

It was also sent to the terminal (OSC 52), but a terminal never says
whether it accepted that, so this card says only that it was sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, Static

from briefing.model.text import visible
from briefing.output.citation import save_citation
from briefing.ui.screens.card import CardScreen, ScrollCard
from briefing.ui.text_content import MUTED, para

DEFAULT_FILE = "citation.txt"


NOTE = (
    "Sent to the terminal (OSC 52) for its clipboard. No clipboard program "
    "was found (wl-copy, xclip, xsel or pbcopy), and a terminal never says "
    "whether it took the text: if pasting does not work, select it below "
    "with the mouse, or press w to add it to a file."
)
BROWSER_NOTE = (
    "Sent to your browser's clipboard, which takes it on pages served from "
    "this machine or over https, if the browser allows it. If pasting does "
    "not work, select it below with the mouse, or press w to download it."
)


class CitationScreen(CardScreen[None]):
    """The citation's text, selectable with the mouse; w adds it to a file."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", tooltip="Close the citation", id="close-citation"),
        Binding("w", "ask_file", "Write to file", tooltip="Add the citation to a file", id="write-citation"),
        # In a browser (briefing serve) w downloads it instead: nothing is written on the server.
        Binding("w", "download", "Download", tooltip="Download the citation as a file", id="write-citation"),
    ]

    DEFAULT_CSS = """
    CitationScreen {
        & #citation-text { margin: 1 0; padding: 0 1; border-left: thick $accent; }
        & #citation-file { display: none; }
        & #citation-file.-asking { display: block; }
    }
    """

    def __init__(self, text: str, briefing_path: Path, *, in_browser: bool = False) -> None:
        super().__init__()
        self.text = text
        self.briefing_path = briefing_path
        self.in_browser = in_browser

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "download":
            return self.in_browser
        if action == "ask_file":
            return not self.in_browser
        return True

    def compose(self) -> ComposeResult:
        hint = "w download" if self.in_browser else "w write to a file"
        with ScrollCard(hint=f"{hint} · Esc close", id="citation-card") as card:
            card.border_title = "Citation"
            yield Static(Content.styled(BROWSER_NOTE if self.in_browser else NOTE, MUTED), id="citation-note")
            yield Static(para(self.text), id="citation-text", markup=False)
            yield Input(
                DEFAULT_FILE,
                placeholder="file to add the citation to",
                id="citation-file",
                select_on_focus=True,
            )

    def on_mount(self) -> None:
        self.query_one("#citation-card").focus()

    @property
    def file_input(self) -> Input:
        return self.query_one("#citation-file", Input)

    def action_ask_file(self) -> None:
        self.file_input.add_class("-asking")
        self.file_input.focus()

    def action_download(self) -> None:
        import io

        self.app.deliver_text(io.StringIO(self.text + "\n"), save_filename=DEFAULT_FILE)
        self.notify(f"Sent to your browser as {DEFAULT_FILE}", title="Citation", markup=False)

    def action_close(self) -> None:
        if self.file_input.has_class("-asking"):
            # Esc in the file name: back to the card, not out of it.
            self.file_input.remove_class("-asking")
            self.query_one("#citation-card").focus()
            return
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            return
        path = Path(name).expanduser()
        try:
            save_citation(self.text, path, briefing=self.briefing_path)
        except (OSError, ValueError) as error:
            self.notify(visible(f"Could not write {path}: {error}"), severity="error", markup=False)
            return
        self.notify(visible(f"Citation added to {path}"), title="Citation", markup=False)
        self.dismiss(None)
