"""Strike tally and figures pane: the briefing's numbers.

Strike counts are bars of launched against intercepted, per weapon, all on
one scale (29 missiles are a short bar next to nearly 400 drones). Other
reported figures (``figures:``) follow, each with its unit and who gave it;
a briefing with figures and no strikes calls the pane "Figures".

A figure is drawn only as precisely as it was reported: exact figures as
solid bars, approximate ones ("nearly 400") as shaded bars with their words,
and missing ones as "not reported", never as an empty bar that reads as 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from briefing.model import Briefing, Figure, ReportedFigure, Roster, WeaponCount
from briefing.model.wording import interception_rate
from briefing.ui.panes.base import Pane, PaneFrame
from briefing.ui.text_content import MUTED, NOT_REPORTED, fit, join, lit, show_in

LABEL_WIDTH = 15
EXACT_BAR = "█"
APPROX_BAR = "▒"


def bar(figure: Figure, scale: int, width: int, style: str) -> Content:
    """One bar, ``width`` cells for ``scale``; words where there is no number."""
    if not figure.known or figure.value is None:
        return lit(NOT_REPORTED, "italic " + MUTED)
    cells = round(width * figure.value / scale) if scale else 0
    if figure.value and not cells:
        cells = 1  # a non-zero figure always shows
    char = EXACT_BAR if figure.exact else APPROX_BAR
    return Content.assemble((char * cells, style), " ", lit(figure.text, "bold"))


class TallyPane(Pane):
    """Reported strikes by weapon type, then the other reported figures."""

    TITLE = "Strike tally"
    ROW_HEIGHT = 2
    """A figure's label and its value; a weapon takes three lines and a gap."""
    COMPACT_ROW_HEIGHT = 1
    PLACEHOLDER = "No figures in this briefing."
    _big_shown = False
    _scale = 0
    """The largest number of the strike tally: every bar is drawn against it."""
    _words = 0
    """Cells the longest figure's words take after its bar ("nearly 400")."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        # The frame first: the pane's title goes on it as the pane is made.
        self._frame = TallyFrame(self, id=f"{id}-frame" if id else None)
        super().__init__(id=id, classes=classes)

    @property
    def frame(self) -> TallyFrame:
        return self._frame

    def title_for(self, briefing: Briefing) -> str:
        if briefing.strikes is None and briefing.figures:
            return "Figures"
        return "Strike tally" + (" · Figures" if briefing.figures else "")

    @staticmethod
    def _measures(briefing: Briefing) -> tuple[int, int, bool]:
        """What every row's drawing depends on: the bars' one scale, the
        widest figure's words, and whether strike counts come first."""
        counts = briefing.strikes.counts if briefing.strikes else []
        known = [f for c in counts for f in (c.launched, c.intercepted) if f.known]
        scale = max((f.value or 0 for f in known), default=0)
        words = max((cell_len(f.text) for f in known), default=0)
        return scale, words, bool(briefing.strikes)

    def drawn_alike(self, old: Briefing, new: Briefing) -> bool:
        return super().drawn_alike(old, new) and self._measures(old) == self._measures(new)

    def show(self, briefing: Briefing, roster: Roster) -> None:
        self._scale, self._words, _ = self._measures(briefing)
        super().show(briefing, roster)
        caption = self.frame.query_one("#tally-caption", Static)
        show_in(caption, self.caption(briefing, roster))
        caption.display = briefing.strikes is not None
        if self._big_shown:
            self._fill_big()

    def set_big(self, shown: bool) -> None:
        """Build (or drop) the large figures as the pane is maximised (or restored)."""
        self._big_shown = shown
        self._fill_big()

    def _fill_big(self) -> None:
        from briefing.ui.panes.tally_big import BigFigures, big_figures

        big = self.frame.query("#tally-big")
        if not self._big_shown or self.briefing is None:
            big.remove()
            return
        if big:
            big.first().remove_children()
        else:
            self.frame.mount(BigFigures(id="tally-big"), after="#tally-caption")
        self.frame.query_one("#tally-big", BigFigures).mount_all(big_figures(self.briefing))

    def caption(self, briefing: Briefing, roster: Roster) -> Content:
        tally = briefing.strikes
        if tally is None:
            return Content("")
        by = roster.name_of(tally.reported_by) if tally.reported_by else NOT_REPORTED
        return join(
            [
                lit(tally.period, "bold"),
                lit(f"on {tally.target}") if tally.target else Content(""),
                lit(f"reported by {by}"),
                lit(tally.channel) if tally.channel else Content(""),
                lit(tally.reported_when) if tally.reported_when else Content(""),
            ]
        )

    def summary(self, rows: Sequence[WeaponCount | ReportedFigure]) -> str:
        approximate = any(
            f.known and not f.exact
            for c in rows
            if isinstance(c, WeaponCount)
            for f in (c.launched, c.intercepted)
        )
        return f"{EXACT_BAR} exact  {APPROX_BAR} approximate" if approximate else ""

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[WeaponCount | ReportedFigure]:
        counts: list[WeaponCount | ReportedFigure] = list(briefing.strikes.counts if briefing.strikes else ())
        return counts + list(briefing.figures)

    def row_path(self, index: int) -> tuple[str | int, ...]:
        row = self.list.rows[index]
        assert self.briefing is not None
        if isinstance(row, ReportedFigure):
            return ("figures", self.briefing.figures.index(row))
        assert self.briefing.strikes is not None
        return ("strikes", "counts", self.briefing.strikes.counts.index(row))

    def render_row(self, row: WeaponCount | ReportedFigure, width: int, compact: bool) -> list[Content]:
        if isinstance(row, ReportedFigure):
            return self._render_figure(row, width, compact)
        return self._render_count(row, width, compact)

    def _render_count(self, count: WeaponCount, width: int, compact: bool) -> list[Content]:
        rate = interception_rate(count)
        head = self.text(count.weapon, count, "weapon", "bold")
        if rate is not None:
            head = head + lit(f"  {rate:.0%} intercepted", "$tally-intercepted")
        room = max(4, width - LABEL_WIDTH - self._words - 2)
        lines = [fit(head, width)]
        for label, figure, style in (
            ("launched", count.launched, "$tally-launched"),
            ("intercepted", count.intercepted, "$tally-intercepted"),
        ):
            lines.append(
                fit(
                    Content.assemble(
                        lit(f"  {label}".ljust(LABEL_WIDTH), MUTED),
                        # One scale for every weapon: bars compare across rows.
                        bar(figure, self._scale, room, style),
                    ),
                    width,
                )
            )
        return lines if compact else [*lines, Content("")]

    def _render_figure(self, figure: ReportedFigure, width: int, compact: bool) -> list[Content]:
        label = self.text(figure.label, figure, "label", "bold")
        # The figure's own words ("about 1,200"), the unit only with a number.
        value = (
            Content.assemble(
                self.text(figure.value.text, figure, "value", "bold"),
                " " if figure.unit else "",
                self.text(figure.unit, figure, "unit") if figure.unit else "",
            )
            if figure.value.known
            else lit(NOT_REPORTED, "italic " + MUTED)
        )
        if compact:
            room = max(0, width - value.cell_length - 2)
            if room >= min(label.cell_length, 12):
                return [fit(label, room).pad_right(room - min(room, label.cell_length) + 2) + value]
            # No room for both on one line: the value (the fact, with its
            # "about") goes under the label rather than being cut away.
            return [fit(label, width), fit(value.pad_left(2), width)]
        roster = self.roster
        by = roster.name_of(figure.reported_by) if roster and figure.reported_by else figure.reported_by
        about = join(
            [
                lit(f"reported by {by}", MUTED) if by else Content(""),
                self.text(figure.when, figure, "when", MUTED) if figure.when else Content(""),
            ]
        )
        lines = [fit(label, width), fit(join([value.pad_left(2), about], "  "), width)]
        first = self.briefing is not None and self.briefing.strikes and self.briefing.figures[0] is figure
        if first:
            # Set apart from the strike counts above it.
            lines.insert(0, fit(lit("Other figures", "bold underline " + MUTED), width))
        return lines


class TallyFrame(PaneFrame):
    """The tally's frame: the report's caption above the rows; maximised,
    the figures in large type between them."""

    DEFAULT_CSS = """
    TallyFrame #tally-caption { color: $text-muted; height: auto; max-height: 3; }
    """

    pane: TallyPane

    def compose(self) -> ComposeResult:
        yield Static(id="tally-caption", markup=False)
        # The figures in large type (#tally-big) are mounted only while the
        # pane is maximised (z): a dozen Digits are costly to lay out.
        yield self.pane
