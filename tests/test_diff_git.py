"""``briefing diff REV FILE`` and ``REV1 REV2 FILE``: revisions read with git."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from briefing.cli import main
from briefing.diff.revisions import load_at
from briefing.loading import BriefingError

from .conftest import DEFAULT

GENEVA = DEFAULT.read_text(encoding="utf-8")
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(repo, *args: str) -> None:
    # Identity and settings on the command line: CI may run as root with no
    # global git config at all.
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=30,
    )


@pytest.fixture
def repo(tmp_path):
    """A work tree with talks/geneva.yaml in two commits, and an edit on top."""
    root = tmp_path / "repo"
    (root / "talks").mkdir(parents=True)
    git(root, "init", "-q")
    path = root / "talks" / "geneva.yaml"
    path.write_text(GENEVA, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "round one")
    path.write_text(GENEVA.replace("launched: nearly 400", "launched: about 410"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "round two")
    git(root, "tag", "round-two")
    path.write_text(
        GENEVA.replace("launched: nearly 400", "launched: about 410").replace(
            "title: Security issues", "title: Security guarantees"
        ),
        encoding="utf-8",
    )
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ids(out: str) -> list[tuple[str, str]]:
    return [(c["change"], c["id"]) for c in json.loads(out)["changes"]]


def test_a_revision_against_the_working_file(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo / "talks")  # a path relative to where you are, below the root
    code, out, _ = run(capsys, "--format", "json", "HEAD", "geneva.yaml")
    assert code == 1
    assert ids(out) == [("changed", "security")]
    assert json.loads(out)["old"] == "geneva.yaml@HEAD"


def test_two_revisions(repo, capsys):
    file = str(repo / "talks" / "geneva.yaml")
    code, out, _ = run(capsys, "--format", "json", "HEAD~1", "round-two", file)
    assert code == 1
    assert ids(out) == [("changed", "drones")]
    code, out, _ = run(capsys, "--plain", "HEAD~1", "HEAD", file)
    assert "launched: nearly 400 (approximate) → about 410 (approximate)" in out
    assert run(capsys, "HEAD", "round-two", file)[0] == 0


def test_unknown_revision_and_file_not_in_it(repo, capsys):
    file = repo / "talks" / "geneva.yaml"
    code, out, err = run(capsys, "no-such-rev", "HEAD", str(file))
    assert (code, out) == (2, "")
    assert "git does not know the revision 'no-such-rev'" in err
    other = repo / "talks" / "abu-dhabi.yaml"
    other.write_text(GENEVA, encoding="utf-8")
    code, _, err = run(capsys, "HEAD", str(other))
    assert code == 2
    assert "'abu-dhabi.yaml' is not in revision 'HEAD'" in err


def test_a_file_broken_at_a_revision_names_it_with_the_revision(repo, capsys):
    path = repo / "talks" / "geneva.yaml"
    path.write_text("schema: 1\nmeta:\n  title: [oops\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    code, _, err = run(capsys, "HEAD", "HEAD~1", str(path))
    assert code == 2
    assert err.startswith(f"{path}@HEAD:3:")


def test_outside_a_work_tree(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    path = tmp_path / "loose.yaml"
    path.write_text(GENEVA, encoding="utf-8")
    code, _, err = run(capsys, "HEAD", str(path))
    assert code == 2
    assert "is not inside a git work tree" in err


def test_without_git(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(BriefingError) as exc:
        load_at("HEAD", repo / "talks" / "geneva.yaml")
    assert "git is not installed" in str(exc.value)


def test_a_revision_that_looks_like_an_option_is_refused(repo):
    with pytest.raises(BriefingError, match="not a git revision"):
        load_at("--output=/tmp/x", repo / "talks" / "geneva.yaml")


def test_since_piped_prints_the_changes_since_the_revision(repo, capsys):
    file = str(repo / "talks" / "geneva.yaml")
    assert main(["--since", "HEAD~1", file]) == 1
    out = capsys.readouterr().out
    assert f"{file}@HEAD~1 → {file}: 2 changes: 2 changed" in out
    assert "launched: nearly 400 (approximate) → about 410 (approximate)" in out
    assert main(["--since", "nope", file]) == 2
    assert "git does not know the revision 'nope'" in capsys.readouterr().err
