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


def coverage_table() -> dict[str, str]:
    """The README's "What is covered" table: accessor → its methods cell."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## What is covered", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `client\.([\w.]+)` \| (.+?) \|", section, flags=re.M)
    return dict(rows)


def test_the_coverage_table_lists_every_operation_of_the_spec() -> None:
    """Each operation's accessor has a row naming its method (derived from the spec)."""
    from plivo_agentstack.testing.fake_api import load_spec

    table = coverage_table()
    missing = []
    for item in load_spec().document["paths"].values():
        for verb, operation in item.items():
            if verb in ("parameters", "summary", "description", "servers"):
                continue
            group, method = operation["x-sdk-group"], operation["x-sdk-method"]
            if not re.search(rf"`{method}\b", table.get(group, "")):
                missing.append(f"client.{group}.{method}")
    assert missing == []
