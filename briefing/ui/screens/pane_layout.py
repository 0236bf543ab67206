"""The dashboard's panes laid out: which are shown, where, which one is current.

How the panes share the terminal is worked out in ``briefing.ui.layout``;
``PaneLayout``, the base of MainScreen, applies it as the briefing or the
terminal's size changes, and moves between the panes (number keys, Tab,
a tab's name, zoom). The panes are numbered in the order they are shown,
and the number keys follow those numbers.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

from briefing.model import Briefing
from briefing.model.items import present
from briefing.ui.layout import Arrangement, arrange, panes_for
from briefing.ui.panes.base import Pane
from briefing.ui.panes.tally import TallyFrame


class PaneLayout(Screen[None]):
    """A screen of panes (``#body``, one grid) laid out for the briefing and the terminal."""

    briefing: Briefing
    """The briefing shown (set by the subclass): which sections, so which panes."""

    def __init__(self) -> None:
        super().__init__()
        self.arrangement = Arrangement("two-columns")
        """How the panes are laid out now."""
        self._arranged = False
        """Whether the grid was set once (the first arrangement is applied whatever it is)."""
        self._current = "delegations"
        """The pane last focused (the open one in an accordion)."""
        self._tab = ""
        """Of two panes that take turns in one cell, the one shown."""
        self._resumed = False
        """Whether the screen has been shown once."""

    @property
    def panes(self) -> list[Pane]:
        return list(self.query(Pane))

    def pane(self, name: str) -> Pane:
        return self.query_one(f"#{name}", Pane)

    # -- arranging the panes ---------------------------------------------------

    def _first_arrangement(self, body: Widget, panes: list[Pane]) -> None:
        """Arrange ``panes`` in ``body`` before they are mounted (call from compose).

        The classes and grid are in place when the widgets are first styled,
        so the first frame needs no second styling pass (~20 ms).
        """
        a = self._arrangement_now()
        self._arranged = True
        self.update_classes(_screen_classes(a), update=False)
        _set_grid(body, a)
        for pane in panes:
            self._place(pane, a)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. The first resume comes right
        # after every widget was mounted and styled with the classes set in
        # compose; styling them all again (~10 ms of the first frame)
        # would change nothing. Later resumes (after a modal, a theme
        # change) restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _arrangement_now(self) -> Arrangement:
        """Arrangement for the briefing's sections at the terminal's size (and remember it)."""
        size = self.size if self.size.area else self.app.size
        shown = panes_for(present(self.briefing))
        if self._current not in shown:
            self._current = shown[0]
        a = self.arrangement = arrange(shown, size.width, size.height)
        if a.tabs is not None and self._tab not in a.tabs:
            self._tab = self._current if self._current in a.tabs else a.tabs[0]
        return a

    def _place(self, pane: Pane, a: Arrangement) -> None:
        """Set ``pane``'s classes and spans for ``a``; its styles are updated by the caller."""
        name = pane.id or ""
        frame = pane.frame
        frame.update_classes(
            {
                "-absent": name not in a.panes,
                "-inactive": a.tabs is not None and name in a.tabs and name != self._tab,
                "-current": name == self._current,
            },
            update=False,
        )
        frame.styles.column_span, frame.styles.row_span = a.spans.get(name, (1, 1))

    def _arrange(self) -> None:
        """Lay out the panes the briefing has for the terminal's size."""
        before = self.arrangement
        a = self._arrangement_now()
        if a == before and self._arranged:
            # A reload of the same sections at the same size: setting the
            # grid again would lay out the whole screen for nothing.
            self._set_titles()
            return
        self._arranged = True
        if a.mode == "too-small":
            self._show_too_small()
        # Classes change without a restyle each, then the screen is restyled
        # once: one class on the screen restyles every widget on it.
        self.update_classes(_screen_classes(a), update=False)
        _set_grid(self.query_one("#body"), a)
        for pane in self.panes:
            self._place(pane, a)
        self.update_node_styles()
        self._set_titles()
        if self._focus_lost():
            # Back from "too small", or the focused pane went with its section.
            self.call_after_refresh(self._focus_current)
        if before.panes != a.panes or before.mode != a.mode:
            self.refresh_bindings()  # the number keys follow the panes shown

    def _show_too_small(self) -> None:
        """Mount the "make the window larger" message, the first time it is needed."""
        if not self.query("#too-small"):
            from briefing.ui.widgets.too_small import too_small

            self.mount(too_small(), after="#body")

    def _focus_lost(self) -> bool:
        """Whether nothing, or a pane no longer shown, has the focus."""
        if self.arrangement.mode == "too-small":
            return False
        pane = Pane.holding(self.focused)
        return self.focused is None or (pane is not None and (pane.id or "") not in self.arrangement.panes)

    def _focus_current(self) -> None:
        if self._focus_lost():
            self.pane(self._current).list.focus()

    def _set_titles(self) -> None:
        a = self.arrangement
        numbered = {
            name: f"{n} {self.pane(name).title_for(self.briefing)}" for n, name in enumerate(a.panes, 1)
        }
        titles: dict[str, Content] = {name: Content(title) for name, title in numbered.items()}
        if a.tabs is not None:
            # One cell, two tabs: the title names both so the other is discoverable.
            # and a click on a tab's name shows it.
            first, second = (_tab(numbered[n], n, n == self._tab) for n in a.tabs)
            both = Content.assemble(first, ("  │  ", "dim"), second)
            titles.update(dict.fromkeys(a.tabs, both))
        for name, title in titles.items():
            frame = self.pane(name).frame
            # Setting a title redraws the pane, and a reload sets them all.
            if frame.border_title != title.markup:  # Textual gives it back as markup
                frame.border_title = title

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        pane = Pane.holding(event.widget)
        if pane is not None and pane.id and pane.id != self._current:
            self._current = pane.id
            for each in self.panes:
                each.frame.set_class(each is pane, "-current")

    # -- actions ------------------------------------------------------------

    def action_focus_pane_number(self, number: int) -> None:
        """Focus the ``number``-th pane shown (1 is the first)."""
        shown = self.arrangement.panes
        if 1 <= number <= len(shown):
            self.action_focus_pane(shown[number - 1])

    def action_focus_pane(self, name: str) -> None:
        """Focus pane ``name`` (bringing its tab forward); nothing if it is not shown."""
        if name not in self.arrangement.panes:
            return
        tabs = self.arrangement.tabs
        if tabs is not None and name in tabs and name != self._tab:
            self._tab = name
            for other in tabs:
                self.pane(other).frame.set_class(other != name, "-inactive")
            self._set_titles()
        self.pane(name).list.focus()

    def action_next_pane(self, direction: int) -> None:
        """Tab / Shift+Tab: the next pane in order, tabs included; a zoom moves along."""
        panes = [self.pane(name) for name in self.arrangement.panes]
        current = Pane.holding(self.focused)
        index = panes.index(current) if current in panes else -direction
        target = panes[(index + direction) % len(panes)]
        zoomed = self.maximized is not None
        if zoomed:
            self.minimize()
        self.action_focus_pane(target.id or "")
        if zoomed:
            self.maximize(target.frame, container=False)

    def action_maximize_pane(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        if (pane := Pane.holding(self.focused)) is not None:
            self.maximize(pane.frame, container=False)

    def action_minimize_pane(self) -> None:
        self.minimize()

    def watch_maximized(self, before: Widget | None, after: Widget | None) -> None:
        for frame in (before, after):
            if isinstance(frame, TallyFrame):
                frame.pane.set_big(frame is after)
        self.refresh_bindings()

    def jump_to(self, name: str, key: str) -> None:
        """Focus pane ``name`` and select the row whose key is ``key``."""
        self.action_focus_pane(name)
        self.pane(name).select_row(key)

    def action_restore_pane(self) -> None:
        self.minimize()


def _screen_classes(a: Arrangement) -> dict[str, bool]:
    return {
        "-too-small": a.mode == "too-small",
        "-one-column": a.mode == "one-column",
        "-accordion": a.accordion,
        "-tight": a.collapsed_height == 2,
    }


def _set_grid(body: Widget, a: Arrangement) -> None:
    styles = body.styles
    styles.grid_size_columns = a.columns
    styles.grid_size_rows = a.rows
    styles.grid_columns = a.column_widths
    styles.grid_rows = "1fr"


def _tab(label: str, pane: str, active: bool) -> Content:
    """A tab's name in a shared frame: bold when shown, a click shows it."""
    click = Style.from_meta({"@click": f"screen.focus_pane({pane!r})"})
    return Content.styled(label, "bold" if active else "dim").stylize(click)
