"""Which fields of a changed item changed, old -> new, and word-level diffs.

Written over the model's field lists (``msgspec.structs.fields``), not over
named fields: a field or kind added to the model is compared without a
change here. Nested structs compare field by field (``source.outlet``), lists
of structs element by element (``days[2].summary``); any other value
(text, a figure, a list of names) as a whole. No UI imports.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from briefing.diff.changes import Item, held

LONG_TEXT = 40
"""Texts longer than this (or of several lines) are shown as a word diff."""

Op = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class FieldChange:
    name: str
    """Where in the item, as written in the file: ``text``, ``source.outlet``, ``days[1].label``."""
    old: object
    """The value before (None when the field was not set or the element is new)."""
    new: object
    """The value now (None when the field is no longer set or the element is gone)."""

    @property
    def words(self) -> list[tuple[Op, str]] | None:
        """A word-level diff when both values are long texts, else None."""
        old, new = self.old, self.new
        if isinstance(old, str) and isinstance(new, str) and is_long(old, new):
            return word_diff(old, new)
        return None


def is_long(old: str, new: str) -> bool:
    return max(len(old), len(new)) > LONG_TEXT or "\n" in old or "\n" in new


def field_changes(item: Item) -> list[FieldChange]:
    """The fields that differ between ``item.before`` and ``item.value``.

    An item that only moved to another owner (a person to another delegation)
    shows that as a change of ``delegation``.
    """
    found: list[FieldChange] = []
    if item.before is not None:
        skip = {"id"} if item.old_id is not None else set()
        if (holder := held(item.kind)) is not None:
            skip.add(holder)
        found = list(_compare(item.before, item.value, "", skip))
    if item.owner != item.old_owner:
        found.append(FieldChange(_owner_noun(item.kind), item.old_owner, item.owner))
    return found


def _owner_noun(kind: str) -> str:
    return "delegation" if kind == "person" else "owner"


_FIELDS: dict[type, tuple[msgspec.structs.FieldInfo, ...]] = {}


def _fields(kind: type) -> tuple[msgspec.structs.FieldInfo, ...]:
    """A struct type's fields, looked up once (msgspec reads the annotations each time)."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = msgspec.structs.fields(kind)
    return found


def _compare(old: Any, new: Any, prefix: str, skip: Collection[str] = ()) -> Iterator[FieldChange]:
    for info in _fields(type(new)):
        if info.name in skip:
            continue
        a, b = getattr(old, info.name, None), getattr(new, info.name)
        if a == b:
            continue
        name = prefix + info.encode_name
        if _is_struct(a) and _is_struct(b) and type(a) is type(b):
            yield from _compare(a, b, name + ".")
        elif isinstance(a, list) and isinstance(b, list) and any(_is_struct(v) for v in (*a, *b)):
            yield from _elements(a, b, name)
        else:
            yield FieldChange(name, a, b)


def _elements(old: list[Any], new: list[Any], name: str) -> Iterator[FieldChange]:
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        if a == b:
            continue
        where = f"{name}[{index}]"
        if a is not None and b is not None and _is_struct(a) and type(a) is type(b):
            yield from _compare(a, b, where + ".")
        else:
            yield FieldChange(where, a, b)


def _is_struct(value: object) -> bool:
    return isinstance(value, msgspec.Struct)


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """``old`` -> ``new`` as runs of same, removed and added text, word by word.

    Whitespace runs are tokens of their own, so joining the "same" and
    "added" runs gives ``new`` back exactly (and "same" and "removed" ``old``).
    """
    import difflib  # only a changed long text needs it

    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[Op, str]] = []

    def add(op: Op, tokens: list[str]) -> None:
        if not tokens:
            return
        text = "".join(tokens)
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    # The common start and end are taken off first: an edit is usually in
    # one place, and the matcher is slow on the many equal space tokens.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    add("same", a[:start])
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("same", middle_a[i1:i2])
        else:
            add("removed", middle_a[i1:i2])
            add("added", middle_b[j1:j2])
    add("same", a[len(a) - end :] if end else [])
    return runs
