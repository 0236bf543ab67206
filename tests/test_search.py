"""The search engine: folding, query syntax, aliases, spans, caching.

Speed is measured in benchmarks/search_bench.py, never here.
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

import briefing.search.index as index_module
from briefing.loading import load_path
from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Figure,
    Meta,
    Person,
    Quote,
    StrikeTally,
    WeaponCount,
)
from briefing.model.items import KINDS
from briefing.search import (
    FIELDS,
    SearchIndex,
    fold,
    fold_map,
    parse_query,
)

from .conftest import DEFAULT


@pytest.fixture(scope="module")
def geneva():
    return SearchIndex(load_path(DEFAULT))


def make(
    people=(),
    *,
    agenda=(),
    quotes=(),
    timeline=(),
    counts=(),
    side="Ukraine",
    notes=None,
) -> Briefing:
    """A one-delegation briefing (id ``d``) with the given people and items."""
    return Briefing(
        schema=1,
        meta=Meta(title="Test"),
        delegations=[
            Delegation(id="d", side=side, role="party", members=list(people), notes=notes),
            Delegation(id="other", side="Elsewhere", role="observer"),
        ],
        agenda=list(agenda),
        quotes=list(quotes),
        timeline=list(timeline),
        strikes=StrikeTally(period="The week", reported_by="p", counts=list(counts)) if counts else None,
    )


def ids(index: SearchIndex, query: str) -> list[str]:
    return index.search(query).ids


def excerpts(result, item_id: str, field: str) -> list[str]:
    text = result.text(item_id, field)
    return [text[a:b] for a, b in result.spans(item_id, field)]


# -- normalisation -----------------------------------------------------------


def test_case_insensitive_both_ways():
    index = SearchIndex(make([Person(id="p", name="VOLODYMYR ZELENSKYY")]))
    assert ids(index, "zelenskyy") == ["p"]
    lower = SearchIndex(make([Person(id="p", name="volodymyr zelenskyy")]))
    assert ids(lower, "ZELENSKYY") == ["p"]
    assert ids(lower, "ZeLeNsKyY") == ["p"]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Café Landolt", "cafe"),  # accent in the text, none typed
        ("Cafe Landolt", "café"),  # accent typed, none in the text
        ("Cafe\u0301 Landolt", "café"),  # decomposed accent in the text
        ("Cafe Landolt", "cafe\u0301"),  # decomposed accent typed
        ("Łukasz Nowak", "lukasz"),  # no decomposition: spelled out by hand
        ("Søren Jørgensen", "SOREN"),
        ("Erdoğan", "ERDOGAN"),
    ],
)
def test_accent_insensitive_both_ways(stored, typed):
    index = SearchIndex(make([Person(id="p", name=stored)]))
    assert ids(index, typed) == ["p"]


def test_sharp_s_matches_ss_both_ways():
    index = SearchIndex(make([Person(id="p", name="Anna Straße"), Person(id="q", name="Ben Strasse")]))
    assert ids(index, "STRASSE") == ["p", "q"]
    assert ids(index, "straße") == ["p", "q"]
    assert ids(index, "STRAẞE") == ["p", "q"]  # capital sharp s


def test_fold_and_fold_map_agree_and_map_back():
    rng = random.Random(7)
    pool = "aAéÉßẞ \t\n\u00a0\u0301İﬁЗσς日x,.\u00ad\u200d"
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 15)))
        folded, origin = fold_map(text)
        assert folded == fold(text)
        assert len(origin) == len(folded)
        assert origin == sorted(origin)
        assert all(0 <= i < len(text) for i in origin)
        assert "\n" not in folded and "  " not in folded
    assert fold("  Straße\t\n  ﬁnal  ") == "strasse final"
    assert fold("Zelen\u00adskyy") == "zelenskyy"  # soft hyphen is invisible


# -- query syntax --------------------------------------------------------------


def test_query_parsing():
    assert parse_query("  Zelensky   Telegram ").needles == ("zelensky", "telegram")
    assert parse_query('"security  guarantees" kyiv').needles == ("security guarantees", "kyiv")
    assert parse_query('kyiv "security gua').needles == ("kyiv", "security gua")
    assert parse_query("a a A").needles == ("a",)
    assert parse_query('""').empty and parse_query("   ").empty and parse_query('"').empty


def test_all_words_must_match_each_in_any_field():
    person = Person(id="p", name="Volodymyr Zelenskyy", title="President")
    quotes = [
        Quote(id="q1", speaker="p", text="We are ready.", channel="Telegram"),
        Quote(id="q2", speaker="p", text="We are ready.", channel="Facebook"),
        Quote(id="q3", speaker="other", text="Telegram is where he said it."),
    ]
    index = SearchIndex(make([person], quotes=quotes))
    # "zelenskyy" matches the speaker, "telegram" the channel of q1 only.
    assert ids(index, "zelenskyy telegram") == ["q1"]
    assert ids(index, "telegram zelenskyy") == ["q1"]
    assert ids(index, "ready telegram") == ["q1"]
    assert ids(index, "ready zelenskyy absent") == []


def test_phrase_matches_consecutive_words_only():
    items = [
        AgendaItem(id="a1", title="Security guarantees for Ukraine"),
        AgendaItem(id="a2", title="Guarantees of security"),
        AgendaItem(id="a3", title="Security\n   guarantees, again"),  # spacing differs
        AgendaItem(id="a4", title="Security", notes="guarantees"),  # two fields
    ]
    index = SearchIndex(make(agenda=items))
    assert ids(index, '"security guarantees"') == ["a1", "a3"]
    assert ids(index, "security guarantees") == ["a1", "a2", "a3", "a4"]
    assert ids(index, '"guarantees of"') == ["a2"]
    assert ids(index, '"security gua') == ["a1", "a3"]  # unbalanced: phrase so far
    assert ids(index, '"curity guar"') == ["a1", "a3"]  # a phrase is a substring too


def test_words_and_phrases_never_match_across_fields_or_list_entries():
    people = [Person(id="p", name="Anna Bell"), Person(id="q", name="Carl Dunn")]
    items = [AgendaItem(id="a", title="Talks", raised_by=["p", "q"])]
    index = SearchIndex(make(people, agenda=items))
    assert ids(index, '"bell carl"') == []
    assert ids(index, "bell,") == []  # the ", " joining entries is not text
    assert ids(index, "bell carl") == ["a"]


# -- what is indexed -------------------------------------------------------------


def test_every_kind_and_field_is_searchable():
    person = Person(id="p", name="Nora Quill", title="Envoy", notes="Pigeonholed", aka=["N. Quillé"])
    b = make(
        [person],
        side="Freedonia",
        notes="Delegnote",
        agenda=[
            AgendaItem(id="a", title="Agendatitle", status="stalled", notes="Agendanote", raised_by=["p"])
        ],
        quotes=[Quote(id="q", speaker="p", text="Quotetext", channel="Chan", when="Whenever", context="Ctx")],
        timeline=[Event(id="e", when="Eventwhen", title="Eventtitle", detail="Eventdetail", involves=["d"])],
        counts=[WeaponCount(id="w", weapon="Trebuchets", launched=Figure.parse("nearly 40"))],
    )
    index = SearchIndex(b)
    expect = {
        "freedonia": {"d", "p", "e"},  # person: their side; event: involves d
        "party": {"d"},
        "delegnote": {"d"},
        "envoy": {"p"},
        "pigeonholed": {"p"},
        "quille": {"p", "a", "q", "w"},  # aka, and everywhere Nora is named
        "agendatitle": {"a"},
        "stalled": {"a"},
        "agendanote": {"a"},
        "quotetext": {"q"},
        "chan": {"q"},
        "whenever": {"q"},
        "ctx": {"q"},
        "eventwhen": {"e"},
        "eventtitle": {"e"},
        "eventdetail": {"e"},
        "trebuchets": {"w"},
        "nearly 40": {"w"},
        "not reported": {"w"},  # the intercepted figure as the UI shows it
        "the week": {"w"},  # tally period
    }
    for query, want in expect.items():
        assert set(ids(index, query)) == want, query
    assert index.kind("d") == "delegation" and index.kind("w") == "count"
    assert set(FIELDS) == set(KINDS)


def test_status_label_is_searchable_and_raw_status_is_an_alias():
    items = [AgendaItem(id="a", title="Talks", status="on-agenda")]
    index = SearchIndex(make(agenda=items), status_labels={"on-agenda": "on the agenda"})
    assert ids(index, '"on the agenda"') == ["a"]
    result = index.search("on-agenda")
    assert result.ids == ["a"]
    assert result.text("a", "status") == "on the agenda"
    assert result.spans("a", "status") == [(0, 13)]  # alias hit: whole label


# -- alternate spellings -------------------------------------------------------


def test_alias_finds_person_quotes_agenda_events_and_counts(geneva):
    result = geneva.search("Zelensky")
    found = set(result.ids)
    assert "zelenskyy" in found
    assert {"zelenskyy-greets-strike", "zelenskyy-raise-strikes", "zelenskyy-just-agreement"} <= found
    assert {"strikes", "just-agreement"} <= found  # agenda items he raised
    assert "zelenskyy-telegram" in found  # event involving him
    assert {"missiles", "drones"} <= found  # he reported the tally
    assert result.count_by_kind["person"] == 1


def test_alias_with_no_visible_overlap(geneva):
    result = geneva.search("Medinskiy")
    assert result.ids == ["medinsky"]
    # The alias is not shown: the whole shown name is the highlight.
    assert excerpts(result, "medinsky", "name") == ["Vladimir Medinsky"]
    assert excerpts(result, "medinsky", "aka") == ["Medinskiy", "Medinskiy"]
    cyrillic = geneva.search("Зеленський")
    assert "zelenskyy-greets-strike" in cyrillic.ids


def test_quotes_by_an_aliased_speaker():
    person = Person(id="p", name="Vladimir Medinsky", aka=["Medinskiy", "Мединский"])
    quotes = [
        Quote(id="q1", speaker="p", text="We are satisfied."),
        Quote(id="q2", speaker="other", text="No comment."),
    ]
    index = SearchIndex(make([person], quotes=quotes))
    result = index.search("medinskiy satisfied")
    assert result.ids == ["q1"]
    assert excerpts(result, "q1", "speaker") == ["Vladimir Medinsky"]
    assert excerpts(result, "q1", "text") == ["satisfied"]
    assert index.search("мединский").ids == ["p", "q1"]


# -- unsafe input --------------------------------------------------------------

UNSAFE = [
    "(",
    ")",
    "[",
    "]",
    "\\",
    "*",
    "+?",
    ".*",
    "(?P<x>",
    "[^a]",
    "a|b",
    "$",
    "^",
    '"',
    '"""',
    '"a',
    'a"',
    '" "',
    "\x00",
    "\x1b[31m",
    "\ud800",
    "\u202e",
    "\u0301",
    "ﷺ",
    "🇺🇦",
    "\t\n\r",
]


