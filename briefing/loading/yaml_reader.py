"""YAML text -> plain Python data, safely and with positions on demand.

The reader walks PyYAML's event stream (from the C parser when available)
instead of using a PyYAML constructor, for four reasons:

* scalars resolve by a small YAML 1.2 core schema: ``no``/``on``/``yes`` stay
  text, ``1:30`` is not a sexagesimal number, dates stay text;
* only the core tags are allowed, so ``!!python/object`` and friends are
  rejected at their position instead of being constructed;
* duplicate keys are errors naming both lines, where PyYAML keeps the last;
* it is iterative, with limits on nesting and alias expansion, so no file can
  cause a RecursionError, a hang or a memory blow-up.

Positions are not kept in the fast path: when validation fails on a path such
as ``quotes[2].speaker``, :func:`locate` reads the text again and returns the
line and column of that node.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from briefing.loading.found import Found, Path, key_text
from briefing.loading.problems import Mark, YamlProblem, text_mark
from briefing.model.text import quoted

try:  # The C parser is ~10x faster; PyYAML without libyaml still works.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 64
"""Deeper than any real briefing; far below what would hurt."""
MAX_EXPANSION = 2_000_000
"""Upper bound on nodes that aliases stand for (stops "billion laughs")."""
MAX_EXPANDED_CHARS = 4_000_000
"""Upper bound on the characters that aliases stand for: a few aliases of one
long text cost few nodes and can still multiply a small file a thousandfold."""
MAX_INT_DIGITS = 30

_CORE = "tag:yaml.org,2002:"
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def _mark(event: Any) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


_WORDS: dict[str, Any] = {
    **dict.fromkeys(["", "~", "null", "Null", "NULL"]),
    **dict.fromkeys(["true", "True", "TRUE"], True),
    **dict.fromkeys(["false", "False", "FALSE"], False),
    **{sign + dot: float(sign + "inf") for sign in ("", "+", "-") for dot in (".inf", ".Inf", ".INF")},
    **dict.fromkeys([".nan", ".NaN", ".NAN"], float("nan")),
}
"""Plain scalars of the core schema that are words, not digits."""
_NUMBER_START = frozenset("0123456789+-.")


def _resolve_plain(value: str, event: Any) -> Any:
    # Most plain scalars are text: rule them out with one look-up and the
    # first character before trying any pattern.
    if value in _WORDS:
        return _WORDS[value]
    if value[0] not in _NUMBER_START:
        return value
    if _INT.match(value):
        if len(value.lstrip("+-")) > MAX_INT_DIGITS:
            raise YamlProblem(_mark(event), "number is too long")
        return int(value)
    if _OCT.match(value) or _HEX.match(value):
        if len(value) > MAX_INT_DIGITS:
            raise YamlProblem(_mark(event), "number is too long")
        return int(value, 0)
    if _FLOAT.match(value):
        if len(value) > MAX_INT_DIGITS * 2:
            raise YamlProblem(_mark(event), "number is too long")
        return float(value)
    return value


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None:
        return _resolve_plain(event.value, event) if event.implicit[0] else event.value
    if tag == "!" or tag == _CORE + "str":
        return event.value
    if tag in (_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"):
        value = _resolve_plain(event.value, event)
        wanted: dict[str, type | tuple[type, ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
            "null": type(None),
        }
        if not isinstance(value, wanted[tag[len(_CORE) :]]) or (
            tag.endswith("int") and isinstance(value, bool)
        ):
            raise YamlProblem(_mark(event), f"{quoted(event.value)} is not a valid !!{tag[len(_CORE) :]}")
        return value
    raise YamlProblem(_mark(event), _tag_message(tag))


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return f"tag {shown} is not allowed; briefings use plain YAML values only"


def _events(text: str) -> Iterator[Any]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem.from_yaml(exc, text) from None
    except yaml.YAMLError as exc:  # unmarked: a character YAML does not allow
        raise _bad_character(text, exc) from None
    finally:
        loader.dispose()


# What YAML accepts in a stream (YAML 1.1 "printable"); libyaml reports
# anything else with a byte offset only, so we find the character ourselves.
NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _bad_character(text: str, exc: yaml.YAMLError) -> YamlProblem:
    found = NOT_PRINTABLE.search(text)
    if found is None:  # pragma: no cover - libyaml and the pattern agree
        return YamlProblem(Mark(1, 1), str(exc).splitlines()[0])
    code = ord(found.group())
    kind = "control character" if code < 0x20 or 0x7F <= code < 0xA0 else "character"
    return YamlProblem(
        text_mark(text, found.start()),
        f"{kind} U+{code:04X} is not allowed in a YAML file; delete it",
    )


class _Frame:
    __slots__ = ("value", "is_map", "key", "anchor", "size", "seen", "event", "chars_before")

    def __init__(self, value: Any, is_map: bool, anchor: str | None, event: Any) -> None:
        self.value = value
        self.is_map = is_map
        self.key: Any = _NO_KEY
        self.anchor = anchor
        self.size = 1
        self.seen: dict[str, Any] = {}
        """Keys so far, with the start mark of each (for duplicate messages)."""
        self.event = event
        self.chars_before = 0
        """The reader's character count when this (anchored) node began."""


