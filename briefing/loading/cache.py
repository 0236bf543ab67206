"""A binary cache of validated briefings, so an unchanged file is parsed once.

Reading YAML is the slow part of opening a large briefing (about 6 MB/s
here, even with libyaml); decoding the same briefing from msgpack into the
typed model is ~10x faster. Even for a small file the cache wins: a start
served from it never imports PyYAML (~10 ms). So after a successful load the
validated :class:`~briefing.model.Briefing` is written to the user's cache
folder, and the next load of the same bytes decodes that instead.

* Where: ``$BRIEFING_CACHE_DIR`` if set, else
  ``platformdirs.user_cache_dir("briefing")``. Never next to the user's YAML.
* One entry per briefing path (named by a hash of the absolute path), so
  editing a file replaces its entry instead of piling up new ones; at most
  :data:`MAX_ENTRIES` entries are kept, least recently used go first.
* An entry is used only if its key matches: a hash of the file's bytes, the
  package version, the schema version and the source of the modules that
  decide what a valid briefing is (so a changed check in a development
  checkout never trusts an entry written by the old code).
* A CRC of the payload catches damage; a damaged, truncated, foreign or
  unreadable entry is ignored (and rewritten after the normal load).
* Writes go to a temporary file in the cache folder and are moved into place
  with ``os.replace``, so a reader never sees half an entry. Any error while
  writing (read-only or full disk, no home folder) is ignored: the cache can
  only make loading faster, never make it fail.

Invalid briefings are never cached: their problems need the YAML positions.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import struct
import tempfile
import time
import zlib
from pathlib import Path

import msgspec

from briefing import __version__
from briefing.model import SCHEMA_VERSION, Briefing, Figure
from briefing.paths import cache_dir

MIN_BYTES = 0
"""Files smaller than this are always parsed. Zero: even the bundled briefing
(~10 KB) opens ~15 ms sooner from the cache, PyYAML's import included."""
MAX_ENTRIES = 16
"""Entries kept (one per briefing path); the least recently used go first."""
MAX_GROWTH = 4
"""An entry may be at most this many times its YAML (plus 1 MiB); beyond
that the file is read from YAML each time rather than fill the disk."""
ENV_OFF = "BRIEFING_NO_CACHE"

_MAGIC = b"BRFCACHE"
_FORMAT = 1  # bump when the entry layout changes
_HEADER = struct.Struct("<8sI32sI")  # magic, format, key, crc32 of payload
_SUFFIX = ".msgpack"
_TMP_PREFIX = ".tmp-"
_TMP_STALE_SECONDS = 3600

# The modules whose code decides what loads and how: their source is part of
# the key. Listed by name so nothing here has to import them.
_FINGERPRINTED = (
    "briefing.model.structs",
    "briefing.model.figures",
    "briefing.model.checks",
    "briefing.model.items",
    "briefing.loading.reading",
    "briefing.loading.found",
    "briefing.loading.yaml_reader",
    "briefing.loading.yaml_strict",
    "briefing.loading.explain",
    "briefing.loading.loader",
    __name__,
)


def disabled_by_env() -> bool:
    """True when ``BRIEFING_NO_CACHE`` is set to anything but empty or 0."""
    return os.environ.get(ENV_OFF, "") not in ("", "0")


def _enc_hook(obj: object) -> object:
    # Figures are stored as they are written in YAML and read back through
    # the same parser, so a cached figure is exactly a freshly loaded one.
    if isinstance(obj, Figure):
        return obj.to_yaml()
    raise NotImplementedError(f"cannot cache {type(obj).__name__}")


def dec_hook(kind: type, obj: object) -> object:
    """Figures from plain data, for msgspec (the loader's convert and the cache's decoder)."""
    if kind is Figure:
        return Figure.parse(obj)
    raise NotImplementedError(kind)


_code_key: bytes | None = None


def _code_fingerprint() -> bytes:
    """Key part for the code that decides what a valid briefing is."""
    global _code_key
    if _code_key is None:
        _code_key = code_fingerprint(_FINGERPRINTED, salt=f"schema {SCHEMA_VERSION}")
    return _code_key


def read_entry(entry: Path, key: bytes) -> memoryview | None:
    """The payload stored in ``entry``, if the file is intact and carries ``key``."""
    try:
        blob = entry.read_bytes()
    except (OSError, ValueError):  # missing entry, no cache folder, odd path
        return None
    if len(blob) < _HEADER.size:
        return None
    magic, version, stored_key, crc = _HEADER.unpack_from(blob)
    if magic != _MAGIC or version != _FORMAT or stored_key != key:
        return None
    payload = memoryview(blob)[_HEADER.size :]
    return payload if zlib.crc32(payload) == crc else None


