"""All theme files: the shipped ones and the user's, parsed once and cached.

Shipped themes live in ``themes/``; files in the user's config folder
(:func:`briefing.paths.themes_dir`) load after them and win on
equal names. Which theme to start with is decided here too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path

import msgspec
from textual.theme import BUILTIN_THEMES, Theme

from briefing import paths
from briefing.loading.loader import locate
from briefing.loading.problems import Mark, Problem
from briefing.model.text import visible
from briefing.paths import data_dir
from briefing.ui.themes.parsing import parse_theme, read_theme_bytes
from briefing.ui.themes.spec import DEFAULT_THEME, FALLBACK_THEME, NO_COLOR_THEME, ThemeError, ThemeFile
from briefing.ui.themes.textual_theme import to_theme


# A Struct rather than a dataclass: every start defines it, and a
# dataclass takes ~1 ms to define (a Struct ~0.03 ms).
class ThemeCatalog(msgspec.Struct):
    """The briefing's themes (shipped + the user's), and what was wrong."""

    themes: dict[str, Theme] = msgspec.field(default_factory=dict)
    """By name: the default first, then alphabetical."""
    sources: dict[str, Path] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)


def theme_files(folder: Path) -> list[Path]:
    """``*.yaml`` / ``*.yml`` in ``folder`` (not hidden editor files), sorted."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def discover_themes(
    shipped: Path | None = None, user: Path | None = None, *, sixteen_colours: bool = False
) -> ThemeCatalog:
    """Load every theme file; the user's folder overrides shipped names.

    With ``sixteen_colours`` each theme takes its 16-colour form (same name).
    """
    catalog = ThemeCatalog()
    folders = (shipped or data_dir("themes"), user or paths.themes_dir())
    files: list[tuple[int, Path, bytes | ThemeError]] = []
    for number, folder in enumerate(folders):
        for path in theme_files(folder):
            try:
                files.append((number, path, read_theme_bytes(path, str(path))))
            except ThemeError as error:
                files.append((number, path, error))
    parsed = _parse_all([(path, data) for _, path, data in files if isinstance(data, bytes)])
    seen: tuple[dict[str, Path], ...] = ({}, {})
    for number, path, data in files:
        outcome = data if isinstance(data, ThemeError) else parsed.pop(0)
        if isinstance(outcome, ThemeError):
            catalog.problems.extend(outcome.problems)
            continue
        theme = to_theme(outcome, sixteen_colours=sixteen_colours)
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
# Every module whose code decides a theme file's parse, problems included
# (they are cached too); listed by name so nothing is imported for the key.
_PARSING_MODULES = (
    __name__,  # the layout of a cached outcome
    "briefing.ui.themes.spec",
    "briefing.ui.themes.parsing",
    "briefing.loading.reading",
    "briefing.loading.yaml_reader",
    "briefing.loading.explain",
    "briefing.loading.problems",
    "briefing.loading.loader",  # locate
    "briefing.model.checks",  # dotted
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


__all__ = ["ThemeCatalog", "choose_theme", "discover_themes", "theme_files", "theme_names"]
