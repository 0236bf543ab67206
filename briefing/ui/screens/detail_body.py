"""The full story of one item, for the detail view.

Each ``describe_*`` function turns a model object into a title and a body of
literal Content; the detail screen only lays them out. Other items named in
the body (a quote's speaker, a person's quotes, an event's participants ...)
are links: a ``Links`` collector numbers them and styles their text with a
click action that carries only that number, never text from the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.style import Style

from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Meta,
    Person,
    Quote,
    Report,
    ReportedFigure,
    Roster,
    Source,
    WeaponCount,
)
from briefing.model.items import kind_of
from briefing.model.sourcing import Sources
from briefing.model.wording import (
    LEADS,
    TIME_NOT_STATED,
    attribution,
    figure_words,
    interception_rate,
    leads,
    no_rate_reason,
    status_value,
)
from briefing.ui.panes.delegations import PersonRow, SideRow
from briefing.ui.text_content import MUTED, NOT_REPORTED, STATUS_STYLE, join, lit, para
from briefing.ui.widgets.hanging_text import Hang, Line

LINK_STYLE = "underline"
CURRENT_LINK_STYLE = "reverse"


class Links:
    """The links of one body, in order: number ``n`` goes to ``targets[n]`` (an item id)."""

    def __init__(self, current: int | None = None) -> None:
        """``current``: the link to show as selected (keyboard focus)."""
        self.targets: list[str] = []
        self.current = current

    def to(self, ident: str, text: Content) -> Content:
        """``text`` as a link to the item ``ident``."""
        number = len(self.targets)
        self.targets.append(ident)
        style = LINK_STYLE + (" " + CURRENT_LINK_STYLE if number == self.current else "")
        meta = Style.from_meta({"@click": f"screen.follow({number})", "detail_link": number})
        return text.stylize(style).stylize(meta)

    def names(self, ids: list[str], roster: Roster) -> Content | None:
        """People or delegations by name, each a link (None for none)."""
        if not ids:
            return None
        return Content(", ").join(
            [self.to(i, lit(roster.name_of(i))) if i in roster else lit(i) for i in ids]
        )


def _field(label: str, value: str | Content | None, style: str = "") -> Hang:
    if isinstance(value, Content):
        shown = value
    else:
        shown = lit(value, style) if value else lit(NOT_REPORTED, "italic " + MUTED)
    return Hang(Content.styled(f"{label:<14}", "bold " + MUTED), shown)


def _section(title: str) -> Content:
    return Content.assemble("\n", (title, "bold underline"))


def _bullet(text: Content) -> Hang:
    # A long item wraps under its own text, not under the bullet.
    return Hang(Content("  • "), text)


def _quote_lines(quotes: list[Quote], roster: Roster, links: Links) -> list[Line]:
    return [
        _bullet(
            Content.assemble(
                links.to(q.id, Content.assemble("“", lit(q.text, "italic"), "”")),
                " ",
                lit(f"— {attribution(q, roster.name_of)}", MUTED),
            )
        )
        for q in quotes
    ]


def describe(
    item: object, briefing: Briefing, roster: Roster, links: Links | None = None
) -> tuple[str, list[Line]]:
    """Title and body lines for any item a pane can show, or the meeting
    itself (its ``Meta``); ``links`` collects the links."""
    if isinstance(item, Meta):
        return describe_meeting(briefing, roster, links if links is not None else Links())
    obj, owner = item, None
    if isinstance(item, PersonRow):
        obj, owner = item.person, item.delegation
    elif isinstance(item, SideRow):
        obj = item.delegation
    kind = kind_of(obj) or ""
    describer = _DESCRIBERS.get(kind)
    if describer is None:
        return "Item", [lit(repr(item))]
    title, lines = describer(obj, owner, briefing, roster, links if links is not None else Links())
    return title, lines + _sources(obj, briefing.strikes if kind == "count" else owner, briefing)


def _sources(obj: object, owner: object, briefing: Briefing) -> list[Line]:
    """The reports an item comes from: outlet, headline, published, URL."""
    return _reports(Sources(briefing).of(obj, owner))


def _reports(reports: list[Report | Source], *, full: bool = False) -> list[Line]:
    """``reports`` as a section; ``full`` (the overview) adds author, text file and notes."""
    if not reports:
        return []
    lines: list[Line] = [_section("Source" if len(reports) == 1 else "Sources")]
    for report in reports:
        lines.append(lit(report.outlet, "bold"))
        more = (
            [("Author", report.author), ("Text", report.file), ("Notes", report.notes)]
            if full and isinstance(report, Report)
            else []
        )
        lines += [
            _field(label, value)
            for label, value in (
                ("Headline", report.headline),
                ("Published", report.published),
                ("Link", report.url),
                *more,
            )
            if value
        ]
        if getattr(report, "file", None) and not full:  # the overview has no passage
            lines.append(lit("  s shows the passage in its text", "italic " + MUTED))
    return lines


def _related(ids: set[str], briefing: Briefing, roster: Roster, links: Links) -> list[Line]:
    lines: list[Line] = []
    quotes = [q for q in briefing.quotes if q.speaker in ids]
    if quotes:
        lines += [_section("Quotes"), *_quote_lines(quotes, roster, links)]
    agenda = [a for a in briefing.agenda if ids.intersection(a.raised_by)]
    if agenda:
        lines.append(_section("Agenda items raised"))
        lines += [_bullet(links.to(a.id, lit(a.title))) for a in agenda]
    events = [e for e in briefing.timeline if ids.intersection(e.involves)]
    if events:
        lines.append(_section("Timeline"))
        lines += [
            _bullet(
                Content.assemble(lit(e.when or TIME_NOT_STATED, MUTED), "  ", links.to(e.id, lit(e.title)))
            )
            for e in events
        ]
    return lines


def describe_person(
    person: Person, delegation: Delegation, briefing: Briefing, roster: Roster, links: Links
) -> tuple[str, list[Line]]:
    lines: list[Line] = [
        _field("Title", person.title),
        _field(
            "Delegation",
            Content.assemble(links.to(delegation.id, lit(delegation.side)), lit(f" ({delegation.role})")),
        ),
        _field("Role", _role(person, delegation, roster)),
        _field("At the table", None if person.attending is None else "yes" if person.attending else "no"),
    ]
    if person.aka:
        lines.append(_field("Also written", ", ".join(person.aka)))
    if person.notes:
        lines += [_section("Notes"), para(person.notes)]
    lines += _related({person.id}, briefing, roster, links)
    return person.name, lines


def _role(person: Person, delegation: Delegation, roster: Roster) -> str:
    if person.id not in delegation.leads:
        return "member"
    others = [roster.name_of(ref) for ref in delegation.leads if ref != person.id]
    return f"{LEADS} with {', '.join(others)}" if others else LEADS


def describe_delegation(
    delegation: Delegation, briefing: Briefing, roster: Roster, links: Links
) -> tuple[str, list[Line]]:
    lines: list[Line] = [
        _field("Role", delegation.role),
        _field("Led by", links.names(list(delegation.leads), roster)),
    ]
    if delegation.notes:
        lines += [_section("Notes"), para(delegation.notes)]
    lines.append(_section("Members"))
    if delegation.members:
        for p in delegation.members:
            name = links.to(p.id, lit(p.name, "bold"))
            lines.append(_bullet(Content.assemble(name, "  ", lit(p.title or "", MUTED))))
    else:
        lines.append(lit("  No one is named in the briefing.", "italic " + MUTED))
    ids = {delegation.id, *(p.id for p in delegation.members)}
    lines += _related(ids, briefing, roster, links)
    return delegation.side, lines


def describe_meeting(briefing: Briefing, roster: Roster, links: Links) -> tuple[str, list[Line]]:
    """The meeting itself: where it stands, its summary, days and format, its
    delegations (each a link) and the reports it draws on. "Delegations", not
    "at the table": the briefing says who attends only person by person."""
    meta = briefing.meta
    lines: list[Line] = [_field("Place", meta.place), _field("Status", meta.status)]
    if meta.updated:
        lines.append(_field("Updated", meta.updated))
    lines.append(Content(""))
    lines.append(
        para(meta.summary) if meta.summary else lit("No summary in this briefing.", "italic " + MUTED)
    )
    if meta.days:
        lines.append(_section("Days"))
        lines += [
            _bullet(Content.assemble(lit(day.label, "bold"), "  ", para(day.summary or "")))
            for day in meta.days
        ]
    if meta.format:
        lines.append(_section("Format"))
        lines += [_bullet(para(fact)) for fact in meta.format]
    if briefing.delegations:
        lines.append(_section("Delegations"))
        for d in briefing.delegations:
            heads = leads(d, roster.name_of)
            lines.append(
                _bullet(
                    join(
                        [
                            links.to(d.id, lit(d.side, "bold")),
                            lit(d.role, MUTED),
                            lit(f"led by {heads}", MUTED) if heads else Content(""),
                        ],
                        "  ",
                    )
                )
            )
    lines += _reports(Sources(briefing).every, full=True) or [
        _section("Source"),
        lit("The briefing does not name its source.", MUTED),
    ]
    return meta.title, lines


def describe_agenda(
    item: AgendaItem, briefing: Briefing, roster: Roster, links: Links
) -> tuple[str, list[Line]]:
    raisers = links.names(item.raised_by, roster)
    lines: list[Line] = [
        Content.assemble(
            ("Status        ", "bold " + MUTED), lit(status_value(item.status), STATUS_STYLE[item.status])
        ),
        _field("Raised by", raisers),
    ]
    if item.notes:
        lines += [_section("Notes"), para(item.notes)]
    return item.title, lines


def describe_quote(quote: Quote, briefing: Briefing, roster: Roster, links: Links) -> tuple[str, list[Line]]:
    lines: list[Line] = [Content.assemble("“", para(quote.text, "italic"), "”"), Content("")]
    if quote.speaker is not None:
        person = roster.people.get(quote.speaker)
        side = roster.delegation_of(quote.speaker)
        lines.append(_field("Speaker", links.names([quote.speaker], roster)))
        if person and person.title:
            lines.append(_field("Title", person.title))
        if side and side.id != quote.speaker:
            lines.append(_field("Side", links.to(side.id, lit(side.side))))
    if quote.reported_by:
        # Reported speech: who reported the words and whom they cite, not a side.
        lines.append(_field("Reported by", quote.reported_by))
    if quote.citing:
        lines.append(_field("Citing", quote.citing))
    lines += [_field("Channel", quote.channel), _field("When", quote.when)]
    if quote.context:
        lines += [_section("Context"), para(quote.context)]
    return f"Quote: {attribution(quote, roster.name_of)}", lines


def describe_count(
    count: WeaponCount, briefing: Briefing, roster: Roster, links: Links
) -> tuple[str, list[Line]]:
    tally = briefing.strikes
    rate = interception_rate(count)
    lines: list[Line] = [
        _field("Launched", figure_words(count.launched)),
        _field("Intercepted", figure_words(count.intercepted)),
        _field(
            "Rate",
            f"{rate:.0%} intercepted" if rate is not None else f"not computed ({no_rate_reason(count)})",
        ),
    ]
    if tally:
        lines += [
            _section("Report"),
            _field("Period", tally.period),
            _field("Reported by", links.names([tally.reported_by] if tally.reported_by else [], roster)),
            _field("Channel", tally.channel),
            _field("When", tally.reported_when),
        ]
        if tally.notes:
            lines += [_section("Notes"), para(tally.notes)]
    return f"Strikes: {count.weapon}", lines


def describe_figure(
    figure: ReportedFigure, briefing: Briefing, roster: Roster, links: Links
) -> tuple[str, list[Line]]:
    lines: list[Line] = [
        _field("Value", figure_words(figure.value, figure.unit)),
        _field("Reported by", links.names([figure.reported_by] if figure.reported_by else [], roster)),
        _field("When", figure.when),
    ]
    return f"Figure: {figure.label}", lines


def describe_event(event: Event, briefing: Briefing, roster: Roster, links: Links) -> tuple[str, list[Line]]:
    lines: list[Line] = [
        _field("When", event.when),
        _field("Involves", links.names(event.involves, roster)),
    ]
    if event.detail:
        lines += [_section("Detail"), para(event.detail)]
    return event.title, lines


_DESCRIBERS: dict[str, Callable[[Any, Any, Briefing, Roster, Links], tuple[str, list[Line]]]] = {
    "delegation": lambda obj, _owner, b, roster, links: describe_delegation(obj, b, roster, links),
    "person": describe_person,
    "agenda": lambda obj, _owner, b, roster, links: describe_agenda(obj, b, roster, links),
    "quote": lambda obj, _owner, b, roster, links: describe_quote(obj, b, roster, links),
    "count": lambda obj, _owner, b, roster, links: describe_count(obj, b, roster, links),
    "figure": lambda obj, _owner, b, roster, links: describe_figure(obj, b, roster, links),
    "event": lambda obj, _owner, b, roster, links: describe_event(obj, b, roster, links),
}
"""How each kind of item is described: (item, its owner, briefing, roster, links)."""
