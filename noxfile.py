"""Developer tasks: tests, lint, typecheck, codegen, codegen_check, bench.

Every session installs what it needs into its own virtualenv, so ``nox -s <name>`` works on a
fresh clone with only Python and nox.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "codegen_check"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"  # the generator (openapi-python-client 0.29) needs 3.11; the SDK supports 3.10+
GENERATOR = ["openapi-python-client==0.29.1", "openapi-spec-validator>=0.7", "ruff==0.17.6"]
GENERATED = [
    "plivo_agentstack/_generated",
    "plivo_agentstack/resources",
    "plivo_agentstack/testing/openapi.json",
    "plivo_agentstack_sync",
    "docs/reference",
]


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (both packages)."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over everything."""
    session.install("ruff==0.17.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on both packages (Python 3.10 semantics)."""
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session(python=PYTHON)
def codegen(session: nox.Session) -> None:
    """Regenerate models, builders, resources, the sync package and docs/reference."""
    session.install(*GENERATOR, "-e", ".")  # the package: voice.md reads its protocol
    session.run("python", "codegen/generate.py", *session.posargs)


@nox.session(python=PYTHON)
def codegen_check(session: nox.Session) -> None:
    """Regenerate into the tree and fail on any diff or untracked generated file."""
    session.install(*GENERATOR, "-e", ".")
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
    session.install("-e", ".[dev]")
    session.run("python", "benchmarks/run.py", *session.posargs)
