"""The user's ``config.toml``: read, parse and check it into a typed :class:`Config`.

Problems read ``FILE:LINE:COL: message`` like briefing files do (positions
from :mod:`briefing.settings.toml_positions`). Where the file is:
:mod:`briefing.paths`; saving the theme into it:
:mod:`briefing.settings.config_edit`.

No UI imports here: the command line reads this before Textual is loaded.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec

from briefing.loading import reading
from briefing.loading.problems import Mark, Problem, ProblemsError
from briefing.model.text import quoted
from briefing.paths import config_path

MAX_CONFIG_BYTES = 256 * 1024
"""A config file is a few lines; anything this big is a mistake."""
WORDS = reading.FileWords(
    folder="is a folder, not a config file",
    not_regular="is not a regular file",
    too_big="is {size:,} bytes; a config file is limited to {limit:,}",
    grew="is larger than the limit; a config file is limited to {limit:,}",
    not_utf8="not valid UTF-8; save the file as UTF-8",
)

BINDING_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
KEYS = re.compile(r"^[^\s,]+(?:,[^\s,]+)*$")
"""One key ("ctrl+q") or several separated by commas ("f1,question_mark")."""
_TYPE_WORDS = {"object": "a table of key = value pairs"}
"""TOML words for a mapping, in validation messages."""


class Config(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """What ``config.toml`` may hold."""

    theme: str | None = None
    """Name of the theme to start with (saved when you change theme)."""
    keymap: dict[str, str] = {}
    """Binding id -> key(s), e.g. ``quit = "ctrl+q"``, ``help = "f1"``."""


class ConfigError(ProblemsError):
    """The config file could not be read, understood or saved."""


def read_config(path: Path | None = None) -> tuple[Config, list[Problem]]:
    """The config, or the defaults and what is wrong; never raises.

    A missing file is not a problem: it just means nothing was chosen yet.
    """
    try:
        return load_config(path), []
    except ConfigError as error:
        return Config(), error.problems


def load_config(path: Path | None = None) -> Config:
    """Read and validate ``config.toml``; raises :class:`ConfigError`."""
    path = path or config_path()
    text = read_text(path)
    if text is None:
        return Config()
    return parse_config(text, str(path))


def parse_config(text: str, name: str) -> Config:
    """Validate config text; ``name`` is used in problem messages."""
    raw = parse_toml(text, name)
    try:
        config = msgspec.convert(raw, Config)
    except msgspec.ValidationError as exc:
        from briefing.loading.explain import explain  # only for a broken file

        path, message, _ = explain(str(exc), Config, raw, type_words=_TYPE_WORDS)
        raise ConfigError([_problem(text, name, path, message)]) from None
    problems = [_problem(text, name, path, message) for path, message in _check(config)]
    if problems:
        raise ConfigError(problems)
    return config


def _problem(text: str, name: str, path: tuple[str | int, ...], message: str) -> Problem:
    """A problem at the place of ``path`` in the file (its position is looked
    up only for a file with a problem: the lookup's module stays unloaded)."""
    from briefing.settings.toml_positions import toml_locate

    return Problem(name, toml_locate(text, path), message)


def _check(config: Config) -> list[tuple[tuple[str, ...], str]]:
    found: list[tuple[tuple[str, ...], str]] = []
    if config.theme is not None and not config.theme.strip():
        found.append((("theme",), "theme: must not be empty"))
    for binding, keys in config.keymap.items():
        where = ("keymap", binding)
        if not BINDING_ID.match(binding):
            found.append((where, f"keymap: {quoted(binding)} is not a binding id (see the help screen, ?)"))
        elif not KEYS.match(keys):
            found.append(
                (
                    where,
                    f"keymap.{binding}: {quoted(keys)} is not a key list; write keys such as "
                    '"ctrl+q" or "f1,question_mark" (commas, no spaces)',
                )
            )
    return found


def read_text(path: Path) -> str | None:
    """The config file's text, or None when there is no file."""
    name = str(path)
    data = reading.read_file(
        path, name, limit=MAX_CONFIG_BYTES, error=ConfigError, words=WORDS, missing_ok=True
    )
    return None if data is None else reading.decode(data, name, error=ConfigError, words=WORDS)


_TOML_AT = re.compile(r"^(?P<msg>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$")


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """TOML text -> plain data; a syntax error is a ConfigError with its position."""
    import tomllib  # only when there is a config file (most starts have none)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_AT.match(str(exc))
        if match is None:  # pragma: no cover - tomllib always says where
            raise ConfigError([Problem(name, None, f"not valid TOML: {exc}")]) from None
        if match.group("line"):
            mark = Mark(int(match.group("line")), int(match.group("col")))
        else:
            lines = text.split("\n")
            mark = Mark(len(lines), len(lines[-1]) + 1)
        message = match.group("msg")
        raise ConfigError(
            [Problem(name, mark, f"not valid TOML: {message[:1].lower()}{message[1:]}")]
        ) from None


__all__ = [
    "Config",
    "ConfigError",
    "load_config",
    "parse_config",
    "parse_toml",
    "read_config",
    "read_text",
]
