"""Which panes the dashboard has, and how they share the terminal.

A pane is shown only when the briefing has one of its sections
(``model.items.present``): a trade negotiation without ``strikes:`` gets no
strike tally, and the panes it has share the room. How they share it depends
on the terminal: one column below ``ONE_COLUMN_BELOW`` columns, three from
``THREE_COLUMNS_FROM``, two in between, and a plain request for a larger
window below ``MIN_WIDTH`` x ``MIN_HEIGHT``. Pure functions of sizes and
names, so the rules can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import msgspec

from briefing.model.items import SECTIONS

PANE_SECTIONS: dict[str, tuple[str, ...]] = {
    "delegations": ("delegations",),
    "agenda": ("agenda",),
    "quotes": ("quotes",),
    "tally": ("strikes", "figures"),
    "timeline": ("timeline",),
}
"""Each pane (by id, in screen order) and the sections of the file it shows."""

PANE_KINDS: dict[str, tuple[str, ...]] = {
    pane: tuple(kind for section in sections for kind in SECTIONS[section])
    for pane, sections in PANE_SECTIONS.items()
}
"""The kinds of item each pane lists, from the sections of the file it shows."""

PANE_OF: dict[str, str] = {kind: pane for pane, kinds in PANE_KINDS.items() for kind in kinds}
"""The pane that lists each kind of item, to go to."""

ONE_COLUMN_BELOW = 70
THREE_COLUMNS_FROM = 180
MIN_WIDTH = 40
MIN_HEIGHT = 12
SHARED_CELL_HEIGHT = 30
"""From this terminal height, two panes that share the last cell of two
columns are stacked in it; below it they take turns, as tabs."""
PANE_ROOM = 7
"""Lines a pane needs to be of use; one column of shorter panes opens only
the current one (the others keep their title line)."""
CHROME = 2
"""Lines that are not the panes': the header and the footer."""


# A Struct rather than a dataclass: every start defines it, and a
# dataclass takes ~1 ms to define (a Struct ~0.03 ms).
class Arrangement(msgspec.Struct, frozen=True):
    """How the shown panes are laid out at one terminal size."""

    mode: str
    """``too-small``, ``one-column``, ``two-columns`` or ``three-columns``."""
    panes: tuple[str, ...] = ()
    """The panes shown, in order."""
    columns: int = 1
    column_widths: str = "1fr"
    rows: int = 1
    spans: dict[str, tuple[int, int]] = msgspec.field(default_factory=dict)
    """Pane -> (columns, rows) it spans in the grid (1, 1 when not listed)."""
    tabs: tuple[str, str] | None = None
    """Two panes that take turns in one cell (only one is shown at a time)."""
    accordion: bool = False
    """One column too short for all: only the current pane is open."""
    collapsed_height: int = 3
    """Height of a closed pane in an accordion (frame and maybe one row)."""


def panes_for(sections: Collection[str]) -> tuple[str, ...]:
    """The panes that show any of ``sections``, in screen order.

    A briefing with none of them still gets the first pane, which says so.
    """
    shown = tuple(pane for pane, own in PANE_SECTIONS.items() if any(s in sections for s in own))
    return shown or (next(iter(PANE_SECTIONS)),)


def arrange(panes: Sequence[str], width: int, height: int) -> Arrangement:
    """Lay ``panes`` out on a terminal of ``width`` x ``height``."""
    panes = tuple(panes)
    n = len(panes)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return Arrangement("too-small", panes)
    body = height - CHROME
    if width < ONE_COLUMN_BELOW or n == 1:
        accordion = n > 1 and body < n * PANE_ROOM
        # Closed panes keep a row of their own when the open one still gets
        # a useful height; else just their frame with its title.
        collapsed = 3 if body - (n - 1) * 3 >= PANE_ROOM + 1 else 2
        return Arrangement("one-column", panes, rows=n, accordion=accordion, collapsed_height=collapsed)
    if width >= THREE_COLUMNS_FROM and n >= 3:
        # The third pane (the quotes, in a full briefing) takes a whole
        # column, a little wider than the others: it holds the most words.
        widths = "1fr 1fr 1.25fr"
        if n == 3:
            return Arrangement("three-columns", panes, columns=3, column_widths=widths)
        spans = {panes[2]: (1, 2)}
        if n == 4:
            spans[panes[3]] = (2, 1)
        return Arrangement("three-columns", panes, columns=3, column_widths=widths, rows=2, spans=spans)
    if n == 2:
        return Arrangement("two-columns", panes, columns=2, column_widths="1fr 1fr")
    if n == 3:
        return Arrangement(
            "two-columns", panes, columns=2, column_widths="1fr 1fr", rows=2, spans={panes[2]: (2, 1)}
        )
    if n == 4:
        return Arrangement("two-columns", panes, columns=2, column_widths="1fr 1fr", rows=2)
    # Five: the last two share the last cell, stacked when tall enough.
    spans = {pane: (1, 2) for pane in panes[:3]}
    tabs = None
    if height < SHARED_CELL_HEIGHT:
        tabs = (panes[3], panes[4])
        spans.update({pane: (1, 2) for pane in tabs})
    return Arrangement(
        "two-columns", panes, columns=2, column_widths="1fr 1fr", rows=4, spans=spans, tabs=tabs
    )
