"""Messages between the app and its screens (defined apart so neither imports the other)."""

from __future__ import annotations

from textual.message import Message

from briefing.model import Quote


class ReloadStarted(Message):
    """The file is being loaded again (posted to the dashboard)."""

    bubble = False


class ReloadFinished(Message):
    """A reload's result, good or broken, is on the dashboard (posted to it)."""

    bubble = False


class CiteQuote(Message):
    """Copy ``quote``'s citation (a screen asks; the app copies and says how)."""

    def __init__(self, quote: Quote) -> None:
        super().__init__()
        self.quote = quote


class EditAt(Message):
    """Open the editor at ``path`` (a loader path; None: the top of the file)."""

    def __init__(self, path: tuple[str | int, ...] | None) -> None:
        super().__init__()
        self.path = path


class SourceTextChanged(Message):
    """A text that one of the briefing's sources points at changed on disk."""
