"""``briefing diff``: two briefings compared item by item, as text or JSON.

The text groups the changes by section of the file, one line per item
(``● changed``, ``→ renamed``, ``✚ added``, ``✖ removed``, with its kind and
id) and, under a changed item, one line per field: ``old → new``, or for
long texts a word diff in ``[-removed-]`` / ``{+added+}`` brackets (as
``git diff --word-diff`` writes them), so it reads well in an email. On a
terminal the same text is coloured; the brackets stay, so colour is never
the only sign. Every string from a briefing passes through
:func:`~briefing.model.text.visible`. JSON (``--format json``) carries the
raw values for tools. No UI imports.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from briefing.diff.changes import Changes, Item
from briefing.diff.fields import FieldChange, field_changes
from briefing.model.figures import Figure
from briefing.model.items import SECTIONS
from briefing.model.struct_fields import fields_of
from briefing.model.text import visible
from briefing.model.wording import NOT_REPORTED, figure_words
from briefing.output.wrapping import cell_width, wrap

SECTION_ORDER = ("meta", *SECTIONS)
SECTION_TITLES = {"meta": "Meeting", "strikes": "Strike tally"}
"""Headings that are not the section's key capitalised."""

KINDS_OF_CHANGE = ("changed", "renamed", "added", "removed")
_BADGES = {"changed": "●", "renamed": "→", "added": "✚", "removed": "✖"}
_COLOURS = {"changed": "33", "renamed": "36", "added": "32", "removed": "31"}
_RESET = "\x1b[0m"
UNSET = "(not set)"


def shown(value: object) -> str:
    """A value as one line of safe text: figures as reported, never 0 for none."""
    if value is None:
        return UNSET
    if isinstance(value, Figure):
        return figure_words(value) or NOT_REPORTED
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) if value else "(none)"
    if isinstance(value, msgspec.Struct):
        parts = [
            f"{info.encode_name}: {shown(getattr(value, info.name))}"
            for info in fields_of(type(value))
            if getattr(value, info.name) not in (None, [])
        ]
        return "; ".join(parts)
    return visible(str(value))


def _ordered(changes: Changes) -> list[tuple[str, list[tuple[str, Item]]]]:
    """(section, [(kind of change, item)]) in file order of sections."""
    groups: dict[str, list[tuple[str, Item]]] = {}
    for how in KINDS_OF_CHANGE:
        for item in getattr(changes, how):
            groups.setdefault(item.section, []).append((how, item))
    known = [s for s in SECTION_ORDER if s in groups]
    return [(s, groups[s]) for s in [*known, *sorted(set(groups) - set(known))]]


def counts(changes: Changes) -> str:
    """``3 changes: 1 changed, 1 added, 1 removed`` (or ``no changes``)."""
    total = len(changes)
    if not total:
        return "no changes"
    parts = [f"{len(getattr(changes, how))} {how}" for how in KINDS_OF_CHANGE if getattr(changes, how)]
    return f"{total} change{'s' if total != 1 else ''}: {', '.join(parts)}"


# --- text -------------------------------------------------------------------


def render_text(
    changes: Changes, old_name: str, new_name: str, *, width: int = 80, colour: bool = False
) -> str:
    """The changes as text (ANSI colours with ``colour``), wrapped to ``width``."""
    width = max(40, width)
    lines = [visible(f"{old_name} → {new_name}: {counts(changes)}")]
    for section, entries in _ordered(changes):
        title = SECTION_TITLES.get(section, section.capitalize())
        lines += ["", _paint(title, "1", colour), _paint("-" * cell_width(title), "1", colour)]
        for how, item in entries:
            lines += _item_lines(how, item, width, colour)
    return "\n".join(lines) + "\n"


def _paint(text: str, sgr: str, colour: bool) -> str:
    return f"\x1b[{sgr}m{text}{_RESET}" if colour and text else text


def _item_lines(how: str, item: Item, width: int, colour: bool) -> list[str]:
    ident = visible(item.id if item.old_id is None else f"{item.old_id} → {item.id}")
    head = f"{_BADGES[how]} {how:<8}"
    text = f"{item.kind} {ident} ({visible(item.label)})"
    lines = wrap(text, width, head + " ")
    lines[0] = _paint(head, _COLOURS[how], colour) + lines[0][len(head) :]
    if how in ("changed", "renamed"):
        for change in field_changes(item):
            lines += _field_lines(change, width, colour)
    return lines


