"""The ``python -m plivo_agentstack`` command line.

Commands live in :data:`COMMANDS`, a table of :class:`Command` (name, help, a function adding
its arguments to an ``argparse`` sub-parser, a function running it). To add a command, write
those two functions and append a ``Command`` to the table; ``main`` does the rest.

Exit codes: 0 success; 1 the command ran and found problems (or the app crashed); 2 usage
error (bad arguments, file or attribute not found, invalid script), explained on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import importlib.util
import logging
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from plivo_agentstack._version import __version__

if TYPE_CHECKING:
    from plivo_agentstack.agent import VoiceApp
    from plivo_agentstack.testing.script import Script
    from plivo_agentstack.testing.simulator import CallResult

__all__ = ["Command", "COMMANDS", "UsageError", "AppLoadError", "load_app", "main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command-line mistake (exit code 2): the message says what to fix."""


class AppLoadError(Exception):
    """The user's module raised while being imported (exit code 1, it is the app's failure)."""


@attrs.frozen
class Command:
    """One subcommand: its name, one-line help, argument setup and runner (returns exit code)."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str | None = None


# --------------------------------------------------------------------------------------------
# Loading the user's VoiceApp
# --------------------------------------------------------------------------------------------


def _split_spec(spec: str) -> tuple[str, str]:
    """``path/to/app.py:app`` or ``package.module:app`` -> (module part, attribute path)."""
    module, sep, attribute = spec.rpartition(":")
    if sep and module and attribute and all(p.isidentifier() for p in attribute.split(".")):
        return module, attribute
    return spec, "app"  # no attribute (or a Windows drive colon): the default name


def _import_file(path: Path) -> Any:
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    stem = re.sub(r"\W", "_", path.stem)
    name = f"_plivo_simulated_{stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise UsageError(f"cannot import {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    folder = str(path.resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # so the app can import its sibling modules
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        sys.modules.pop(name, None)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise AppLoadError(f"importing {path} failed:\n{traceback.format_exc()}") from exc
    return module


def _import_module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and (name == exc.name or name.startswith(exc.name + ".")):
            raise UsageError(
                f"no module named {name!r} (give a file path like path/to/app.py:app, "
                "or a module importable from the current directory)"
            ) from None
        raise AppLoadError(f"importing {name} failed:\n{traceback.format_exc()}") from exc
    except Exception as exc:
        raise AppLoadError(f"importing {name} failed:\n{traceback.format_exc()}") from exc


def load_app(spec: str) -> VoiceApp:
    """Import ``path/to/app.py:app`` or ``package.module:app`` and return that ``VoiceApp``."""
    from plivo_agentstack.agent import VoiceApp

    module_part, attribute = _split_spec(spec)
    is_path = module_part.endswith(".py") or "/" in module_part or "\\" in module_part
    module = _import_file(Path(module_part)) if is_path else _import_module(module_part)
    target: Any = module
    for part in attribute.split("."):
        if not hasattr(target, part):
            apps = sorted(k for k, v in vars(module).items() if isinstance(v, VoiceApp))
            hint = f" (VoiceApp objects there: {', '.join(apps)})" if apps else ""
            raise UsageError(f"{module_part} has no attribute {attribute!r}{hint}")
        target = getattr(target, part)
    if not isinstance(target, VoiceApp):
        raise UsageError(f"{module_part}:{attribute} is a {type(target).__name__}, not a VoiceApp")
    return target


# --------------------------------------------------------------------------------------------
# simulate
# --------------------------------------------------------------------------------------------


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value


def _header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(":") if ":" in text else text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME:VALUE or NAME=VALUE, got {text!r}")
    return name.strip(), value.strip()


def _configure_simulate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "app",
        metavar="APP",
        nargs="?",
        help="the VoiceApp, run in-process: path/to/app.py:app or package.module:app "
        "(attribute default: app); or give --url",
    )
    parser.add_argument(
        "--url",
        metavar="WS_URL",
        help="play the call against a running server instead (ws://... or wss://...)",
    )
    parser.add_argument(
        "--script",
        "-s",
        required=True,
        metavar="FILE",
        help="the conversation script (.json, or .yaml/.yml with PyYAML installed)",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=10.0,
        metavar="S",
        help="seconds to wait for each answer/message (default: 10)",
    )
    parser.add_argument("--caller", metavar="NUMBER", help="the caller number in session.started")
    parser.add_argument("--callee", metavar="NUMBER", help="the callee number in session.started")
    parser.add_argument(
        "--header",
        type=_header,
        action="append",
        default=[],
        metavar="NAME:VALUE",
        help="a connection header for the app's authentication (repeatable)",
    )
    parser.add_argument(
        "--no-auto-reply",
        dest="auto_reply",
        action="store_false",
        help="do not answer like the platform (dtmf.sent, call.transferred, end on hangup...)",
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="debug logging and app error tracebacks"
    )


async def _simulate(target: VoiceApp | str, script: Script, args: argparse.Namespace) -> CallResult:
    from plivo_agentstack.agent import VoiceApp
    from plivo_agentstack.testing.simulator import simulate_call

    try:
        return await simulate_call(
            target,
            script,
            timeout=args.timeout,
            caller=args.caller,
            callee=args.callee,
            headers=dict(args.header) if args.header else None,
            auto_reply=args.auto_reply,
        )
    finally:
        if isinstance(target, VoiceApp):
            await target.shutdown()  # the CLI owns the app: stop its handler threads


def _run_simulate(args: argparse.Namespace) -> int:
    from plivo_agentstack.testing.script import ScriptError, load_script
    from plivo_agentstack.testing.simulator import SimulatorConnectionError

    _setup_logging(args.verbose)
    try:
        script = load_script(args.script)
    except ScriptError as exc:
        raise UsageError(f"invalid script: {exc}") from None
    if (args.app is None) == (args.url is None):
        raise UsageError("give the app (path/to/app.py:app) or --url ws://..., not both")
    target: VoiceApp | str
    if args.url is not None:
        if not args.url.startswith(("ws://", "wss://")):
            raise UsageError(f"--url must be a ws:// or wss:// URL, got {args.url!r}")
        target = args.url
    else:
        target = load_app(args.app)
    try:
        result = asyncio.run(_simulate(target, script, args))
    except SimulatorConnectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    out = sys.stdout
    print(result.format_transcript(), file=out)
    if result.problems:
        print("\nProblems:", file=out)
        for problem in result.problems:
            print(f"  - {problem}", file=out)
    print(f"\n{result.summary()}", file=out)
    if args.verbose:
        for error in result.app_errors:
            print(f"\n{error.message}\n{error.traceback}", file=sys.stderr, end="")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not verbose:  # the transcript already lists violations and failures
        logging.getLogger("plivo_agentstack.testing").setLevel(logging.ERROR)


# --------------------------------------------------------------------------------------------
# The command table and main
# --------------------------------------------------------------------------------------------


def _configure_demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="debug logging of the SDK and the fake"
    )


def _run_demo(args: argparse.Namespace) -> int:
    from plivo_agentstack._demo import run_demo

    _setup_logging(args.verbose)
    return asyncio.run(run_demo(sys.stdout))


COMMANDS: list[Command] = [
    Command(
        name="demo",
        help="offline demo: agent on the fake API, VoiceApp, simulated outbound call, transcript",
        configure=_configure_demo,
        run=_run_demo,
    ),
    Command(
        name="simulate",
        help="play a conversation script against a VoiceApp, offline, and print the transcript",
        configure=_configure_simulate,
        run=_run_simulate,
        description=(
            "Run a VoiceApp in-process and play the platform's side of one call from a "
            "conversation script. Prints the transcript and a summary; exits 0 when the call "
            "is clean, 1 on protocol violations, unanswered tool calls, app errors or "
            "timeouts, 2 on usage errors."
        ),
    ),
]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m plivo_agentstack",
        description="Plivo AgentStack SDK command line.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name, help=command.help, description=command.description or command.help
        )
        command.configure(sub)
        sub.set_defaults(_run=command.run)
    return parser


def _make_safe(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _make_safe(sys.stdout)
    _make_safe(sys.stderr)
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "_run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except UsageError as exc:
        print(f"{parser.prog} {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AppLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
