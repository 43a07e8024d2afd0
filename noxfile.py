"""Developer tasks: tests, lint, typecheck, verifytypes, codegen, codegen_check, bench, floors,
sdist.

Every session installs what it needs into its own virtualenv, so ``nox -s <name>`` works on a
fresh clone with only Python and nox. What a session installs is a dependency group of
``pyproject.toml`` (read here, so the lists live in one place).
"""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import nox
from packaging.requirements import Requirement

nox.options.sessions = ["tests", "lint", "typecheck", "codegen_check"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"  # the generator (openapi-python-client 0.29) needs 3.11; the SDK supports 3.10+
PYPROJECT = nox.project.load_toml("pyproject.toml")
GENERATED = [
    "plivo_agentstack/_generated",
    "plivo_agentstack/resources",
    "plivo_agentstack/testing/openapi.json",
    "plivo_agentstack_sync",
    "docs/reference",
]


def group(*names: str) -> tuple[str, ...]:
    """The requirements of the named dependency groups."""
    return nox.project.dependency_groups(PYPROJECT, *names)


def lowest_versions(requirements: list[str]) -> list[str]:
    """``name==X`` for each requirement's lower bound (``>=X``), markers kept."""
    pins = []
    for text in requirements:
        requirement = Requirement(text)
        floors = [spec.version for spec in requirement.specifier if spec.operator in (">=", "==")]
        if len(floors) != 1:
            raise ValueError(f"{text!r}: give exactly one lower bound (>= or ==)")
        marker = f"; {requirement.marker}" if requirement.marker else ""
        pins.append(f"{requirement.name}=={floors[0]}{marker}")
    return pins


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (both packages)."""
    session.install("-e", ".", *group("test"))
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def floors(session: nox.Session) -> None:
    """Run the test suite with every runtime dependency at the lowest version pyproject allows.

    The runtime dependencies and the ``testing`` extra are pinned to their lower bounds (the
    test tools themselves stay at their latest compatible versions).
    """
    project = PYPROJECT["project"]
    pins = lowest_versions(project["dependencies"] + project["optional-dependencies"]["testing"])
    constraints = Path(session.create_tmp()) / "floors.txt"
    constraints.write_text("\n".join(pins) + "\n")
    session.install("-c", str(constraints), "-e", ".[testing]", *group("test"))
    session.run("python", "-m", "pip", "list")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def sdist(session: nox.Session) -> None:
    """Build the sdist and wheel, ``twine check --strict`` them, then run the tests from the
    unpacked sdist, installed from the sdist itself."""
    session.install(*group("release"))
    tmp = Path(session.create_tmp())
    dist, unpacked = tmp / "dist", tmp / "unpacked"
    for stale in (dist, unpacked):
        shutil.rmtree(stale, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist))
    session.run("twine", "check", "--strict", *sorted(str(path) for path in dist.iterdir()))
    (archive,) = dist.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="data")
    (root,) = unpacked.iterdir()
    tests_of_the_sdist = nox.project.dependency_groups(
        nox.project.load_toml(root / "pyproject.toml"), "test"
    )
    session.install(str(archive), *tests_of_the_sdist)
    session.chdir(root)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over everything."""
    session.install(*group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on both packages (Python 3.10 semantics); the README's Python blocks and
    examples/ under mypy --strict and pyright (strict); then ``verifytypes``."""
    session.notify("verifytypes")
    session.install("-e", ".", *group("test", "typecheck"))
    session.run("mypy")
    session.run("python", "tools/typecheck_docs.py", "--out", session.create_tmp())


@nox.session(python=PYTHON)
def verifytypes(session: nox.Session) -> None:
    """``pyright --verifytypes`` of both packages, at least 99 % of their public symbols typed.

    The checkout is installed non-editable (pyright measures installed libraries), with the
    optional dependencies its modules import (otel, testing, the serving group).
    """
    session.install(".[otel,testing]", *group("serving", "typecheck"))
    session.install("--force-reinstall", "--no-deps", ".")  # this checkout, never a stale build
    packages = ["plivo_agentstack", "plivo_agentstack_sync"]
    session.run("python", "tools/verify_types.py", "--minimum", "0.99", *packages)


@nox.session(python=PYTHON)
def codegen(session: nox.Session) -> None:
    """Regenerate models, builders, resources, the sync package and docs/reference."""
    session.install(*group("codegen"), "-e", ".")  # the package: voice.md reads its protocol
    session.run("python", "codegen/generate.py", *session.posargs)


@nox.session(python=PYTHON)
def codegen_check(session: nox.Session) -> None:
    """Regenerate into the tree and fail on any diff or untracked generated file."""
    session.install(*group("codegen"), "-e", ".")
    session.run("python", "codegen/generate.py")
    session.run("git", "diff", "--exit-code", "--stat", "--", *GENERATED, external=True)
    untracked = session.run(
        "git",
        "ls-files",
        "--others",
        "--exclude-standard",
        "--",
        *GENERATED,
        external=True,
        silent=True,
    )
    if untracked and untracked.strip():
        session.error(f"untracked generated files (commit them):\n{untracked}")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks, each printed as a ratio against a baseline measured in the same run."""
    session.install("-e", ".", *group("test"))
    session.run("python", "benchmarks/run.py", *session.posargs)
