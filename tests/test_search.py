"""The search engine: one test per matching rule. No UI involved."""

from __future__ import annotations

import random

import msgspec
import pytest

from briefing.format import Briefing
from briefing.format.figures import Figure
from briefing.loading import load_path
from briefing.search import SearchIndex, fold, fold_with_offsets, parse, spans_in

from .conftest import DEFAULT


def make(data: dict) -> Briefing:
    base = {"schema": 1, "meta": {"title": "T"}}
    return msgspec.convert({**base, **data}, Briefing, dec_hook=lambda t, o: Figure.parse(o))


@pytest.fixture(scope="module")
def geneva() -> SearchIndex:
    return SearchIndex(load_path(DEFAULT))


def ids(index: SearchIndex, query: str) -> list[str]:
    return index.search(query).ids


PEOPLE = make(
    {
        "delegations": [
            {
                "id": "fr",
                "side": "France",
                "role": "ally",
                "members": [
                    {"id": "p1", "name": "Élodie Café", "title": "Envoy"},
                    {"id": "p2", "name": "Hans Straße", "title": "Adviser", "aka": ["Hans Strasse"]},
                ],
            }
        ],
        "quotes": [
            {"id": "q1", "speaker": "p1", "text": "Security guarantees first.\nThen talks.", "channel": "X"},
            {"id": "q2", "speaker": "p2", "text": "Guarantees of security are needed."},
        ],
    }
)


def test_case_insensitive():
    assert fold("ZELENSKYY") == fold("zelenskyy") == "zelenskyy"


def test_accents_both_ways():
    index = SearchIndex(PEOPLE)
    assert ids(index, "cafe") == ["p1", "q1"]  # q1 by Café: speaker name is searched
    assert ids(index, "CAFÉ") == ["p1", "q1"]
    assert ids(index, "elodie") == ["p1", "q1"]


def test_sharp_s_casefolds_to_ss():
    index = SearchIndex(PEOPLE)
    assert ids(index, "STRASSE") == ["p2", "q2"]
    assert ids(index, "straße") == ["p2", "q2"]


def test_all_words_must_match_in_any_field():
    index = SearchIndex(PEOPLE)
    assert ids(index, "security guarantees") == ["q1", "q2"]
    assert ids(index, "cafe guarantees") == ["q1"]  # name field + text field
    assert ids(index, "cafe adviser") == []


def test_quoted_phrase_matches_in_order_only():
    index = SearchIndex(PEOPLE)
    assert ids(index, '"security guarantees"') == ["q1"]
    assert ids(index, '"guarantees of security"') == ["q2"]
    # Phrases match across a line break in the text, not across fields.
    assert ids(index, '"first. then"') == ["q1"]
    assert ids(index, '"envoy france"') == []


def test_alternate_spellings_find_the_person_and_their_items(geneva):
    found = ids(geneva, "Zelensky")
    assert "zelenskyy" in found
    assert {"zelenskyy-greets-strike", "zelenskyy-raise-strikes", "zelenskyy-just-agreement"} <= set(found)
    assert {"strikes", "just-agreement"} <= set(found)  # agenda items he raised
    assert "zelenskyy-telegram" in found  # an event involving him
    assert ids(geneva, "Medinskiy") == ["medinsky"]
    assert "zelenskyy" in ids(geneva, "Зеленський")


def test_speaker_aliases_reach_quotes_without_visible_text():
    index = SearchIndex(PEOPLE)
    assert ids(index, "hans strasse") == ["p2", "q2"]


@pytest.mark.parametrize("query", ["(", "[", "\\", "*", ".*", "a" * 1000, '"', '""', '"unclosed', "[bold]", "\x1b", "\x00"])
def test_any_string_is_safe(geneva, query):
    geneva.search(query)  # never raises


def test_empty_query_matches_everything(geneva):
    assert len(geneva.search("   ").positions) == len(geneva)


def test_spans_are_in_original_offsets_with_accents():
    text = "Réunion à Genève, café"
    spans = spans_in(text, parse("geneve cafe").terms)
    assert [text[s:e] for s, e in spans] == ["Genève", "café"]
    folded, offsets = fold_with_offsets("Straße")
    assert folded == "strasse" and offsets == [0, 1, 2, 3, 4, 4, 5]
    assert [t[s:e] for t in ["Die Straße"] for s, e in spans_in(t, parse("ss").terms)] == ["ß"]


def test_spans_of_a_field(geneva):
    result = geneva.search("strike")
    text = next(q.text for q in load_path(DEFAULT).quotes if q.id == "zelenskyy-greets-strike")
    spans = result.spans("zelenskyy-greets-strike", "text")
    assert [text[s:e] for s, e in spans] == ["strike"]
    assert result.spans("zelenskyy-greets-strike", "channel") == []


def test_counts_by_kind(geneva):
    counts = geneva.search("zelensky").count_by_kind
    assert counts["person"] == 1 and counts["quote"] == 4 and counts["count"] == 2


def test_refining_equals_searching_afresh(geneva):
    rng = random.Random(7)
    words = ["zelensky", "security issues", "medinsky", "strike", '"the talks"', "geneva tuesday", "umerov face"]
    for word in words:
        previous = None
        for end in range(1, len(word) + 1):
            query = word[:end]
            refined = geneva.search(query, previous=previous)
            assert refined.ids == geneva.search(query).ids, query
            previous = refined
        # Deleting characters (a query that widens) must not reuse results.
        cut = word[: rng.randint(1, len(word))]
        assert geneva.search(cut, previous=previous).ids == geneva.search(cut).ids


def test_refine_only_when_the_query_narrows():
    assert parse("zele").narrows(parse("zel"))
    assert parse("peskov territories").narrows(parse("peskov"))
    assert not parse("zel").narrows(parse("zele"))
    assert not parse("peskov").narrows(parse("peskov territories"))
