"""What changed between two versions of a briefing, item by item.

Items are matched by id, so an edit that reorders the file or renames a
title still marks the right row. No UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec

from briefing.model.items import items
from briefing.model.roster import Roster
from briefing.model.structs import Briefing
from briefing.model.wording import attribution


@dataclass(frozen=True)
class Item:
    kind: str
    """One of ``model.items.KINDS``, or a part: "meta" or "tally"."""
    id: str
    label: str
    value: object


@dataclass
class Changes:
    added: list[Item] = field(default_factory=list)
    changed: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def marked_ids(self) -> dict[str, str]:
        """Ids of items to mark on screen, with "new" or "changed"."""
        marks = {item.id: "changed" for item in self.changed}
        marks.update({item.id: "new" for item in self.added})
        return marks


Key = tuple[str, str]


_WITHOUT = {"delegation": "members", "tally": "counts"}
"""What holds items of its own is compared without them: editing a member is
not editing the side."""


def _by_key(briefing: Briefing) -> dict[Key, Any]:
    """(kind, id) -> the model object, for every item and part (meta, tally)
    in file order.

    Nothing else is made per item: labels and the values compared are needed
    only for the few items that changed. (Making 100,000 labels doubled the
    time of a diff, and a tuple per item kept the garbage collector busy.)
    """
    return {(kind, ident): obj for kind, ident, obj, _owner, _path in items(briefing, parts=True)}


def _compared(kind: str, obj: Any) -> object:
    """The value that tells whether an item changed."""
    field = _WITHOUT.get(kind)
    return obj if field is None else msgspec.structs.replace(obj, **{field: []})


def _label(kind: str, item: Any, roster: Roster | None) -> str:
    if kind == "meta":
        return "Title, status and format facts"
    if kind == "delegation":
        return f"Delegation: {item.side}"
    if kind == "person":
        return f"Person: {item.name}"
    if kind == "agenda":
        return f"Agenda: {item.title}"
    if kind == "quote":
        return f"Quote by {attribution(item, roster.name_of if roster is not None else str)}"
    if kind == "tally":
        return f"Strike tally: {item.period}"
    if kind == "count":
        return f"Strikes: {item.weapon}"
    if kind == "figure":
        return f"Figure: {item.label}"
    return f"Timeline: {item.title}"


def diff(old: Briefing, new: Briefing) -> Changes:
    """What ``new`` adds, changes and removes compared with ``old``, by id."""
    before = _by_key(old)
    after = _by_key(new)
    added: list[tuple[Key, Any]] = []
    changed: list[tuple[Key, Any]] = []
    for key, obj in after.items():
        previous = before.get(key)
        if previous is None:
            added.append((key, obj))
        # Equal as a whole is equal without the members too; only what
        # differs is compared again without them.
        elif previous != obj and _compared(key[0], previous) != _compared(key[0], obj):
            changed.append((key, obj))
    removed = [(key, obj) for key, obj in before.items() if key not in after]
    if not (added or changed or removed):
        return Changes()
    # Labels name speakers through the roster of the version the item is in.
    new_roster = Roster(new) if added or changed else None
    old_roster = Roster(old) if removed else None
    return Changes(_made(added, new_roster), _made(changed, new_roster), _made(removed, old_roster))


def _made(entries: list[tuple[Key, Any]], roster: Roster | None) -> list[Item]:
    return [
        Item(kind, ident, _label(kind, obj, roster), _compared(kind, obj)) for (kind, ident), obj in entries
    ]
