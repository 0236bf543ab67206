"""What is searchable in each kind of item, field by field.

An *item* is one row the UI can show, of one of the kinds that
``briefing.model.items`` lists, keyed by its id (ids are unique across a
briefing). Each item has named *fields*; each field is a list
of *segments*, one per displayed piece (a list field such as ``raised_by``
has one segment per person or delegation). A segment has the text shown and,
for names, *aliases*: alternate spellings that are searched but not shown.

Field names are the model's attribute names. Fields whose text is derived
rather than stored (the UI shows the same thing):

============  ================================================================
``speaker``   quote: display name of the speaker (person name or delegation
              side); aliases: the person's ``aka``
``raised_by`` agenda: display names of the raisers, joined with ", "
``involves``  event: display names of those involved, joined with ", "
``reported_by`` count: display name of the tally's reporter (aliases: aka);
              quote: who reported the words, as written
``side``      person: the ``side`` of the person's delegation
``aka``       person: the alternate spellings, joined with ", "
``status``    agenda: the status label given to the index (``status_labels``),
              else the raw status; the raw status is an alias
``launched``, ``intercepted``  count: the figure's text ("nearly 400",
              "29", "not reported")
``period``, ``channel``, ``reported_when``  count: from the strike tally
``value``     figure: the figure's text ("about 1,200", "not reported")
``reported_by`` figure: display name of who gave it (aliases: aka)
``source``    quote, agenda item, count, event (any kind that can name its
              sources): the outlet of each report the item names (or its
              tally names), aliases: the headline. Items that name none
              (the single-source default) have no such field: every one
              would match.
============  ================================================================

The tally's ``target`` and ``notes`` are not items and are not searched.
The meeting itself (``meta``) is not an item either; :func:`overview_texts`
gives what only its overview shows, which a search reports apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, cast

from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Person,
    Quote,
    ReportedFigure,
    StrikeTally,
    WeaponCount,
)
from briefing.model.items import Item
from briefing.model.sourcing import SOURCED, Sources

FIELDS: dict[str, tuple[str, ...]] = {
    "delegation": ("side", "role", "notes"),
    "person": ("name", "title", "aka", "notes", "side"),
    "agenda": ("title", "status", "raised_by", "notes"),
    "quote": ("speaker", "reported_by", "citing", "text", "channel", "when", "context"),
    "count": (
        "weapon",
        "launched",
        "intercepted",
        "period",
        "channel",
        "reported_when",
        "reported_by",
    ),
    "figure": ("label", "value", "unit", "when", "reported_by"),
    "event": ("when", "title", "detail", "involves"),
}
"""Searchable fields of each kind, the names ``spans()`` accepts."""
for _kind in SOURCED:  # every kind that can name its sources is found by them
    if _kind in FIELDS:
        FIELDS[_kind] += ("source",)

JOIN = ", "
"""What the segments of a list field are joined with in its text."""


class Segment(NamedTuple):
    text: str
    aliases: tuple[str, ...] = ()


Fields = dict[str, list[Segment]]


class Names:
    """Display name and aliases of every person or delegation id."""

    def __init__(self, briefing: Briefing) -> None:
        self.sources = Sources(briefing)
        """The briefing's reports, for items' ``source`` field."""
        self._seg: dict[str, Segment] = {}
        for delegation in briefing.delegations:
            self._seg[delegation.id] = Segment(delegation.side)
            for person in delegation.members:
                self._seg[person.id] = Segment(person.name, tuple(person.aka))

    def segment(self, ref: str) -> Segment:
        """The name segment for ``ref``; an unknown id stands for itself."""
        return self._seg.get(ref) or Segment(ref)


def _put(fields: Fields, name: str, text: str | None, aliases: tuple[str, ...] = ()) -> None:
    if text:
        fields[name] = [Segment(text, aliases)]


def fields_of(item: Item, names: Names, status_labels: Mapping[str, str] | None = None) -> Fields:
    """The searchable fields of one item (absent fields are left out)."""
    _, _, obj, owner, _ = item
    f: Fields = {}
    if isinstance(obj, Person):
        _put(f, "name", obj.name, tuple(obj.aka))
        _put(f, "title", obj.title)
        if obj.aka:
            f["aka"] = [Segment(a) for a in obj.aka]
        _put(f, "notes", obj.notes)
        _put(f, "side", cast(Delegation, owner).side)
    elif isinstance(obj, Delegation):
        _put(f, "side", obj.side)
        _put(f, "role", obj.role)
        _put(f, "notes", obj.notes)
    elif isinstance(obj, AgendaItem):
        _put(f, "title", obj.title)
        label = (status_labels or {}).get(obj.status, obj.status)
        _put(f, "status", label, (obj.status,) if label != obj.status else ())
        if obj.raised_by:
            f["raised_by"] = [names.segment(r) for r in obj.raised_by]
        _put(f, "notes", obj.notes)
    elif isinstance(obj, Quote):
        if obj.speaker is not None:
            f["speaker"] = [names.segment(obj.speaker)]
        _put(f, "reported_by", obj.reported_by)
        _put(f, "citing", obj.citing)
        _put(f, "text", obj.text)
        _put(f, "channel", obj.channel)
        _put(f, "when", obj.when)
        _put(f, "context", obj.context)
    elif isinstance(obj, WeaponCount):
        tally = cast(StrikeTally, owner)
        _put(f, "weapon", obj.weapon)
        _put(f, "launched", obj.launched.text)
        _put(f, "intercepted", obj.intercepted.text)
        _put(f, "period", tally.period)
        _put(f, "channel", tally.channel)
        _put(f, "reported_when", tally.reported_when)
        if tally.reported_by:
            f["reported_by"] = [names.segment(tally.reported_by)]
    elif isinstance(obj, ReportedFigure):
        _put(f, "label", obj.label)
        _put(f, "value", obj.value.text)
        _put(f, "unit", obj.unit)
        _put(f, "when", obj.when)
        if obj.reported_by:
            f["reported_by"] = [names.segment(obj.reported_by)]
    elif isinstance(obj, Event):
        _put(f, "when", obj.when)
        _put(f, "title", obj.title)
        _put(f, "detail", obj.detail)
        if obj.involves:
            f["involves"] = [names.segment(r) for r in obj.involves]
    if names.sources.named(obj, owner):
        reports = names.sources.of(obj, owner)
        f["source"] = [Segment(r.outlet, (r.headline,) if r.headline else ()) for r in reports]
    return f


def field_text(segments: list[Segment]) -> str:
    """The text of a field as shown: its segments joined with ``JOIN``."""
    return JOIN.join(s.text for s in segments)


def overview_texts(briefing: Briefing) -> list[str | None]:
    """What only the meeting's overview shows in words: its summary, days and
    format (the title, place and status are in the header all the time)."""
    meta = briefing.meta
    days = [text for day in meta.days for text in (day.label, day.summary)]
    return [meta.summary, *days, *meta.format]
