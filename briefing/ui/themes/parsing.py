"""One theme file: bytes -> a checked :class:`~.spec.ThemeFile`, or every problem.

Files are read with the project's safe YAML reader and validated by msgspec
Structs that forbid unknown keys; then colours, names and Textual variables
are checked with Textual's own parser, so a theme that passes here maps
onto Textual without surprises.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import msgspec
from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.design import ColorSystem
from textual.theme import BUILTIN_THEMES

from briefing.loading import reading
from briefing.loading.loader import locate
from briefing.loading.problems import Mark, Problem, YamlProblem
from briefing.model.checks import dotted
from briefing.model.struct_fields import fields_of
from briefing.ui.themes.spec import (
    BASE_COLOURS,
    BRIEFING_VARIABLES,
    HINTS,
    MAX_THEME_BYTES,
    NAME,
    TERMINAL_COLOURS,
    WORDS,
    AnsiColours,
    ThemeError,
    ThemeFile,
)


def read_theme_bytes(path: Path, name: str) -> bytes:
    """A theme file's bytes, through the same safe reader as briefings."""
    return reading.read_file(path, name, limit=MAX_THEME_BYTES, error=ThemeError, words=WORDS)


def parse_theme(data: bytes | str, name: str) -> ThemeFile:
    """Theme YAML -> a checked :class:`ThemeFile`; ``name`` labels problems."""
    text = reading.decode(data, name, error=ThemeError, words=WORDS) if isinstance(data, bytes) else data
    from briefing.loading.yaml_strict import read  # not needed when cached

    try:
        raw, _ = read(text)
    except YamlProblem as exc:
        raise ThemeError([Problem(name, exc.mark, exc.message)]) from None
    if not isinstance(raw, dict):
        what = "empty" if raw is None else "not a mapping"
        raise ThemeError(
            [
                Problem(
                    name,
                    Mark(1, 1) if raw is None else locate(text, ()),
                    f"the file is {what}; a theme needs at least name, dark, "
                    "primary, foreground and background",
                )
            ]
        )
    try:
        spec = msgspec.convert(raw, ThemeFile)
    except msgspec.ValidationError as exc:
        from briefing.loading.explain import explain  # only for a broken file

        path, message, on_key = explain(str(exc), ThemeFile, raw, hints=HINTS)
        raise ThemeError([Problem(name, locate(text, path, on_key=on_key), message)]) from None
    problems = [
        Problem(name, locate(text, path, on_key=on_key), f"{dotted(path)}: {message}")
        for path, message, on_key in check_theme(spec)
    ]
    if problems:
        raise ThemeError(problems)
    return spec


def check_theme(spec: ThemeFile) -> list[tuple[tuple[str, ...], str, bool]]:
    """What msgspec cannot check: names, colours, variables. (path, message, on key?)"""
    found: list[tuple[tuple[str, ...], str, bool]] = []
    if not NAME.match(spec.name):
        found.append(
            (
                ("name",),
                f"{spec.name!r} is not a theme name; use lowercase letters, digits and '-', e.g. my-theme",
                False,
            )
        )
    elif spec.name in BUILTIN_THEMES:
        found.append((("name",), f"{spec.name!r} is a Textual built-in theme; choose another name", False))
    found.extend(_colour_problems(spec, ()))
    found.extend(_colour_problems(spec.ansi, ("ansi",)))
    return found


