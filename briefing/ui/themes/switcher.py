"""Themes in the running app: register them, pick the first, cycle, remember."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.theme import Theme

from briefing.loading.problems import Problem
from briefing.settings.config import ConfigError
from briefing.ui.terminal import has_sixteen_colours
from briefing.ui.themes.catalog import ThemeCatalog, choose_theme, discover_themes

if TYPE_CHECKING:
    from textual.app import App


def _set_first_theme(app: App[Any], name: str) -> None:
    """Make ``name`` the theme the stylesheet is first parsed with.

    Setting ``app.theme`` before the app runs queues a full CSS reparse and
    restyle of every widget right after the first compose (~20 ms before the
    first paint). Before the stylesheet is parsed we can instead do what the
    theme watcher does, minus the reparse.

    Textual 8 has no public way to do this: ``app.theme = ...`` queues the
    reparse, ``refresh_css`` is the reparse, and only the private
    ``_refresh_truecolor_filter`` points the ANSI colour filter at the new
    theme's dark or light terminal palette. So it is used here alone, and
    a Textual without it gets the public (slower) path.
    """
    refresh_filter = getattr(app, "_refresh_truecolor_filter", None)
    if app.is_running or refresh_filter is None:  # pragma: no cover - other Textual
        app.theme = name
        return
    app.set_reactive(type(app).theme, name)
    theme = app.current_theme
    classes = {c: False for c in app.classes if c.startswith("-theme-")}
    classes.update({f"-theme-{theme.name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark})
    app.update_classes(classes, update=False)
    refresh_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


class ThemeSwitcher:
    """Registers the themes with an app, picks the first, cycles and remembers.

    Create it in ``App.__init__`` (after ``super().__init__()``), call
    :meth:`start` from ``on_mount`` and :meth:`cycle` from a key binding.
    """

    MAX_NOTES = 3
    """Problems shown as notifications at start-up; the rest are summed up."""

    def __init__(
        self,
        app: App[Any],
        *,
        requested: str | None = None,
        remembered: str | None = None,
        problems: Iterable[Problem] = (),
        catalog: ThemeCatalog | None = None,
    ) -> None:
        self.app = app
        self.catalog = catalog or discover_themes(sixteen_colours=has_sixteen_colours(app))
        for theme in self.catalog.themes.values():
            app.register_theme(theme)
        name, note = choose_theme(
            app.available_themes, requested=requested, remembered=remembered, no_color=app.no_color
        )
        self.notes = [str(p) for p in (*self.catalog.problems, *problems)]
        if note:
            self.notes.append(note)
        self._remembered = name
        _set_first_theme(app, name)

    @property
    def names(self) -> list[str]:
        """Cycle order: the briefing's themes, then every other registered theme."""
        return [
            *self.catalog.themes,
            *(n for n in self.app.available_themes if n not in self.catalog.themes),
        ]

    def start(self) -> None:
        """Report problems (once the app can show them) and save later changes."""
        for note in self.notes[: self.MAX_NOTES]:
            self.app.notify(note, title="Theme", severity="warning", timeout=12, markup=False)
        if len(self.notes) > self.MAX_NOTES:
            self.app.notify(
                f"… and {len(self.notes) - self.MAX_NOTES} more theme problems",
                title="Theme",
                severity="warning",
                timeout=12,
                markup=False,
            )
        self.app.theme_changed_signal.subscribe(self.app, self._changed)

    def cycle(self) -> None:
        names = self.names
        at = names.index(self.app.theme) if self.app.theme in names else -1
        self.app.theme = names[(at + 1) % len(names)]

    def _changed(self, theme: Theme) -> None:
        # Fires for `t`, the command palette's theme picker and app code alike;
        # the start-up theme (including a one-off --theme) is not saved.
        if theme.name == self._remembered:
            return
        self._remembered = theme.name
        if self.app.is_web:  # briefing serve: a viewer writes nothing on the server
            self.app.notify(theme.name, title="Theme (this tab only)", timeout=2, markup=False)
            return
        from briefing.settings.config_edit import save_theme  # first change of theme only

        try:
            save_theme(theme.name)
        except ConfigError as error:
            self.app.notify(
                f"{error.problems[0]}\nTheme {theme.name} is in use but not saved.",
                title="Theme not saved",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        self.app.notify(theme.name, title="Theme", timeout=2, markup=False)


__all__ = ["ThemeSwitcher"]
