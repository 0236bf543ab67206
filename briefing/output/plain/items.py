"""How ``--plain`` writes each kind of item: a ``- `` line, then its fields.

Figures keep the words they were reported in, and a figure the source does
not give reads "not reported", never 0. An item that names its reports
gets a ``Source:`` field; otherwise the "Sources" section speaks for all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from briefing.model import (
    AgendaItem,
    Delegation,
    Event,
    Figure,
    Person,
    Quote,
    ReportedFigure,
    Roster,
    StrikeTally,
    WeaponCount,
)
from briefing.model.items import Item
from briefing.model.sourcing import Sources, describe
from briefing.model.text import visible
from briefing.model.wording import (
    NOT_REPORTED,
    TIME_NOT_STATED,
    figure_words,
    interception_rate,
    leads,
    no_rate_reason,
    person_notes,
    status_value,
)
from briefing.output.plain.writer import Writer


def _figure(figure: Figure, unit: str | None = None) -> str:
    """ "nearly 400 (approximate)", "1,200 trucks"; the unit only with a number."""
    return visible(figure_words(figure, unit) or NOT_REPORTED)


def _rate(count: WeaponCount) -> str:
    rate = interception_rate(count)
    if rate is not None:
        return f"{rate:.0%} intercepted ({_figure(count.intercepted)} of {_figure(count.launched)})"
    return f"not computed ({no_rate_reason(count)})"


def _delegation(out: Writer, delegation: Delegation, _owner: None, roster: Roster) -> None:
    out.heading(delegation.side, "-")
    out.fields([("Role", delegation.role), ("Led by", leads(delegation, roster.name_of))])
    if delegation.notes:
        out.blank()
        out.text(delegation.notes)
    out.blank()
    # The members follow as items of their own.
    out.text("Members:" if delegation.members else "Members: no one is named in the briefing.")


def _person(out: Writer, person: Person, delegation: Delegation, _roster: Roster) -> None:
    notes = person_notes(person, delegation)
    out.item(person.name + (f" ({', '.join(notes)})" if notes else ""))
    fields: list[tuple[str, str | None]] = [("Title", person.title)]
    if person.aka:
        fields.append(("Also written", ", ".join(person.aka)))
    if person.notes:
        fields.append(("Notes", person.notes))
    out.fields(fields, "  ")


def _agenda_item(out: Writer, item: AgendaItem, _owner: None, roster: Roster) -> None:
    out.blank()
    raisers = ", ".join(roster.name_of(r) for r in item.raised_by) or None
    out.item(item.title)
    fields: list[tuple[str, str | None]] = [
        ("Status", status_value(item.status)),
        ("Raised by", raisers),
    ]
    if item.notes:
        fields.append(("Notes", item.notes))
    out.fields(fields, "  ")


def _quote(out: Writer, quote: Quote, _owner: None, roster: Roster) -> None:
    out.blank()
    # Verbatim between plain quotation marks; only whitespace may be rewrapped.
    out.item(f'"{quote.text}"')
    fields: list[tuple[str, str | None]] = []
    if quote.speaker is not None:
        speaker = roster.name_of(quote.speaker)
        person = roster.people.get(quote.speaker)
        side = roster.delegation_of(quote.speaker)
        about = [person.title] if person and person.title else []
        if side and side.id != quote.speaker:
            about.append(f"delegation: {side.side}")
        if about:
            speaker += f" ({'; '.join(about)})"
        fields.append(("Speaker", speaker))
    # Reported speech: who reported the words and whom they cite, not a side.
    if quote.reported_by:
        fields.append(("Reported by", quote.reported_by))
    if quote.citing:
        fields.append(("Citing", quote.citing))
    fields += [
        ("Channel", quote.channel),
        ("When", quote.when),
    ]
    if quote.context:
        fields.append(("Context", quote.context))
    out.fields(fields, "  ")


def _count(out: Writer, count: WeaponCount, _tally: StrikeTally, _roster: Roster) -> None:
    out.blank()
    out.item(count.weapon)
    figures = [("Launched", _figure(count.launched)), ("Intercepted", _figure(count.intercepted))]
    out.fields([*figures, ("Rate", _rate(count))], "  ")


def _reported_figure(out: Writer, figure: ReportedFigure, _owner: None, roster: Roster) -> None:
    out.blank()
    out.item(figure.label)
    fields: list[tuple[str, str | None]] = [
        ("Value", _figure(figure.value, figure.unit)),
        ("Reported by", roster.name_of(figure.reported_by) if figure.reported_by else None),
    ]
    if figure.when:
        fields.append(("When", figure.when))
    out.fields(fields, "  ")


def _event(out: Writer, event: Event, _owner: None, roster: Roster) -> None:
    out.blank()
    out.item(f"{event.when or 'Time ' + TIME_NOT_STATED}: {event.title}")
    if event.detail:
        out.text(event.detail, "  ")
    if event.involves:
        out.fields([("Involves", ", ".join(roster.name_of(r) for r in event.involves))], "  ")


ITEM_WRITERS: dict[str, Callable[[Writer, Any, Any, Roster], None]] = {
    "delegation": _delegation,
    "person": _person,
    "agenda": _agenda_item,
    "quote": _quote,
    "count": _count,
    "figure": _reported_figure,
    "event": _event,
}
"""How each kind of item is written: (out, item, its owner, roster)."""


def write_items(out: Writer, walked: Iterable[Item], roster: Roster, sources: Sources) -> bool:
    """Write ``walked``; whether there was any."""
    wrote = False
    for kind, _, obj, owner, _ in walked:
        ITEM_WRITERS[kind](out, obj, owner, roster)
        if sources.named(obj, owner):  # else the "Sources" section says it
            reports = sources.of(obj, owner)
            out.fields([("Source", "; ".join(describe(report) for report in reports))], "  ", more=True)
        wrote = True
    return wrote


__all__ = ["ITEM_WRITERS", "write_items"]
