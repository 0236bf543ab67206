"""The model, loader and search layers never import the UI toolkit."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "briefing.model",
        "briefing.loading",
        "briefing.search",
        "briefing.model.text",
        "briefing.cli",
        "briefing.output.plain",
        "briefing.output.schema",
        "briefing.loading.watching",
        "briefing.settings.editor",
        "briefing.output.citation",
    ],
)
def test_no_ui_imports(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('briefing.ui'))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
