"""What an export says, once for every format: the briefing as a few kinds of block.

HTML and Markdown render the same :class:`~.blocks.Document` (its kinds of
block are in :mod:`.blocks`), so the wording and the
honesty rules live here, not in each format: a figure keeps the words it was
reported in ("nearly 400 (approximate)"), a figure not given reads "not
reported" (never 0), an interception rate appears only when both figures are
exact, and an event with no time reads "not stated".

Every string that comes from the YAML passes through
:func:`briefing.model.text.visible` here (control characters, ESC and bidi
overrides become visible stand-ins); each format then escapes for itself at
one point. Sections come from ``items.SECTIONS`` in file order; a kind with
no writer of its own below is shown by :func:`_generic`, field by field, so
a new section appears in exports before anyone writes its layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Figure,
    Person,
    Quote,
    Report,
    Roster,
    Source,
    WeaponCount,
)
from briefing.model.items import SECTIONS, Item, by_section, present
from briefing.model.sourcing import Sources
from briefing.model.struct_fields import fields_of
from briefing.model.text import visible
from briefing.model.wording import (
    NOT_REPORTED,
    TIME_NOT_STATED,
    attribution,
    figure_words,
    interception_rate,
    leads,
    names,
    no_rate_reason,
    person_notes,
    status_value,
)
from briefing.output.export.blocks import (
    Block,
    Bullets,
    Document,
    Entry,
    Fields,
    Member,
    Pairs,
    QuoteBlock,
    Section,
    Tally,
    TallyRow,
    Text,
)
from briefing.output.export.since import Since

_URL = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+$")
"""A source link is made a link only when it is a plain http(s) address
(RFC 3986 characters only); anything else is shown as text."""
TITLES = {
    "delegations": "Delegations",
    "agenda": "Agenda",
    "quotes": "Quotes",
    "strikes": "Strike tally",
    "timeline": "Timeline",
}
"""Each section's heading, as in the app and ``--plain``; others get their key, capitalised."""


def one_line(text: str) -> str:
    return visible(text)


def lines(text: str) -> list[str]:
    """Multi-line YAML text as safe lines (``|`` blocks keep their breaks)."""
    return visible(text, multiline=True).split("\n")


def figure_text(figure: Figure) -> str:
    """How a figure reads: "29", "nearly 400 (approximate)", "not reported"."""
    return visible(figure_words(figure) or NOT_REPORTED)


def rate_text(count: WeaponCount) -> str:
    rate = interception_rate(count)
    if rate is not None:
        return f"{rate:.0%} ({figure_text(count.intercepted)} of {figure_text(count.launched)})"
    return f"not computed ({no_rate_reason(count)})"


# --- items ------------------------------------------------------------------


def side_key(delegation: Delegation | None, roster: Roster) -> str | None:
    """The theme colour of a delegation's mark, as the app gives it."""
    if delegation is None:
        return None
    if delegation.role == "party":
        return f"party-{roster.party_order.get(delegation.id, 0) % 4 + 1}"
    return delegation.role


def _delegation(d: Delegation, _owner: Any, roster: Roster) -> Block:
    return Entry(
        id=d.id,
        title=one_line(d.side),
        side=side_key(d, roster),
        fields=[("Role", d.role), ("Led by", _opt(leads(d, roster.name_of)))],
        body=lines(d.notes) if d.notes else [],
        people=[],
        people_none="No one is named in the briefing.",
    )


def _person(p: Person, d: Delegation, _roster: Roster) -> Member:
    notes = person_notes(p, d)
    pairs: Pairs = [("Title", _opt(p.title))]
    if p.aka:
        pairs.append(("Also written", one_line(", ".join(p.aka))))
    if p.notes:
        pairs.append(("Notes", one_line(p.notes)))
    return Member(p.id, one_line(p.name), notes, pairs)


def _agenda(a: AgendaItem, _owner: Any, roster: Roster) -> Block:
    raisers = ", ".join(roster.name_of(r) for r in a.raised_by)
    pairs: Pairs = [("Status", status_value(a.status)), ("Raised by", _opt(raisers or None))]
    return Entry(id=a.id, title=one_line(a.title), fields=pairs, body=lines(a.notes) if a.notes else [])


