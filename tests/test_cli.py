"""``python -m plivo_agentstack simulate`` in a subprocess: output and exit codes."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plivo_agentstack._cli import COMMANDS, UsageError, load_app, main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "simulator_fixtures"
YAML = str(FIXTURES / "conversation.yaml")
JSON = str(FIXTURES / "conversation.json")


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "plivo_agentstack", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_lists_the_commands() -> None:
    """``--help`` lists every command of the table; no command is a usage error."""
    shown = cli("--help")
    assert shown.returncode == 0
    assert all(command.name in shown.stdout for command in COMMANDS)
    assert "simulate" in shown.stdout and "play a conversation script" in shown.stdout
    bare = cli()
    assert bare.returncode == 2 and "simulate" in bare.stderr
    sub = cli("simulate", "--help")
    assert sub.returncode == 0 and "--script" in sub.stdout and "--timeout" in sub.stdout


@pytest.mark.parametrize("script", [YAML, JSON], ids=["yaml", "json"])
def test_simulate_prints_the_transcript_and_exits_0(script: str) -> None:
    """A clean call: who said what, tool call and result, transfer, hangup, summary; exit 0."""
    run = cli("simulate", "tests/simulator_fixtures/order_app.py:app", "--script", script)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    for line in (
        "  0  call      started: +15555550123 -> +15555550101",
        "  0  agent     Hi! How can I help?",
        "  2  user      Where is my order?",
        '  3  tool      lookup_order {"order_id": "A-7"}  [id call_1]',
        '  3  app       lookup_order -> {"status": "shipped", "eta_days": 2}',
        "  3  agent     Your order is shipped.",
        "  5  user      [presses 5]",
        "  7  agent     [transfers to +15555550199 (parallel)]",
        "  8  agent     [hangs up]",
        "  8  call      ended by the agent (agent_hangup)",
    ):
        assert line in out
    assert out.rstrip().splitlines()[-1].startswith("OK: 7 steps, 9 messages from the app")
    assert "Problems" not in out and run.stderr == ""


def test_simulate_url_drives_a_separately_started_server() -> None:
    """``simulate --url`` plays the script against a VoiceApp running in another process."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import logging, sys; logging.basicConfig(level=logging.INFO, stream=sys.stderr)\n"
            "from tests.simulator_fixtures.order_app import app\n"
            "app.run(host='127.0.0.1', port=0)",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        url = None
        for line in server.stderr:
            found = re.search(r"listening on (ws://\S+)", line)
            if found:
                url = found.group(1)
                break
        assert url, "the server exited before listening"
        run = cli("simulate", "--url", url, "--script", YAML)
        assert run.returncode == 0, run.stdout + run.stderr
        assert '  3  app       lookup_order -> {"status": "shipped", "eta_days": 2}' in run.stdout
        assert "  8  call      ended by the agent (agent_hangup)" in run.stdout
        assert run.stdout.rstrip().splitlines()[-1].startswith("OK: 7 steps")
    finally:
        server.terminate()
        server.communicate(timeout=20)  # reads and closes the pipe


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--url", "ws://127.0.0.1:9", "tests/simulator_fixtures/order_app.py"], "not both"),
        ([], "give the app"),
        (["--url", "http://127.0.0.1:9"], "--url must be a ws:// or wss:// URL"),
    ],
)
def test_simulate_takes_an_app_or_a_url(args: list[str], message: str) -> None:
    run = cli("simulate", *args, "--script", YAML)
    assert run.returncode == 2 and message in run.stderr


def test_simulate_url_to_a_server_that_is_not_there_exits_1() -> None:
    run = cli("simulate", "--url", "ws://127.0.0.1:9", "--script", YAML, "--timeout", "2")
    assert run.returncode == 1 and "error:" in run.stderr


def test_simulate_with_a_dotted_module_and_options() -> None:
    """``package.module:app``, --caller and --timeout work."""
    run = cli(
        "simulate",
        "tests.simulator_fixtures.order_app:app",
        "-s",
        YAML,
        "--caller",
        "+15555550999",
        "--timeout",
        "5",
    )
    assert run.returncode == 0, run.stderr
    assert "started: +15555550999 -> +15555550101" in run.stdout


def test_a_violating_app_exits_1() -> None:
    """Unknown message type and a double answer are listed as problems; exit 1."""
    run = cli(
        "simulate", "tests/simulator_fixtures/violating_app.py", "--script", JSON, "--timeout", "1"
    )
    assert run.returncode == 1
    assert "VIOLATION message #0 has unknown type 'agent_session.dance'" in run.stdout
    assert "second answer (tool.result) to tool call 'call_1'" in run.stdout
    assert "Problems:\n  - violation: message #0 has unknown type" in run.stdout
    assert "FAILED (2 protocol violations, 1 failure)" in run.stdout


