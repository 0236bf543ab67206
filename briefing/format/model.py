"""The briefing format, schema 1, as typed classes.

Every struct forbids unknown fields, so a misspelt key is an error instead of
silently dropped data. Field docstrings double as the format's documentation
(they end up in the JSON Schema and the README).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from briefing.format.figures import Figure

SCHEMA_VERSION = 1

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
Id = Annotated[
    str,
    msgspec.Meta(
        # Not a msgspec pattern on purpose: msgspec would run the regex on
        # every id and reference again each time a cached briefing is
        # decoded (~100 ms per 100,000 items). checks.py checks every
        # defined id once per YAML load; a reference in the wrong format
        # can then only be reported as unknown.
        extra_json_schema={"pattern": ID_PATTERN},
        description="A short identifier: letters, digits, '-', '_' or '.'.",
    ),
]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=20_000)]
Role = Literal["mediator", "party", "ally", "observer", "other"]
Status = Literal[
    "proposed", "on-agenda", "in-progress", "agreed", "stalled", "dropped", "unknown"
]


class _Struct(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    pass


class Source(_Struct):
    outlet: Text
    """Who published the report this briefing is built on."""
    headline: Text | None = None
    url: Text | None = None
    published: Text | None = None
    """Publication date as the source gives it."""


class Day(_Struct):
    label: Text
    """The day as the source names it, e.g. "Tuesday" or "17 February"."""
    summary: Text | None = None


class Meta(_Struct):
    title: Text
    place: Text | None = None
    status: Text | None = None
    """One line on where things stand, shown in the header."""
    summary: Text | None = None
    days: list[Day] = []
    format: list[Text] = []
    """Facts about the format, e.g. "closed to press"."""
    updated: Text | None = None
    """When the briefing was last brought up to date (ISO date or free text)."""
    source: Source | None = None


class Person(_Struct):
    id: Id
    name: Text
    title: Text | None = None
    aka: list[Text] = []
    """Other spellings and transliterations of the name."""
    attending: bool = True
    """False for people who speak for a side but are not at the table."""
    notes: Text | None = None


class Delegation(_Struct):
    id: Id
    side: Text
    """The country or body, e.g. "Ukraine"."""
    role: Role
    lead: Id | None = None
    """The id of the member who heads the delegation."""
    members: list[Person] = []
    notes: Text | None = None


class AgendaItem(_Struct):
    id: Id
    title: Text
    raised_by: list[Id] = []
    """Ids of the people or delegations who put the item forward."""
    status: Status = "unknown"
    notes: Text | None = None


class Quote(_Struct):
    id: Id
    speaker: Id
    """Id of the person or delegation quoted."""
    text: Text
    """The words exactly as the source reports them."""
    channel: Text | None = None
    """Where it was said: Facebook, X, Telegram, press remarks..."""
    when: Text | None = None
    context: Text | None = None


class WeaponCount(_Struct):
    id: Id
    weapon: Text
    launched: Figure = Figure.not_reported()
    """A number, an approximate figure such as "nearly 400", or omitted."""
    intercepted: Figure = Figure.not_reported()


class StrikeTally(_Struct):
    period: Text
    reported_by: Id | None = None
    """Id of the person or delegation who gave the figures."""
    reported_when: Text | None = None
    channel: Text | None = None
    target: Text | None = None
    """Who was struck, e.g. "Ukraine"."""
    counts: list[WeaponCount] = []
    notes: Text | None = None


class Event(_Struct):
    id: Id
    when: Text
    """When it happened, as the source gives it."""
    title: Text
    detail: Text | None = None
    involves: list[Id] = []
    """Ids of the people or delegations involved."""


class Briefing(_Struct):
    schema: Literal[1]
    """Format version; always 1 for now."""
    meta: Meta
    delegations: list[Delegation] = []
    agenda: list[AgendaItem] = []
    quotes: list[Quote] = []
    strikes: StrikeTally | None = None
    timeline: list[Event] = []
