"""Finding many quotes at once: the batch path must find what one scan each finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefing.loading import BriefingError, load_path
from briefing.sources.normal import _MARKS as MARKS
from briefing.sources.normal import _dashes, _same_length, _spaced, normalise, normalise_all
from briefing.sources.text import SourceText
from briefing.sources.verify import check_path, verify

# Enough quotes with keys of their own that the keys are indexed, not scanned for.
OTHERS = [f"k{i} a{i} b{i} c{i} d{i}" for i in range(70)]
PIECES = ["a", "bc", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "-", "--", "---", "\u2014", "\u2013"]
PIECES += ["\u201c", "\u201d", "\u2019", "'", '"', ".", "\x00", "\x1f"]


def _scan(source: SourceText, quote: str) -> int:
    """Where a quote first is, by one scan of the normalised text."""
    needle = normalise(quote)
    return source.norm.find(needle) if needle else -1


def _assert_found_as_scanned(text: str, quotes: list[str]) -> SourceText:
    source = SourceText(text, quotes + OTHERS)
    assert source._quotes._indexed  # found through the index, not by scans
    for quote in quotes:
        assert source._quotes._found[quote] == _scan(source, quote), quote
        assert source.contains(quote) is (_scan(source, quote) >= 0)
    return source


def test_normalising_many_at_once_is_normalising_each():
    rng = random.Random(11)
    for _ in range(300):
        texts = ["".join(rng.choices(PIECES, k=rng.randint(0, 8))) for _ in range(rng.randint(0, 12))]
        # Without the separator in any text (one pass), then with it (one by one).
        plain = [text.replace("\x00", "") for text in texts]
        assert normalise_all(plain) == [normalise(text) for text in plain], plain
        assert normalise_all(texts) == [normalise(text) for text in texts], texts
    # Many at once: past the length where whitespace is collapsed by replacing.
    many = ["  “a” -- b\n", "c —", "— d", " ", "", "e\u00a0 f"] * 1000
    assert normalise_all(many) == ['"a"—b', "c—", "—d", "", "", "e f"] * 1000


def _reference(text: str) -> str:
    """The rules as written: marks, then whitespace, then a dash takes the spaces next to it."""
    text = " ".join(_same_length(text, MARKS).split())
    return re.sub(" ?(?:\u2014|--+) ?", "\u2014", text)


def test_long_texts_are_normalised_by_the_rules_too():
    # Past a length, whitespace runs are collapsed by replacing, and the
    # dashes of an ASCII text are found in one byte a character.
    rng = random.Random(12)
    ascii_pieces = [piece for piece in PIECES if piece.isascii() and piece != "\x00"]
    for pieces in (PIECES, ascii_pieces):
        for _ in range(1500):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
            long = text * (5000 // max(1, len(text)) + 1)
            assert normalise(text) == _reference(text), repr(text)
            assert normalise(long) == _reference(long), repr(text)
            marked = _same_length(text, MARKS)
            assert _dashes(_spaced(marked).strip(" ")) == _reference(text), repr(text)


def test_a_one_character_quote_that_ends_the_text_is_found():
    # A needle of one character was once taken as "found nowhere" when it
    # was the text's last character.
    assert SourceText("plan b", ["b"]).contains("b")
    assert SourceText("said it \u2014 ", ["--"]).contains("--")
    assert not SourceText("plan b", ["c"]).contains("c")


def test_quotes_at_the_very_start_and_end_of_the_text():
    text = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    quotes = [
        "Alpha bravo charlie delta echo",
        "lpha bravo charlie delta echo foxtrot",  # starts inside the first word
        "foxtrot golf hotel india juliet",
        "echo foxtrot golf hotel india juli",  # ends inside the last word
        "Alpha bravo charlie",
        "hotel india juliet",
        text,
        "juliet Alpha bravo charlie",  # not there: wraps round
    ]
    source = _assert_found_as_scanned(" \n" + text + "\n", quotes)
    assert not source.contains("juliet Alpha bravo charlie")
    passage = source.find("foxtrot golf hotel india juliet")
    assert passage is not None and passage.end == len(text) + 2


def test_a_quote_whose_keys_are_everywhere_before_it():
    filler = "one two three four five six. " * 300
    quotes = [
        "two three four five six. seven",  # first found after 300 places of both keys
        "six. one two three four five six. seven",
        "four five six. one two",  # at the first place
        "three four five six. eight",  # not there
    ]
    source = _assert_found_as_scanned(filler + "one two three four five six. seven", quotes)
    assert source._quotes._found[quotes[0]] > len(filler) - 40
    assert not source.contains(quotes[3])


def test_a_quote_found_where_its_last_key_first_is():
    filler = "one two three four five six. " * 300
    quotes = ["one two three four seven eight nine", "two three four five six. ten"]
    source = _assert_found_as_scanned(filler + "one two three four seven eight nine", quotes)
    assert source._quotes._found[quotes[0]] == len(filler)
    assert not source.contains(quotes[1])


def test_line_breaks_typographic_quotes_and_dashes_in_a_batch():
    text = "The envoy said: \u201cWe will\nmeet again \u2014 soon,\u201d and it\u2019s \u2013 so he said \u2013 over."
    quotes = [
        'said: "We will meet again -- soon," and',
        "\u201cWe will meet again\u2014soon,\u201d and it's",
        "and it's -- so he said -- over.",
        'said: "We will meet again - soon," and',  # a hyphen is not a dash
        "said: We will meet again -- soon, and",  # the quotation marks are part of it
        "said: \u201cWe will meet Again -- soon,\u201d and",  # case
    ]
    source = _assert_found_as_scanned(text, quotes)
    assert [source.contains(quote) for quote in quotes] == [True, True, True, False, False, False]


def test_quotes_of_one_or_two_words_in_a_batch():
    text = "It was agreed -- twice. Done at last."
    quotes = ["agreed", "twice. Done", "agreed \u2014 twice.", "Done at", "done at", "-- twice", "", "  "]
    source = _assert_found_as_scanned(text, quotes)
    assert [source.contains(q) for q in quotes] == [True, True, True, True, False, True, False, False]


def test_many_quotes_of_three_or_four_words():
    # Their one key, of one or two words, is indexed when there are enough of them.
    rng = random.Random(13)
    chunks = [f"w{rng.randrange(400)}" for _ in range(3000)]
    quotes = []
    for i in range(200):
        start = rng.randrange(len(chunks) - 4)
        quote = " ".join(chunks[start : start + 3 + i % 2])
        quotes.append(quote if i % 5 else quote[:-1] + "x")
    source = _assert_found_as_scanned(" ".join(chunks), quotes)
    assert {len(key) for key in source._quotes._indexed} == {1, 2, 3}


def test_a_word_of_the_text_that_starts_with_a_quoted_word():
    text = "the cats sat on the mats and the dogs barked at them all night long"
    quotes = [
        "the cats sat on the ma",  # ends inside a word: a scan finds it too
        "ats sat on the mats and",  # starts inside one
        "the cat sat on the mats and",  # "cat" is only the start of "cats": not there
        "the dogs bark at them all",
        "dogs barked at the all night",
        "th cats sat on the mats",  # its keys are there, its first word is not
        "cats sat on the mats nd",  # nor is its last
    ]
    source = _assert_found_as_scanned(text, quotes)
    assert [source.contains(q) for q in quotes] == [True, True, False, False, False, False, False]


REPORT_A = "The envoy said the talks were very tense. Officials counted 1,200 shells."
REPORT_B = "Later the envoy added: we will meet again soon, perhaps next week."
BRIEFING = """\
schema: 1
meta:
  title: T
