"""Messages the app posts down to the dashboard (defined apart so neither imports the other)."""

from __future__ import annotations

from textual.message import Message


class ReloadStarted(Message):
    """The file is being loaded again (posted to the dashboard)."""

    bubble = False


class ReloadFinished(Message):
    """A reload's result, good or broken, is on the dashboard (posted to it)."""

    bubble = False


class SourceTextChanged(Message):
    """A text that one of the briefing's sources points at changed on disk."""