@pytest.mark.parametrize("query", UNSAFE + ["x" * 1000, "(" * 1000, '"' * 1000, "a " * 500, "\\" * 999 + '"'])
def test_any_query_is_safe(geneva, query):
    result = geneva.search(query)
    assert isinstance(result.ids, list)
    assert sum(result.count_by_kind.values()) == len(result)
    for item_id in result.ids[:5]:
        for field in FIELDS[geneva.kind(item_id)]:
            result.spans(item_id, field)


def test_random_1000_character_queries_are_safe(geneva):
    rng = random.Random(3)
    alphabet = "abcz ()[]\\*\"'.?+^$|{}\u0301ß\x00é\n"
    for _ in range(50):
        query = "".join(rng.choice(alphabet) for _ in range(1000))
        result = geneva.search(query)
        assert len(result) == len(result.ids)


def test_special_characters_are_literal():
    items = [AgendaItem(id="a", title="Talks (round 2) [draft]"), AgendaItem(id="b", title="Plain")]
    index = SearchIndex(make(agenda=items))
    assert ids(index, "(round") == ["a"]
    assert ids(index, "[draft]") == ["a"]
    assert ids(index, ".*") == []
    assert ids(index, "a|b") == []


# -- spans ---------------------------------------------------------------------


def test_spans_are_in_original_offsets_with_accents_and_expansions():
    text = "Straße talks at the Café; ﬁnal CAFÉ"
    index = SearchIndex(make(quotes=[Quote(id="q", speaker="d", text=text)]))
    result = index.search("cafe strasse final")
    spans = result.spans("q", "text")
    assert [text[a:b] for a, b in spans] == ["Straße", "Café", "ﬁnal", "CAFÉ"]
    assert result.spans("q", "when") == []  # absent field
    # A decomposed accent stays with its letter.
    decomposed = "Le cafe\u0301 noir"
    index = SearchIndex(make(quotes=[Quote(id="q", speaker="d", text=decomposed)]))
    (span,) = index.search("café").spans("q", "text")
    assert decomposed[span[0] : span[1]] == "cafe\u0301"


