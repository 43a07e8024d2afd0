"""Type-check the README's Python blocks and every example with mypy --strict and pyright strict.

Each ```python block of README.md becomes one module in the output directory. A block that is
a fragment (``client`` or ``app`` defined elsewhere) gets the names it needs from an HTML comment
right above it, which renders as nothing::

    <!-- typecheck context:
    from plivo_agentstack import AsyncClient

    client = AsyncClient()
    -->

A block that awaits at the top level (``page = await client...``) is checked as the body of an
``async def``. Every other block, the quick starts included, is checked exactly as written.

    python tools/typecheck_docs.py [--out DIR]
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Block", "check", "main", "module_source", "python_blocks", "write_modules"]

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLES = ROOT / "examples"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)
_CONTEXT = re.compile(r"<!-- typecheck context:[ \t]*\n(?P<code>(?:(?!-->).)*)-->\s*\Z", re.S)
_CONTEXT_START = "<!-- typecheck context:"


@dataclass(frozen=True)
class Block:
    """A ```python block of a Markdown file: where it starts, its code and its hidden context."""

    line: int  # of the opening fence, 1-based
    code: str  # dedented, as the reader sees it
    context: str  # the code of the ``typecheck context`` comment above it, or ""


def python_blocks(markdown: str) -> list[Block]:
    """The ```python blocks of ``markdown`` in order, each with its context comment.

    A ``typecheck context`` comment that is not directly followed by a python block raises
    ``ValueError`` (it would otherwise be silently ignored).
    """
    blocks = []
    used_contexts = 0
    for match in _FENCE.finditer(markdown):
        before = markdown[: match.start()]
        context = _CONTEXT.search(before)
        if context is not None:
            used_contexts += 1
        blocks.append(
            Block(
                line=before.count("\n") + 1,
                code=textwrap.dedent(match["body"]),
                context=textwrap.dedent(context["code"]) if context else "",
            )
        )
    if markdown.count(_CONTEXT_START) != used_contexts:
        raise ValueError("a 'typecheck context' comment must come right before a ```python block")
    return blocks


def _awaits_at_top_level(tree: ast.AST) -> bool:
    """Whether the code awaits (await, async for/with/comprehension) outside any function."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Await, ast.AsyncFor, ast.AsyncWith)):
            return True
        if isinstance(node, ast.comprehension) and node.is_async:
            return True
        if _awaits_at_top_level(node):
            return True
    return False


def module_source(block: Block, source: str) -> str:
    """The module that type-checks ``block``: its context, then its code (in an ``async def``
    when it awaits at the top level, where an unused variable is no mistake of a fragment)."""
    header = f"# {source} line {block.line}, extracted by tools/typecheck_docs.py\n"
    code = block.code
    if _awaits_at_top_level(ast.parse(code)):
        header += "# pyright: reportUnusedVariable=false\n"
        code = "async def readme_block() -> None:\n" + textwrap.indent(code, "    ")
    parts = [header, block.context, code]
    return "\n".join(part.rstrip("\n") + "\n" for part in parts if part)


def write_modules(markdown_file: Path, directory: Path) -> list[Path]:
    """Write one module per python block of ``markdown_file`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.py"):
        stale.unlink()
    stem = markdown_file.stem.lower().replace("-", "_")
    paths = []
    for block in python_blocks(markdown_file.read_text()):
        path = directory / f"{stem}_line{block.line}.py"
        path.write_text(module_source(block, markdown_file.name))
        paths.append(path)
    return paths


def check(paths: Sequence[Path], config_dir: Path) -> bool:
    """Run mypy --strict and pyright (strict) on ``paths``; True when both pass."""
    # A cache of its own: mypy replays a cached module's errors under the path it had then.
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(config_dir / "mypy")]
    mypy += map(str, paths)
    config = config_dir / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.10"}))
    pyright = [sys.executable, "-m", "pyright", "--project", str(config)]
    pyright += ["--pythonpath", sys.executable, *map(str, paths)]
    results = []
    for command in (mypy, pyright):
        print("$", " ".join(command[2:]), flush=True)  # mypy ... / pyright ...
        results.append(subprocess.run(command, cwd=ROOT, check=False).returncode == 0)
    return all(results)


def main(argv: Sequence[str] | None = None) -> int:
    """Extract the README's blocks, then type-check them with examples/; exit 1 on errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to write the README's blocks")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        out: Path = args.out or Path(scratch)
        modules = write_modules(README, out / "readme")
        print(f"{len(modules)} README blocks written to {out / 'readme'}")
        passed = check([EXAMPLES, *modules], out)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
