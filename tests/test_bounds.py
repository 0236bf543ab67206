"""Small files stay small: aliases are bounded by the characters they stand for.

A megabyte of YAML may not become gigabytes of messages, memory or cache.
Each file here is run through ``briefing check`` in its own process, whose
peak memory we read from the kernel afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.loading import BriefingError, load_bytes
from briefing.loading.yaml_reader import MAX_EXPANDED_CHARS

HEAD = "schema: 1\nmeta:\n  title: T\ndelegations:\n  - id: ua\n    side: Ukraine\n    role: party\n"


def one_long_speaker() -> str:
    """150 quotes whose speaker is one ~1 MB text, through an alias (1 MB file)."""
    quotes = [f"  - id: q0\n    speaker: &s {'x' * 990_000}\n    text: hi\n"]
    quotes += [f"  - id: q{i}\n    speaker: *s\n    text: hi\n" for i in range(1, 150)]
    return HEAD + "quotes:\n" + "".join(quotes)


def many_aliases_of_one_name() -> str:
    """A *valid* briefing: one 20,000-character alias repeated 20,000 times (~120 KB)."""
    aka = '[&t "' + "y" * 20_000 + '"' + ", *t" * 20_000 + "]"
    return HEAD + f"    members:\n      - id: p\n        name: P\n        aka: {aka}\n"


def one_long_role() -> str:
    return HEAD.replace("role: party", "role: " + "z" * 900_000)


BOMBS = {
    "long speaker": one_long_speaker,
    "many aliases": many_aliases_of_one_name,
    "long role": one_long_role,
}


# A fresh parent whose only child is the check: its children's peak memory
# is the check's alone (this test process has had many other children).
_MEASURED = (
    "import resource, subprocess, sys\n"
    "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stdout.write(run.stdout)\n"
    "sys.stderr.write(run.stderr)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(run.returncode)\n"
)


def run_check(path: Path, cache: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """``briefing check PATH`` in a child process, and its peak memory in MB."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, sys.executable, "-m", "briefing", "check", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)},
        timeout=120,
    )
    *rest, peak_kb = result.stderr.rstrip("\n").split("\n")
    result.stderr = "\n".join(rest)
    return result, int(peak_kb) // 1024


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_check_answers_a_bomb_briefly_and_in_bounded_memory(name, tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMBS[name]())
    assert path.stat().st_size <= 1_048_576
    result, peak_mb = run_check(path, tmp_path / "cache")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(len(line) <= 1000 for line in lines), max(map(len, lines))
    assert peak_mb <= 300
    assert not any((tmp_path / "cache").rglob("*.msgpack"))  # nothing cached for a bad file


def test_the_alias_of_a_long_text_is_refused_at_the_alias():
    with pytest.raises(BriefingError) as caught:
        load_bytes(many_aliases_of_one_name().encode(), "b.yaml")
    (problem,) = caught.value.problems
    assert str(problem).startswith("b.yaml:11:")
    assert "aliases expand to too much data" in str(problem)


def test_aliases_that_stand_for_little_text_are_fine():
    # Many aliases of a short name: far below the character bound.
    aka = '[&t "Umerov"' + ", *t" * 5_000 + "]"
    text = HEAD + f"    members:\n      - id: p\n        name: P\n        aka: {aka}\n"
    briefing = load_bytes(text.encode(), "b.yaml")
    assert len(briefing.delegations[0].members[0].aka) == 5_001
    assert 5_001 * len("Umerov") < MAX_EXPANDED_CHARS


def test_a_long_value_is_quoted_short():
    with pytest.raises(BriefingError) as caught:
        load_bytes(one_long_role().encode(), "b.yaml")
    message = str(caught.value.problems[0])
    assert len(message) < 300
    assert "(900,000 characters)" in message


def test_a_reference_longer_than_an_id_is_refused_without_quoting_it():
    text = HEAD + "quotes:\n  - id: q\n    speaker: " + "s" * 5_000 + "\n    text: hi\n"
    with pytest.raises(BriefingError) as caught:
        load_bytes(text.encode(), "b.yaml")
    assert str(caught.value.problems[0]) == (
        "b.yaml:10:14: quotes[0].speaker: is not a valid id; it is longer than 64 characters"
    )


def test_a_cache_entry_is_never_many_times_its_file(tmp_path):
    from briefing.loading.cache import MAX_GROWTH, BriefingCache

    # Valid, small, and expanding below the alias bound, but still ~30x its size.
    aka = '[&t "' + "y" * 3_000 + '"' + ", *t" * 1_000 + "]"
    text = HEAD + f"    members:\n      - id: p\n        name: P\n        aka: {aka}\n"
    data = text.encode()
    briefing = load_bytes(data, "b.yaml")
    cache = BriefingCache(tmp_path)
    written = cache.put(tmp_path / "b.yaml", data, briefing)
    sizes = [entry.stat().st_size for entry in tmp_path.rglob("*.msgpack")]
    assert all(size <= MAX_GROWTH * len(data) + (1 << 20) for size in sizes)
    assert not written and not sizes
    # An ordinary briefing is still cached.
    plain = (HEAD + "    members:\n      - id: p\n        name: P\n").encode()
    assert cache.put(tmp_path / "plain.yaml", plain, load_bytes(plain, "plain.yaml"))
