"""Verifying quotes and figures against the texts of their reports."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.loading import BriefingError
from briefing.model import Figure
from briefing.sources.normal import normalise, normalise_report, stretches
from briefing.sources.numbers import _NUMBER, Numbers, in_words, numbers_in
from briefing.sources.text import SourceText
from briefing.sources.verify import check_path, excerpt

from .conftest import DEFAULT, SEED

ARTICLE = """\
Vessa round ends

The envoy said the talks were “very tense,” and added: "We will
meet  again -- soon. It’s not over."
Officials counted 1,200 shells, twenty-nine drones and nearly 400 rockets.
"""


def test_normalise_ignores_only_spacing_quotes_and_dashes():
    assert normalise("  a \n\t b  ") == "a b"
    assert normalise("“x” ‘y’ «z»") == normalise('"x" \'y\' "z"')
    assert normalise("a -- b") == normalise("a—b") == normalise("a – b")
    assert normalise("a - b") != normalise("a—b")  # a hyphen is not a dash
    assert normalise("Word") != normalise("word")


def test_find_maps_back_to_the_original_text():
    source = SourceText(ARTICLE)
    passage = source.find("We will meet again — soon. It's not over.")
    assert passage is not None and passage.exact
    assert ARTICLE[passage.start : passage.end] == "We will\nmeet  again -- soon. It’s not over."
    quoted = source.find('talks were "very tense,"')
    assert ARTICLE[quoted.start : quoted.end] == "talks were “very tense,”"


@pytest.mark.parametrize(
    "wrong",
    [
        "We will meet again, soon.",  # punctuation inside the quote
        "we will meet again",  # case
        "We shall meet again",  # a word
        "The envoy said the talks were very tense",  # quotation marks dropped
    ],
)
def test_find_refuses_any_other_difference(wrong):
    assert SourceText(ARTICLE).find(wrong) is None


def test_closest_passage_shows_where_a_changed_word_is():
    source = SourceText(ARTICLE)
    passage = source.closest("We shall meet again -- soon.")
    assert passage is not None and not passage.exact
    assert "We will meet again" in normalise(ARTICLE[passage.start : passage.end])
    assert source.closest("zebra quantum") is None


def test_a_quote_that_occurs_many_times_is_found_at_its_first_place():
    text = "the cat sat. " * 5000 + "the cat ran away from the dog. " + "the cat sat. " * 10
    source = SourceText(text)
    passage = source.find("cat ran away from the")
    assert passage is not None and text[passage.start : passage.end] == "cat ran away from the"
    assert source.find("the cat sat. the").start == 0


def test_the_fast_normalising_of_a_report_is_the_one_its_map_is_built_from():
    rng = random.Random(5)
    alphabet = [
        "a",
        "b",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "-",
        "--",
        "\u2014",
        "\u2013",
        "\u201c",
        "\u2019",
        ".",
        "x--",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert normalise_report(text) == stretches(text)[0], repr(text)


def _repetitive_text(rng: random.Random) -> str:
    """Sentences of a few common words, with repeated phrases and dashes."""
    words = ["the", "cat", "sat", "on", "mat", "and", "—", "said", "it's", "over", "again", "a" * 40]
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 9))) + "." for _ in range(600)]
    return "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))


def test_prepared_quotes_are_found_at_their_first_place_as_a_scan_finds_them():
    rng = random.Random(7)
    text = _repetitive_text(rng)
    chunks = text.split()
    quotes = []
    for _ in range(400):
        start = rng.randrange(len(chunks) - 12)
        words = chunks[start : start + rng.randint(1, 12)]
        if rng.random() < 0.2:
            words[rng.randrange(len(words))] = "dog"  # not there
        elif rng.random() < 0.2:
            words[0] = words[0][1:] or words[0]  # starts inside a chunk of the text
        quotes.append(" ".join(words).replace("\u2014", "--"))
    source = SourceText(text, quotes)
    assert source._quotes._indexed  # the keys were indexed, not scanned for
    for quote in quotes:
        expected = source.norm.find(normalise(quote))
        assert source._quotes._found[quote] == expected, quote
        assert source.contains(quote) is (expected >= 0)
        passage = SourceText(text).find(quote)  # not prepared: one scan
        assert (passage is None) is (expected < 0)


# Quotes whose keys are all different: enough of them that keys are indexed, not scanned for.
OTHERS = [f"k{i} a{i} b{i} c{i} d{i}" for i in range(70)]


def test_a_repeated_first_key_or_both_keys_still_find_the_first_place():
    filler = [f"w{i}" for i in range(300)]
    quotes = [f"x{i} the cat sat w{i} w{i + 1} on the mat y{i}" for i in range(0, 200, 3)]
    # "the cat sat" is everywhere before each quote, "on the mat" before most.
    text = "the cat sat on the mat, " * 50 + " ".join(filler) + " " + " ".join(quotes) + " the end"
    source = SourceText(text, quotes + OTHERS)
    assert ("the", "cat", "sat") in source._quotes._indexed and (
        "on",
        "the",
        "mat",
    ) in source._quotes._indexed
    for quote in quotes:
        assert source._quotes._found[quote] == source.norm.find(quote) > 0
    # The first key is everywhere before, the last says where.
    later = [f"p{i} the cat sat u{i} v{i} q{i} r{i}" for i in range(70)]
    source = SourceText(text + " " + " ".join(later), later)
    assert all(source._quotes._found[quote] == source.norm.find(quote) > len(text) for quote in later)
    # Twice, and both keys everywhere before: the first of the two.
    twice = "m1 the cat sat on the mat m2"
    source = SourceText(f"{text} {twice} and {twice}", [twice, *OTHERS])
    assert ("on", "the", "mat") in source._quotes._indexed
    assert source._quotes._found[twice] == source.norm.find(twice) > len(text)
    absent = "x0 the cat sat on the mat y0"  # both keys are there, the quote is not
    assert not SourceText(text, [absent, *OTHERS]).contains(absent)


def test_quotes_made_of_one_long_chunk_or_a_few_words():
    url = "https://example.org/" + "x" * 200
    text = f"See {url} for more. It was agreed -- twice. Done."
    source = SourceText(text, [f"See {url} for", "agreed — twice", "It", "twice. Done"] * 20)
    assert source.contains(f"See {url} for") and source.contains("agreed — twice")
    passage = source.find("agreed — twice")
    assert passage is not None and text[passage.start : passage.end] == "agreed -- twice"
    assert not source.contains(f"See {url}x for")


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        (1200, True),
        ("1,200", True),
        (29, True),
        (400, True),
        (12, False),
        ("nearly 400", True),
        ("Nearly 400", True),
        ("about 400", False),
        ("nearly 1,200", False),
        ("400+", False),
    ],
)
def test_figures_are_found_as_reported(raw, found):
    numbers = Numbers(SourceText(ARTICLE))
    assert (numbers.find(Figure.parse(raw)) is not None) is found


def test_numbers_in_words():
    assert in_words(29) == "twenty-nine"
    assert in_words(305) == "three hundred and five"
    numbers = Numbers(SourceText("They fired three hundred five shells and 250+ drones."))
    assert numbers.find(Figure.parse(305)) is not None
    assert numbers.find(Figure.parse("250+")) is not None


def test_excerpt_is_short_and_around_the_difference():
    passage = "a " * 60 + "the decisive word here " + "b " * 60
    shown = excerpt("a " * 60 + "the changed word here " + "b " * 60, passage)
    assert len(shown) <= 82 and "decisive" in shown and shown.startswith("…") and shown.endswith("…")


# --- briefing check ------------------------------------------------------------

BRIEFING = """\
schema: 1
meta:
  title: Vessa
