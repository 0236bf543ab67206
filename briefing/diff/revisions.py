"""A briefing as it was at a git revision (``briefing diff REV FILE``, ``--since REV``).

``git`` is run as a program (an argument list, no shell, a time limit),
from the briefing's folder, so the file may be anywhere inside a work tree
and named relative to where you are. What goes wrong becomes a
:class:`BriefingError` with one plain sentence: git missing, the folder not
in a work tree, a revision git does not know, a file the revision lacks. A
file that was broken at that revision reports ``FILE@REV:LINE:COL``. No UI
imports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from briefing.loading import MAX_BYTES, BriefingError, Problem, load_bytes
from briefing.model.structs import Briefing

GIT_SECONDS = 30.0
"""Longest we wait for git (a huge repository on a slow disk)."""


def display_name(path: str | os.PathLike[str], rev: str) -> str:
    """How a file at a revision is named in messages: ``talks.yaml@HEAD~1``."""
    return f"{os.fspath(path)}@{rev}"


_NO_GIT = "git is not installed (or not on PATH); it is needed to read revisions"


def _git(args: list[str], folder: Path, name: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    program = shutil.which("git")
    if program is None:
        raise _error(name, _NO_GIT)
    try:
        return subprocess.run(
            [program, "-C", str(folder), *args],
            capture_output=True,
            timeout=GIT_SECONDS,
            check=False,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise _error(name, _NO_GIT) from None
    except subprocess.TimeoutExpired:
        raise _error(name, f"git did not answer within {GIT_SECONDS:.0f} seconds") from None
    except OSError as exc:
        raise _error(name, f"could not run git: {exc.strerror or exc}") from None


def _error(name: str, message: str) -> BriefingError:
    return BriefingError([Problem(name, None, message)])


def _said(result: subprocess.CompletedProcess[bytes]) -> str:
    """git's own first line of complaint, without its "fatal: "."""
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ").strip() if lines else f"git exited with {result.returncode}"


def read_at(rev: str, path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path`` at git revision ``rev`` (a commit, branch, tag, ``HEAD~2``)."""
    file = Path(path)
    name = display_name(path, rev)
    if not rev or rev.startswith("-"):
        raise _error(name, f"{rev!r} is not a git revision")
    folder = file.parent if str(file.parent) else Path(".")
    if not folder.is_dir():
        raise _error(name, f"folder {os.fspath(folder)!r} does not exist")
    inside = _git(["rev-parse", "--is-inside-work-tree"], folder, name)
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        raise _error(
            name,
            f"{os.fspath(folder.absolute())!r} is not inside a git work tree; "
            "revisions can only be read from a briefing kept in git",
        )
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], folder, name)
    if commit.returncode != 0:
        raise _error(name, f"git does not know the revision {rev!r}")
    sha = commit.stdout.decode("ascii", "replace").strip()
    # "./NAME" is relative to the folder git runs in (-C), wherever the work
    # tree's root is.
    blob = _git(["cat-file", "blob", f"{sha}:./{file.name}"], folder, name)
    if blob.returncode != 0:
        exists = _git(["cat-file", "-e", f"{sha}:./{file.name}"], folder, name)
        if exists.returncode != 0:
            raise _error(name, f"{file.name!r} is not in revision {rev!r} (not yet added, or renamed since)")
        raise _error(name, _said(blob))
    if len(blob.stdout) > MAX_BYTES:
        raise _error(
            name, f"file is {len(blob.stdout):,} bytes; briefings are limited to {MAX_BYTES:,} bytes"
        )
    return blob.stdout


def load_at(rev: str, path: str | os.PathLike[str]) -> Briefing:
    """The briefing ``path`` held at ``rev``; problems as ``FILE@REV:LINE:COL``."""
    return load_bytes(read_at(rev, path), display_name(path, rev))