def test_spans_merge_and_cover_every_occurrence():
    index = SearchIndex(make(quotes=[Quote(id="q", speaker="d", text="peace, peacekeepers and PEACE")]))
    result = index.search("peace keepers")
    assert excerpts(result, "q", "text") == ["peace", "peacekeepers", "PEACE"]
    assert index.search("").spans("q", "text") == []


def test_spans_in_list_fields_use_the_joined_display_text(geneva):
    result = geneva.search("peskov")
    assert result.text("territories", "raised_by") == "Russia, Dmitry Peskov"
    assert excerpts(result, "territories", "raised_by") == ["Peskov"]
    # Unknown ids and fields give nothing rather than an error.
    assert result.spans("no-such-id", "text") == []
    assert result.spans("territories", "no-such-field") == []


# -- results -------------------------------------------------------------------


def test_empty_query_is_no_filter(geneva):
    for query in ("", "   ", '""', '"'):
        result = geneva.search(query)
        assert result.everything
        assert result.ids == geneva.ids
        assert sum(result.count_by_kind.values()) == len(geneva)


def test_result_order_counts_and_membership(geneva):
    result = geneva.search("telegram")
    order = geneva.ids
    assert result.ids == sorted(result.ids, key=order.index)
    counts = result.count_by_kind
    assert set(counts) == set(KINDS)
    for kind in KINDS:
        assert counts[kind] == sum(geneva.kind(i) == kind for i in result.ids)
    assert "zelenskyy-greets-strike" in result and "witkoff" not in result


