"""Delegations pane: each side, then the people in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.content import Content

from briefing.model import Briefing, Delegation, Person, Roster
from briefing.model.wording import NOT_AT_THE_TABLE, leads
from briefing.ui.panes.base import Pane
from briefing.ui.text_content import MUTED, fit, join, lit, side_style


class SideRow(NamedTuple):
    delegation: Delegation

    @property
    def id(self) -> str:
        return self.delegation.id


class PersonRow(NamedTuple):
    person: Person
    delegation: Delegation

    @property
    def id(self) -> str:
        return self.person.id


class DelegationsPane(Pane):
    """Who sits at the table, side by side."""

    TITLE = "Delegations"
    ROW_HEIGHT = 2
    COMPACT_ROW_HEIGHT = 1
    LEAST_ROW_HEIGHT = 1  # a person without a title
    PLACEHOLDER = "No delegations in this briefing."

    def build_rows(self, briefing: Briefing, roster: Roster) -> Sequence[object]:
        rows: list[object] = []
        for delegation in briefing.delegations:
            rows.append(SideRow(delegation))
            rows.extend(PersonRow(p, delegation) for p in delegation.members)
        return rows

    def row_path(self, index: int) -> tuple[str | int, ...]:
        row = self.list.rows[index]
        assert self.briefing is not None
        ids = [d.id for d in self.briefing.delegations]
        d_index = ids.index(row.delegation.id)
        if isinstance(row, SideRow):
            return ("delegations", d_index)
        members = [p.id for p in row.delegation.members]
        return ("delegations", d_index, "members", members.index(row.person.id))

    def summary(self, rows: Sequence[object]) -> str:
        sides = sum(isinstance(r, SideRow) for r in rows)
        people = len(rows) - sides
        if not rows:
            return ""
        return f"{sides} side{'s' if sides != 1 else ''} · {people} {'person' if people == 1 else 'people'}"

    def render_row(self, row: object, width: int, compact: bool) -> list[Content]:
        if isinstance(row, SideRow):
            d = row.delegation
            head = Content.assemble(
                ("▌", side_style(d, self.roster)),
                self.text(d.side, row, "side", "bold"),
                "  ",
                self.text(d.role, row, "role", MUTED),
            )
            if compact:
                return [fit(head, width)]
            heads = leads(d, self.roster.name_of) if self.roster else None
            lead = f"led by {heads}" if heads else ""
            count = f"{len(d.members)} named" if d.members else "no one named"
            return [fit(head, width), fit(join([lit(lead, MUTED), lit(count, MUTED)]).pad_left(2), width)]
        assert isinstance(row, PersonRow)
        p, d = row.person, row.delegation
        tags: list[Content] = []
        if p.id in d.leads:
            tags.append(lit("lead", "italic $accent"))
        if p.attending is False:
            tags.append(lit(NOT_AT_THE_TABLE, "italic " + MUTED))
        name = Content.assemble("  ", self.text(p.name, row, "name", "bold"))
        if tags:
            name = name + Content("  ") + join(tags, " ")
        if not p.title:
            # One line: a list of people the briefing gives no titles for
            # should not read "title not reported" under every name.
            return [fit(name, width)]
        title = self.text(p.title, row, "title", MUTED)
        if compact:
            return [fit(join([name, title]), width)]
        return [fit(name, width), fit(title.pad_left(4), width)]
