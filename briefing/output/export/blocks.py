"""The kinds of block a human-readable export is made of, and the document they form.

:mod:`.document` builds a :class:`Document` from a briefing; HTML and
Markdown each render every kind of block here. Every string in a block has
already been made visible (control characters, ESC and bidi overrides
shown); each format escapes it for itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Figure
from briefing.output.export.since import Since

Pairs = list[tuple[str, str | None]]
"""``(label, value)``; a value of None reads "not reported"."""


@dataclass(frozen=True, slots=True)
class Fields:
    """Label: value pairs (a definition list in HTML)."""

    pairs: Pairs


@dataclass(frozen=True, slots=True)
class Text:
    """Running text; each string a line break."""

    lines: list[str]


@dataclass(frozen=True, slots=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True, slots=True)
class Member:
    """A person in a delegation's list of people."""

    id: str
    name: str
    notes: list[str]
    """"leads the delegation", "not at the table"."""
    fields: Pairs


@dataclass(frozen=True, slots=True)
class Entry:
    """An item with a title: a delegation, an agenda item, an event ..."""

    id: str
    title: str
    side: str | None = None
    """The side colour key (``party-1``, ``ally`` ...) of its mark, if any."""
    kicker: str | None = None
    """A short line above the title, e.g. an event's time."""
    fields: Pairs = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    people: list[Member] | None = None
    """A delegation's members (None for other kinds)."""
    people_none: str = ""


@dataclass(frozen=True, slots=True)
class QuoteBlock:
    id: str
    lines: list[str]
    """The words, verbatim."""
    cite: str
    """Whose words: a name, or who reported them and whom they cite."""
    about: str | None
    """The speaker's title and side: "Kremlin spokesman (Russia)"."""
    where: str | None
    """Where and when: "Telegram, Late Tuesday"."""
    context: str | None
    side: str | None
    source: str | None = None
    """The reports it comes from, when the briefing draws on several."""


@dataclass(frozen=True, slots=True)
class TallyRow:
    id: str
    weapon: str
    launched: Figure
    intercepted: Figure
    rate: str


@dataclass(frozen=True, slots=True)
class Tally:
    caption: str
    rows: list[TallyRow]
    scale: int
    """The largest figure given, for the bars (0 when none is)."""


Block = Fields | Text | Bullets | Entry | QuoteBlock | Tally


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    blocks: list[Block]
    empty: str | None = None
    """What stands for the section when it has nothing to show."""


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    status: str | None
    facts: Pairs
    """Place, as of, source: the header's facts."""
    source_url: str | None
    """The source's link, when it is a plain http(s) address."""
    sections: list[Section]
    since: Since | None = None
    """With ``--since REV``: the marks and the items removed."""


__all__ = [
    "Block",
    "Bullets",
    "Document",
    "Entry",
    "Fields",
    "Member",
    "Pairs",
    "QuoteBlock",
    "Section",
    "Tally",
    "TallyRow",
    "Text",
]
