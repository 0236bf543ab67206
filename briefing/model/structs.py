"""The briefing format, schema 1, as typed classes.

Every struct forbids unknown fields, so a misspelt key is an error instead of
silently dropped data. Class and field docstrings double as the format's
documentation: ``briefing.output.schema`` reads them into the JSON Schema that
editors show on hover, so keep them short, for the person writing the YAML.
"""

# Annotations are evaluated here, not postponed (no `from __future__ import
# annotations`): msgspec would otherwise evaluate every annotation string
# when it first builds a decoder, ~4 ms of each start.
from typing import Annotated, Literal

import msgspec

from briefing.model.figures import Figure

SCHEMA_VERSION = 1

ID_MAX_LENGTH = 64
ID_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,{ID_MAX_LENGTH - 1}}}$"
Id = Annotated[
    str,
    msgspec.Meta(
        # Not a msgspec pattern on purpose: msgspec would run the regex on
        # every id and reference again each time a cached briefing is
        # decoded (~100 ms per 100,000 items). checks.py checks every
        # defined id once per YAML load; a reference in the wrong format
        # can then only be reported as unknown. The length is checked here
        # (cheaply): a reference is never megabytes that messages would quote.
        max_length=ID_MAX_LENGTH,
        extra_json_schema={"pattern": ID_PATTERN},
        description="A short identifier: letters, digits, '-', '_' or '.'.",
    ),
]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=20_000)]
SourceRef = Id | list[Id]
"""A ``source:`` value: the id of one entry of ``sources:``, or a list of them."""
Role = Literal["mediator", "party", "ally", "observer", "other"]
Status = Literal["proposed", "on-agenda", "in-progress", "agreed", "stalled", "dropped", "unknown"]


