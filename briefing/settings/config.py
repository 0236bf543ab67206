"""Where briefing keeps its own files, and the user's ``config.toml``.

One place for paths (platformdirs; ``BRIEFING_CONFIG_DIR`` and
``BRIEFING_CACHE_DIR`` override them, which is how tests stay out of the real
home folder), for reading the config file into a typed :class:`Config`, and
for remembering the chosen theme in it.

The config file is the user's: we change only the ``theme = ...`` line, keep
every other key and comment as written, verify the edited text still means
the same apart from the theme, and replace the file atomically.

Problems read ``FILE:LINE:COL: message`` like briefing files do. The helper
:func:`explain` (msgspec error -> path and words) is shared with
``briefing/ui/themes.py``, which validates theme files the same way.

No UI imports here: the command line reads this before Textual is loaded.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

import msgspec

from briefing.loading import reading
from briefing.loading.problems import Mark, Problem, ProblemsError
from briefing.settings.paths import config_path

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


# -- the config file -----------------------------------------------------


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
    text = _read_text(path)
    if text is None:
        return Config()
    return parse_config(text, str(path))


def parse_config(text: str, name: str) -> Config:
    """Validate config text; ``name`` is used in problem messages."""
    raw = _parse_toml(text, name)
    try:
        config = msgspec.convert(raw, Config)
    except msgspec.ValidationError as exc:
        from briefing.loading.explain import explain  # only for a broken file

        path, message, _ = explain(str(exc), Config, raw, type_words=_TYPE_WORDS)
        raise ConfigError([Problem(name, toml_locate(text, path), message)]) from None
    problems = [Problem(name, toml_locate(text, path), message) for path, message in _check(config)]
    if problems:
        raise ConfigError(problems)
    return config


def _check(config: Config) -> list[tuple[tuple[str, ...], str]]:
    found: list[tuple[tuple[str, ...], str]] = []
    if config.theme is not None and not config.theme.strip():
        found.append((("theme",), "theme: must not be empty"))
    for binding, keys in config.keymap.items():
        where = ("keymap", binding)
        if not BINDING_ID.match(binding):
            found.append((where, f"keymap: {binding!r} is not a binding id (see the help screen, ?)"))
        elif not KEYS.match(keys):
            found.append(
                (
                    where,
                    f"keymap.{binding}: {keys!r} is not a key list; write keys such as "
                    '"ctrl+q" or "f1,question_mark" (commas, no spaces)',
                )
            )
    return found


def _read_text(path: Path) -> str | None:
    """The file's text, or None when there is no file."""
    name = str(path)
    data = reading.read_file(
        path, name, limit=MAX_CONFIG_BYTES, error=ConfigError, words=WORDS, missing_ok=True
    )
    return None if data is None else reading.decode(data, name, error=ConfigError, words=WORDS)


_TOML_AT = re.compile(r"^(?P<msg>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$")


def _parse_toml(text: str, name: str) -> dict[str, Any]:
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


# -- positions in TOML ---------------------------------------------------

_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(
    r"""^(?P<indent>\s*)(?P<key>(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
    r"""(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)


def _key_parts(key: str) -> tuple[str, ...]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", key)
    return tuple(a or b or c for a, b, c in parts)


def toml_locate(text: str, path: tuple[str | int, ...]) -> Mark | None:
    """Line and column of the key at ``path`` (or its table), if we can tell.

    A line scanner, not a parser: enough for the flat files briefing reads
    (top-level keys and one level of tables). None when not found.
    """
    want = tuple(str(p) for p in path)
    best: Mark | None = None
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.split("\n"), start=1):
        if header := _HEADER.match(line):
            table = _key_parts(header.group(1))
            if table == want[: len(table)] and best is None:
                best = Mark(number, line.index("[") + 1)
            continue
        if key := _KEY.match(line):
            full = table + _key_parts(key.group("key"))
            column = len(key.group("indent")) + 1
            if full == want:
                return Mark(number, column)
            if full == want[: len(full)] and best is None:
                best = Mark(number, column)  # e.g. an inline table holding it
    return best


# -- remembering the theme -----------------------------------------------


def save_theme(name: str, path: Path | None = None) -> Path:
    """Set ``theme = name`` in the config file, keeping everything else.

    Creates the file (and folder) when missing. Refuses, with
    :class:`ConfigError`, to touch a file that has problems or that it could
    not edit without changing other settings. Returns the path written.
    """
    path = path or config_path()
    old_text = _read_text(path) or ""
    old = _parse_toml(old_text, str(path))
    parse_config(old_text, str(path))  # never rewrite a file we do not understand
    new_text = with_theme(old_text, name)
    import tomllib

    try:
        new: dict[str, Any] | None = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        new = None
    if new != {**old, "theme": name}:  # e.g. theme = """ ... """ over several lines
        raise ConfigError(
            [
                Problem(
                    str(path),
                    toml_locate(old_text, ("theme",)),
                    "could not set 'theme' without changing other settings; edit it by hand",
                )
            ]
        )
    _atomic_write(path, new_text)
    return path


def with_theme(text: str, name: str) -> str:
    """``text`` with its top-level ``theme`` set to ``name``; nothing else changes."""
    lines = text.splitlines(keepends=True)
    value = toml_string(name)
    for index, line in enumerate(lines):
        if _HEADER.match(line):
            # Top-level keys must come before the first table: insert above
            # it, and above the comments that introduce it.
            at = index
            while at > 0 and lines[at - 1].lstrip().startswith("#"):
                at -= 1
            insert = [f"theme = {value}\n", "\n"]
            if at > 0 and lines[at - 1].strip():
                insert.insert(0, "\n")
            lines[at:at] = insert
            return "".join(lines)
        key = _KEY.match(line)
        if key and _key_parts(key.group("key")) == ("theme",):
            end = "\n" if line.endswith("\n") else ""
            body = line[: len(line) - len(end)]
            literal = re.match(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*')""", body[key.end() :])
            if literal:  # keep a trailing comment
                start = key.end() + literal.start(1)
                stop = key.end() + literal.end(1)
                lines[index] = body[:start] + value + body[stop:] + end
            else:
                lines[index] = f"{key.group('indent')}theme = {value}{end}"
            return "".join(lines)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines) + f"theme = {value}\n"


def toml_string(value: str) -> str:
    """A TOML basic string for ``value``."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so a crash leaves the old or the new file."""
    name = str(path)
    # Dotfile managers symlink config files; write through to the real file.
    target = path.resolve() if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = None
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                os.chmod(temp, mode)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError([Problem(name, None, f"could not save: {exc.strerror or exc}")]) from None


__all__ = [
    "Config",
    "ConfigError",
    "load_config",
    "parse_config",
    "read_config",
    "save_theme",
]
