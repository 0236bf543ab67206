"""The briefing's side and tally colours for any theme, readable on its background.

Themes that lack them (Textual's built-ins, sparse user files) get values
derived from their own colours; the app returns these from
``App.get_theme_variable_defaults``.
"""

from __future__ import annotations

from textual.color import Color, ColorParseError
from textual.theme import Theme

MIN_SIDE_CONTRAST = 3.0
"""WCAG's minimum for graphics; derived side colours are nudged up to it."""


def briefing_variable_defaults(theme: Theme, colours: dict[str, str] | None = None) -> dict[str, str]:
    """Side and tally colours for ``theme``: its own, else derived from its colours.

    Derived colours come from the theme's palette (accent for the mediator,
    primary and secondary for parties, success for allies ...) and are nudged
    towards the foreground until they reach 3:1 against the background.
    """
    colours = colours or theme.to_color_system().generate()
    given = theme.variables

    def pick(*names: str) -> str:
        for name in names:
            if name in given:
                return given[name]
            if name in colours:
                return colours[name]
        return colours.get("foreground", "ansi_default")

    background = colours.get("background", "")
    foreground = colours.get("foreground", "")
    derived = {
        "side-mediator": pick("side-mediator", "accent"),
        "side-party-1": pick("side-party-1", "primary"),
        "side-party-2": pick("side-party-2", "secondary"),
        "side-party-3": pick("side-party-3", "side-party-1", "warning"),
        "side-party-4": pick("side-party-4", "side-party-2", "text-secondary"),
        "side-ally": pick("side-ally", "success"),
        "side-observer": pick("side-observer", "foreground-muted"),
        "side-other": pick("side-other", "side-observer", "foreground-muted"),
        "tally-launched": pick("tally-launched", "error"),
        "tally-intercepted": pick("tally-intercepted", "success"),
    }
    return {
        name: value if name in given else readable(value, background, foreground)
        for name, value in derived.items()
    }


def muted_text(colours: dict[str, str]) -> str:
    """The theme's ``text-muted`` as written ("auto 60%", "ansi_white" ...)."""
    return colours.get("text-muted", "auto 60%")


def muted_variables(colours: dict[str, str]) -> dict[str, str]:
    """``$text-muted-flat`` for Content that Textual draws (see :func:`flat`)."""
    return {"text-muted-flat": flat(muted_text(colours), colours.get("background", ""))}


def flat(value: str, background: str) -> str:
    """``value`` as it shows on ``background``, as one solid colour.

    For text styled in code (Content) and drawn by Textual: its style
    parser reads ``$text-muted`` ("auto 60%") as solid contrast text, so
    muted words came out brighter than the rest. What we draw ourselves
    (the rows, the header) uses the value itself, worked out over the
    background it lands on (a selected row's too): see
    ``text_content.drawn_style``.
    """
    words = value.split()
    alpha = 1.0
    if len(words) == 2 and words[1].endswith("%"):
        try:
            alpha = float(words[1][:-1]) / 100
        except ValueError:
            return value
    try:
        back = Color.parse(background)
        auto = words[0] == "auto"
        colour = back.get_contrast_text(alpha) if auto else Color.parse(words[0])
    except (ColorParseError, IndexError):
        return value
    if colour.ansi is not None or back.ansi is not None:
        return words[0]  # the terminal's own colour
    if not auto:
        colour = colour.with_alpha(alpha)
    return (back + colour).hex


def readable(value: str, background: str, foreground: str) -> str:
    """``value``, tinted towards ``foreground`` until it stands out from ``background``."""
    try:
        colour, back, fore = Color.parse(value), Color.parse(background), Color.parse(foreground)
    except ColorParseError:
        return value
    if colour.ansi is not None or back.ansi is not None or fore.ansi is not None:
        return value  # the terminal decides what ANSI colours look like
    start = colour = back + colour  # flatten see-through colours onto the background
    fore = back + fore
    step = 0
    while contrast(colour, back) < MIN_SIDE_CONTRAST and step < 10:
        step += 1
        colour = start.blend(fore, step / 10)
    return colour.hex


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""

    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


__all__ = [
    "MIN_SIDE_CONTRAST",
    "briefing_variable_defaults",
    "contrast",
    "flat",
    "muted_text",
    "muted_variables",
    "readable",
]