# -- incremental search equals fresh search ----------------------------------

WORDS = (
    "security guarantees ceasefire zelenskyy medinsky café straße kyiv line of "
    "contact prisoner exchange humanitarian corridor drones missiles talks "
    "geneva framework mandate strikes energy nearly"
).split()


def synthetic(seed: int = 5) -> Briefing:
    """~400 items: enough that frequent tokens are kept as bitsets and rare
    ones as lists, and that queries start well above the direct-check size."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))

    names = ["Zelenskyy", "Medinsky", "Straße", "Café", "Umerov", "Peskov", "Müller"]
    delegations, refs = [], []
    for d in range(4):
        members = [
            Person(id=f"p{d}{m}", name=f"{rng.choice(names)} {m}", aka=["Zelensky"] if m == 0 else [])
            for m in range(10)
        ]
        delegations.append(Delegation(id=f"d{d}", side=f"Side {d}", role="party", members=members))
        refs += [f"d{d}"] + [p.id for p in members]
    return Briefing(
        schema=1,
        meta=Meta(title="Synthetic"),
        delegations=delegations,
        agenda=[AgendaItem(id=f"a{i}", title=sentence(), raised_by=rng.sample(refs, 2)) for i in range(60)],
        quotes=[Quote(id=f"q{i}", speaker=rng.choice(refs), text=sentence()) for i in range(200)],
        timeline=[
            Event(id=f"e{i}", when="Tuesday", title=sentence(), involves=rng.sample(refs, 1))
            for i in range(100)
        ],
    )


def reference(index: SearchIndex, query: str) -> list[str]:
    """Brute force: every needle in some folded field text or alias."""
    needles = parse_query(query).needles
    out = []
    for item_id in index.ids:
        texts = [
            fold(t)
            for segments in index.fields(item_id).values()
            for seg in segments
            for t in (seg.text, *seg.aliases)
        ]
        if all(any(n in t for t in texts) for n in needles):
            out.append(item_id)
    return out


TYPED = [
    "zelensky",
    "security guarantees",
    '"security guarantees"',
    '"line of contact',
    "cafe strasse",
    "medinsky kyiv drones",
    "nearly",
    "xyz",
]


@pytest.mark.parametrize("small", [0, 64, 10**9])
def test_refining_while_typing_equals_a_fresh_search(monkeypatch, small):
    monkeypatch.setattr(index_module, "SMALL", small)
    b = synthetic()
    typing = SearchIndex(b)
    for query in TYPED:
        prefixes = [query[: i + 1] for i in range(len(query))]
        # Type it, then backspace all the way, then type it again.
        for prefix in prefixes + prefixes[::-1] + prefixes:
            result = typing.search(prefix)
            fresh = SearchIndex(b).search(prefix)
            assert result.ids == fresh.ids == reference(typing, prefix), prefix


def test_refining_holds_for_random_edits():
    b = synthetic(seed=9)
    index = SearchIndex(b)
    rng = random.Random(11)
    query = ""
    for _ in range(300):
        if query and rng.random() < 0.3:
            query = query[:-1]
        else:
            query += rng.choice('securitygaranzlkyvfé "')
        assert index.search(query).ids == reference(index, query), query


def test_no_ui_imports():
    code = (
        "import sys, briefing.search\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('briefing.ui'))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_empty_briefing_and_tally_without_reporter():
    empty = SearchIndex(Briefing(schema=1, meta=Meta(title="Nothing")))
    assert len(empty) == 0
    assert empty.search("").ids == [] and empty.search("zelensky").ids == []
    assert empty.search('"a b"').count_by_kind == dict.fromkeys(KINDS, 0)
    tally = StrikeTally(period="Night", counts=[WeaponCount(id="w", weapon="Drones")])
    index = SearchIndex(Briefing(schema=1, meta=Meta(title="T"), strikes=tally))
    assert index.search("drones night").ids == ["w"]
    assert index.search("not reported").ids == ["w"]


def test_building_the_index_stops_when_cancelled():
    from briefing.search import BuildCancelled

    briefing = load_path(DEFAULT)
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1  # let the first stage start, then give up

    with pytest.raises(BuildCancelled):
        SearchIndex(briefing, cancelled=cancelled)
    assert len(asked) == 2
    index = SearchIndex(briefing, cancelled=lambda: False)  # never cancelled: a normal index
    assert index.search("zelensky").ids == SearchIndex(briefing).search("zelensky").ids
