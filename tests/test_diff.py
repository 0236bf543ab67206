"""What a reload changed: items matched by id, labelled for people."""

from __future__ import annotations

import msgspec

from briefing.diff.changes import diff
from briefing.loading import load_path

from .conftest import DEFAULT


def geneva():
    return load_path(DEFAULT)


def facts(changes):
    return {
        "added": [(i.kind, i.id, i.label) for i in changes.added],
        "changed": [(i.kind, i.id, i.label) for i in changes.changed],
        "removed": [(i.kind, i.id, i.label) for i in changes.removed],
    }


def test_the_same_briefing_has_no_changes():
    changes = diff(geneva(), geneva())
    assert not changes
    assert facts(changes) == {"added": [], "changed": [], "removed": []}


def test_an_edited_quote_is_changed_and_named_by_its_speaker():
    old = geneva()
    quote = old.quotes[0]
    new = msgspec.structs.replace(
        old, quotes=[msgspec.structs.replace(quote, text=quote.text + " (edited)"), *old.quotes[1:]]
    )
    assert facts(diff(old, new))["changed"] == [("quote", quote.id, "Quote by Dmitry Peskov")]
    assert diff(old, new).marked_ids == {quote.id: "changed"}


def test_a_member_edit_is_a_person_change_not_a_delegation_change():
    old = geneva()
    delegation = old.delegations[0]
    person = delegation.members[0]
    edited = msgspec.structs.replace(
        delegation, members=[msgspec.structs.replace(person, title="Envoy"), *delegation.members[1:]]
    )
    new = msgspec.structs.replace(old, delegations=[edited, *old.delegations[1:]])
    assert facts(diff(old, new))["changed"] == [("person", person.id, f"Person: {person.name}")]


def test_added_and_removed_items_by_id():
    old = geneva()
    first, *rest = old.agenda
    other = msgspec.structs.replace(first, id="new-item", notes="Another topic.")
    new = msgspec.structs.replace(old, agenda=[*rest, other], timeline=old.timeline[1:])
    changes = facts(diff(old, new))
    assert changes["added"] == [("agenda", "new-item", f"Agenda: {first.title}")]
    assert ("agenda", first.id, f"Agenda: {first.title}") in changes["removed"]
    assert ("event", old.timeline[0].id, f"Timeline: {old.timeline[0].title}") in changes["removed"]
    assert changes["changed"] == []  # moving items around is not a change


def test_a_removed_quote_is_named_through_the_old_roster():
    old = geneva()
    quote = old.quotes[0]
    new = msgspec.structs.replace(old, quotes=old.quotes[1:])
    assert facts(diff(old, new))["removed"] == [("quote", quote.id, "Quote by Dmitry Peskov")]


def test_meta_and_tally_are_compared_without_the_items_they_hold():
    old = geneva()
    tally = old.strikes
    count = tally.counts[0]
    edited_count = msgspec.structs.replace(count, weapon="Shahed drones")
    new = msgspec.structs.replace(
        old,
        meta=msgspec.structs.replace(old.meta, title="Other talks"),
        strikes=msgspec.structs.replace(tally, counts=[edited_count, *tally.counts[1:]]),
    )
    assert facts(diff(old, new))["changed"] == [
        ("meta", "$meta", "Title, status and format facts"),
        ("count", count.id, "Strikes: Shahed drones"),
    ]
    retold = msgspec.structs.replace(old, strikes=msgspec.structs.replace(tally, period="Last night"))
    (item,) = diff(old, retold).changed
    assert (item.kind, item.id, item.label) == ("tally", "$tally", "Strike tally: Last night")
    assert item.value == msgspec.structs.replace(tally, period="Last night", counts=[])


def test_an_id_change_alone_is_a_rename_marked_as_changed():
    old = geneva()
    first, *rest = old.agenda
    new = msgspec.structs.replace(old, agenda=[*rest, msgspec.structs.replace(first, id="new-item")])
    changes = diff(old, new)
    assert (changes.added, changes.removed, changes.changed) == ([], [], [])
    assert [(i.old_id, i.id) for i in changes.renamed] == [(first.id, "new-item")]
    assert changes.marked_ids == {"new-item": "changed"}
