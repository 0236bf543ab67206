"""The one walk over a briefing's items, and the side each item belongs to."""

from __future__ import annotations

import pytest

from briefing.loading import load_path
from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Meta,
    Person,
    Quote,
    ReportedFigure,
    Roster,
    StrikeTally,
    WeaponCount,
)
from briefing.model.items import KINDS, PARTS, SECTIONS, items, kind_at, present

from .conftest import DEFAULT


@pytest.fixture(scope="module")
def geneva() -> Briefing:
    return load_path(DEFAULT)


def small() -> Briefing:
    return Briefing(
        schema=1,
        meta=Meta(title="T"),
        delegations=[
            Delegation(id="d", side="A", role="party", members=[Person(id="p", name="P")]),
            Delegation(id="e", side="B", role="party"),
        ],
        agenda=[AgendaItem(id="a", title="Talks", raised_by=["p"])],
        quotes=[Quote(id="q", speaker="e", text="Words")],
        strikes=StrikeTally(period="Night", reported_by="p", counts=[WeaponCount(id="w", weapon="Drones")]),
        figures=[ReportedFigure(id="f", label="Trucks", reported_by="e")],
        timeline=[Event(id="v", when="Monday", title="Met", involves=["p", "e"])],
    )


def test_every_item_in_file_order_with_owner_and_path():
    b = small()
    delegation, tally = b.delegations[0], b.strikes
    assert [(k, i, owner, path) for k, i, _, owner, path in items(b)] == [
        ("delegation", "d", None, ("delegations", 0)),
        ("person", "p", delegation, ("delegations", 0, "members", 0)),
        ("delegation", "e", None, ("delegations", 1)),
        ("agenda", "a", None, ("agenda", 0)),
        ("quote", "q", None, ("quotes", 0)),
        ("count", "w", tally, ("strikes", "counts", 0)),
        ("figure", "f", None, ("figures", 0)),
        ("event", "v", None, ("timeline", 0)),
    ]


def test_parts_come_where_they_are_written():
    b = small()
    walked = [(k, i, path) for k, i, _, _, path in items(b, parts=True)]
    assert walked[0] == ("meta", "$meta", ("meta",))
    assert walked[6:8] == [("tally", "$tally", ("strikes",)), ("count", "w", ("strikes", "counts", 0))]
    # A tally without counts is still a part; no tally, no part.
    no_counts = Briefing(schema=1, meta=Meta(title="T"), strikes=StrikeTally(period="Night"))
    assert [k for k, *_ in items(no_counts, parts=True)] == ["meta", "tally"]
    assert [k for k, *_ in items(Briefing(schema=1, meta=Meta(title="T")), parts=True)] == ["meta"]


def test_kinds_follow_the_sections(geneva):
    assert KINDS == ("delegation", "person", "agenda", "quote", "count", "figure", "event")
    assert not set(PARTS) & set(KINDS)
    for b in (geneva, small()):
        walked = [(kind, path[0]) for kind, *_, path in items(b)]
        assert all(kind in SECTIONS[section] for kind, section in walked)
        assert all(kind_at(path) == kind for kind, *_, path in items(b))
        # One section after the other, in the order of SECTIONS.
        assert list(dict.fromkeys(section for _, section in walked)) == present(b)
    assert {kind for kind, *_ in items(small())} == set(KINDS)


def test_present_sections_are_those_with_something_in_them(geneva):
    assert present(geneva) == ["delegations", "agenda", "quotes", "strikes", "timeline"]
    assert present(small()) == list(SECTIONS)
    assert present(Briefing(schema=1, meta=Meta(title="T"), quotes=[])) == []
    # A tally without counts still says something (its period, its notes).
    assert present(Briefing(schema=1, meta=Meta(title="T"), strikes=StrikeTally(period="N"))) == ["strikes"]


# -- sides ---------------------------------------------------------------------


def test_side_relations(geneva):
    sides = Roster(geneva).sides
    assert sides.of("ukraine") == {"ukraine"}  # delegation: itself
    assert sides.of("umerov") == {"ukraine"}  # person: own delegation
    assert sides.of("territories") == {"russia"}  # raised by russia, peskov
    assert sides.of("umerov-mandate") == {"ukraine"}  # quote: speaker's
    # Reported speech names no speaker: it is no side's words.
    assert sides.of("russian-media-tense") == frozenset()
    assert sides.of("wider-agenda") == {"russia"}  # raised by peskov
    assert sides.of("tuesday-coordination") == {
        "us", "ukraine", "france", "uk", "germany", "italy", "switzerland"
    }  # fmt: skip
    assert sides.of("missiles") == {"ukraine"}  # reported by zelenskyy
    assert sides.of("no-such-id") == frozenset()
    assert "abu-dhabi" in sides.items_of("russia")
    assert "witkoff" not in sides.items_of("russia")
    assert sides.items_of("nobody") == frozenset()
    every = [ident for _, ident, *_ in items(geneva)]
    assert sides.items_of("us") == {i for i in every if "us" in sides.of(i)}


def test_sides_are_worked_out_once_per_roster(geneva):
    roster = Roster(geneva)
    assert roster.sides is roster.sides
    assert roster.sides.items_of("russia") is roster.sides.items_of("russia")


def test_tally_without_reporter_belongs_to_no_side():
    tally = StrikeTally(period="Night", counts=[WeaponCount(id="w", weapon="Drones")])
    assert Roster(Briefing(schema=1, meta=Meta(title="T"), strikes=tally)).sides.of("w") == frozenset()
    b = small()
    sides = Roster(b).sides
    assert [sides.of(i) for i in ("d", "p", "e", "a", "q", "w", "f", "v")] == [
        {"d"}, {"d"}, {"e"}, {"d"}, {"e"}, {"d"}, {"e"}, {"d", "e"}
    ]  # fmt: skip


def test_every_kind_and_section_has_its_renderers(geneva):
    from briefing.model.items import STRUCTS, kind_of
    from briefing.output.plain.items import ITEM_WRITERS
    from briefing.output.plain.sections import SECTION_WRITERS
    from briefing.search import FIELDS
    from briefing.ui.screens.detail_body import _DESCRIBERS
    from briefing.ui.screens.finding import PANE_KINDS, PANE_OF

    for table in (STRUCTS, FIELDS, ITEM_WRITERS, _DESCRIBERS, PANE_OF):
        assert set(table) == set(KINDS)
    assert set(SECTION_WRITERS) == set(SECTIONS)
    assert sorted(k for kinds in PANE_KINDS.values() for k in kinds) == sorted(KINDS)
    assert all(kind_of(obj) == kind for kind, _, obj, _, _ in items(geneva))
    assert kind_of(geneva.meta) is None
