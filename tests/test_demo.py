"""The README's main command: ``python -m plivo_agentstack demo`` runs the whole flow offline."""

from __future__ import annotations

import subprocess
import sys


def test_demo_prints_a_complete_transcript() -> None:
    """Agent created on the fake API, call placed, tool answered, hangup, session completed."""
    result = subprocess.run(
        [sys.executable, "-m", "plivo_agentstack", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Offline demo: fake AgentStack API")
    assert "Created agent Acme order desk" in out
    assert 'lookup_order {"order_id": "A-7"}' in out
    assert 'lookup_order -> {"status": "shipped"' in out
    assert "Order A-7 has shipped." in out
    assert "[hangs up]" in out
    assert ": completed, " in out
    assert "2/2 tool calls answered" in out
