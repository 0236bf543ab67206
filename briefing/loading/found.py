"""Where the nodes of a read YAML document are: the part of a reading that
both parsers share (:mod:`briefing.loading.yaml_strict`'s fast path and
:mod:`briefing.loading.yaml_reader`'s event walk). Kept apart from the walk
so that a file read by the fast path never imports PyYAML (~90 M
instructions, the largest single cost of a first open).
"""

from __future__ import annotations

from typing import Any

from briefing.loading.problems import Mark, inside

Path = tuple[str | int, ...]
"""Keys and indexes from the document's root to a node."""


class Found:
    """Marks of the nodes along the target paths."""

    def __init__(self, targets: list[Path], text: str = "") -> None:
        self._text = text
        self.prefixes: set[Path] = {t[:i] for t in targets for i in range(len(t) + 1)}
        self.values: dict[Path, Mark] = {}
        """Where the value at each path (a prefix of a target) starts."""
        self.keys: dict[Path, Mark] = {}
        """Where the key that leads to each path is written."""
        self.fast = False
        """Read by the fast path (see :mod:`briefing.loading.yaml_strict`)."""

    def mark(self, path: Path, *, on_key: bool = False) -> Mark:
        """The line and column of ``path``, or of its deepest parent found."""
        return inside(self._text, self._mark(path, on_key=on_key))

    def _mark(self, path: Path, *, on_key: bool) -> Mark:
        if on_key and path in self.keys:
            return self.keys[path]
        for depth in range(len(path), -1, -1):
            if path[:depth] in self.values:
                break
        else:
            return Mark(1, 1)
        if depth < len(path) and path[: depth + 1] in self.keys:
            return self.keys[path[: depth + 1]]  # the key exists, its value is empty
        return self.values[path[:depth]]


def key_text(value: Any) -> str:
    """A key that is not text (an alias to a number, true, null) as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)
