"""The strike tally's figures in large digits, shown while its pane is maximised.

Imported when the tally is first maximised, not on every start.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Digits, Static

from briefing.model import Briefing, Figure
from briefing.model.wording import interception_rate
from briefing.ui.text_content import NOT_REPORTED, lit


class BigFigures(Vertical):
    """The tally's figures in large type, shown while the pane is maximised.

    Its own class in its own module, so that neither its styles nor the
    class itself cost a start (~3 ms of the first frame, and ~0.3 ms).
    """

    DEFAULT_CSS = """
    BigFigures {
        height: auto;
        max-height: 70%;
        & .big-row { height: auto; }
        & .big-count { height: auto; width: auto; min-width: 26; margin: 0 4 1 0; }
        & .big-label { color: $text-muted; width: auto; }
        & .big-number { height: auto; width: auto; }
        & .big-count Digits { width: auto; }
        & .big-words, & .big-unit { height: 3; width: auto; content-align: left middle; margin: 0 1 0 0; }
        & .big-words { text-style: bold; }
        & .big-unit { color: $text-muted; margin: 0 0 0 1; }
        & .big-launched { color: $error; }
        & .big-intercepted { color: $success; }
        & .big-figure { color: $text; }
        & .big-missing { color: $text-muted; text-style: italic; padding: 1 0; }
    }
    """


def big_figures(briefing: Briefing) -> list[Widget]:
    """A row of large digits per weapon (launched, intercepted, rate), then per figure."""
    rows: list[Widget] = []
    for count in briefing.strikes.counts if briefing.strikes else ():
        cells: list[Widget] = []
        for label, figure, css in (
            ("launched", count.launched, "big-launched"),
            ("intercepted", count.intercepted, "big-intercepted"),
        ):
            cells.append(Vertical(*_big_figure(label, figure, css), classes="big-count"))
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
    figures = [
        Vertical(*_big_figure(f.label, f.value, "big-figure", f.unit), classes="big-count")
        for f in briefing.figures
    ]
    if figures and rows:
        rows.append(Static(lit("Other figures", "bold underline"), markup=False))
    for at in range(0, len(figures), 3):  # three to a row
        rows.append(Horizontal(*figures[at : at + 3], classes="big-row"))
    return rows


def _big_figure(label: str, figure: Figure, css: str, unit: str | None = None) -> list[Widget]:
    """A figure in large digits, with its label above and its words beside it.

    "nearly 400" keeps "nearly" next to the large 400: the approximation
    is part of the figure, not a footnote to it.
    """
    if not figure.known or figure.value is None:
        return [
            Static(lit(label), classes="big-label", markup=False),
            Static(Content(NOT_REPORTED), classes="big-missing"),
        ]
    qualifier = figure.qualifier
    digits = f"{figure.value:,}" + ("+" if figure.bound == "above" and not qualifier else "")
    number: list[Widget] = []
    if qualifier:
        number.append(Static(lit(qualifier), classes=f"big-words {css}", markup=False))
    number.append(Digits(digits, classes=css))
    if unit:
        number.append(Static(lit(unit), classes="big-unit", markup=False))
    return [
        Static(lit(label), classes="big-label", markup=False),
        Horizontal(*number, classes="big-number"),
    ]