def _colour_problems(
    part: ThemeFile | AnsiColours, at: tuple[str, ...]
) -> list[tuple[tuple[str, ...], str, bool]]:
    """Problems with the colours and variables of a theme, or of its ``ansi:`` section."""
    ansi = isinstance(part, AnsiColours)
    found: list[tuple[tuple[str, ...], str, bool]] = []
    for key in BASE_COLOURS:
        value = getattr(part, key)
        if value is not None and (message := colour_problem(value, opaque=key != "boost", ansi=ansi)):
            found.append(((*at, key), message, False))
    parties: dict[Color, str] = {}
    for section in ("sides", "tally"):
        group = getattr(part, section)
        for info in fields_of(type(group)):
            value = getattr(group, info.name)
            if value is None:
                continue
            path = (*at, section, info.encode_name)
            if message := colour_problem(value, ansi=ansi):
                found.append((path, message, False))
            elif info.name.startswith("party_") and not ansi:  # 16 colours: may share
                colour = Color.parse(value)
                if colour in parties:
                    found.append(
                        (
                            path,
                            f"same colour as {parties[colour]}; parties need colours that tell them apart",
                            False,
                        )
                    )
                parties.setdefault(colour, info.encode_name)
    for key, value in part.variables.items():
        path = (*at, "variables", key)
        if key in BRIEFING_VARIABLES:
            section = "sides" if key.startswith("side-") else "tally"
            found.append((path, f"set {key!r} under '{section}:' instead", True))
        elif key not in textual_variables():
            found.append((path, _unknown_variable(key), True))
        elif message := _variable_problem(key, value, ansi=ansi):
            found.append((path, message, False))
    return found


def colour_problem(value: str, *, opaque: bool = True, ansi: bool = False) -> str | None:
    """Why ``value`` cannot be a theme colour (with ``ansi``: a terminal colour), or None."""
    if ansi:
        try:
            terminal = Color.parse(value).ansi is not None
        except ColorParseError:
            terminal = False
        if not terminal:
            return (
                f"{value!r} is not a terminal colour; in 'ansi:' use one of the terminal's "
                f"16 colours: {', '.join(TERMINAL_COLOURS)} (or ansi_default)"
            )
        return None
    try:
        colour = Color.parse(value)
    except ColorParseError as exc:
        hint = (
            f"did you mean {exc.suggested_color!r}?"
            if exc.suggested_color
            else "use #rrggbb, rgb(r, g, b), hsl(h, s%, l%) or a colour name"
        )
        return f"{value!r} is not a colour; {hint}"
    if colour.ansi is not None:
        return (
            f"{value!r} is a terminal (ANSI) colour, which each terminal shows "
            "differently; use a fixed colour such as #rrggbb"
        )
    if opaque and colour.a < 1:
        return f"{value!r} is see-through; this colour must be opaque"
    return None


_AUTO = re.compile(r"^auto(?:\s+\d{1,3}%)?$")
_WITH_ALPHA = re.compile(r"^(?P<colour>.+?)\s+(?P<percent>\d{1,3})%$")


def _variable_problem(key: str, value: str, *, ansi: bool = False) -> str | None:
    if key.endswith("style"):
        bad = [word for word in value.split() if word not in VALID_STYLE_FLAGS]
        if bad or not value.split():
            return f"{value!r} is not a text style; use words from: {', '.join(sorted(VALID_STYLE_FLAGS))}"
        return None
    if _AUTO.match(value) or value in ("transparent", "initial"):
        return None
    match = _WITH_ALPHA.match(value)
    return colour_problem(match.group("colour") if match else value, opaque=False, ansi=ansi)


def _unknown_variable(key: str) -> str:
    close = difflib.get_close_matches(key, sorted(textual_variables()), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown Textual variable {key!r}{hint}"


_TEXTUAL_VARIABLES: frozenset[str] | None = None


def textual_variables() -> frozenset[str]:
    """Every variable Textual's colour system defines (``block-cursor-background`` ...)."""
    global _TEXTUAL_VARIABLES
    if _TEXTUAL_VARIABLES is None:
        _TEXTUAL_VARIABLES = frozenset(ColorSystem("#000000", dark=True).generate()) | frozenset(
            ColorSystem("#000000", dark=False).generate()
        )
    return _TEXTUAL_VARIABLES


__all__ = ["check_theme", "colour_problem", "parse_theme", "read_theme_bytes", "textual_variables"]
