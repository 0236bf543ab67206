"""A checked theme file -> a Textual :class:`~textual.theme.Theme`."""

from __future__ import annotations

from pathlib import Path

import msgspec
from textual.color import Color
from textual.theme import Theme

from briefing.ui.themes.parsing import parse_theme, read_theme_bytes
from briefing.ui.themes.spec import Sides, ThemeFile


def to_theme(spec: ThemeFile) -> Theme:
    """Map a checked theme file onto a Textual Theme."""

    def hex_of(value: str | None) -> str | None:
        # Normalised so the values read back cleanly as CSS variables.
        return Color.parse(value).hex if value is not None else None

    variables: dict[str, str] = {}
    for section in (spec.sides, spec.tally):
        prefix = "side-" if isinstance(section, Sides) else "tally-"
        for info in msgspec.structs.fields(section):
            value = getattr(section, info.name)
            if value is not None:
                variables[prefix + info.encode_name] = hex_of(value)  # type: ignore[assignment]
    if spec.boost is not None:
        # Textual ignores ``boost`` when ``panel`` is given; the variables win.
        boost = Color.parse(spec.boost)
        variables["boost"] = boost.hex
        variables["block-hover-background"] = boost.with_alpha(0.1).hex
    variables.update(spec.variables)
    return Theme(
        name=spec.name,
        dark=spec.dark,
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
