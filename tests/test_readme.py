"""The README's test command is exactly what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command() -> None:
    """The first shell block of the README appears verbatim in .ci/run."""
    readme = (ROOT / "README.md").read_text()
    match = re.search(r"```sh\n(.+?)\n```", readme)
    assert match is not None
    command = match.group(1)
    assert "pytest" in command
    assert command in (ROOT / ".ci" / "run").read_text()
