"""The README's test command is exactly what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    """The shell blocks at the top of the README: the demo command, then the test command."""
    readme = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", readme)[:2]


def test_ci_runs_the_readme_commands() -> None:
    """The README's demo and test commands appear verbatim in .ci/run."""
    demo, tests = readme_commands()
    assert demo.endswith("-m plivo_agentstack demo")
    assert tests.endswith("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text()
    assert demo in ci
    assert tests in ci