def _field_lines(change: FieldChange, width: int, colour: bool) -> list[str]:
    indent = "    "
    label = f"{indent}{visible(change.name)}: "
    words = change.words
    if words is None:
        text = f"{shown(change.old)} → {shown(change.new)}"
        return wrap(text, width, label, indent + "  ")
    # A word diff: one paragraph per line of the new text, markers kept.
    parts = []
    for i, (op, run) in enumerate(words):
        safe = visible(run, multiline=True)
        if op == "same":
            parts.append(_context(safe, first=i == 0, last=i == len(words) - 1))
        else:
            parts.append(f"[-{safe}-]" if op == "removed" else f"{{+{safe}+}}")
    marked = "".join(parts)
    lines: list[str] = []
    for i, para in enumerate(marked.split("\n")):
        lines += wrap(para, width, label if i == 0 else indent + "  ", indent + "  ")
    return _colour_markers(lines) if colour else lines


CONTEXT_WORDS = 8
"""Unchanged words kept on each side of a change in a word diff."""


def _context(text: str, *, first: bool, last: bool) -> str:
    """Unchanged text around changes, shortened to a few words each side."""
    tokens = re.findall(r"\s+|\S+", text)
    keep = 2 * CONTEXT_WORDS  # tokens: words and the spaces between them
    head = [] if first else tokens[:keep]
    tail = [] if last else tokens[-keep:]
    if len(head) + len(tail) + 2 >= len(tokens):
        return text
    return "".join(head).rstrip() + " … " + "".join(tail).lstrip()


def _colour_markers(lines: list[str]) -> list[str]:
    """Red for ``[-…-]``, green for ``{+…+}``, carried across wrapped lines."""
    out = []
    state = ""
    for line in lines:
        painted = f"\x1b[{state}m" if state else ""
        i = 0
        while i < len(line):
            pair = line[i : i + 2]
            if pair in ("[-", "{+") and not state:
                state = "31" if pair == "[-" else "32"
                painted += f"\x1b[{state}m{pair}"
                i += 2
            elif (pair == "-]" and state == "31") or (pair == "+}" and state == "32"):
                painted += pair + _RESET
                state = ""
                i += 2
            else:
                painted += line[i]
                i += 1
        out.append(painted + (_RESET if state else ""))
    return out


# --- JSON -------------------------------------------------------------------


def _plain(value: object) -> Any:
    """A model value as JSON data; figures keep their words and their kind."""

    def hook(obj: object) -> object:
        if isinstance(obj, Figure):
            return {"kind": obj.kind.value, "value": obj.value, "text": obj.text if obj.known else None}
        raise NotImplementedError(type(obj).__name__)

    return msgspec.to_builtins(value, enc_hook=hook)


def _field_json(change: FieldChange) -> dict[str, Any]:
    entry: dict[str, Any] = {"field": change.name, "old": _plain(change.old), "new": _plain(change.new)}
    if (words := change.words) is not None:
        entry["words"] = [[op, text] for op, text in words]
    return entry


def report_data(changes: Changes, old_name: str, new_name: str) -> dict[str, Any]:
    """The changes as JSON-ready data (the shape ``--format json`` prints)."""
    entries: list[dict[str, Any]] = []
    for section, listed in _ordered(changes):
        for how, item in listed:
            entry: dict[str, Any] = {
                "change": how,
                "section": section,
                "kind": item.kind,
                "id": item.id,
                "label": item.label,
            }
            if item.old_id is not None:
                entry["old_id"] = item.old_id
            if how in ("changed", "renamed"):
                entry["fields"] = [_field_json(c) for c in field_changes(item)]
            else:
                entry["value"] = _plain(item.value)
            entries.append(entry)
    return {
        "old": old_name,
        "new": new_name,
        "changed": bool(changes),
        "counts": {how: len(getattr(changes, how)) for how in KINDS_OF_CHANGE},
        "changes": entries,
    }


# Characters a terminal would act on or reorder text by (C1 controls, bidi
# marks, separators) are written as \u escapes: the same JSON data, inert
# when the output is shown. (The encoder escapes C0 controls already.)
_UNSAFE_IN_JSON = re.compile(
    "[\u0080-\u009f\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def render_json(changes: Changes, old_name: str, new_name: str) -> str:
    """The changes as indented JSON (see :func:`report_data`)."""
    text = msgspec.json.format(
        msgspec.json.encode(report_data(changes, old_name, new_name)), indent=2
    ).decode()
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


__all__ = ["counts", "render_json", "render_text", "report_data", "shown"]
