"""The full story of one item, for the detail view.

Each ``describe_*`` function turns a model object into a title and a body of
literal Content; the detail screen only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content

from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Figure,
    Person,
    Quote,
    Roster,
    WeaponCount,
)
from briefing.model.items import kind_of
from briefing.model.sourcing import Sources
from briefing.model.wording import interception_rate
from briefing.ui.panes.delegations import PersonRow, SideRow
from briefing.ui.text_content import MUTED, NOT_REPORTED, STATUS_LABEL, STATUS_STYLE, lit, para


def _field(label: str, value: str | None, style: str = "") -> Content:
    shown = lit(value, style) if value else lit(NOT_REPORTED, "italic " + MUTED)
    return Content.assemble((f"{label:<14}", "bold " + MUTED), shown)


def _section(title: str) -> Content:
    return Content.assemble("\n", (title, "bold underline"))


def _bullet(text: Content) -> Content:
    return Content.assemble("  • ", text)


def _quote_lines(quotes: list[Quote], roster: Roster) -> list[Content]:
    return [
        _bullet(
            Content.assemble("“", lit(q.text, "italic"), "” ", lit(f"— {roster.name_of(q.speaker)}", MUTED))
        )
        for q in quotes
    ]


def describe(item: object, briefing: Briefing, roster: Roster) -> tuple[str, list[Content]]:
    """Title and body lines for any item a pane can show."""
    obj, owner = item, None
    if isinstance(item, PersonRow):
        obj, owner = item.person, item.delegation
    elif isinstance(item, SideRow):
        obj = item.delegation
    kind = kind_of(obj) or ""
    describer = _DESCRIBERS.get(kind)
    if describer is None:
        return "Item", [lit(repr(item))]
    title, lines = describer(obj, owner, briefing, roster)
    return title, lines + _sources(obj, briefing.strikes if kind == "count" else owner, briefing)


def _sources(obj: object, owner: object, briefing: Briefing) -> list[Content]:
    """The reports an item comes from: outlet, headline, published, URL."""
    reports = Sources(briefing).of(obj, owner)
    if not reports:
        return []
    lines = [_section("Source" if len(reports) == 1 else "Sources")]
    for report in reports:
        lines.append(lit(report.outlet, "bold"))
        lines += [
            _field(label, value)
            for label, value in (
                ("Headline", report.headline),
                ("Published", report.published),
                ("Link", report.url),
            )
            if value
        ]
        if getattr(report, "file", None):
            lines.append(lit("  s shows the passage in its text", "italic " + MUTED))
    return lines


def _related(ids: set[str], briefing: Briefing, roster: Roster) -> list[Content]:
    lines: list[Content] = []
    quotes = [q for q in briefing.quotes if q.speaker in ids]
    if quotes:
        lines += [_section("Quotes"), *_quote_lines(quotes, roster)]
    agenda = [a for a in briefing.agenda if ids.intersection(a.raised_by)]
    if agenda:
        lines.append(_section("Agenda items raised"))
        lines += [_bullet(lit(a.title)) for a in agenda]
    events = [e for e in briefing.timeline if ids.intersection(e.involves)]
    if events:
        lines.append(_section("Timeline"))
        lines += [_bullet(Content.assemble(lit(e.when, MUTED), "  ", lit(e.title))) for e in events]
    return lines


def describe_person(
    person: Person, delegation: Delegation, briefing: Briefing, roster: Roster
) -> tuple[str, list[Content]]:
    lines = [
        _field("Title", person.title),
        _field("Delegation", f"{delegation.side} ({delegation.role})"),
        _field("Role", "leads the delegation" if delegation.lead == person.id else "member"),
        _field("At the table", "yes" if person.attending else "no"),
    ]
    if person.aka:
        lines.append(_field("Also written", ", ".join(person.aka)))
    if person.notes:
        lines += [_section("Notes"), para(person.notes)]
    lines += _related({person.id}, briefing, roster)
    return person.name, lines


def describe_delegation(
    delegation: Delegation, briefing: Briefing, roster: Roster
) -> tuple[str, list[Content]]:
    lines = [
        _field("Role", delegation.role),
        _field("Lead", roster.name_of(delegation.lead) if delegation.lead else None),
    ]
    if delegation.notes:
        lines += [_section("Notes"), para(delegation.notes)]
    lines.append(_section("Members"))
    if delegation.members:
        for p in delegation.members:
            lines.append(_bullet(Content.assemble(lit(p.name, "bold"), "  ", lit(p.title or "", MUTED))))
    else:
        lines.append(lit("  No one is named in the briefing.", "italic " + MUTED))
    ids = {delegation.id, *(p.id for p in delegation.members)}
    lines += _related(ids, briefing, roster)
    return delegation.side, lines


def describe_agenda(item: AgendaItem, briefing: Briefing, roster: Roster) -> tuple[str, list[Content]]:
    raisers = ", ".join(roster.name_of(r) for r in item.raised_by)
    lines = [
        Content.assemble(
            ("Status        ", "bold " + MUTED), lit(STATUS_LABEL[item.status], STATUS_STYLE[item.status])
        ),
        _field("Raised by", raisers or None),
    ]
    if item.notes:
        lines += [_section("Notes"), para(item.notes)]
    return item.title, lines


def describe_quote(quote: Quote, briefing: Briefing, roster: Roster) -> tuple[str, list[Content]]:
    person = roster.people.get(quote.speaker)
    side = roster.delegation_of(quote.speaker)
    lines = [
        Content.assemble("“", para(quote.text, "italic"), "”"),
        Content(""),
        _field("Speaker", roster.name_of(quote.speaker)),
    ]
    if person and person.title:
        lines.append(_field("Title", person.title))
    if side and side.id != quote.speaker:
        lines.append(_field("Side", side.side))
    lines += [_field("Channel", quote.channel), _field("When", quote.when)]
    if quote.context:
        lines += [_section("Context"), para(quote.context)]
    return f"Quote: {roster.name_of(quote.speaker)}", lines


def _figure(figure: Figure) -> str | None:
    if not figure.known:
        return None
    return figure.text if figure.exact else f"{figure.text} (approximate)"


def describe_count(count: WeaponCount, briefing: Briefing, roster: Roster) -> tuple[str, list[Content]]:
    tally = briefing.strikes
    rate = interception_rate(count)
    lines = [
        _field("Launched", _figure(count.launched)),
        _field("Intercepted", _figure(count.intercepted)),
        _field(
            "Rate",
            f"{rate:.0%} intercepted"
            if rate is not None
            else "not computed (a figure is approximate or missing)",
        ),
    ]
    if tally:
        lines += [
            _section("Report"),
            _field("Period", tally.period),
            _field("Reported by", roster.name_of(tally.reported_by) if tally.reported_by else None),
            _field("Channel", tally.channel),
            _field("When", tally.reported_when),
        ]
        if tally.notes:
            lines += [_section("Notes"), para(tally.notes)]
    return f"Strikes: {count.weapon}", lines


def describe_event(event: Event, briefing: Briefing, roster: Roster) -> tuple[str, list[Content]]:
    lines = [
        _field("When", event.when),
        _field("Involves", ", ".join(roster.name_of(r) for r in event.involves) or None),
    ]
    if event.detail:
        lines += [_section("Detail"), para(event.detail)]
    return event.title, lines


_DESCRIBERS: dict[str, Callable[[Any, Any, Briefing, Roster], tuple[str, list[Content]]]] = {
    "delegation": lambda obj, _owner, b, roster: describe_delegation(obj, b, roster),
    "person": describe_person,
    "agenda": lambda obj, _owner, b, roster: describe_agenda(obj, b, roster),
    "quote": lambda obj, _owner, b, roster: describe_quote(obj, b, roster),
    "count": lambda obj, _owner, b, roster: describe_count(obj, b, roster),
    "event": lambda obj, _owner, b, roster: describe_event(obj, b, roster),
}
"""How each kind of item is described: (item, its owner, briefing, roster)."""
