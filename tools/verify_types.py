"""Fail when ``pyright --verifytypes`` scores a package's public types below a minimum.

Run it where the packages are installed *non-editable* (``nox -s verifytypes``): pyright's
``--verifytypes`` measures an installed library, and does not follow an editable install.
pyright runs from an empty directory, so the sources of the checkout are not what it measures.

    python tools/verify_types.py --minimum 0.99 plivo_agentstack plivo_agentstack_sync
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["main", "run_pyright", "summarize"]


def run_pyright(package: str) -> dict[str, Any]:
    """pyright's JSON report of ``--verifytypes <package> --ignoreexternal``."""
    command = [sys.executable, "-m", "pyright", "--verifytypes", package, "--ignoreexternal"]
    command.append("--outputjson")
    # --verifytypes finds packages with the first `python` on PATH (it ignores --pythonpath).
    path = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    with tempfile.TemporaryDirectory() as empty:
        # Exit code 1 only says that some symbol is incomplete: the report tells how many.
        done = subprocess.run(
            command, cwd=empty, env={**os.environ, "PATH": path}, capture_output=True, text=True
        )
    try:
        report: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(
            f"pyright gave no JSON report for {package} (exit {done.returncode}):\n"
            f"{done.stdout}{done.stderr}"
        ) from None
    return report


def summarize(report: Mapping[str, Any], minimum: float) -> tuple[bool, str]:
    """Whether the report meets ``minimum`` (0..1), and a readable summary of it.

    The summary gives the score and counts, pyright's general errors (a package not found),
    then one line per diagnostic of a symbol whose type is ambiguous or unknown: the exported
    ones count in the score, the private ones they refer to ("referenced") are often the cause.
    """
    completeness = report["typeCompleteness"]
    package = completeness["packageName"]
    score = float(completeness["completenessScore"])
    counts = completeness["exportedSymbolCounts"]
    lines = [
        f"{package}: {score:.1%} of {sum(counts.values())} exported symbols typed "
        f"({counts['withKnownType']} known, {counts['withAmbiguousType']} ambiguous, "
        f"{counts['withUnknownType']} unknown); minimum {minimum:.1%}"
    ]
    general = [
        diagnostic["message"]
        for diagnostic in report.get("generalDiagnostics", [])
        if diagnostic.get("severity") == "error"
    ]
    lines += [f"  error: {message}" for message in general]
    for symbol in completeness["symbols"]:
        if symbol["isTypeKnown"] and not symbol["isTypeAmbiguous"]:
            continue
        where = "" if symbol["isExported"] else " (referenced)"
        for diagnostic in symbol["diagnostics"]:
            if diagnostic["severity"] == "error":
                message = " ".join(part.strip() for part in diagnostic["message"].splitlines())
                lines.append(f"  {symbol['name']}{where}: {message}")
    return score >= minimum and not general, "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Score each package; print the summaries; exit 1 when one is below the minimum."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="+", help="import names of installed packages")
    parser.add_argument("--minimum", type=float, default=0.99, help="lowest score, 0..1")
    args = parser.parse_args(argv)
    failed = []
    for package in args.packages:
        passed, text = summarize(run_pyright(package), args.minimum)
        print(text)
        if not passed:
            failed.append(package)
    if failed:
        print(f"below {args.minimum:.1%}: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
