"""Remembering the chosen theme in ``config.toml``, without disturbing the rest.

The config file is the user's: we change only the ``theme = ...`` line, keep
every other key and comment as written, verify the edited text still means
the same apart from the theme, and replace the file atomically.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from briefing.loading.problems import Problem
from briefing.paths import config_path
from briefing.settings.config import ConfigError, parse_config, parse_toml, read_text
from briefing.settings.toml_positions import HEADER, KEY, key_parts, toml_locate


def save_theme(name: str, path: Path | None = None) -> Path:
    """Set ``theme = name`` in the config file, keeping everything else.

    Creates the file (and folder) when missing. Refuses, with
    :class:`ConfigError`, to touch a file that has problems or that it could
    not edit without changing other settings. Returns the path written.
    """
    path = path or config_path()
    old_text = read_text(path) or ""
    old = parse_toml(old_text, str(path))
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
        if HEADER.match(line):
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
        key = KEY.match(line)
        if key and key_parts(key.group("key")) == ("theme",):
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


__all__ = ["save_theme", "toml_string", "with_theme"]
