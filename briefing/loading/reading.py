"""Reading a user's file safely: bytes within a size limit, then UTF-8 text.

Briefings, ``config.toml`` and theme files all come through here, so each
gets the same protection (no blocking on a FIFO or device, a size limit
checked before reading and while reading) and the same wording for what the
operating system says. Each kind of file names itself in a few messages;
those words come from the caller as a :class:`FileWords`, as does the
exception class to raise.
"""

from __future__ import annotations

import errno
import os
import stat
import typing
from typing import Literal, NamedTuple, overload

from briefing.loading.problems import Mark, ProblemsError, text_mark


class FileWords(NamedTuple):
    """How problems name one kind of file (each kept the words it had)."""

    folder: str
    """The path is a folder, e.g. "is a folder, not a briefing file"."""
    not_regular: str
    """A pipe, socket or device."""
    too_big: str
    """Larger than the limit by ``stat``; formatted with ``size`` and ``limit``."""
    grew: str
    """Larger than the limit once read (stat said less); formatted with ``limit``."""
    not_utf8: str | None = None
    """For text that is not UTF-8; None says which byte, or that the file ends mid-character."""


@overload
def read_file(
    path: str | os.PathLike[str],
    name: str,
    *,
    limit: int,
    error: type[ProblemsError],
    words: FileWords,
    missing_ok: Literal[False] = False,
) -> bytes: ...


@overload
def read_file(
    path: str | os.PathLike[str],
    name: str,
    *,
    limit: int,
    error: type[ProblemsError],
    words: FileWords,
    missing_ok: bool,
) -> bytes | None: ...


def read_file(
    path: str | os.PathLike[str],
    name: str,
    *,
    limit: int,
    error: type[ProblemsError],
    words: FileWords,
    missing_ok: bool = False,
) -> bytes | None:
    """The bytes of ``path`` (at most ``limit``), never blocking on a FIFO or device.

    The kind and size are checked with ``stat`` before opening (opening some
    devices has side effects) and again with ``fstat`` on the open file, in
    case the path was swapped for a pipe in between. Every failure raises
    ``error`` with one problem for ``name``; with ``missing_ok`` a missing
    file is None instead.
    """

    def check_kind(info: os.stat_result) -> None:
        if stat.S_ISDIR(info.st_mode):
            raise error.one(name, words.folder)
        if not stat.S_ISREG(info.st_mode):
            raise error.one(name, words.not_regular)
        if info.st_size > limit:
            raise error.one(name, words.too_big.format(size=info.st_size, limit=limit))

    try:
        check_kind(os.stat(path))
        with os.fdopen(open_file(path), "rb") as handle:
            check_kind(os.fstat(handle.fileno()))
            data = handle.read(limit + 1)
    except ValueError:  # os.stat refuses a path with a NUL character in it
        raise error.one(name, "the file name contains a NUL character") from None
    except OSError as exc:
        if missing_ok and isinstance(exc, FileNotFoundError):
            return None
        raise error.one(name, os_message(exc, words)) from None
    if len(data) > limit:  # grew while we read it, or stat said 0 (/proc)
        raise error.one(name, words.grew.format(limit=limit))
    return data


def open_file(path: str | os.PathLike[str]) -> int:
    """The one place a user's file is opened: read-only, never waiting on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    return os.open(path, flags)


def read_stream(
    stream: typing.BinaryIO, name: str, *, limit: int, error: type[ProblemsError], words: FileWords
) -> bytes:
    """At most ``limit`` bytes from an open stream (``briefing check -``)."""
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise error.one(name, os_message(exc, words)) from None
    if len(data) > limit:
        raise error.one(name, words.grew.format(limit=limit))
    return data


def os_message(exc: OSError, words: FileWords) -> str:
    """An OSError as a short lower-case message in the house style."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return words.folder
    if isinstance(exc, NotADirectoryError):
        return "no such file (part of the path is a file, not a folder)"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a link that points to itself?)"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


_BOM = b"\xef\xbb\xbf"
# Byte order marks of encodings that are not UTF-8, longest first (the
# UTF-32 LE mark begins with the UTF-16 LE one).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(data: bytes, name: str, *, error: type[ProblemsError], words: FileWords) -> str:
    """UTF-8 bytes -> text; a BOM is accepted, NUL and invalid bytes are not."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    else:
        for bom, encoding in _OTHER_BOMS:
            if data.startswith(bom):
                raise error.one(name, f"the file is saved as {encoding}; save it as UTF-8", Mark(1, 1))
    nul = data.find(b"\0")
    if nul != -1 and _looks_like_utf16(data):
        raise error.one(
            name, "the file looks like UTF-16 (every other byte is NUL); save it as UTF-8", Mark(1, 1)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul == -1 or exc.start < nul:
            if words.not_utf8:
                message = words.not_utf8
            elif exc.end == len(data) and exc.reason == "unexpected end of data":
                message = "the file ends partway through a character; was it saved completely?"
            else:
                message = f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8"
            raise error.one(name, message, _byte_mark(data, exc.start)) from None
        text = ""
    if nul != -1:
        raise error.one(name, "NUL byte in file; is it binary?", _byte_mark(data, nul))
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """True when the first bytes alternate text and NUL, as UTF-16 does."""
    head = data[:64]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) == len(odd) and even.count(0) == 0) or (
        even.count(0) == len(even) and odd.count(0) == 0
    )


def _byte_mark(data: bytes, offset: int) -> Mark:
    before = data[:offset].decode("utf-8", errors="replace")
    return text_mark(before, len(before))


__all__ = ["FileWords", "decode", "open_file", "os_message", "read_file", "read_stream"]
