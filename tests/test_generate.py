"""The benchmark generator makes valid briefings, and big ones still load."""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks.generate import generate, scalar, split
from briefing.loading import load_bytes, yaml_reader
from briefing.loading.yaml_strict import read
from tests.conftest import ROOT


@pytest.mark.parametrize("n", [0, 1, 10, 137, 1_000])
def test_generated_briefings_are_valid_with_n_items(n):
    briefing = load_bytes(generate(n).encode(), f"gen-{n}.yaml")
    people = sum(len(d.members) for d in briefing.delegations)
    counted = people + len(briefing.agenda) + len(briefing.quotes) + len(briefing.timeline)
    assert counted == max(n, 1)  # at least one person, so quotes have a speaker
    assert {**split(n), "people": people} == {
        "people": people,
        "agenda": len(briefing.agenda),
        "quotes": len(briefing.quotes),
        "timeline": len(briefing.timeline),
    }


def test_generated_text_is_varied_and_quotes_are_one_to_three_sentences():
    briefing = load_bytes(generate(1_000).encode(), "gen.yaml")
    names = {p.name for d in briefing.delegations for p in d.members}
    assert len(names) > 0.95 * sum(len(d.members) for d in briefing.delegations)
    for quote in briefing.quotes:
        ends = sum(quote.text.count(c) for c in ".!?")
        assert 1 <= ends <= 3, quote.text
    assert len({q.speaker for q in briefing.quotes}) > 50


def test_generation_is_deterministic_per_seed():
    assert generate(50) == generate(50)
    assert generate(50, seed=1) != generate(50)


@pytest.mark.parametrize("text", ["no", "Yes", "1.5", "~", "null", "a: b", "# x", "'q'", " x", "-x", "it's"])
def test_scalar_quotes_what_would_not_stay_text(text):
    assert read(f"k: {scalar(text)}\n")[0] == {"k": text}


def test_cli_writes_a_file_that_briefing_check_accepts(tmp_path):
    out = tmp_path / "gen.yaml"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "300", str(out)], check=True)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"BRIEFING_NO_CACHE": "1", "PATH": ""},
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_only_aliases_count_towards_the_expansion_limit(monkeypatch):
    # A big file without aliases has more nodes than the limit; that is no bomb.
    monkeypatch.setattr(yaml_reader, "MAX_EXPANSION", 100)
    text = "items:\n" + "".join(f"  - [a, b, c, {i}]\n" for i in range(100))
    assert len(yaml_reader.read_events(text)[0]["items"]) == 100
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    with pytest.raises(yaml_reader.YamlProblem, match="aliases expand to too much data"):
        yaml_reader.read_events(bomb)