_NO_KEY = object()


def read_events(text: str, *, targets: list[Path] | None = None) -> tuple[Any, Found]:
    """Parse one YAML document into dicts, lists and scalars.

    With ``targets``, also collect the marks of the nodes along those paths,
    all in this one pass (a file with thousands of problems is read twice,
    not thousands of times).
    """
    # This loop runs once per YAML node, so it is written for speed: a Mark
    # is made from an event only when an error or a target needs one, and
    # the path is tracked only when there are targets.
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int, int]] = {}
    """Anchor name -> its value, its size in nodes and in characters."""
    open_anchors: set[str] = set()
    path: list[str | int] = []
    found = Found(targets or [], text)
    want = found.prefixes if targets else None
    track = want is not None
    expanded = 0
    expanded_chars = 0
    # Characters of text in scalars read while an anchor is open, plus all
    # that aliases stand for: an anchored node's size in characters is the
    # difference between its end and its start.
    chars = 0
    documents = 0
    result: Any = None

    def begin(event: Any, is_collection: bool, collection: str = "") -> bool:
        """Place a node that starts at ``event``; True if it is a mapping key."""
        if stack:
            top = stack[-1]
            if top.is_map and top.key is _NO_KEY:
                if is_collection:
                    raise YamlProblem(_mark(event), f"mapping keys must be plain text, not {collection}")
                return True
            if track and not top.is_map:
                path.append(len(top.value))
        if track and (here := tuple(path)) in want:  # type: ignore[operator]
            found.values.setdefault(here, _mark(event))
        return False

    def finish(value: Any, size: int, event: Any) -> None:
        nonlocal result
        if not stack:
            result = value
            return
        top = stack[-1]
        top.size += size
        if not top.is_map:
            top.value.append(value)
            if track:
                path.pop()
        elif top.key is _NO_KEY:
            first = top.seen.get(value)
            if first is not None:
                raise YamlProblem(
                    _mark(event),
                    f"duplicate key {quoted(value)} (first defined on line {first.line + 1})",
                )
            top.seen[value] = event.start_mark
            top.key = value
            if track:
                path.append(value)
                if (here := tuple(path)) in want:  # type: ignore[operator]
                    found.keys.setdefault(here, _mark(event))
        else:
            top.value[top.key] = value
            top.key = _NO_KEY
            if track:
                path.pop()

    scalar_event = yaml.ScalarEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    key_tags = (None, "!", _CORE + "str")
    for event in _events(text):
        kind = type(event)
        if kind is scalar_event:
            if begin(event, False):
                # Keys are text even when they look like numbers or booleans.
                if event.tag not in key_tags:
                    raise YamlProblem(_mark(event), _tag_message(event.tag))
                value = event.value
                if value == "<<" and event.implicit[0]:
                    raise YamlProblem(
                        _mark(event),
                        "merge keys ('<<: *name') are not supported; write the keys out in full",
                    )
            elif event.tag is None and event.implicit[0]:
                value = _resolve_plain(event.value, event)
            else:
                value = _scalar(event)
            if open_anchors:
                chars += len(event.value)
            if event.anchor:
                anchors[event.anchor] = (value, 1, len(event.value))
            finish(value, 1, event)
        elif kind is map_start or kind is seq_start:
            is_map = kind is map_start
            if event.tag not in (None, "!", _CORE + ("map" if is_map else "seq")):
                raise YamlProblem(_mark(event), _tag_message(event.tag))
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(_mark(event), f"nesting is deeper than {MAX_DEPTH} levels")
            begin(event, True, "a mapping" if is_map else "a list")
            stack.append(_Frame({} if is_map else [], is_map, event.anchor, event))
            if event.anchor:
                open_anchors.add(event.anchor)
                stack[-1].chars_before = chars
        elif kind is map_end or kind is seq_end:
            frame = stack.pop()
            if frame.anchor:
                open_anchors.discard(frame.anchor)
                anchors[frame.anchor] = (frame.value, frame.size, chars - frame.chars_before)
            finish(frame.value, frame.size, frame.event)
        elif kind is yaml.AliasEvent:
            if event.anchor in open_anchors:
                raise YamlProblem(_mark(event), f"alias *{event.anchor} refers to a node that contains it")
            if event.anchor not in anchors:
                raise YamlProblem(_mark(event), f"unknown alias *{event.anchor}")
            value, size, stands_for = anchors[event.anchor]
            kind_of = "a mapping" if isinstance(value, dict) else "a list"
            if begin(event, isinstance(value, (dict, list)), kind_of):
                value = key_text(value)
            # Only what aliases stand for counts: nodes written out in the
            # file are already bounded by the file size limit.
            expanded += size
            expanded_chars += stands_for
            chars += stands_for
            if expanded > MAX_EXPANSION or expanded_chars > MAX_EXPANDED_CHARS:
                raise YamlProblem(_mark(event), "aliases expand to too much data; refusing to load the file")
            finish(value, size, event)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    _mark(event),
                    "a briefing file holds one YAML document; found a second '---'",
                )
    return result, found