def test_handler_errors_exit_1_and_the_tool_call_gets_its_error(tmp_path: Path) -> None:
    """A raising handler is an app error, its tool call stays unanswered; exit 1."""
    app_file = tmp_path / "crashy.py"
    app_file.write_text(
        textwrap.dedent(
            """
            from plivo_agentstack.agent import VoiceApp

            app = VoiceApp()

            @app.on_tool_call
            def tool(session, event):
                return event.arguments["nope"]
            """
        )
    )
    script = tmp_path / "call.json"
    script.write_text('[{"tool": {"name": "lookup_order", "timeout": 0.5}}]')
    run = cli("simulate", f"{app_file}:app", "--script", str(script), "-v")
    assert run.returncode == 1
    assert "ERROR     KeyError: 'nope' (while handling tool.called)" in run.stdout
    # the raising handler's tool call is answered with tool.error by the SDK itself
    assert "  1  app       lookup_order -> error: 'nope'" in run.stdout
    assert "FAILED (1 app error)" in run.stdout
    assert 'return event.arguments["nope"]' in run.stderr  # -v prints the traceback


def test_an_app_with_auth_secret_runs_in_process(tmp_path: Path) -> None:
    """In-process, the app's own secret is used; --header can override it (and fail)."""
    app_file = tmp_path / "secured.py"
    app_file.write_text(
        "from plivo_agentstack.agent import VoiceApp\n"
        "app = VoiceApp(auth_secret='s3cr3t')\n"
        "app.on_setup(lambda session, event: session.speak('welcome'))\n"
    )
    script = tmp_path / "call.json"
    script.write_text('[{"say": "hello"}]')
    ok = cli("simulate", str(app_file), "--script", str(script))
    assert ok.returncode == 0 and "agent     welcome" in ok.stdout
    refused = cli("simulate", str(app_file), "--script", str(script), "--header", "agentSecret:x")
    assert refused.returncode == 1
    assert "refused the connection" in refused.stderr


def test_an_app_that_fails_to_import_exits_1() -> None:
    """The app module raising at import is the app's failure (exit 1), with its traceback."""
    run = cli("simulate", "tests/simulator_fixtures/broken_app.py", "--script", YAML)
    assert run.returncode == 1
    assert "RuntimeError: database URL is not configured" in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["simulate", "nope/app.py:app", "--script", YAML], "no such file: nope/app.py"),
        (["simulate", "no_such_module:app", "--script", YAML], "no module named 'no_such_module'"),
        (
            ["simulate", "tests/simulator_fixtures/order_app.py:application", "--script", YAML],
            "has no attribute 'application' (VoiceApp objects there: app)",
        ),
        (
            ["simulate", "tests/simulator_fixtures/violating_app.py:not_an_app", "--script", YAML],
            "violating_app.py:not_an_app is a dict, not a VoiceApp",
        ),
        (
            [
                "simulate",
                "tests/simulator_fixtures/order_app.py:app",
                "--script",
                str(FIXTURES / "bad_script.yaml"),
            ],
            "invalid script: " + str(FIXTURES / "bad_script.yaml") + ": step 2 (tool): "
            "'name' is required",
        ),
        (
            ["simulate", "tests/simulator_fixtures/order_app.py", "--script", "missing.yaml"],
            "invalid script: missing.yaml: cannot read the script",
        ),
        (
            ["simulate", "tests/simulator_fixtures/order_app.py", "-s", YAML, "--timeout", "-1"],
            "must be a positive number of seconds",
        ),
        (["simulate", "tests/simulator_fixtures/order_app.py"], "--script"),
        (["dance"], "invalid choice: 'dance'"),
    ],
    ids=[
        "bad-path",
        "bad-module",
        "missing-attribute",
        "not-a-voiceapp",
        "bad-script",
        "missing-script",
        "bad-timeout",
        "no-script",
        "unknown-command",
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    """Bad paths, attributes, scripts and options: a clear message on stderr, exit 2."""
    run = cli(*args)
    assert run.returncode == 2
    assert message in run.stderr
    assert run.stdout == ""


def test_load_app_and_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """``load_app`` and ``main`` are importable helpers (main returns the exit code)."""
    app = load_app(f"{FIXTURES / 'order_app.py'}:app")
    assert type(app).__name__ == "VoiceApp"
    with pytest.raises(UsageError, match="no such file"):
        load_app("missing.py")
    logger = logging.getLogger("plivo_agentstack.testing")
    level = logger.level
    try:
        assert main(["simulate", f"{FIXTURES / 'order_app.py'}", "--script", YAML]) == 0
    finally:
        logger.setLevel(level)  # main() configures logging for its own process
    assert "OK: 7 steps" in capsys.readouterr().out