sources:
  - id: vessa
    outlet: Vessa Daily
    file: vessa-round.txt
delegations:
  - id: envoy
    side: Envoy
    role: mediator
quotes:
  - id: tense
    speaker: envoy
    text: very tense
  - id: meet
    speaker: envoy
    text: We will meet again -- soon. It's not over.
strikes:
  period: The round
  counts:
    - id: shells
      weapon: Shells
      launched: 1200
    - id: rockets
      weapon: Rockets
      launched: nearly 400
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "vessa-round.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _check(path: Path) -> list[str]:
    try:
        check_path(path, "b.yaml", cache=False)
    except BriefingError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_verbatim_quotes_and_figures_pass(folder):
    path = folder / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    assert _check(path) == []


def test_one_changed_word_fails_at_the_quote_with_the_closest_passage(folder):
    path = folder / "b.yaml"
    path.write_text(BRIEFING.replace("We will meet", "We shall meet"), encoding="utf-8")
    assert _check(path) == [
        "b.yaml:18:11: quotes[1].text: not found verbatim in vessa-round.txt; "
        'closest passage: "We will meet again—soon. It\'s not over."'
    ]


def test_figures_not_in_the_report_are_problems(folder):
    path = folder / "b.yaml"
    path.write_text(BRIEFING.replace("1200", "1300").replace("nearly 400", "about 400"), encoding="utf-8")
    assert _check(path) == [
        "b.yaml:24:17: strikes.counts[0].launched: 1,300 not found in vessa-round.txt",
        "b.yaml:27:17: strikes.counts[1].launched: about 400 not found with its wording in vessa-round.txt",
    ]