def _quote(q: Quote, _owner: Any, roster: Roster) -> Block:
    person = roster.people.get(q.speaker) if q.speaker else None
    side = roster.delegation_of(q.speaker) if q.speaker else None
    about = one_line(person.title) if person and person.title else ""
    if side and q.speaker and side.id != q.speaker:
        # The side in words too: colour is never the only cue.
        about += f" ({one_line(side.side)})" if about else one_line(side.side)
    where = ", ".join(one_line(part) for part in (q.channel, q.when) if part)
    return QuoteBlock(
        id=q.id,
        lines=lines(q.text),
        cite=one_line(attribution(q, roster.name_of)),
        about=about or None,
        where=where or None,
        context=one_line(q.context) if q.context else None,
        side=side_key(side, roster),
    )


def _event(e: Event, _owner: Any, roster: Roster) -> Block:
    involved = [roster.name_of(r) for r in e.involves]
    return Entry(
        id=e.id,
        title=one_line(e.title),
        kicker=one_line(e.when) if e.when else f"Time {TIME_NOT_STATED}",
        fields=[("Involves", one_line(names(involved)))] if involved else [],
        body=lines(e.detail) if e.detail else [],
    )


def _generic(obj: Any, _owner: Any, roster: Roster) -> Block:
    """Any other item, field by field (for kinds added after this module)."""
    pairs: Pairs = []
    title = ""
    for f in fields_of(type(obj)):
        value = getattr(obj, f.name)
        # Sources are named as reports (``_with_source``), never as bare ids.
        if f.name in ("id", "source") or value is None or value == []:
            continue
        if isinstance(value, Figure):
            text = figure_text(value)
        elif isinstance(value, list):
            text = ", ".join(roster.name_of(v) if v in roster else str(v) for v in value)
        elif isinstance(value, str) and value in roster:
            text = roster.name_of(value)
        elif isinstance(value, str | int | float | bool):
            text = str(value)
        else:
            continue
        if not title and f.name in ("title", "name", "label", "weapon", "text"):
            title = one_line(text)
        else:
            pairs.append((f.name.replace("_", " ").capitalize(), one_line(text)))
    return Entry(id=str(getattr(obj, "id", "")), title=title or str(getattr(obj, "id", "")), fields=pairs)


_WRITERS: dict[str, Callable[[Any, Any, Roster], Block]] = {
    "delegation": _delegation,
    "agenda": _agenda,
    "quote": _quote,
    "event": _event,
}


def _opt(text: str | None) -> str | None:
    return one_line(text) if text else None


# --- sections ---------------------------------------------------------------


def _tally(b: Briefing, roster: Roster, walked: Iterable[Item], cited: Sources | None) -> list[Block]:
    tally = b.strikes
    if tally is None:
        return []
    facts: Pairs = [("Period", one_line(tally.period))]
    if tally.target:
        facts.append(("Target", one_line(tally.target)))
    facts += [
        ("Reported by", _opt(roster.name_of(tally.reported_by)) if tally.reported_by else None),
        ("Channel", _opt(tally.channel)),
        ("When", _opt(tally.reported_when)),
    ]
    if reports := (cited.of(tally) if cited is not None else []):
        facts.append(("Source", _reports(reports)))
    rows = [
        TallyRow(c.id, one_line(c.weapon), c.launched, c.intercepted, rate_text(c))
        for _, _, c, _, _ in walked
    ]
    values = [f.value for r in rows for f in (r.launched, r.intercepted) if f.known and f.value is not None]
    blocks: list[Block] = [Fields(facts)]
    if rows:
        caption = f"Reported strikes: {one_line(tally.period)}"
        blocks.append(Tally(caption, rows, max(values, default=0)))
    else:
        blocks.append(Text(["No figures are given."]))
    if tally.notes:
        blocks.append(Fields([("Notes", one_line(tally.notes))]))
    return blocks


