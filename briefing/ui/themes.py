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

Files are read with the project's safe YAML reader and validated by msgspec
Structs that forbid unknown keys, so every mistake is a ``FILE:LINE:COL:
message`` problem; a broken file is skipped (and reported), never a crash.

The briefing's own colours become Theme variables with kebab-case names
(``side-mediator``, ``side-party-1`` ... ``side-party-4``, ``side-ally``,
``side-observer``, ``side-other``, ``tally-launched``, ``tally-intercepted``),
usable in CSS and in Content styles as ``$side-ally``. Themes that lack them
(Textual's built-ins, sparse user files) get values derived from their own
colours by :func:`briefing_variable_defaults`, which the app returns from
``App.get_theme_variable_defaults``.

Shipped themes live in ``themes/``; files in the user's config folder
(``briefing.settings.paths.themes_dir()``) load after them and win on equal names.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.design import ColorSystem
from textual.theme import BUILTIN_THEMES, Theme

from briefing.loading import reading
from briefing.loading.loader import locate
from briefing.loading.problems import Mark, Problem, ProblemsError, YamlProblem
from briefing.model.checks import dotted
from briefing.model.text import visible
from briefing.settings import paths
from briefing.settings.config import ConfigError
from briefing.settings.paths import data_dir

if TYPE_CHECKING:
    from textual.app import App

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
MIN_SIDE_CONTRAST = 3.0
"""WCAG's minimum for graphics; derived side colours are nudged up to it."""

SIDE_VARIABLES = (
    "side-mediator",
    *(f"side-party-{n}" for n in range(1, PARTY_COLOURS + 1)),
    "side-ally",
    "side-observer",
    "side-other",
)
TALLY_VARIABLES = ("tally-launched", "tally-intercepted")
BRIEFING_VARIABLES = (*SIDE_VARIABLES, *TALLY_VARIABLES)

_HINTS = {
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


# -- one file ------------------------------------------------------------


def load_theme_file(path: Path, *, display: str | None = None) -> Theme:
    """Read, validate and map the theme file at ``path``."""
    name = display or str(path)
    return to_theme(parse_theme(_read_bytes(path, name), name))


def _read_bytes(path: Path, name: str) -> bytes:
    return reading.read_file(path, name, limit=MAX_THEME_BYTES, error=ThemeError, words=WORDS)


def parse_theme(data: bytes | str, name: str) -> ThemeFile:
    """Theme YAML -> a checked :class:`ThemeFile`; ``name`` labels problems."""
    text = reading.decode(data, name, error=ThemeError, words=WORDS) if isinstance(data, bytes) else data
    from briefing.loading.yaml_reader import read  # not needed when cached

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

        path, message, on_key = explain(str(exc), ThemeFile, raw, hints=_HINTS)
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
    for key in BASE_COLOURS:
        value = getattr(spec, key)
        if value is not None and (message := colour_problem(value, opaque=key != "boost")):
            found.append(((key,), message, False))
    parties: dict[Color, str] = {}
    for section in ("sides", "tally"):
        part = getattr(spec, section)
        for info in msgspec.structs.fields(part):
            value = getattr(part, info.name)
            if value is None:
                continue
            path = (section, info.encode_name)
            if message := colour_problem(value):
                found.append((path, message, False))
            elif info.name.startswith("party_"):
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
    for key, value in spec.variables.items():
        path = ("variables", key)
        if key in BRIEFING_VARIABLES:
            section = "sides" if key.startswith("side-") else "tally"
            found.append((path, f"set {key!r} under '{section}:' instead", True))
        elif key not in textual_variables():
            found.append((path, _unknown_variable(key), True))
        elif message := _variable_problem(key, value):
            found.append((path, message, False))
    return found


def colour_problem(value: str, *, opaque: bool = True) -> str | None:
    """Why ``value`` cannot be a theme colour, or None if it can."""
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


def _variable_problem(key: str, value: str) -> str | None:
    if key.endswith("style"):
        bad = [word for word in value.split() if word not in VALID_STYLE_FLAGS]
        if bad or not value.split():
            return f"{value!r} is not a text style; use words from: {', '.join(sorted(VALID_STYLE_FLAGS))}"
        return None
    if _AUTO.match(value) or value in ("transparent", "initial"):
        return None
    match = _WITH_ALPHA.match(value)
    return colour_problem(match.group("colour") if match else value, opaque=False)


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


# -- the briefing's variables for any theme ------------------------------


def briefing_variable_defaults(theme: Theme) -> dict[str, str]:
    """Side and tally colours for ``theme``: its own, else derived from its colours.

    Derived colours come from the theme's palette (accent for the mediator,
    primary and secondary for parties, success for allies ...) and are nudged
    towards the foreground until they reach 3:1 against the background.
    """
    colours = theme.to_color_system().generate()
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


# -- all theme files -----------------------------------------------------


@dataclass
class ThemeCatalog:
    """The briefing's themes (shipped + the user's), and what was wrong."""

    themes: dict[str, Theme] = field(default_factory=dict)
    """By name: the default first, then alphabetical."""
    sources: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def theme_files(folder: Path) -> list[Path]:
    """``*.yaml`` / ``*.yml`` in ``folder`` (not hidden editor files), sorted."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def discover_themes(shipped: Path | None = None, user: Path | None = None) -> ThemeCatalog:
    """Load every theme file; the user's folder overrides shipped names."""
    catalog = ThemeCatalog()
    folders = (shipped or data_dir("themes"), user or paths.themes_dir())
    files: list[tuple[int, Path, bytes | ThemeError]] = []
    for number, folder in enumerate(folders):
        for path in theme_files(folder):
            try:
                files.append((number, path, _read_bytes(path, str(path))))
            except ThemeError as error:
                files.append((number, path, error))
    parsed = _parse_all([(path, data) for _, path, data in files if isinstance(data, bytes)])
    seen: tuple[dict[str, Path], ...] = ({}, {})
    for number, path, data in files:
        outcome = data if isinstance(data, ThemeError) else parsed.pop(0)
        if isinstance(outcome, ThemeError):
            catalog.problems.extend(outcome.problems)
            continue
        theme = to_theme(outcome)
        if theme.name in seen[number]:
            catalog.problems.append(
                Problem(
                    str(path),
                    _name_mark(path),
                    f"name: theme {theme.name!r} is already defined in "
                    f"{seen[number][theme.name].name}; this file is ignored",
                )
            )
            continue
        seen[number][theme.name] = path
        catalog.themes[theme.name] = theme
        catalog.sources[theme.name] = path
    order = sorted(catalog.themes, key=lambda n: (n != DEFAULT_THEME, n))
    catalog.themes = {name: catalog.themes[name] for name in order}
    return catalog


class _Outcome(msgspec.Struct, array_like=True, frozen=True):
    """One theme file's parse as the cache keeps it: the spec or the problems."""

    spec: ThemeFile | None
    problems: list[tuple[str, int, int, str]]
    """(file, line, column, message); line 0 when there is no position."""


_CACHE_FILE = "themes.cache"
_PARSING_MODULES = (
    __name__,
    "briefing.settings.config",
    "briefing.loading.loader",
    "briefing.loading.yaml_reader",
)


def _parse_all(files: list[tuple[Path, bytes]]) -> list[ThemeFile | ThemeError]:
    """Parse each theme file, or reuse the last parse of exactly these files.

    Every start reads the same few theme files; served from the briefing
    cache folder, a start needs neither PyYAML nor the validation (~13 ms).
    The key covers every file's path and bytes and the parsing code.
    """
    from briefing.loading import cache

    digest = hashlib.sha256(cache.code_fingerprint(_PARSING_MODULES, salt="themes"))
    for path, data in files:
        digest.update(b"%d\0%d\0" % (len(str(path)), len(data)))
        digest.update(str(path).encode("utf-8", "surrogateescape") + data)
    key = digest.digest()
    use_cache = not cache.disabled_by_env()
    entry = paths.cache_dir() / _CACHE_FILE if use_cache else None
    if entry is not None and (payload := cache.read_entry(entry, key)) is not None:
        try:
            stored = msgspec.msgpack.decode(payload, type=list[_Outcome])
        except msgspec.DecodeError:  # damaged in a way the CRC missed
            stored = []
        if len(stored) == len(files):
            return [_from_outcome(o) for o in stored]
    results: list[ThemeFile | ThemeError] = []
    for path, data in files:
        try:
            results.append(parse_theme(data, str(path)))
        except ThemeError as error:
            results.append(error)
    if entry is not None:
        cache.write_entry(entry, key, msgspec.msgpack.encode([_to_outcome(r) for r in results]))
    return results


def _to_outcome(result: ThemeFile | ThemeError) -> _Outcome:
    if isinstance(result, ThemeFile):
        return _Outcome(result, [])
    return _Outcome(
        None,
        [
            (p.file, p.mark.line if p.mark else 0, p.mark.column if p.mark else 0, p.message)
            for p in result.problems
        ],
    )


def _from_outcome(outcome: _Outcome) -> ThemeFile | ThemeError:
    if outcome.spec is not None:
        return outcome.spec
    return ThemeError(
        [
            Problem(file, Mark(line, column) if line else None, message)
            for file, line, column, message in outcome.problems
        ]
    )


def _name_mark(path: Path) -> Mark | None:
    try:
        return locate(path.read_text(encoding="utf-8"), ("name",))
    except (OSError, UnicodeDecodeError):  # pragma: no cover - it was just read
        return None


def theme_names(catalog: ThemeCatalog) -> list[str]:
    """Every selectable name: the briefing's themes, then Textual's built-ins."""
    return [*catalog.themes, *(n for n in BUILTIN_THEMES if n not in catalog.themes)]


def choose_theme(
    available: Collection[str],
    *,
    requested: str | None = None,
    remembered: str | None = None,
    no_color: bool = False,
) -> tuple[str, str | None]:
    """(theme to start with, why the one asked for was not used, if so).

    ``--theme`` beats the config file, which beats the default; with NO_COLOR
    set the default is the monochrome theme.
    """
    preferred = [NO_COLOR_THEME, DEFAULT_THEME] if no_color else [DEFAULT_THEME]
    default = next((n for n in preferred if n in available), FALLBACK_THEME)
    for asked, source in ((requested, "--theme"), (remembered, str(paths.config_path()))):
        if asked is None:
            continue
        if asked in available:
            return asked, None
        return default, visible(f"{source}: there is no theme {asked!r}; using {default}")
    return default, None


# -- in the app ----------------------------------------------------------


def _set_first_theme(app: App[Any], name: str) -> None:
    """Make ``name`` the theme the stylesheet is first parsed with.

    Setting ``app.theme`` before the app runs queues a full CSS reparse and
    restyle of every widget right after the first compose (~20 ms before the
    first paint). Before the stylesheet is parsed we can instead do what the
    theme watcher does, minus the reparse.
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
        self.catalog = catalog or discover_themes()
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
