"""`briefing export --since REV`: changes since a git revision, marked in every format."""

from __future__ import annotations

import json
import re
import shutil

import jsonschema
import pytest

from briefing.model.text import is_safe

from .test_diff_git import GENEVA, git
from .test_export import ALLOWED_TAGS, COMMITTED_SCHEMA, parse, render_md, run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

REV = "v<2>&b"
"""A revision name with markup in it: git allows it as a tag, and it must read as text."""

HUMANITARIAN = """\
  - id: humanitarian
    title: Humanitarian issues
    raised_by: [ukraine, umerov]
    status: on-agenda
    notes: Named by Umerov alongside security issues.
"""
NEW_EVENT = """\
  - id: evening-briefing
    title: Evening press briefing
    detail: Added after the tag.
"""


@pytest.fixture
def repo(tmp_path):
    """talks.yaml tagged REV, then edited: one figure and one title changed,
    an agenda item removed, an event added, a quote renamed."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    path = root / "talks.yaml"
    path.write_text(GENEVA, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "round one")
    git(root, "tag", REV)
    assert HUMANITARIAN in GENEVA and "\ntimeline:\n" in GENEVA
    edited = (
        GENEVA.replace("launched: nearly 400", "launched: about 410")
        .replace("title: Security issues", "title: Security guarantees")
        .replace(HUMANITARIAN, "")
        .replace("id: russian-media-tense", "id: media-tense")
        .replace("\ntimeline:\n", "\ntimeline:\n" + NEW_EVENT)
    )
    path.write_text(edited, encoding="utf-8")
    return root


def export(repo, *args: str) -> str:
    result = run("talks.yaml", "--since", REV, *args, cwd=repo)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


def test_json_lists_the_changes_and_validates(repo):
    data = json.loads(export(repo, "--to", "json"))
    jsonschema.Draft202012Validator(json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))).validate(data)
    changes = data["changes"]
    assert changes["since"] == REV
    assert changes["added"] == [{"kind": "event", "id": "evening-briefing"}]
    assert {"kind": "agenda", "id": "security", "fields": ["title"]} in changes["changed"]
    assert {"kind": "count", "id": "drones", "fields": ["launched"]} in changes["changed"]
    assert changes["renamed"] == [
        {"kind": "quote", "id": "media-tense", "old_id": "russian-media-tense", "fields": []}
    ]
    assert changes["removed"] == [{"kind": "agenda", "id": "humanitarian"}]


def test_json_without_since_has_no_changes(repo):
    result = run("talks.yaml", "--to", "json", cwd=repo)
    assert "changes" not in json.loads(result.stdout)


def test_json_only_keeps_that_section_s_changes(repo):
    changes = json.loads(export(repo, "--to", "json", "--only", "agenda"))["changes"]
    assert changes["added"] == [] and changes["renamed"] == []
    assert [c["id"] for c in changes["changed"]] == ["security"]
    assert changes["removed"] == [{"kind": "agenda", "id": "humanitarian"}]


def test_html_marks_in_words_with_a_legend_and_escapes_the_revision(repo):
    page = export(repo, "--to", "html")
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS | {"strong", "code"}
    assert is_safe(page.replace("\t", ""))
    assert "v<2>" not in page and "v&lt;2&gt;&amp;b" in page  # the revision is text
    header = page[page.index('<header class="top">') : page.index("</header>")]
    assert "Changes since revision <code>v&lt;2&gt;&amp;b</code> (1 new, 3 changed, 1 removed)" in header

    def badge(ident: str) -> str | None:
        start = page.index(f'id="item-{ident}"')
        found = re.search(r'<strong class="mark mark-(\w+)">([^<]*)</strong>', page[start : start + 400])
        return found.group(2) if found else None

    assert badge("evening-briefing") == "new since v&lt;2&gt;&amp;b"
    assert badge("security") == "changed since v&lt;2&gt;&amp;b"
    assert badge("drones") == "changed since v&lt;2&gt;&amp;b"
    assert badge("media-tense") == "changed since v&lt;2&gt;&amp;b"  # renamed
    assert badge("territories") is None
    removed = page[page.index('<section id="removed-since"') :]
    assert '<h2 id="removed-since-h">Removed since v&lt;2&gt;&amp;b</h2>' in removed
    assert "<li>Agenda: Humanitarian issues</li>" in removed
    assert 'href="#removed-since"' in page


def test_markdown_prefixes_marks_and_lists_what_was_removed(repo):
    text = export(repo, "--to", "md")
    assert "### **new since v\\<2\\>\\&b** Evening press briefing" in text
    assert "### **changed since v\\<2\\>\\&b** Security guarantees" in text
    assert "| **changed since v\\<2\\>\\&b** Drones |" in text
    assert "## Removed since v\\<2\\>\\&b\n\n- Agenda: Humanitarian issues\n" in text
    html = render_md(text)
    assert "<strong>new since v&lt;2&gt;&amp;b</strong> Evening press briefing" in html
    assert "<h2>Removed since v&lt;2&gt;&amp;b</h2>" in html


def test_without_since_nothing_is_marked(repo):
    text = run("talks.yaml", "--to", "md", cwd=repo).stdout.decode("utf-8")
    assert "Removed since" not in text and "new since" not in text


def test_an_unknown_revision_exits_2_as_diff_says(repo, tmp_path):
    result = run("talks.yaml", "--since", "no-such-tag", "--to", "md", "-o", str(tmp_path / "x.md"), cwd=repo)
    assert result.returncode == 2
    assert result.stderr.decode() == "talks.yaml@no-such-tag: git does not know the revision 'no-such-tag'\n"
    assert not (tmp_path / "x.md").exists()
    # briefing diff says the same
    diff = run_diff(repo, "no-such-tag", "talks.yaml")
    assert diff.returncode == 2 and diff.stderr == result.stderr


def test_outside_a_work_tree_exits_2_as_diff_says(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "talks.yaml").write_text(GENEVA, encoding="utf-8")
    result = run(
        "talks.yaml",
        "--since",
        "HEAD",
        "--to",
        "html",
        cwd=plain,
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.returncode == 2
    assert b"is not inside a git work tree" in result.stderr
    diff = run_diff(plain, "HEAD", "talks.yaml", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert diff.returncode == 2 and diff.stderr == result.stderr


def run_diff(cwd, *args: str, env: dict[str, str] | None = None):
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    return subprocess.run(
        [sys.executable, "-m", "briefing", "diff", *args],
        capture_output=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        check=False,
    )
