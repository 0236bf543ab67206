"""The binary briefing cache: hits, misses, damage, and a cache that can't be written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.generate import generate
from briefing.loading import BriefingError, load_bytes, load_path, loader
from briefing.loading import cache as cache_module
from briefing.loading.cache import MAX_ENTRIES, BriefingCache

BRIEFING = """\
schema: 1
meta:
  title: Cached talks
delegations:
  - id: ua
    side: Ukraine
    role: party
    lead: umerov
    members:
      - {id: umerov, name: Rustem Umerov, aka: [Умєров]}
quotes:
  - {id: q1, speaker: umerov, text: "We are focused on substantive work."}
strikes:
  period: Tuesday
  counts:
    - {id: missiles, weapon: Missiles, launched: 29, intercepted: 25}
    - {id: drones, weapon: Drones, launched: nearly 400, intercepted: not reported}
    - {id: shells, weapon: Shells, launched: "1,200+"}
"""


@pytest.fixture
def store(tmp_path: Path) -> BriefingCache:
    """A cache in a folder of its own that caches files of any size."""
    return BriefingCache(tmp_path / "cache", min_bytes=0)


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch):
    """Make any YAML parse fail, to prove a load came from the cache."""

    def refuse(data: bytes, name: str):
        raise AssertionError("parsed the YAML although the cache should have hit")

    def apply() -> None:
        monkeypatch.setattr(loader, "load_bytes", refuse)

    return apply


def test_hit_returns_the_same_briefing_without_parsing(write, store, no_parsing):
    path = write(BRIEFING)
    fresh = load_path(path, cache=store)
    assert store.entry(path).is_file()
    no_parsing()
    cached = load_path(path, cache=store)
    assert cached == fresh
    drones = cached.strikes.counts[1]
    assert drones.launched.text == "nearly 400" and drones.launched.bound == "below"
    assert not drones.intercepted.known  # "not reported" stays not reported
    assert cached.strikes.counts[2].launched.bound == "above"


def test_change_to_the_file_is_a_miss(write, store):
    path = write(BRIEFING)
    load_path(path, cache=store)
    before = store.entry(path).read_bytes()
    path.write_text(BRIEFING.replace("Cached talks", "Edited talks"), encoding="utf-8")
    assert load_path(path, cache=store).meta.title == "Edited talks"
    assert store.entry(path).read_bytes() != before  # rewritten for the new bytes


def test_same_size_change_is_a_miss(write, store):
    # The key is a hash of the bytes, not size or mtime.
    path = write(BRIEFING)
    stat = path.stat()
    load_path(path, cache=store)
    path.write_text(BRIEFING.replace("Cached talks", "Cached tolks"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_path(path, cache=store).meta.title == "Cached tolks"


def test_other_version_of_briefing_is_a_miss(write, store, monkeypatch):
    path = write(BRIEFING)
    load_path(path, cache=store)
    assert store.get(path, path.read_bytes()) is not None
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    monkeypatch.setattr(cache_module, "_code_key", None)
    assert store.get(path, path.read_bytes()) is None


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda blob: b"", id="empty"),
        pytest.param(lambda blob: blob[: len(blob) // 2], id="truncated"),
        pytest.param(lambda blob: b"not a cache file at all" * 10, id="garbage"),
        pytest.param(lambda blob: blob[:-8] + bytes(b ^ 0xFF for b in blob[-8:]), id="flipped-bytes"),
        pytest.param(lambda blob: blob[:8] + b"\x63" + blob[9:], id="other-format"),
        # Still valid msgpack, so only the checksum can tell.
        pytest.param(lambda blob: blob.replace(b"Cached talks", b"Cached talkz"), id="changed-text"),
    ],
)
def test_damaged_entry_is_ignored_and_rewritten(write, store, damage):
    path = write(BRIEFING)
    good = load_path(path, cache=store)
    entry = store.entry(path)
    intact = entry.read_bytes()
    entry.write_bytes(damage(intact))
    assert store.get(path, path.read_bytes()) is None
    assert load_path(path, cache=store) == good
    assert entry.read_bytes() == intact  # the normal load wrote it again


def test_entry_that_is_a_folder_is_ignored(write, store):
    path = write(BRIEFING)
    store.entry(path).mkdir(parents=True)
    assert load_path(path, cache=store).meta.title == "Cached talks"


def test_unwritable_cache_folder_still_loads(write, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    store = BriefingCache(blocker / "cache", min_bytes=0)
    path = write(BRIEFING)
    assert load_path(path, cache=store).meta.title == "Cached talks"
    assert store.put(path, path.read_bytes(), load_bytes(path.read_bytes(), "b")) is False
    assert load_path(path, cache=store).meta.title == "Cached talks"


def test_invalid_briefing_is_not_cached(write, store):
    path = write(BRIEFING.replace("speaker: umerov", "speaker: nobody"))
    with pytest.raises(BriefingError):
        load_path(path, cache=store)
    assert not store.entry(path).exists()


def test_nothing_is_written_next_to_the_yaml_and_no_temp_files_remain(write, store):
    path = write(BRIEFING)
    load_path(path, cache=store)
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(["b.yaml", "cache"])
    assert [p.name for p in store.folder.iterdir()] == [store.entry(path).name]


def test_files_under_min_bytes_are_parsed_not_cached(write, tmp_path):
    store = BriefingCache(tmp_path / "cache", min_bytes=10**6)
    path = write(BRIEFING)
    load_path(path, cache=store)
    assert not (tmp_path / "cache").exists()


def test_small_files_are_cached_by_default(write, tmp_path, monkeypatch):
    # A start served from the cache does not import PyYAML: worth it for
    # the bundled briefing too.
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    path = write(BRIEFING)
    first = load_path(path)
    assert [p.suffix for p in folder.iterdir()] == [".msgpack"]
    assert load_path(path) == first


def test_env_var_and_keyword_turn_the_cache_off(write, tmp_path, monkeypatch):
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    path = write(generate(400))
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    load_path(path)
    assert not folder.exists()
    monkeypatch.delenv("BRIEFING_NO_CACHE")
    load_path(path, cache=False)
    assert not folder.exists()
    load_path(path)
    assert [p.suffix for p in folder.iterdir()] == [".msgpack"]


def test_old_entries_are_pruned(write, store):
    paths = [write(BRIEFING, f"b{i}.yaml") for i in range(MAX_ENTRIES + 3)]
    for age, path in enumerate(paths):
        load_path(path, cache=store)
        # Older files get older entries, whatever the file system's clock says.
        os.utime(store.entry(path), (1_000_000 + age, 1_000_000 + age))
    kept = {p.name for p in store.folder.iterdir()}
    assert len(kept) == MAX_ENTRIES
    assert store.entry(paths[-1]).name in kept
    assert store.entry(paths[0]).name not in kept


def test_generated_briefing_round_trips_exactly(tmp_path, no_parsing):
    path = tmp_path / "big.yaml"
    path.write_text(generate(1_000), encoding="utf-8")
    store = BriefingCache(tmp_path / "cache")  # default threshold: this file is over it
    fresh = load_path(path, cache=store)
    assert len(fresh.quotes) == 500
    no_parsing()
    assert load_path(path, cache=store) == fresh


# Ids are checked once, when the YAML is read, instead of by a msgspec
# pattern that every cache decode would run again.


def test_badly_formed_ids_are_still_refused(write):
    for bad in ["a b", "-lead", "x" * 65, "", "ok\\n"]:
        text = BRIEFING.replace("id: q1,", f'id: "{bad}",')
        with pytest.raises(BriefingError) as info:
            load_path(write(text), display="b.yaml", cache=False)
        assert "is not a valid id" in str(info.value), bad


def test_badly_formed_reference_is_an_unknown_reference(write):
    text = BRIEFING.replace("speaker: umerov", "speaker: Rustem Umerov")
    with pytest.raises(BriefingError) as info:
        load_path(write(text), display="b.yaml", cache=False)
    assert [str(p) for p in info.value.problems] == [
        "b.yaml:12:23: quotes[0].speaker: speaker 'Rustem Umerov' is not a person or "
        "delegation in this briefing (known ids: ua, umerov)"
    ]


def test_pruning_spares_writes_in_progress_but_not_stale_leftovers(write, store):
    path = write(BRIEFING)
    store.folder.mkdir(parents=True)
    fresh_tmp = store.folder / ".tmp-other-process.msgpack"
    fresh_tmp.write_bytes(b"half written")
    stale_tmp = store.folder / ".tmp-crashed.msgpack"
    stale_tmp.write_bytes(b"left over")
    os.utime(stale_tmp, (1_000_000, 1_000_000))
    load_path(path, cache=store)
    assert fresh_tmp.exists()
    assert not stale_tmp.exists()
