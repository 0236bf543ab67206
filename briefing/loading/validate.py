"""Every type problem in a file's data, where msgspec stops at the first.

Loading converts the whole document with one ``msgspec.convert`` (fast, and
nearly always right). Only when that fails do we come here: walk the data
along the model's types and convert each scalar field on its own, so one run
finds every unknown key, missing key and wrong value. msgspec still judges
every value, so what counts as a problem is exactly what the fast path
refuses; the messages are msgspec's, for the explainer to put in words.

Imported only once a file has failed to validate.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

import msgspec

from briefing.loading.explain import split_error, unwrap, value_at
from briefing.model.struct_fields import fields_of

Path = tuple[str | int, ...]
DecHook = Callable[[type, Any], Any]


def type_problems(
    raw: Any, root: type[msgspec.Struct], *, dec_hook: DecHook | None = None, limit: int = 100
) -> list[tuple[Path, str]]:
    """(path, msgspec's message) for each value in ``raw`` that does not fit
    ``root``, in file order, at most ``limit``."""
    found: list[tuple[Path, str]] = []
    _walk(raw, root, (), found, dec_hook, limit)
    return found


def _walk(
    raw: Any, kind: Any, path: Path, found: list[tuple[Path, str]], dec_hook: DecHook | None, limit: int
) -> None:
    if len(found) >= limit:
        return
    shape = unwrap(kind)
    if raw is None and _takes_none(kind):
        return
    try:  # most of a broken file is fine: only descend where a problem is
        msgspec.convert(raw, kind, dec_hook=dec_hook)
        return
    except msgspec.ValidationError as exc:
        error = exc
    if isinstance(shape, type) and issubclass(shape, msgspec.Struct) and isinstance(raw, dict):
        fields = {f.encode_name: f for f in fields_of(shape)}
        unknown: list[str] = []
        for key, value in raw.items():
            field = fields.get(key) if isinstance(key, str) else None
            if field is None:
                unknown.append(str(key))
                found.append((path, f"Object contains unknown field `{key}`"))
            else:
                _walk(value, field.type, (*path, key), found, dec_hook, limit)
            if len(found) >= limit:
                return
        for name, field in fields.items():
            # A misspelt required key is one problem, not two: its "did you
            # mean" line already names the missing key.
            if field.required and name not in raw and not difflib.get_close_matches(name, unknown, n=1):
                found.append((path, f"Object missing required field `{name}`"))
        return
    if typing.get_origin(shape) is list and isinstance(raw, list):
        (item,) = typing.get_args(shape)
        for index, value in enumerate(raw):
            _walk(value, item, (*path, index), found, dec_hook, limit)
            if len(found) >= limit:
                return
        return
    inner, message = split_error(str(error), raw)
    found.append(((*path, *inner), message))


def _takes_none(kind: Any) -> bool:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and type(None) in typing.get_args(kind)


_STAND_INS: dict[str, Any] = {"schema": 1, "meta": {"title": "-"}}


def checks_beside(
    raw: dict[str, Any],
    bad: list[tuple[Path, bool]],
    run_checks: Callable[[Any], list[tuple[Path, str]]],
) -> list[tuple[Path, str]]:
    """The checks between fields, run on what is left of ``raw`` once the
    parts with type problems are set aside; paths point into ``raw``.

    ``bad``: each type problem's path and whether it is a key. A problem is
    set aside with the list item it is in (a misspelt key may hide a missing
    one); an unknown key outside any list item, alone.
    ``run_checks`` converts the rest and checks it; its ValidationError means
    nothing could be salvaged. A reference to an item that was set aside is
    not reported: the type problem is the one to fix.
    """
    drop: set[Path] = set()
    stand_in: dict[str, Any] = {}
    for path, on_key in bad:
        items = [i for i, part in enumerate(path) if isinstance(part, int)]
        if path[:1] in (("schema",), ("meta",)):
            # No check looks across into these: a stand-in lets the checks
            # of the other sections run.
            stand_in[str(path[0])] = _STAND_INS[str(path[0])]
        elif on_key and not items:
            drop.add(path)  # an unknown key outside any list item: just that key
        elif items:
            drop.add(path[: items[-1] + 1])
        elif len(path) >= 1:
            drop.add(path[:1])  # a section that is not a list: set it aside whole
        else:
            return []  # the top level is wrong: nothing to check against
    kept: dict[Path, list[int]] = {}
    dropped_ids: set[str] = set()
    above = {path[:depth] for path in drop for depth in range(len(path))}
    rest = _without(raw, (), drop, above, kept, dropped_ids)
    if stand_in:
        rest = {**rest, **stand_in}
    try:
        found = run_checks(rest)
    except msgspec.ValidationError:
        return []
    out = []
    for path, message in found:
        original = _original(path, kept)
        value = value_at(raw, original)
        if isinstance(value, str) and value in dropped_ids:
            continue
        out.append((original, message))
    return out


def _without(
    value: Any, path: Path, drop: set[Path], above: set[Path], kept: dict[Path, list[int]], ids: set[str]
) -> Any:
    """``value`` without the parts at ``drop``, copying only the mappings and
    lists ``above`` them (the rest is shared); lists record which of their
    items stayed, and the ids of what was dropped are collected."""
    if path not in above:
        return value
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            here = (*path, key)
            if here in drop:
                _collect_ids(item, ids)
            else:
                out[key] = _without(item, here, drop, above, kept, ids)
        return out
    if isinstance(value, list):
        stay = [i for i in range(len(value)) if (*path, i) not in drop]
        for i in set(range(len(value))) - set(stay):
            _collect_ids(value[i], ids)
        if len(stay) != len(value):
            kept[path] = stay
        return [_without(value[i], (*path, i), drop, above, kept, ids) for i in stay]
    return value


def _collect_ids(value: Any, ids: set[str]) -> None:
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            if isinstance(item.get("id"), str):
                ids.add(item["id"])
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)


def _original(path: Path, kept: dict[Path, list[int]]) -> Path:
    """A path in the copy -> the same node's path in the original."""
    out: list[str | int] = []
    for part in path:
        if isinstance(part, int) and (stay := kept.get(tuple(out))) is not None:
            part = stay[part]
        out.append(part)
    return tuple(out)
