"""``briefing export --since REV``: what changed since a revision, for the exports.

The changes come from :func:`briefing.diff.changes.diff` (the same as
``briefing diff`` and the app's ``--since``); this module only says what the
exports show of them: a mark per item id ("new" or "changed"), the items
removed (by their labels), the parts that changed but are not an item of
their own on the page (the title block, the strike tally's facts), and the
JSON ``changes`` object. Every text meant for HTML or Markdown (the revision
too: it is typed by the user) has been made visible here; each format then
escapes it. No UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing.diff.changes import Changes, Item, diff
from briefing.diff.fields import field_changes
from briefing.model import Briefing
from briefing.model.text import visible

PARTS = ("meta", "tally")
"""Kinds that are parts of the page (header, tally facts), not items with a block."""


@dataclass(frozen=True)
class Since:
    rev: str
    """The revision as typed, made visible (still to be escaped by each format)."""
    marks: dict[str, str] = field(default_factory=dict)
    """Item id -> "new" or "changed"."""
    parts: list[str] = field(default_factory=list)
    """Labels of changed parts with no block of their own ("Title, status and format facts")."""
    removed: list[str] = field(default_factory=list)
    """Labels of the items removed since the revision, made visible."""
    data: dict[str, Any] = field(default_factory=dict)
    """The JSON ``changes`` object."""

    def mark(self, ident: str) -> str | None:
        """ "new since REV", "changed since REV", or None."""
        kind = self.marks.get(ident)
        return f"{kind} since {self.rev}" if kind else None

    @property
    def counts(self) -> str:
        new = sum(1 for kind in self.marks.values() if kind == "new")
        changed = len(self.marks) - new
        return f"{new} new, {changed} changed, {len(self.removed)} removed"


def _kept(changes: Changes, only: str | None) -> Changes:
    """Only the changes in section ``only`` (and the header, which ``--only`` keeps)."""
    if only is None:
        return changes

    def keep(items: list[Item]) -> list[Item]:
        return [item for item in items if item.section in (only, "meta")]

    return Changes(keep(changes.added), keep(changes.changed), keep(changes.removed), keep(changes.renamed))


def _ref(item: Item) -> dict[str, Any]:
    return {"kind": item.kind, "id": item.id}


def changes_data(changes: Changes, rev: str) -> dict[str, Any]:
    """The JSON ``changes`` object: ids by kind of change; the fields of each changed item."""
    return {
        "since": rev,
        "added": [_ref(item) for item in changes.added],
        "changed": [
            {**_ref(item), "fields": [change.name for change in field_changes(item)]}
            for item in changes.changed
        ],
        "renamed": [
            {**_ref(item), "old_id": item.old_id, "fields": [change.name for change in field_changes(item)]}
            for item in changes.renamed
        ],
        "removed": [_ref(item) for item in changes.removed],
    }


def since(old: Briefing, new: Briefing, rev: str, only: str | None = None) -> Since:
    """What the exports of ``new`` show of its changes since ``old`` (``rev``)."""
    changes = _kept(diff(old, new), only)
    marks = {
        ident: kind
        for ident, kind in changes.marked_ids.items()
        if not any(item.id == ident and item.kind in PARTS for item in (*changes.changed, *changes.added))
    }
    parts = [visible(item.label) for item in (*changes.changed, *changes.added) if item.kind in PARTS]
    removed = [visible(item.label) for item in changes.removed]
    return Since(visible(rev), marks, parts, removed, changes_data(changes, rev))


CHANGES_SCHEMA: dict[str, Any] = {
    "description": (
        "With --since REV only: what changed since git revision REV, by item kind and id "
        "(meta and tally are the header's and the strike tally's own fields); "
        "fields are where in a changed item, as written in the file."
    ),
    "type": "object",
    "properties": {
        "since": {"type": "string"},
        "added": {"type": "array", "items": {"$ref": "#/$defs/ChangeRef"}},
        "changed": {"type": "array", "items": {"$ref": "#/$defs/FieldsChanged"}},
        "renamed": {"type": "array", "items": {"$ref": "#/$defs/FieldsChanged"}},
        "removed": {"type": "array", "items": {"$ref": "#/$defs/ChangeRef"}},
    },
    "required": ["since", "added", "changed", "renamed", "removed"],
    "additionalProperties": False,
}

CHANGE_DEFS: dict[str, Any] = {
    "ChangeRef": {
        "type": "object",
        "properties": {"kind": {"type": "string"}, "id": {"type": "string"}},
        "required": ["kind", "id"],
        "additionalProperties": False,
    },
    "FieldsChanged": {
        "type": "object",
        "properties": {
            "kind": {"type": "string"},
            "id": {"type": "string"},
            "old_id": {"type": "string", "description": "For a renamed item: its id at REV."},
            "fields": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["kind", "id", "fields"],
        "additionalProperties": False,
    },
}

__all__ = ["CHANGES_SCHEMA", "CHANGE_DEFS", "Since", "changes_data", "since"]
