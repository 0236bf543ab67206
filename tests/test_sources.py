"""Sources in the format: `sources:`, `source:` on items, and their checks."""

from __future__ import annotations

import pytest

from briefing.loading import BriefingError, load_path
from briefing.model.items import STRUCTS
from briefing.model.sourcing import SOURCED, Sources

HEAD = """\
schema: 1
meta:
  title: T
  source: {outlet: Old Outlet}
"""
PEOPLE = """\
delegations:
  - id: a
    side: A
    role: party
"""


def _problems(write, text: str) -> list[str]:
    with pytest.raises(BriefingError) as info:
        load_path(write(text), display="b.yaml", cache=False)
    return [str(p) for p in info.value.problems]


def test_every_kind_that_declares_source_is_sourced():
    assert {"quote", "agenda", "event", "count", "tally"} <= SOURCED
    # Generic: any item struct with a `source` field counts, nothing else does.
    assert {k for k, s in STRUCTS.items() if "source" in s.__struct_fields__} == SOURCED - {"tally"}


def test_sources_load_and_items_name_them(write):
    path = write(
        HEAD
        + """\
sources:
  - id: vessa
    outlet: Vessa News
    headline: Round two
    url: https://example.org/round-two
    published: 17 February
    author: A. Writer
    notes: As is.
    file: vessa.txt
  - id: tass
    outlet: TASS
"""
        + PEOPLE
        + """\
quotes:
  - {id: q1, speaker: a, text: Hello, source: vessa}
  - {id: q2, speaker: a, text: Hello, source: [vessa, tass]}
  - {id: q3, speaker: a, text: Hello}
strikes:
  period: p
  source: tass
  counts:
    - {id: c1, weapon: W, launched: 3}
    - {id: c2, weapon: W, launched: 3, source: vessa}
"""
    )
    b = load_path(path, cache=False)
    assert b.sources[0].file == "vessa.txt" and b.sources[0].published == "17 February"
    s = Sources(b)
    assert [r.outlet for r in s.of(b.quotes[0])] == ["Vessa News"]
    assert [r.outlet for r in s.of(b.quotes[1])] == ["Vessa News", "TASS"]
    assert s.of(b.quotes[2]) == []  # two sources: no default
    tally = b.strikes
    assert [r.outlet for r in s.of(tally.counts[0], tally)] == ["TASS"]  # from its tally
    assert [r.outlet for r in s.of(tally.counts[1], tally)] == ["Vessa News"]
    assert s.of(b.delegations[0]) == []  # delegations carry no source


def test_single_source_is_the_default(write):
    b = load_path(
        write(
            HEAD
            + "sources:\n  - {id: only, outlet: Only}\n"
            + PEOPLE
            + "quotes:\n  - {id: q, speaker: a, text: x}\n"
        ),
        cache=False,
    )
    assert [r.outlet for r in Sources(b).of(b.quotes[0])] == ["Only"]


def test_meta_source_still_works_without_sources(write):
    b = load_path(write(HEAD + PEOPLE + "quotes:\n  - {id: q, speaker: a, text: x}\n"), cache=False)
    assert b.meta.source.outlet == "Old Outlet"
    assert [r.outlet for r in Sources(b).of(b.quotes[0])] == ["Old Outlet"]


def test_unknown_and_repeated_source_ids_are_errors_at_their_place(write):
    problems = _problems(
        write,
        HEAD
        + """\
sources:
  - {id: vessa, outlet: V}
  - {id: vessa, outlet: W}
"""
        + PEOPLE
        + """\
agenda:
  - {id: g, title: G, source: nope}
quotes:
  - id: q
    speaker: a
    text: x
    source: [vessa, missing]
timeline:
  - {id: e, when: w, title: t, source: gone}
""",
    )
    assert problems == [
        "b.yaml:7:10: sources[1].id: source id 'vessa' is already used by sources[0]",
        "b.yaml:13:31: agenda[0].source: source 'nope' is not one of the briefing's sources (known: vessa)",
        "b.yaml:18:21: quotes[0].source[1]: source 'missing' is not one of the briefing's sources (known: vessa)",
        "b.yaml:20:40: timeline[0].source: source 'gone' is not one of the briefing's sources (known: vessa)",
    ]


def test_a_source_without_a_sources_list_says_so(write):
    problems = _problems(write, HEAD + PEOPLE + "quotes:\n  - {id: q, speaker: a, text: x, source: v}\n")
    assert problems == [
        "b.yaml:10:42: quotes[0].source: source 'v' is not one of the briefing's sources "
        "(known: the briefing has no sources: list)"
    ]


def test_unknown_key_in_a_source_is_an_error(write):
    problems = _problems(write, HEAD + "sources:\n  - {id: v, outlet: V, fil: x.txt}\n")
    assert (
        len(problems) == 1
        and problems[0] == "b.yaml:6:24: sources[0]: unknown key 'fil'; did you mean 'file'?"
    )


# --- sources in the citation and the plain text ----------------------------------

TWO = (
    HEAD
    + """\
sources:
  - {id: vessa, outlet: Vessa News, headline: Round two, published: 17 February, url: https://example.org/2}
  - {id: tass, outlet: TASS}
"""
    + PEOPLE
    + """\
quotes:
  - {id: q1, speaker: a, text: Hello there, source: vessa}
  - {id: q2, speaker: a, text: Both said it, source: [vessa, tass]}
  - {id: q3, speaker: a, text: Nobody knows}
"""
)


def test_citation_names_the_quotes_own_sources(write):
    from briefing.model import Roster
    from briefing.output.citation import cite

    b = load_path(write(TWO), cache=False)
    roster = Roster(b)
    assert cite(b.quotes[0], b, roster) == (
        '“Hello there” — A. Source: Vessa News, "Round two", 17 February, https://example.org/2.'
    )
    assert cite(b.quotes[1], b, roster).endswith(
        '. Sources: Vessa News, "Round two", 17 February, https://example.org/2; TASS.'
    )
    assert cite(b.quotes[2], b, roster) == "“Nobody knows” — A."


def test_plain_text_lists_the_sources_and_each_items_own(write):
    from briefing.output.plain import render_plain

    text = render_plain(load_path(write(TWO), cache=False))
    assert (
        "Sources\n-------\n\nItems name the reports they come from.\n\n- Vessa News\n  Headline:  Round two\n"
        in text
    )
    assert (
        '"Hello there"\n  Speaker: A\n  Channel: not reported\n  When:    not reported\n  Source:  Vessa News, "Round two", 17 February, https://example.org/2\n'
        in text
    )
    assert "  Source:  Vessa News" in text.split('"Both said it"')[1] and "; TASS\n" in text
    assert "Source:" not in text.split('"Nobody knows"')[1]


def test_search_finds_items_by_the_outlet_they_name(write):
    from briefing.search import SearchIndex

    index = SearchIndex(load_path(write(TWO), cache=False))
    assert index.search("tass").ids == ["q2"]
    assert index.search("vessa").ids == ["q1", "q2"]
    assert index.search("round two").ids == ["q1", "q2"]  # the headline is an alias