def _items(walked: Iterable[Item], roster: Roster, cited: Sources | None) -> list[Block]:
    blocks: list[Block] = []
    for kind, _, obj, owner, _ in walked:
        if kind == "person" and isinstance(owner, Delegation) and blocks and isinstance(blocks[-1], Entry):
            people = blocks[-1].people
            if people is not None:
                people.append(_person(obj, owner, roster))
                continue
        block = _WRITERS.get(kind, _generic)(obj, owner, roster)
        reports = cited.of(obj, owner) if cited is not None else []
        blocks.append(_with_source(block, reports) if reports else block)
    return blocks


def _overview(b: Briefing) -> Section:
    meta = b.meta
    blocks: list[Block] = []
    if meta.summary:
        blocks.append(Text(lines(meta.summary)))
    if meta.days:
        blocks.append(
            Fields([(one_line(d.label), one_line(d.summary) if d.summary else "") for d in meta.days])
        )
    if meta.format:
        blocks.append(Bullets([one_line(fact) for fact in meta.format]))
    return Section("overview", "Overview", blocks, "No summary in this briefing.")


def _report(report: Report | Source) -> tuple[str, str | None]:
    """A report in one line (Outlet, “Headline”, published), and its address
    when it is a plain http(s) one (a link; any other is shown, never linked)."""
    parts = [one_line(report.outlet)]
    if report.headline:
        parts.append(f"“{one_line(report.headline)}”")
    if report.published:
        parts.append(one_line(report.published))
    url = report.url
    plain_link = url is not None and _URL.match(url) is not None
    if url and not plain_link:
        parts.append(one_line(url))  # shown, never a link
    return ", ".join(parts), url if plain_link else None


def _reports(reports: list[Report | Source]) -> str:
    """Several reports in one line, each as ``_report`` gives it (no address)."""
    return "; ".join(_report(r)[0] for r in reports)


def _sourcing(sources: Sources) -> tuple[Pairs, str | None]:
    """The header's source fact (one report, with its link) or sources (several)."""
    every = sources.every
    if not every:
        return [("Source", "not named in the briefing")], None
    if len(every) == 1:
        text, url = _report(every[0])
        return [("Source", text)], url
    # Several: each with its address as text (the header links only one).
    texts = [text + (f", {url}" if url else "") for text, url in map(_report, every)]
    return [("Sources", "; ".join(texts))], None


def _with_source(block: Block, reports: list[Report | Source]) -> Block:
    """``block`` naming the reports it comes from (when the briefing has several)."""
    text = _reports(reports)
    if isinstance(block, QuoteBlock):
        return replace(block, source=text)
    if isinstance(block, Entry):
        return replace(block, fields=[*block.fields, ("Source", text)])
    return block


def build(briefing: Briefing, only: str | None = None, since: Since | None = None) -> Document:
    """The document of ``briefing``: every section, or just ``only`` (a key of SECTIONS);
    with ``since``, what changed since a revision is marked."""
    roster = Roster(briefing)
    meta = briefing.meta
    sources = Sources(briefing)
    source_facts, url = _sourcing(sources)
    facts: Pairs = []
    if meta.place:
        facts.append(("Place", one_line(meta.place)))
    # "As of" only what the briefing says; no file time stands in for it.
    facts += [("As of", one_line(meta.updated) if meta.updated else "not stated"), *source_facts]
    # With one report, the header says it for every item; with several, each item names its own.
    cited = sources if len(sources.every) > 1 else None
    sections = [] if only else [_overview(briefing)]
    # As on screen and in --plain: a section the briefing does not have takes no room.
    have = set(present(briefing))
    for key, walked in by_section(briefing):
        if (only and key != only) or (not only and key not in have):
            continue
        title = TITLES.get(key, key.replace("_", " ").capitalize())
        if key == "strikes":
            blocks = _tally(briefing, roster, walked, cited)
            sections.append(Section(key, title, blocks, "No strike figures in this briefing."))
        else:
            sections.append(
                Section(key, title, _items(walked, roster, cited), f"No {title.lower()} in this briefing.")
            )
    return Document(one_line(meta.title), _opt(meta.status), facts, url, sections, since)


SECTION_KEYS = tuple(SECTIONS)
"""What ``--only`` accepts."""

__all__ = ["Document", "SECTION_KEYS", "TITLES", "build", "figure_text", "rate_text"]
