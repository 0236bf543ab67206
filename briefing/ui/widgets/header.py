"""The top line: what briefing is open, where things stand, and how fresh it is.

"updated 2 days ago" comes only from the briefing's own ``meta.updated``;
the file's time is shown, when there is no such date, as what it is:
"saved 2 min ago".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from briefing.model import Briefing
from briefing.ui.text_content import MUTED, join, lit
from briefing.ui.widgets.row_drawing import fitted_strip, style_parser


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
STALE_ROOM = 7
"""Cells the status keeps, when the view is stale, whatever the title's length: " STALE "."""
STATUS_STYLE = "$text-warning"
STALE_STYLE = "bold $text on $error"


def header_line(title: Content, status: Content, clock: str, width: int, *, stale: bool = False) -> Content:
    """The header's one line, ``width`` cells: title, status, clock, each padded by a space.

    The clock keeps its cells at the right; the title takes what it needs of
    the rest and the status what is left, right-aligned, cut with an
    ellipsis. A stale view keeps room for STALE before the title's.
    """
    clock_cell = Content.styled(f" {clock} ", MUTED)
    left = max(0, width - clock_cell.cell_length)
    reserved = min(STALE_ROOM, left) if stale else 0
    title_width = min(title.cell_length + 2, left - reserved)
    status_width = left - title_width
    parts = [_padded(title, title_width), _padded(status, status_width, right=True)]
    if stale:
        parts[1] = parts[1].stylize(STALE_STYLE)
    elif parts[1]:
        parts[1] = parts[1].stylize(STATUS_STYLE)
    return Content.assemble(*parts, clock_cell).truncate(width)


def _padded(content: Content, width: int, *, right: bool = False) -> Content:
    """``content`` in ``width`` cells with a space each side (cut with an ellipsis)."""
    if width <= 0:
        return Content("")
    if width <= 2:
        return Content(" " * width)
    inner = content.truncate(width - 2, ellipsis=True)
    inner = (
        inner.pad_left(width - 2 - inner.cell_length)
        if right
        else inner.pad_right(width - 2 - inner.cell_length)
    )
    return Content.assemble(" ", inner, " ")


class BriefingHeader(Widget):
    """Title and place, the briefing's status, and a clock with the briefing's age.

    One widget drawing one line (not a row of Statics): it is on every
    frame, and each widget costs the first frame its styling and layout.
    """

    DEFAULT_CSS = """
    BriefingHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
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
        self._title = Content("")
        self._clock_text = ""

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)

    async def on_click(self) -> None:
        # A click on the header opens the meeting's overview, as i does.
        await self.run_action("screen.show_overview")

    def _line(self) -> Content:
        return header_line(
            self._title, self._status(), self._clock_text, self.size.width, stale=self.has_class("-stale")
        )

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y:
            return Strip.blank(width, self.rich_style)
        # Styled over the header's own colours, as the lists' rows are: a
        # muted colour ("auto 60%") needs the background to be worked out.
        return fitted_strip(self._line(), width, self.visual_style, style_parser(self))

    @property
    def text(self) -> str:
        """The line as shown, without styles."""
        return self._line().plain

    def show(self, briefing: Briefing, updated: date | None = None, saved: datetime | None = None) -> None:
        meta = briefing.meta
        title = join([lit(meta.title, "bold"), lit(meta.place, MUTED) if meta.place else Content("")])
        # Drawn again only when something shown changes: a reload sets it every time.
        changed = (title.plain, title.spans, meta.status or "") != (
            self._title.plain,
            self._title.spans,
            self.status,
        )
        self._title = title
        self.status = meta.status or ""
        self.updated = updated
        self.saved = saved
        if changed:
            self.refresh()
        self.tick()

    def set_stale(self, stale: bool) -> None:
        self.set_class(stale, "-stale")
        self.refresh()

    def set_filter(self, label: str) -> None:
        """Name the side the panes are filtered to ("" for none)."""
        self.filter_label = label
        self.refresh()

    def _status(self) -> Content:
        parts = []
        if self.has_class("-stale"):
            parts.append(Content.styled("STALE", "bold"))  # the banner below says why
        if self.filter_label:
            parts.append(Content.assemble(("filter: ", ""), lit(self.filter_label, "bold")))
        if self.status:
            parts.append(lit(self.status))
        return join(parts, "  ·  ")

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
        if text != self._clock_text:  # once a minute, not every second
            self._clock_text = text
            self.refresh()
