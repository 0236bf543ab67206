"""The dashboard's keys: going to panes, zoom, the screens it opens, search and its modes.

MainScreen binds them all; help and the keymap checks read them from it.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

PANE_KEYS = 5
"""Number keys 1 … 5 go to the first … fifth pane shown."""

MODE_BINDINGS: list[BindingType] = [
    # Esc undoes the innermost mode: the search, then the zoom, then the
    # side filter. One binding each, so the footer says which comes next.
    Binding(
        "escape",
        "clear_search",
        "Clear",
        tooltip="Clear the search (the selection stays)",
        id="clear",
    ),
    Binding("escape", "restore_pane", "Restore", tooltip="Restore the maximised pane", id="clear"),
    Binding("escape", "clear_side", "All sides", tooltip="Clear the side filter", id="clear"),
    Binding("n", "step_match(1)", "Next", tooltip="Jump to the next match", id="next-match"),
    Binding("N", "step_match(-1)", "Prev", tooltip="Jump to the previous match", id="previous-match"),
]
"""Keys of a mode (search, zoom, side filter), first in the footer while it is on."""

SEARCH_BINDINGS: list[BindingType] = [
    Binding(
        "slash,ctrl+f",
        "search",
        "Search",
        key_display="/",
        tooltip="Search every pane as you type",
        id="search",
    ),
    Binding(
        "ctrl+o",
        "toggle_hide",
        "Only matches",
        show=False,
        tooltip="Hide non-matching items instead of dimming them",
        id="toggle-hide",
    ),
    Binding(
        "f",
        "focus_side",
        "Side",
        tooltip="Show only the selected item's side (Esc clears)",
        id="focus-side",
    ),
]
"""Search and side-filter keys, bound on MainScreen (a Finder never has focus to get keys)."""

DASHBOARD_BINDINGS: list[BindingType] = [
    *(
        Binding(
            f"{n}",
            f"focus_pane_number({n})",
            f"Pane {n}",
            show=False,
            tooltip=f"Go to pane {n} (the number in its frame)",
            id=f"pane-{n}",
        )
        for n in range(1, PANE_KEYS + 1)
    ),
    Binding("tab", "next_pane(1)", "Next pane", show=False),
    Binding("shift+tab", "next_pane(-1)", "Previous pane", show=False),
    *MODE_BINDINGS,
    # Two bindings per key where the key does one of two things: the
    # footer shows the one check_action lets through.
    Binding("z", "maximize_pane", "Zoom", tooltip="Maximise the focused pane (Esc restores)", id="zoom"),
    Binding("z", "minimize_pane", "Restore", tooltip="Restore the maximised pane", id="zoom"),
    Binding(
        "d",
        "show_changes",
        "Changes",
        show=False,
        tooltip="List what the last reload changed",
        id="changes",
    ),
    Binding(
        "i",
        "show_overview",
        "Overview",
        show=False,
        tooltip="The meeting's summary, days, format and sources",
        id="overview",
    ),
    Binding("e", "app.edit", "Edit", show=False, tooltip="Open $EDITOR at the selected item", id="edit"),
    Binding("c", "copy_citation", "Cite", tooltip="Copy the selected quote as a citation", id="cite"),
    Binding(
        "s",
        "show_source",
        "Source",
        show=False,
        tooltip="Show the selected item in its source text",
        id="source",
    ),
    Binding(
        "p",
        "present",
        "Present",
        tooltip="Presenter view: one quote or agenda item at a time",
        id="present",
    ),
    Binding(
        "exclamation_mark",
        "show_problems",
        "Problems",
        show=False,
        tooltip="List every problem of the broken save",
        id="problems",
    ),
    *SEARCH_BINDINGS,
]
"""Every key of the dashboard, in the order help lists them."""
