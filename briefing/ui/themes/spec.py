"""The theme file format: what a theme file may hold, as msgspec Structs.

No Textual here: the checks that need Textual's colour parser live in
:mod:`.parsing`, the mapping onto Textual's Theme in :mod:`.textual_theme`.
"""

# Annotations are evaluated here, not postponed (no `from __future__ import
# annotations`): msgspec would otherwise evaluate every annotation string
# when it first builds a decoder, ~4 ms of each start.
import re

import msgspec

from briefing.loading import reading
from briefing.loading.problems import ProblemsError

DEFAULT_THEME = "briefing-dark"
NO_COLOR_THEME = "briefing-mono"
"""Started with when NO_COLOR is set and nothing else was asked for."""
FALLBACK_THEME = "textual-dark"
"""Used only if the shipped default itself cannot be loaded."""
PARTY_COLOURS = 4
"""Parties get ``side-party-1`` .. ``side-party-4``, reused in turn beyond four."""
MAX_THEME_BYTES = 256 * 1024
WORDS = reading.FileWords(
    folder="is not a regular file",
    not_regular="is not a regular file",
    too_big="is {size:,} bytes; a theme file is limited to {limit:,}",
    grew="is larger than the limit; a theme file is limited to {limit:,}",
)
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

SIDE_VARIABLES = (
    "side-mediator",
    *(f"side-party-{n}" for n in range(1, PARTY_COLOURS + 1)),
    "side-ally",
    "side-observer",
    "side-other",
)
TALLY_VARIABLES = ("tally-launched", "tally-intercepted")
TERMINAL_COLOURS = tuple(
    f"ansi_{bright}{hue}"
    for bright in ("", "bright_")
    for hue in ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
)
"""The 16 colours of a terminal, as the ``ansi:`` section names them."""
BRIEFING_VARIABLES = (*SIDE_VARIABLES, *TALLY_VARIABLES)

HINTS = {
    "text": "foreground",
    "fg": "foreground",
    "bg": "background",
    "party": "party-1",
    "parties": "party-1",
    "light": "dark",
    "colors": "variables",
    "colours": "variables",
}
"""Wrong keys people are likely to write, and what they mean."""


class _Part(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True, rename="kebab"):
    pass


class Sides(_Part, frozen=True):
    """A colour per side role; party-1 and party-2 tell two parties apart."""

    mediator: str | None = None
    party_1: str | None = None
    party_2: str | None = None
    party_3: str | None = None
    party_4: str | None = None
    ally: str | None = None
    observer: str | None = None
    other: str | None = None


class Tally(_Part, frozen=True):
    """Bar colours in the strike tally."""

    launched: str | None = None
    intercepted: str | None = None


class AnsiColours(_Part, frozen=True):
    """The theme on a terminal with 16 colours (``TERM=xterm``, the Linux console).

    The same keys as the theme itself, each one of the terminal's own colours
    (``ansi_blue``, ``ansi_bright_white`` ...); keys left out take the shipped
    16-colour palette for a dark or light theme (:mod:`.ansi`).
    """

    primary: str | None = None
    secondary: str | None = None
    accent: str | None = None
    foreground: str | None = None
    background: str | None = None
    surface: str | None = None
    panel: str | None = None
    boost: str | None = None
    warning: str | None = None
    error: str | None = None
    success: str | None = None
    sides: Sides = msgspec.field(default_factory=Sides)
    tally: Tally = msgspec.field(default_factory=Tally)
    variables: dict[str, str] = {}


class ThemeFile(_Part, frozen=True):
    """One theme file, as written."""

    name: str
    dark: bool
    primary: str
    foreground: str
    background: str
    secondary: str | None = None
    accent: str | None = None
    surface: str | None = None
    panel: str | None = None
    boost: str | None = None
    warning: str | None = None
    error: str | None = None
    success: str | None = None
    sides: Sides = msgspec.field(default_factory=Sides)
    tally: Tally = msgspec.field(default_factory=Tally)
    variables: dict[str, str] = {}
    ansi: AnsiColours = msgspec.field(default_factory=AnsiColours)


BASE_COLOURS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)


class ThemeError(ProblemsError):
    """A theme file could not be used; holds every problem found."""


__all__ = [
    "BASE_COLOURS",
    "BRIEFING_VARIABLES",
    "DEFAULT_THEME",
    "FALLBACK_THEME",
    "HINTS",
    "MAX_THEME_BYTES",
    "NAME",
    "NO_COLOR_THEME",
    "PARTY_COLOURS",
    "SIDE_VARIABLES",
    "TALLY_VARIABLES",
    "TERMINAL_COLOURS",
    "WORDS",
    "AnsiColours",
    "Sides",
    "Tally",
    "ThemeError",
    "ThemeFile",
]
