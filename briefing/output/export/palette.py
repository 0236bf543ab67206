"""A theme's colours for pages that leave the terminal: no Textual here.

The app reads theme files with Textual's colour parser (``briefing.ui.themes``);
an export only needs a theme's hex colours, so it reads the same YAML file
with the project's safe reader and takes the colours it understands
(``#rgb``, ``#rrggbb``, ``#rrggbbaa``, ``rgb(r, g, b)``). A colour written
any other way (a name, ``hsl()``) falls back to the shipped theme of the
same darkness, so an export never fails on a colour.

Text colours are checked against WCAG: a link or muted colour that would
fall below 4.5:1 on its background is replaced by the body text colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.loading import reading
from briefing.loading.problems import Problem, ProblemsError, YamlProblem
from briefing.paths import data_dir, themes_dir

DARK_THEME = "briefing-dark"
LIGHT_THEME = "briefing-projector"
"""Without ``--theme`` a page follows the reader's light or dark setting with
these two, and always prints with the light one."""
MAX_THEME_BYTES = 256 * 1024
MIN_TEXT_CONTRAST = 4.5
SIDE_KEYS = ("mediator", "party-1", "party-2", "party-3", "party-4", "ally", "observer", "other")
_SIDE_FALLBACK = {"party-3": "party-1", "party-4": "party-2", "other": "observer"}
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$")
_WORDS = reading.FileWords(
    folder="is not a regular file",
    not_regular="is not a regular file",
    too_big="is {size:,} bytes; a theme file is limited to {limit:,}",
    grew="is larger than the limit; a theme file is limited to {limit:,}",
)


class PaletteError(ProblemsError):
    """A theme could not be found or read for an export."""


@dataclass(frozen=True, slots=True)
class Palette:
    """The colours a page needs, as ``#rrggbb``."""

    name: str
    dark: bool
    foreground: str
    background: str
    surface: str
    panel: str
    primary: str
    accent: str
    muted: str
    link: str
    sides: dict[str, str]
    launched: str
    intercepted: str

    def variables(self) -> dict[str, str]:
        """CSS custom properties: ``--fg``, ``--side-party-1`` ..."""
        out = {
            "fg": self.foreground,
            "bg": self.background,
            "surface": self.surface,
            "panel": self.panel,
            "primary": self.primary,
            "accent": self.accent,
            "muted": self.muted,
            "link": self.link,
            "launched": self.launched,
            "intercepted": self.intercepted,
        }
        out.update({f"side-{key}": value for key, value in self.sides.items()})
        return out


def parse_colour(value: object) -> tuple[int, int, int] | None:
    """``(r, g, b)`` of a colour written as hex or ``rgb()``; None otherwise."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if m := _HEX.match(text):
        digits = m.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    if m := _RGB.match(text):
        rgb = tuple(int(g) for g in m.groups())
        if all(c <= 255 for c in rgb):
            return rgb[0], rgb[1], rgb[2]
    return None


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        rgb = parse_colour(colour) or (0, 0, 0)

        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blend(a: str, b: str, share: float) -> str:
    ra, rb = parse_colour(a) or (0, 0, 0), parse_colour(b) or (0, 0, 0)
    mixed = tuple(round(x + (y - x) * share) for x, y in zip(ra, rb, strict=True))
    return _hex((mixed[0], mixed[1], mixed[2]))


def theme_files() -> dict[str, Path]:
    """Every theme file by name: shipped ones, then the user's (which win)."""
    found: dict[str, Path] = {}
    for folder in (data_dir("themes"), themes_dir()):
        try:
            paths = sorted(folder.glob("*.yaml"))
        except OSError:
            continue
        found.update({path.stem: path for path in paths})
    return found


def _raw_theme(path: Path) -> dict[str, Any]:
    from briefing.loading.yaml_strict import read

    name = str(path)
    data = reading.read_file(path, name, limit=MAX_THEME_BYTES, error=PaletteError, words=_WORDS)
    text = reading.decode(data, name, error=PaletteError, words=_WORDS)
    try:
        raw, _ = read(text)
    except YamlProblem as exc:
        raise PaletteError([Problem(name, exc.mark, exc.message)]) from None
    if not isinstance(raw, dict):
        raise PaletteError([Problem(name, None, "a theme file is a mapping of colours")])
    return raw


def load_palette(name: str, *, _seen: tuple[str, ...] = ()) -> Palette:
    """The palette of theme ``name`` (a file in ``themes/`` or the user's folder).

    Raises :class:`PaletteError` for an unknown name or an unreadable file.
    """
    files = theme_files()
    if name not in files:
        raise PaletteError(
            [Problem("--theme", None, f"unknown theme {name!r}; available: {', '.join(sorted(files))}")]
        )
    raw = _raw_theme(files[name])
    dark = raw.get("dark") is not False
    base_name = DARK_THEME if dark else LIGHT_THEME
    base = None if name == base_name or base_name in _seen else load_palette(base_name, _seen=(*_seen, name))

    def colour(key: str, given: object, fallback: str) -> str:
        rgb = parse_colour(given)
        return _hex(rgb) if rgb else fallback

    def base_of(key: str, default: str) -> str:
        return str(getattr(base, key)) if base is not None else default

    fg = colour("foreground", raw.get("foreground"), base_of("foreground", "#e0e0e0" if dark else "#111111"))
    bg = colour("background", raw.get("background"), base_of("background", "#121212" if dark else "#ffffff"))
    primary = colour("primary", raw.get("primary"), base_of("primary", fg))
    surface = colour("surface", raw.get("surface"), _blend(bg, fg, 0.06))
    panel = colour("panel", raw.get("panel"), _blend(bg, fg, 0.12))
    accent = colour("accent", raw.get("accent"), primary)
    raw_sides = raw.get("sides") if isinstance(raw.get("sides"), dict) else {}
    raw_tally = raw.get("tally") if isinstance(raw.get("tally"), dict) else {}
    assert isinstance(raw_sides, dict) and isinstance(raw_tally, dict)
    sides: dict[str, str] = {}
    for key in SIDE_KEYS:
        rgb = parse_colour(raw_sides.get(key))
        if rgb:
            sides[key] = _hex(rgb)
        elif key in _SIDE_FALLBACK and _SIDE_FALLBACK[key] in sides:
            sides[key] = sides[_SIDE_FALLBACK[key]]
        else:
            sides[key] = base.sides[key] if base is not None else _blend(bg, fg, 0.6)
    launched = colour("launched", raw_tally.get("launched"), base_of("launched", fg))
    intercepted = colour("intercepted", raw_tally.get("intercepted"), base_of("intercepted", primary))
    readable = min(contrast(fg, bg), contrast(fg, surface))
    if readable < MIN_TEXT_CONTRAST and base is not None:
        fg, bg, surface = base.foreground, base.background, base.surface
    muted = _blend(fg, bg, 0.25)
    if min(contrast(muted, bg), contrast(muted, surface)) < MIN_TEXT_CONTRAST:
        muted = fg
    link = primary if min(contrast(primary, bg), contrast(primary, surface)) >= MIN_TEXT_CONTRAST else fg
    return Palette(
        name=name,
        dark=dark,
        foreground=fg,
        background=bg,
        surface=surface,
        panel=panel,
        primary=primary,
        accent=accent,
        muted=muted,
        link=link,
        sides=sides,
        launched=launched,
        intercepted=intercepted,
    )


__all__ = [
    "DARK_THEME",
    "LIGHT_THEME",
    "Palette",
    "PaletteError",
    "contrast",
    "load_palette",
    "parse_colour",
    "theme_files",
]
