"""tools/verify_types.py: pyright's --verifytypes report, judged against a minimum score."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from tools import verify_types
from tools.verify_types import summarize


def symbol(
    name: str,
    *,
    exported: bool = True,
    known: bool = True,
    ambiguous: bool = False,
    message: str = "",
) -> dict[str, Any]:
    """One entry of the report's ``symbols``, as pyright writes it."""
    diagnostics = [{"severity": "error", "message": message}] if message else []
    return {
        "name": name,
        "isExported": exported,
        "isTypeKnown": known,
        "isTypeAmbiguous": ambiguous,
        "diagnostics": diagnostics,
    }


def report(score: float, symbols: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A report of package ``pkg`` with ``score`` and ``symbols``."""
    counts = {"withKnownType": 97, "withAmbiguousType": 2, "withUnknownType": 1}
    return {
        "typeCompleteness": {
            "packageName": "pkg",
            "completenessScore": score,
            "exportedSymbolCounts": counts,
            "symbols": symbols,
        },
        **extra,
    }


AMBIGUOUS = symbol(
    "pkg.Client.base_url",
    ambiguous=True,
    message="Type is missing type annotation and could be inferred differently\n"
    '  Inferred type is "str"',
)
PRIVATE_CAUSE = symbol(
    "pkg._impl.Helper.size", exported=False, ambiguous=True, message="Type is missing"
)


def test_a_score_at_the_minimum_passes_and_names_what_is_left() -> None:
    """The summary gives score, counts and each remaining diagnostic on one line."""
    unknown = symbol("pkg.Worker", known=False, message="Type of base class unknown")
    passed, text = summarize(report(0.97, [symbol("pkg.fine"), AMBIGUOUS, unknown]), minimum=0.97)
    assert passed
    lines = text.splitlines()
    assert lines[0] == (
        "pkg: 97.0% of 100 exported symbols typed (97 known, 2 ambiguous, 1 unknown); minimum 97.0%"
    )
    assert lines[1:] == [
        "  pkg.Client.base_url: Type is missing type annotation and could be inferred "
        'differently Inferred type is "str"',
        "  pkg.Worker: Type of base class unknown",
    ]


def test_a_score_below_the_minimum_fails() -> None:
    """0.989 < 0.99."""
    passed, _ = summarize(report(0.989, [AMBIGUOUS]), minimum=0.99)
    assert not passed


def test_private_symbols_behind_a_public_one_are_listed_as_referenced() -> None:
    """A private attribute that makes a public signature partial is where to fix it."""
    _, text = summarize(report(0.99, [AMBIGUOUS, PRIVATE_CAUSE]), minimum=0.9)
    assert "  pkg._impl.Helper.size (referenced): Type is missing" in text.splitlines()


def test_a_package_pyright_could_not_measure_fails_with_its_error() -> None:
    """No py.typed / not installed: pyright reports 0 symbols and a general error."""
    broken = report(0.0, [], generalDiagnostics=[{"severity": "error", "message": "No py.typed"}])
    passed, text = summarize(broken, minimum=0.0)
    assert not passed
    assert "  error: No py.typed" in text.splitlines()


def test_main_fails_when_one_package_is_below(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1 naming the packages below the minimum; every summary is printed."""
    scores = {"good": 1.0, "bad": 0.5}
    monkeypatch.setattr(verify_types, "run_pyright", lambda package: report(scores[package], []))
    assert verify_types.main(["good", "bad", "--minimum", "0.99"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("pkg: ") == 2
    assert captured.err.strip() == "below 99.0%: bad"
    assert verify_types.main(["good"]) == 0


@pytest.mark.skipif(importlib.util.find_spec("pyright") is None, reason="pyright not installed")
def test_run_pyright_measures_an_installed_typed_package() -> None:
    """A real pyright run on attrs (installed, py.typed): a report summarize() reads."""
    measured = verify_types.run_pyright("attrs")
    passed, text = summarize(measured, minimum=0.5)
    assert measured["typeCompleteness"]["packageName"] == "attrs"
    assert text.startswith("attrs: ")
    assert passed