sources:
  - id: a
    outlet: A
    file: a.txt
  - id: b
    outlet: B
    file: b.txt
delegations:
  - id: envoy
    side: Envoy
    role: mediator
quotes:
  - id: q1
    speaker: envoy
    source: [a, b]
    text: we will meet again soon, perhaps
  - id: q2
    speaker: envoy
    source: a
    text: the talks were quite tense
  - id: q3
    speaker: envoy
    source: [a, b]
    text: the talks were very intense
  - id: q4
    speaker: envoy
    text: not in either report, and naming neither
strikes:
  period: P
  source: a
  counts:
    - id: c1
      weapon: Shells
      launched: 1300
"""


@pytest.fixture
def two_reports(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT_B, encoding="utf-8")
    path = tmp_path / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


def test_a_quote_is_verbatim_if_any_of_its_reports_has_it_and_problems_keep_file_order(two_reports):
    with pytest.raises(BriefingError) as info:
        check_path(two_reports, "b.yaml", cache=False)
    problems = [str(p) for p in info.value.problems]
    assert [problem.split(";")[0] for problem in problems] == [
        "b.yaml:23:11: quotes[1].text: not found verbatim in a.txt",
        "b.yaml:27:11: quotes[2].text: not found verbatim in a.txt or b.txt",
        "b.yaml:37:17: strikes.counts[0].launched: 1,300 not found in a.txt",
    ]
    # In file order before they are sorted, too: past the limit, the first are listed.
    found = verify(load_path(two_reports, cache=False), two_reports.parent)
    assert [path for path, _ in found] == [
        ("quotes", 1, "text"),
        ("quotes", 2, "text"),
        ("strikes", "counts", 0, "launched"),
    ]
    # Each quote in one of its reports: only the figure.
    text = two_reports.read_text().replace("quite", "very").replace("intense", "tense")
    two_reports.write_text(text)
    with pytest.raises(BriefingError) as info:
        check_path(two_reports, "b.yaml", cache=False)
    assert [str(p) for p in info.value.problems] == [problems[2]]