def test_a_missing_or_unreadable_source_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    assert _check(path) == ["b.yaml:7:11: sources[0].file: cannot read vessa-round.txt: no such file"]
    (tmp_path / "vessa-round.txt").mkdir()
    assert _check(path) == [
        "b.yaml:7:11: sources[0].file: cannot read vessa-round.txt: is a folder, not a text file"
    ]
    (tmp_path / "vessa-round.txt").rmdir()
    (tmp_path / "vessa-round.txt").write_bytes(b"caf\xe9 au lait")
    assert _check(path) == [
        "b.yaml:7:11: sources[0].file: cannot read vessa-round.txt: byte 0xe9 is not valid UTF-8; "
        "save the file as UTF-8"
    ]


def test_check_command_reports_the_misquote(folder, capsys):
    path = folder / "b.yaml"
    path.write_text(BRIEFING.replace("very tense", "very intense"), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out == (
        f'{path}:15:11: quotes[0].text: not found verbatim in vessa-round.txt; closest passage: "very tense"\n'
    )


def test_source_file_is_left_as_it_was(folder):
    path = folder / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    source = folder / "vessa-round.txt"
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    _check(path)
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before


# --- the bundled briefing against the seed article -----------------------------


def test_bundled_briefing_passes_check_without_its_article(capsys):
    assert main(["check", str(DEFAULT)]) == 0


def _bundled_pointing_at(seed: Path, tmp_path: Path, change: tuple[str, str] | None = None) -> Path:
    text = DEFAULT.read_text(encoding="utf-8")
    text = text.replace("../schema/", str(DEFAULT.parent.parent / "schema") + "/")
    # Point the one source at the article (the article itself is not shipped).
    text, count = re.subn(r"(\n  - id: ein-geneva\n)", rf"\1    file: {seed}\n", text)
    assert count == 1
    if change is not None:
        assert change[0] in text
        text = text.replace(change[0], change[1], 1)
    path = tmp_path / "geneva.yaml"
    path.write_text(text, encoding="utf-8")
    return path


needs_seed = pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds beside the checkout")


@needs_seed
def test_every_bundled_quote_and_figure_verifies_against_the_article(tmp_path):
    assert _check(_bundled_pointing_at(SEED, tmp_path)) == []


@needs_seed
def test_a_changed_word_in_a_bundled_quote_is_reported(tmp_path):
    path = _bundled_pointing_at(
        SEED, tmp_path, ("We are focused on substantive", "We are focused on serious")
    )
    problems = _check(path)
    assert len(problems) == 1
    line = path.read_text(encoding="utf-8").splitlines().index("  - id: umerov-facebook") + 3
    assert problems[0].startswith(f"b.yaml:{line}:11: quotes[3].text: not found verbatim in {SEED}; ")
    assert "closest passage:" in problems[0] and "focused on substantive" in problems[0]


def test_the_faster_number_pattern_finds_what_the_plain_one_does():
    plain = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)")
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(["1", "23", "456", ",", ".", " ", "a", "+", "\u0663"]) for _ in range(12))
        assert [m.span() for m in _NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize(
    "rare",
    [
        [],  # ASCII: only the runs of digits are tried
        ["\u00e9", "\u2014", "\u00fc", "?"],  # other letters and marks, next to digits too
        ["\u00e9", "?", "\u0663", "\u0669\u0661", "\U0001d7ce"],  # other decimal digits: scanned as before
    ],
)
def test_numbers_found_from_the_runs_of_digits_are_the_patterns(rare):
    rng = random.Random(4)
    common = ["1", "23", "456", "7,890", ",", ".", " ", "a", "+", "_", "x1", "1.5", "0", "bc", "  "]
    for _ in range(300):
        pieces = [
            rng.choice(rare) if rare and rng.random() < 0.01 else rng.choice(common) for _ in range(600)
        ]
        text = "".join(pieces)
        assert [m.span() for m in numbers_in(text)] == [m.span() for m in _NUMBER.finditer(text)], text
    # Many other characters: scanned as before, and found the same.
    text = "\u0627\u0644\u0639\u062f\u062f 29 \u0663\u0664 " * 50
    assert [m.span() for m in numbers_in(text)] == [m.span() for m in _NUMBER.finditer(text)]