def write_entry(entry: Path, key: bytes, payload: bytes) -> bool:
    """Store ``payload`` under ``key`` in ``entry`` atomically; False if it failed."""
    tmp: str | None = None
    try:
        header = _HEADER.pack(_MAGIC, _FORMAT, key, zlib.crc32(payload))
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=entry.suffix, dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(header)
            handle.write(payload)
        os.replace(tmp, entry)
        tmp = None
        return True
    except (OSError, ValueError):
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def code_fingerprint(modules: tuple[str, ...], salt: str = "") -> bytes:
    """Hash of the package version, the cache format and the named modules' source.

    Modules are found without importing them (the YAML reader is imported
    lazily, and a key must not depend on whether it was loaded yet).
    """
    digest = hashlib.sha256(f"{__version__}\0{_FORMAT}\0{salt}".encode())
    for name in modules:
        try:
            spec = importlib.util.find_spec(name)
            source = spec.origin if spec is not None else None
            digest.update(Path(source).read_bytes() if source else name.encode())
        except (OSError, ImportError, ValueError):  # e.g. zip imports
            digest.update(name.encode())
    return digest.digest()


class BriefingCache:
    """Validated briefings keyed by their bytes, stored in ``folder``."""

    def __init__(self, folder: str | os.PathLike[str] | None = None, *, min_bytes: int = MIN_BYTES) -> None:
        self._folder = Path(folder) if folder is not None else None
        self.min_bytes = min_bytes
        self._encoder = msgspec.msgpack.Encoder(enc_hook=_enc_hook)
        self._decoder = msgspec.msgpack.Decoder(Briefing, dec_hook=dec_hook)

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = cache_dir()
        return self._folder

    def wants(self, data: bytes) -> bool:
        """Whether a file of these bytes is worth caching at all."""
        return len(data) >= self.min_bytes

    def key(self, data: bytes) -> bytes:
        """What an entry for ``data`` must carry to be used."""
        # sha256 over blake2b: both are plenty, and with the SHA extensions of
        # current CPUs sha256 hashes a 20 MB file in half the time.
        digest = hashlib.sha256(_code_fingerprint())
        digest.update(data)
        return digest.digest()

    def entry(self, path: str | os.PathLike[str]) -> Path:
        """The cache file that holds the briefing loaded from ``path``."""
        where = os.path.abspath(os.fspath(path)).encode("utf-8", "surrogateescape")
        return self.folder / (hashlib.sha256(where).hexdigest()[:32] + _SUFFIX)

    def get(self, path: str | os.PathLike[str], data: bytes) -> Briefing | None:
        """The cached briefing for ``data`` read from ``path``, or None."""
        try:
            entry = self.entry(path)
        except ValueError:  # an odd path
            return None
        payload = read_entry(entry, self.key(data))
        if payload is None:
            return None
        # Like the YAML reader: nothing to collect while we only build objects.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            briefing = self._decoder.decode(payload)
        except Exception:  # damaged in a way the CRC missed: just reload  # noqa: BLE001
            return None
        finally:
            if was_enabled:
                gc.enable()
        try:
            os.utime(entry)  # mark as recently used for pruning
        except OSError:
            pass
        return briefing

    def put(self, path: str | os.PathLike[str], data: bytes, briefing: Briefing) -> bool:
        """Store ``briefing`` (loaded from ``data`` at ``path``); True if written."""
        try:
            payload = self._encoder.encode(briefing)
            entry = self.entry(path)
        except (ValueError, TypeError, NotImplementedError, msgspec.EncodeError):
            return False
        if len(payload) > MAX_GROWTH * len(data) + (1 << 20):
            return False  # aliases made it far larger than the file: not worth keeping
        if not write_entry(entry, self.key(data), payload):
            return False
        try:
            self._prune(keep=entry)
        except OSError:
            pass
        return True

    def _prune(self, keep: Path) -> None:
        """Drop the least recently used entries beyond MAX_ENTRIES.

        Temporary files are another process's write in progress, unless they
        are old enough to be left over from a crash.
        """
        entries = []
        stale: list[Path] = []
        now = time.time()
        for item in self.folder.glob("*" + _SUFFIX):
            if item == keep:
                continue
            try:
                mtime = item.stat().st_mtime
            except OSError:
                continue
            if item.name.startswith(_TMP_PREFIX):
                if now - mtime > _TMP_STALE_SECONDS:
                    stale.append(item)
            else:
                entries.append((mtime, item))
        entries.sort(reverse=True)
        for item in [*stale, *(item for _, item in entries[MAX_ENTRIES - 1 :])]:
            try:
                item.unlink()
            except OSError:
                pass
