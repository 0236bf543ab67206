"""Colour themes as YAML files: read, validate, map onto Textual, register, switch.

A theme file (``themes/briefing-dark.yaml`` is the annotated reference)::

    name: briefing-dark          # lowercase letters, digits and '-'
    dark: true
    primary: "#0178D4"           # required, with foreground and background
    foreground: "#e0e0e0"
    background: "#121212"
    secondary / accent / surface / panel / boost / warning / error / success: optional
    sides:                       # optional; missing ones derive from the colours above
      mediator / party-1 / party-2 / party-3 / party-4 / ally / observer / other
    tally:
      launched / intercepted
    variables:                   # optional: Textual's own variables, e.g.
      block-cursor-text-style: bold reverse
    ansi:                        # optional: the same keys, in the terminal's 16
      accent: ansi_bright_cyan   # colours, for terminals that have no more

Every mistake in a file is a ``FILE:LINE:COL: message`` problem; a broken
file is skipped (and reported), never a crash.

The briefing's own colours become Theme variables with kebab-case names
(``side-mediator``, ``side-party-1`` ... ``side-party-4``, ``side-ally``,
``side-observer``, ``side-other``, ``tally-launched``, ``tally-intercepted``),
usable in CSS and in Content styles as ``$side-ally``. Themes that lack them
(Textual's built-ins, sparse user files) get values derived from their own
colours by :func:`briefing_variable_defaults`, which the app returns from
``App.get_theme_variable_defaults``.

Shipped themes live in ``themes/``; files in the user's config folder
(``briefing.paths.themes_dir()``) load after them and win on equal names.

The parts: :mod:`.spec` (the file format), :mod:`.parsing` (read and
check one file), :mod:`.textual_theme` (map it onto Textual),
:mod:`.colours` (side and tally colours for any theme), :mod:`.ansi` (the
16-colour palettes), :mod:`.catalog`
(all files, cached; which to start with), :mod:`.switcher` (in the app).
"""

from briefing.ui.themes.catalog import (
    ThemeCatalog,
    choose_theme,
    discover_themes,
    theme_files,
    theme_names,
)
from briefing.ui.themes.colours import MIN_SIDE_CONTRAST, briefing_variable_defaults, contrast, readable
from briefing.ui.themes.parsing import check_theme, colour_problem, parse_theme, textual_variables
from briefing.ui.themes.spec import (
    BASE_COLOURS,
    BRIEFING_VARIABLES,
    DEFAULT_THEME,
    FALLBACK_THEME,
    MAX_THEME_BYTES,
    NO_COLOR_THEME,
    PARTY_COLOURS,
    SIDE_VARIABLES,
    TALLY_VARIABLES,
    Sides,
    Tally,
    ThemeError,
    ThemeFile,
)
from briefing.ui.themes.switcher import ThemeSwitcher
from briefing.ui.themes.textual_theme import load_theme_file, to_theme

__all__ = [
    "BASE_COLOURS",
    "BRIEFING_VARIABLES",
    "DEFAULT_THEME",
    "FALLBACK_THEME",
    "MAX_THEME_BYTES",
    "MIN_SIDE_CONTRAST",
    "NO_COLOR_THEME",
    "PARTY_COLOURS",
    "SIDE_VARIABLES",
    "TALLY_VARIABLES",
    "Sides",
    "Tally",
    "ThemeCatalog",
    "ThemeError",
    "ThemeFile",
    "ThemeSwitcher",
    "briefing_variable_defaults",
    "check_theme",
    "choose_theme",
    "colour_problem",
    "contrast",
    "discover_themes",
    "load_theme_file",
    "parse_theme",
    "readable",
    "textual_variables",
    "theme_files",
    "theme_names",
    "to_theme",
]
