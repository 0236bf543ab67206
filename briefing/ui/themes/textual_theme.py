"""A checked theme file -> a Textual :class:`~textual.theme.Theme`."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.theme import Theme

from briefing.model.struct_fields import fields_of
from briefing.ui.themes.ansi import sixteen_colour_form
from briefing.ui.themes.parsing import parse_theme, read_theme_bytes
from briefing.ui.themes.spec import Sides, ThemeFile


def to_theme(spec: ThemeFile, *, sixteen_colours: bool = False) -> Theme:
    """Map a checked theme file onto a Textual Theme.

    With ``sixteen_colours`` the theme takes its 16-colour form (:mod:`.ansi`)
    and Textual sends its colours as the terminal's own colour numbers.
    """
    if sixteen_colours:
        spec = sixteen_colour_form(spec)

    def hex_of(value: str | None) -> str | None:
        # Normalised so the values read back cleanly as CSS variables
        # (a terminal colour keeps its name: ansi_blue).
        return Color.parse(value).hex if value is not None else None

    variables: dict[str, str] = {}
    for section in (spec.sides, spec.tally):
        prefix = "side-" if isinstance(section, Sides) else "tally-"
        for info in fields_of(type(section)):
            value = getattr(section, info.name)
            if value is not None:
                variables[prefix + info.encode_name] = hex_of(value)  # type: ignore[assignment]
    if spec.boost is not None:
        # Textual ignores ``boost`` when ``panel`` is given; the variables win.
        boost = Color.parse(spec.boost)
        variables["boost"] = boost.hex
        hover = boost if boost.ansi is not None else boost.with_alpha(0.1)
        variables["block-hover-background"] = hover.hex
    if sixteen_colours:
        # Textual's 16-colour themes leave these to the terminal; ours set them.
        variables.update({key: value for key in ("surface", "panel") if (value := getattr(spec, key))})
    variables.update(spec.variables)
    return Theme(
        name=spec.name,
        dark=spec.dark,
        ansi=sixteen_colours,
        primary=hex_of(spec.primary),  # type: ignore[arg-type]
        secondary=hex_of(spec.secondary),
        accent=hex_of(spec.accent),
        foreground=hex_of(spec.foreground),
        background=hex_of(spec.background),
        surface=hex_of(spec.surface),
        panel=hex_of(spec.panel),
        boost=hex_of(spec.boost),
        warning=hex_of(spec.warning),
        error=hex_of(spec.error),
        success=hex_of(spec.success),
        variables=variables,
    )


def load_theme_file(path: Path, *, display: str | None = None) -> Theme:
    """Read, validate and map the theme file at ``path``."""
    name = display or str(path)
    return to_theme(parse_theme(read_theme_bytes(path, name), name))


__all__ = ["load_theme_file", "to_theme"]
