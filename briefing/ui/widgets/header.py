"""The top line: what briefing is open, where things stand, and how fresh it is.

"updated 2 days ago" comes only from the briefing's own ``meta.updated``;
the file's time is shown, when there is no such date, as what it is:
"saved 2 min ago".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from briefing.model import Briefing
from briefing.ui.text_content import MUTED, join, lit, show_in


def ago(then: date, now: datetime) -> str:
    """A short, human "how long ago" for the header; in days for a day without a time."""
    if not isinstance(then, datetime):
        days = (now.date() - then).days
        if days < 0:
            return f"on {then.isoformat()}"
        return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 60:
        return "just now"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h ago"
    return f"{hours // 24} days ago"


NARROW = 80
"""Below this many columns the clock leaves out when the briefing was updated or saved."""


class BriefingHeader(Horizontal):
    """Title and place, the briefing's status, and a clock with the briefing's age."""

    DEFAULT_CSS = """
    BriefingHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        & Static { text-wrap: nowrap; text-overflow: ellipsis; }
        /* The title has priority: the clock keeps its few cells at the right,
           the title takes what it needs of the rest, and the status what is
           left after it (cut with an ellipsis, or nothing when narrow). */
        & > #header-left { width: 1fr; height: 1; }
        & #header-title { width: auto; max-width: 100%; padding: 0 1; }
        & #header-status { width: 1fr; padding: 0 1; color: $text-warning; text-align: right; }
        & > #header-clock { width: auto; padding: 0 1; color: $text-muted; }
        &.-stale #header-status { background: $error; color: $text; text-style: bold; min-width: 7; }
    }
    """

    def __init__(self, now: Callable[[], datetime] = datetime.now) -> None:
        super().__init__()
        self.clock = now
        """What time it is (tests freeze it)."""
        self.updated: date | None = None
        """When the briefing says it was brought up to date (``meta.updated``)."""
        self.saved: datetime | None = None
        """When its file was saved (None for the bundled briefing)."""
        self.status = ""
        self.filter_label = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-left"):
            yield Static(id="header-title", markup=False)
            yield Static(id="header-status", markup=False)
        yield Static(id="header-clock", markup=False)

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)

    def show(self, briefing: Briefing, updated: date | None = None, saved: datetime | None = None) -> None:
        meta = briefing.meta
        title = join([lit(meta.title, "bold"), lit(meta.place, MUTED) if meta.place else Content("")])
        show_in(self.query_one("#header-title", Static), title)
        self.status = meta.status or ""
        self.updated = updated
        self.saved = saved
        self._show_status()
        self.tick()

    def set_stale(self, stale: bool) -> None:
        self.set_class(stale, "-stale")
        self._show_status()

    def set_filter(self, label: str) -> None:
        """Name the side the panes are filtered to ("" for none)."""
        self.filter_label = label
        self._show_status()

    def _show_status(self) -> None:
        parts = []
        if self.has_class("-stale"):
            parts.append(Content.styled("STALE", "bold"))  # the banner below says why
        if self.filter_label:
            parts.append(Content.assemble(("filter: ", ""), lit(self.filter_label, "bold")))
        if self.status:
            parts.append(lit(self.status))
        show_in(self.query_one("#header-status", Static), join(parts, "  ·  "))

    def on_resize(self) -> None:
        self.tick()

    def tick(self) -> None:
        now = self.clock()
        clock = now.strftime("%H:%M")
        # Below 80 columns the title needs the room more than the age does.
        roomy = self.size.width >= NARROW
        if not roomy:
            text = clock
        elif self.updated:
            text = f"updated {ago(self.updated, now)} · {clock}"
        elif self.saved:
            text = f"saved {ago(self.saved, now)} · {clock}"
        else:
            text = clock
        show_in(self.query_one("#header-clock", Static), Content(text))