class _Struct(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    pass


class Source(_Struct, frozen=True):
    """The report this briefing is built on."""

    outlet: Text
    """Who published the report this briefing is built on."""
    headline: Text | None = None
    """The report's headline, as published."""
    url: Text | None = None
    """Where the report can be read."""
    published: Text | None = None
    """Publication date as the source gives it."""


class Report(_Struct, frozen=True):
    """A report the briefing draws on: one entry of ``sources:``."""

    id: Id
    """Unique among the sources; items name it in their ``source:``."""
    outlet: Text
    """Who published the report."""
    headline: Text | None = None
    """The report's headline, as published."""
    url: Text | None = None
    """Where the report can be read."""
    published: Text | None = None
    """Publication date as the source gives it."""
    author: Text | None = None
    """Who wrote the report, as the source gives it."""
    notes: Text | None = None
    """Free text, e.g. the outlet's disclaimer of accuracy."""
    file: Text | None = None
    """A local plain-text or Markdown copy, relative to the briefing; `check` verifies against it."""


class Day(_Struct, frozen=True):
    """One day of the meeting."""

    label: Text
    """The day as the source names it, e.g. "Tuesday" or "17 February"."""
    summary: Text | None = None
    """What happened that day, in a line or two."""


class Meta(_Struct, frozen=True):
    """What the meeting is, where it stands and where the facts come from."""

    title: Text
    """The meeting's name, shown at the top."""
    place: Text | None = None
    """Where the meeting takes place."""
    status: Text | None = None
    """One line on where things stand, shown in the header."""
    summary: Text | None = None
    """A few lines on the meeting."""
    days: list[Day] = []
    """The days of the meeting, in order."""
    format: list[Text] = []
    """Facts about the format, e.g. "closed to press"."""
    updated: Text | None = None
    """When the briefing was last brought up to date (ISO date or free text)."""
    source: Source | None = None
    """The report the briefing is built on."""


class Person(_Struct, frozen=True):
    """A member of a delegation."""

    id: Id
    """Unique in the file; quotes, agenda items and events refer to it."""
    name: Text
    """The name as it should be shown."""
    title: Text | None = None
    """Office or role, e.g. "Presidential aide"."""
    aka: list[Text] = []
    """Other spellings and transliterations of the name."""
    attending: bool | None = None
    """Whether the person is at the table: true or false; leave it out when the source does not say."""
    notes: Text | None = None
    """Free text."""


class Delegation(_Struct, frozen=True):
    """One side at the meeting and the people who speak for it."""

    id: Id
    """Unique in the file (shared with people's ids)."""
    side: Text
    """The country or body, e.g. "Ukraine"."""
    role: Role
    """How the side takes part: mediator, party, ally, observer or other."""
    lead: Id | list[Id] | None = None
    """The id of the member who heads the delegation, or a list of ids when several head it together."""
    members: list[Person] = []
    """The people named for this side."""
    notes: Text | None = None
    """Free text."""

    @property
    def leads(self) -> list[str]:
        """The ids of the members who head the delegation (none, one or several)."""
        lead = self.lead
        return [] if lead is None else [lead] if isinstance(lead, str) else lead


class AgendaItem(_Struct, frozen=True):
    """A topic on (or proposed for) the table."""

    id: Id
    """Unique in the file."""
    title: Text
    """The topic in a few words."""
    raised_by: list[Id] = []
    """Ids of the people or delegations who put the item forward."""
    status: Status = "unknown"
    """Where the item stands; "unknown" when the source does not say."""
    notes: Text | None = None
    """Free text."""
    source: SourceRef | None = None
    """Id (or list of ids) of the `sources:` this comes from; default: the only source."""


class Quote(_Struct, frozen=True, kw_only=True):
    """Words someone said, verbatim, with who said or reported them, where and when."""

    id: Id
    """Unique in the file."""
    speaker: Id | None = None
    """Id of the person or delegation quoted; leave it out when the source names no speaker (then give reported_by)."""
    reported_by: Text | None = None
    """For reported speech: who reported the words, e.g. "Russian media" (free text, not an id). Needed when there is no speaker."""
    citing: Text | None = None
    """For reported speech: whom the reporter cites, e.g. "sources in the Russian delegation"."""
    text: Text
    """The words exactly as the source reports them."""
    source: SourceRef | None = None
    """Id (or list of ids) of the `sources:` this comes from; default: the only source."""
    channel: Text | None = None
    """Where it was said: Facebook, X, Telegram, press remarks..."""
    when: Text | None = None
    """When it was said, as the source gives it."""
    context: Text | None = None
    """What the words were about, in our words."""


class WeaponCount(_Struct, frozen=True):
    """Launched and intercepted figures for one kind of weapon."""

    id: Id
    """Unique in the file."""
    weapon: Text
    """E.g. "Missiles" or "Drones"."""
    launched: Figure = Figure.not_reported()
    """A number, an approximate figure such as "nearly 400", or omitted."""
    intercepted: Figure = Figure.not_reported()
    """Like launched; omit it (or write "not reported") when not given, never 0."""
    source: SourceRef | None = None
    """Id (or list of ids) of the `sources:` this comes from; default: the only source."""


class StrikeTally(_Struct, frozen=True):
    """Reported strike figures for one period, as the source gives them."""

    period: Text
    """The period the figures cover, e.g. "The lead-up to the talks"."""
    reported_by: Id | None = None
    """Id of the person or delegation who gave the figures."""
    reported_when: Text | None = None
    """When the figures were given."""
    channel: Text | None = None
    """Where the figures were given, e.g. Telegram."""
    target: Text | None = None
    """Who was struck, e.g. "Ukraine"."""
    counts: list[WeaponCount] = []
    """One entry per kind of weapon."""
    notes: Text | None = None
    """Free text, e.g. which figures the source leaves out."""
    source: SourceRef | None = None
    """Id (or list of ids) of the `sources:` this comes from; default: the only source."""


class ReportedFigure(_Struct, frozen=True):
    """A reported number that is not a strike count: a volume, a price, a headcount..."""

    id: Id
    """Unique in the file."""
    label: Text
    """What is counted, e.g. "Water released downstream"."""
    value: Figure = Figure.not_reported()
    """A number, an approximate figure such as "about 1,200", or omitted (not reported)."""
    unit: Text | None = None
    """What the number counts, e.g. "million cubic metres" or "trucks"."""
    reported_by: Id | None = None
    """Id of the person or delegation who gave the figure."""
    when: Text | None = None
    """When the figure was given or what it covers, as the source gives it."""
    source: SourceRef | None = None
    """Id(s) of the reports it comes from (see ``sources:``)."""


class Event(_Struct, frozen=True, kw_only=True):
    """Something that happened, for the timeline."""

    id: Id
    """Unique in the file."""
    when: Text | None = None
    """When it happened, as the source gives it; leave it out when the source does not say."""
    title: Text
    """What happened, in a line."""
    detail: Text | None = None
    """More on what happened."""
    involves: list[Id] = []
    """Ids of the people or delegations involved."""
    source: SourceRef | None = None
    """Id (or list of ids) of the `sources:` this comes from; default: the only source."""


class Briefing(_Struct, frozen=True):
    """A meeting briefing: who is at the table, the agenda, what was said."""

    schema: Literal[1]
    """Format version; always 1 for now."""
    meta: Meta
    """Title, place, status, summary, days and source of the meeting."""
    sources: list[Report] = []
    """The reports the briefing draws on; items name them in `source:`."""
    delegations: list[Delegation] = []
    """The sides at the meeting; people and delegations share one id namespace."""
    agenda: list[AgendaItem] = []
    """Topics on the table."""
    quotes: list[Quote] = []
    """Verbatim quotes, each with a speaker id."""
    strikes: StrikeTally | None = None
    """Reported strike figures, exactly as reported."""
    figures: list[ReportedFigure] = []
    """Other reported numbers (not strikes), exactly as reported."""
    timeline: list[Event] = []
    """Events in order."""
