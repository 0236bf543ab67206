"""The themes on a terminal with 16 colours: a deliberate palette, not the nearest colour.

A terminal that reports only the 16 standard colours (``TERM=xterm`` or
``TERM=linux`` without ``COLORTERM=truecolor``) gets each of a theme's
colours as the nearest of 16 fixed ones: briefing-dark's amber focus frame
turned bright red (it read as an error) and its blue selection became the
same cyan as Ukraine's side mark. So each briefing theme has a 16-colour
form, made of the terminal's own colours (sent as ANSI colour numbers, so
the terminal's palette decides how they look). For dark themes:

- text bright white on black, muted text white, frames bright black;
- the focused frame bright white; the selected row bright white on blue;
- sides bright yellow (mediator), bright cyan, bright magenta, bright
  green, yellow (parties), green (allies), white (observers, others);
- warnings yellow, errors red, success green.

Light themes get black text on bright white, a blue focused frame, the
selected row black on bright cyan, and dark side colours.

So focus is never red, the selected row's colour is no side's colour, and
red means an error. A theme file's ``ansi:`` section changes any of these
(:class:`~.spec.AnsiColours`); what it leaves out comes from here.
"""

from __future__ import annotations

import msgspec

from briefing.model.struct_fields import fields_of
from briefing.ui.themes.spec import AnsiColours, Sides, Tally, ThemeFile

DARK = AnsiColours(
    foreground="ansi_bright_white",
    background="ansi_black",
    surface="ansi_black",
    panel="ansi_black",
    boost="ansi_black",
    primary="ansi_cyan",
    secondary="ansi_white",
    accent="ansi_bright_white",
    warning="ansi_yellow",
    error="ansi_red",
    success="ansi_green",
    sides=Sides(
        mediator="ansi_bright_yellow",
        party_1="ansi_bright_cyan",
        party_2="ansi_bright_magenta",
        party_3="ansi_bright_green",
        party_4="ansi_yellow",
        ally="ansi_green",
        observer="ansi_white",
        other="ansi_white",
    ),
    tally=Tally(launched="ansi_red", intercepted="ansi_green"),
    variables={
        "ansi-background": "ansi_black",  # Textual's widgets in terminal colours
        "ansi-foreground": "ansi_bright_white",
        "text": "ansi_bright_white",
        "text-muted": "ansi_white",
        "foreground-muted": "ansi_white",
        "text-error": "ansi_bright_red",  # readable on black and on the selection
        "text-success": "ansi_bright_green",
        "panel-lighten-2": "ansi_bright_black",  # pane frames
        "block-cursor-background": "ansi_blue",
        "block-cursor-foreground": "ansi_bright_white",
        "footer-key-foreground": "ansi_bright_cyan",
        "footer-background": "ansi_black",
        "footer-foreground": "ansi_bright_white",
        "footer-description-foreground": "ansi_bright_white",
        "footer-item-background": "ansi_black",
        "footer-description-background": "ansi_black",
        "scrollbar": "ansi_white",
        "scrollbar-background": "ansi_black",
    },
)
"""For dark themes: light text on the terminal's black; the selection blue."""

LIGHT = AnsiColours(
    foreground="ansi_black",
    background="ansi_bright_white",
    surface="ansi_bright_white",
    panel="ansi_white",
    boost="ansi_white",
    primary="ansi_blue",
    secondary="ansi_bright_blue",
    accent="ansi_blue",
    warning="ansi_magenta",
    error="ansi_red",
    success="ansi_green",
    sides=Sides(
        mediator="ansi_magenta",
        party_1="ansi_blue",
        party_2="ansi_green",
        party_3="ansi_bright_blue",
        party_4="ansi_bright_magenta",
        ally="ansi_cyan",
        observer="ansi_bright_black",
        other="ansi_bright_black",
    ),
    tally=Tally(launched="ansi_red", intercepted="ansi_blue"),
    variables={
        "ansi-background": "ansi_white",
        "ansi-foreground": "ansi_black",
        "text": "ansi_black",
        "text-muted": "ansi_bright_black",
        "foreground-muted": "ansi_bright_black",
        "panel-lighten-2": "ansi_bright_black",
        "block-cursor-background": "ansi_bright_cyan",
        "block-cursor-foreground": "ansi_black",
        "footer-key-foreground": "ansi_blue",
        "footer-background": "ansi_white",
        "footer-foreground": "ansi_black",
        "footer-description-foreground": "ansi_black",
        "footer-item-background": "ansi_white",
        "footer-description-background": "ansi_white",
        "scrollbar": "ansi_bright_black",
        "scrollbar-background": "ansi_white",
    },
)
"""For light themes: black text on the terminal's bright white; the selection light cyan."""


def _over(base: msgspec.Struct, top: msgspec.Struct) -> dict[str, object]:
    """``base``'s fields, with those ``top`` sets (nested Structs field by field)."""
    merged: dict[str, object] = {}
    for info in fields_of(type(base)):
        low, high = getattr(base, info.name), getattr(top, info.name)
        if isinstance(low, msgspec.Struct):
            merged[info.name] = type(low)(**_over(low, high))
        elif isinstance(low, dict):
            merged[info.name] = {**low, **high}
        else:
            merged[info.name] = low if high is None else high
    return merged


def sixteen_colour_form(spec: ThemeFile) -> ThemeFile:
    """``spec`` as shown on a 16-colour terminal: its ``ansi:`` section over the palette."""
    palette = _over(DARK if spec.dark else LIGHT, spec.ansi)
    return msgspec.structs.replace(spec, **palette)


__all__ = ["DARK", "LIGHT", "sixteen_colour_form"]
