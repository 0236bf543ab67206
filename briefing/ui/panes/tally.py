"""Strike tally pane: launched against intercepted, per weapon, as bars.

A figure is drawn only as precisely as it was reported: exact figures as
solid bars, approximate ones ("nearly 400") as shaded bars with their words,
and missing ones as "not reported", never as an empty bar that reads as 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import Briefing, Figure, Roster, WeaponCount
from briefing.model.wording import interception_rate
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, NOT_REPORTED, fit, join, lit

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
    """Reported strikes by weapon type."""

    TITLE = "Strike tally"
    ROW_HEIGHT = 4
    COMPACT_ROW_HEIGHT = 3
    SECTION = ("strikes", "counts")
    PLACEHOLDER = "No strike figures in this briefing."
    _big_shown = False

    DEFAULT_CSS = """
    TallyPane {
        & #tally-caption { color: $text-muted; height: auto; max-height: 3; }
        & #tally-big { display: none; height: auto; max-height: 70%; }
        &.-maximized #tally-big { display: block; }
        & .big-row { height: auto; }
        & .big-count { height: auto; width: 26; margin: 0 2 1 0; }
        & .big-label { color: $text-muted; }
        & .big-launched { color: $error; }
        & .big-intercepted { color: $success; }
        & .big-missing { color: $text-muted; text-style: italic; padding: 1 0; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="tally-caption", markup=False)
        # The figures in large type, shown only when the pane is maximised
        # (z) and built only then: a dozen Digits are costly to lay out.
        yield Vertical(id="tally-big")
        yield from super().compose()

    def show(self, briefing: Briefing, roster: Roster) -> None:
        super().show(briefing, roster)
        self.query_one("#tally-caption", Static).update(self.caption(briefing, roster))
        self._fill_big()

    def set_big(self, shown: bool) -> None:
        """Build (or drop) the large figures as the pane is maximised (or restored)."""
        self._big_shown = shown
        self._fill_big()

    def _fill_big(self) -> None:
        big = self.query_one("#tally-big", Vertical)
        big.remove_children()
        if self._big_shown and self.briefing is not None:
            big.mount_all(self.big_figures(self.briefing))

    def big_figures(self, briefing: Briefing) -> list[Widget]:
        """A row of large digits per weapon: launched, intercepted, rate."""
        from textual.widgets import Digits

        rows: list[Widget] = []
        for count in briefing.strikes.counts if briefing.strikes else ():
            cells: list[Widget] = []
            for label, figure, css in (
                ("launched", count.launched, "big-launched"),
                ("intercepted", count.intercepted, "big-intercepted"),
            ):
                cells.append(Vertical(*self._big_figure(label, figure, css), classes="big-count"))
            rate = interception_rate(count)
            if rate is not None:
                cells.append(
                    Vertical(
                        Static(Content("% intercepted"), classes="big-label"),
                        Digits(f"{rate * 100:.0f}"),
                        classes="big-count",
                    )
                )
            rows.append(Static(lit(count.weapon, "bold"), markup=False))
            rows.append(Horizontal(*cells, classes="big-row"))
        return rows

    @staticmethod
    def _big_figure(label: str, figure: Figure, css: str) -> list[Widget]:
        from textual.widgets import Digits

        if not figure.known or figure.value is None:
            return [
                Static(Content(label), classes="big-label"),
                Static(Content(NOT_REPORTED), classes="big-missing"),
            ]
        words = "" if figure.exact else f" ({figure.text})"
        digits = f"{figure.value}" + ("+" if figure.bound == "above" else "")
        return [
            Static(Content.assemble(label, (words, "bold")), classes="big-label", markup=False),
            Digits(digits, classes=css),
        ]

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

    def summary(self, rows: Sequence[WeaponCount]) -> str:
        approximate = any(f.known and not f.exact for c in rows for f in (c.launched, c.intercepted))
        return f"{EXACT_BAR} exact  {APPROX_BAR} approximate" if approximate else ""

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[WeaponCount]:
        return briefing.strikes.counts if briefing.strikes else ()

    def render_row(self, count: WeaponCount, width: int, compact: bool) -> list[Content]:
        rate = interception_rate(count)
        head = self.text(count.weapon, count, "weapon", "bold")
        if rate is not None:
            head = head + lit(f"  {rate:.0%} intercepted", "$tally-intercepted")
        values = [f.value for f in (count.launched, count.intercepted) if f.value]
        scale = max(values, default=0)
        room = max(4, width - LABEL_WIDTH - 24)
        lines = [fit(head, width)]
        for label, figure, style in (
            ("launched", count.launched, "$tally-launched"),
            ("intercepted", count.intercepted, "$tally-intercepted"),
        ):
            lines.append(
                fit(
                    Content.assemble(
                        lit(f"  {label}".ljust(LABEL_WIDTH), MUTED),
                        bar(figure, scale, room, style),
                    ),
                    width,
                )
            )
        return lines
