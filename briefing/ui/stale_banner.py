"""What the banner over a stale dashboard says: the file's first problems, and what to do."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.loading.problems import Problem
from briefing.ui.text_content import lit


def stale_banner(problems: Sequence[Problem], room: int) -> Content:
    """The first ``room`` problems, one line each, then how many more and the way out."""
    shown = problems[:room]
    more = len(problems) - len(shown)
    lines = [Content.assemble(("⚠ ", "bold $text-error"), lit(str(problem), "bold")) for problem in shown]
    lines.append(
        Content.assemble(
            (f"+{more} more · ! lists all · " if more else "", "bold"),
            (
                "Showing the last good version (stale): fix the file and save · e edit · r reload",
                "$text-muted-flat",
            ),
        )
    )
    return Content("\n").join(lines)


class StaleBanner(Static):
    """The banner over a stale dashboard (its looks parsed only when first shown)."""

    DEFAULT_CSS = """
    StaleBanner {
        /* In the flow below the docked header, never docked over it:
           the title, the clock and STALE stay in view with the banner. */
        height: auto;
        max-height: 5;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $error 25%;
        color: $text;
        border-left: thick $error;
        padding: 0 1;
    }
    """


def banner_on(screen: Widget, *, below: Widget) -> Static:
    """The screen's banner (``#banner``), mounted ``below`` a widget the first
    time it is needed: a stale view is rare, and a hidden widget costs the
    first frame its styling."""
    if found := screen.query("#banner"):
        return found.first(Static)
    banner = StaleBanner(id="banner", markup=False)
    screen.mount(banner, after=below)
    return banner
