"""Where a key is in TOML text: the line scanner behind config problems' positions.

tomllib gives values, not positions; problems found after parsing (a wrong
type, an unknown binding) still need ``FILE:LINE:COL``. Editing the file
(:mod:`briefing.settings.config_edit`) finds keys with the same patterns.
"""

from __future__ import annotations

import re

from briefing.loading.problems import Mark

HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
KEY = re.compile(
    r"""^(?P<indent>\s*)(?P<key>(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
    r"""(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)


def key_parts(key: str) -> tuple[str, ...]:
    """``a."b c".d`` -> ("a", "b c", "d")."""
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
        if header := HEADER.match(line):
            table = key_parts(header.group(1))
            if table == want[: len(table)] and best is None:
                best = Mark(number, line.index("[") + 1)
            continue
        if key := KEY.match(line):
            full = table + key_parts(key.group("key"))
            column = len(key.group("indent")) + 1
            if full == want:
                return Mark(number, column)
            if full == want[: len(full)] and best is None:
                best = Mark(number, column)  # e.g. an inline table holding it
    return best


__all__ = ["HEADER", "KEY", "key_parts", "toml_locate"]
