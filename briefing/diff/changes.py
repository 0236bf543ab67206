"""What changed between two versions of a briefing, item by item.

Items are matched by id, so an edit that reorders the file or renames a
title still marks the right row; an item whose id changed but whose content
did not is *renamed*, not removed and added. The live reload's marks, the
``d`` list, ``briefing diff`` and ``--since`` all take their changes from
here. Which fields of a changed item changed is worked out on demand
(:mod:`briefing.diff.fields`): a reload needs only the ids. No UI imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec

from briefing.model.figures import Figure
from briefing.model.items import NOUNS, SECTIONS, items
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
    """The item as compared (without the items it holds); for a removed item, the old one."""
    before: object = None
    """The old version of a changed or renamed item (None for added and removed)."""
    old_id: str | None = None
    """The id it had before, for a renamed item."""
    owner: str | None = None
    """The id of the item that holds it (a person's delegation), if any."""
    old_owner: str | None = None

    @property
    def section(self) -> str:
        """The top-level key of the file the item is written under."""
        return SECTION_OF.get(self.kind, self.kind)


@dataclass
class Changes:
    added: list[Item] = field(default_factory=list)
    changed: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    renamed: list[Item] = field(default_factory=list)
    """Items whose id changed and nothing else (``old_id`` is the id before)."""

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.renamed)

    def __len__(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed) + len(self.renamed)

    @property
    def marked_ids(self) -> dict[str, str]:
        """Ids of items to mark on screen, with "new" or "changed"."""
        marks = {item.id: "changed" for item in self.changed}
        marks.update({item.id: "changed" for item in self.renamed})
        marks.update({item.id: "new" for item in self.added})
        return marks


Key = tuple[str, str]

SECTION_OF: dict[str, str] = {
    **{kind: section for section, kinds in SECTIONS.items() for kind in kinds},
    "meta": "meta",
    "tally": "strikes",
}
"""Each kind (and part) -> the top-level key it is written under."""

_WITHOUT = {"delegation": "members", "tally": "counts"}
"""What holds items of its own is compared without them: editing a member is
not editing the side."""


def _by_key(briefing: Briefing) -> tuple[dict[Key, Any], dict[Key, str]]:
    """(kind, id) -> the model object, for every item and part (meta, tally)
    in file order; and the id of each item's owner, where the owner has one
    (a person's delegation), so moving a person to another side is a change.

    Nothing else is made per item: labels and the values compared are needed
    only for the few items that changed. (Making 100,000 labels doubled the
    time of a diff, and a tuple per item kept the garbage collector busy.)
    """
    objects: dict[Key, Any] = {}
    owners: dict[Key, str] = {}
    for kind, ident, obj, owner, _path in items(briefing, parts=True):
        objects[kind, ident] = obj
        if owner is not None and (owner_id := getattr(owner, "id", None)) is not None:
            owners[kind, ident] = owner_id
    return objects, owners


def compared(kind: str, obj: Any) -> Any:
    """The value that tells whether an item changed (without the items it holds)."""
    field = _WITHOUT.get(kind)
    return obj if field is None else msgspec.structs.replace(obj, **{field: []})


def held(kind: str) -> str | None:
    """The field of ``kind`` that holds items of their own, if any."""
    return _WITHOUT.get(kind)


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
    if kind == "event":
        return f"Timeline: {item.title}"
    # A kind added later: its noun and the first text that names it.
    noun = NOUNS.get(kind, kind).capitalize()
    for name in ("title", "name", "label", "text"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return f"{noun}: {value}"
    return f"{noun}: {getattr(item, 'id', kind)}"


def _content_key(kind: str, obj: Any, owner: str | None) -> bytes:
    """What an item is apart from its id: equal keys mean a rename."""
    value = compared(kind, obj)
    if "id" in value.__struct_fields__:
        value = msgspec.structs.replace(value, id="")
    return kind.encode() + b"\0" + (owner or "").encode() + b"\0" + _ENCODER.encode(value)


def _enc_hook(obj: object) -> object:
    if isinstance(obj, Figure):
        return [obj.kind.value, obj.value, obj.text, obj.bound]
    raise NotImplementedError(type(obj).__name__)


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_enc_hook)


def diff(old: Briefing, new: Briefing) -> Changes:
    """What ``new`` adds, changes, renames and removes compared with ``old``, by id."""
    before, old_owners = _by_key(old)
    after, new_owners = _by_key(new)
    added: list[Key] = []
    changed: list[Key] = []
    moved: list[Key] = []
    for key, obj in after.items():
        previous = before.get(key)
        if previous is None:
            added.append(key)
        # Equal as a whole is equal without the members too; only what
        # differs is compared again without them.
        elif previous != obj and compared(key[0], previous) != compared(key[0], obj):
            changed.append(key)
        elif old_owners.get(key) != new_owners.get(key):
            moved.append(key)
    removed = [key for key in before if key not in after]
    if not (added or changed or removed or moved):
        return Changes()
    renames = _renames(added, removed, before, after, old_owners, new_owners)
    if renames:
        added = [key for key in added if key not in renames]
        gone = set(renames.values())
        removed = [key for key in removed if key not in gone]
    if moved:
        # A person whose delegation was only renamed has not moved.
        old_id = {new[1]: old[1] for new, old in renames.items()}
        moved_keys = {
            key
            for key in moved
            if old_id.get(new_owners.get(key, ""), new_owners.get(key)) != old_owners.get(key)
        }
        if moved_keys:
            moved_keys.update(changed)
            changed = [key for key in after if key in moved_keys]
    # Labels name speakers through the roster of the version the item is in.
    new_roster = Roster(new) if added or changed or renames else None
    old_roster = Roster(old) if removed else None

    def made(key: Key, objects: dict[Key, Any], owners: dict[Key, str], roster: Roster | None) -> Item:
        kind, ident = key
        obj = objects[key]
        return Item(kind, ident, _label(kind, obj, roster), compared(kind, obj), owner=owners.get(key))

    def pair(key: Key, old_key: Key) -> Item:
        item = made(key, after, new_owners, new_roster)
        return Item(
            item.kind,
            item.id,
            item.label,
            item.value,
            before=compared(old_key[0], before[old_key]),
            old_id=old_key[1] if old_key != key else None,
            owner=item.owner,
            old_owner=old_owners.get(old_key),
        )

    return Changes(
        added=[made(key, after, new_owners, new_roster) for key in added],
        changed=[pair(key, key) for key in changed],
        removed=[made(key, before, old_owners, old_roster) for key in removed],
        renamed=[pair(key, old_key) for key, old_key in renames.items()],
    )


def _renames(
    added: list[Key],
    removed: list[Key],
    before: dict[Key, Any],
    after: dict[Key, Any],
    old_owners: dict[Key, str],
    new_owners: dict[Key, str],
) -> dict[Key, Key]:
    """New key -> old key, for added items whose content is a removed item's."""
    if not added or not removed:
        return {}
    # Parts (meta, tally) have fixed ids and cannot be renamed.
    gone: dict[bytes, list[Key]] = {}
    for key in removed:
        gone.setdefault(_content_key(key[0], before[key], old_owners.get(key)), []).append(key)
    renames: dict[Key, Key] = {}
    for key in added:
        candidates = gone.get(_content_key(key[0], after[key], new_owners.get(key)))
        if candidates:
            renames[key] = candidates.pop(0)
    return renames
