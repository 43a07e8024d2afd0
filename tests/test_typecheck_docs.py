"""tools/typecheck_docs.py: the README's Python blocks become modules a type checker can check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.typecheck_docs import README, Block, module_source, python_blocks, write_modules

HEADER = "# README.md line {line}, extracted by tools/typecheck_docs.py\n"


def test_every_python_block_of_the_readme_is_extracted() -> None:
    """One block per ```python fence, at the line of its fence."""
    text = README.read_text()
    fences = [number for number, line in enumerate(text.splitlines(), 1) if "```python" in line]
    assert [block.line for block in python_blocks(text)] == fences
    assert len(fences) >= 8


def test_the_quick_starts_are_checked_exactly_as_written() -> None:
    """Both quick starts: no context, no wrapping, the module is the block itself."""
    text = README.read_text()
    for title in ("## Quick start (async)", "## Quick start (sync)"):
        code = re.search(re.escape(title) + r"\n\n```python\n(.*?)```", text, re.S)
        assert code is not None, title
        (block,) = [block for block in python_blocks(text) if block.code == code[1]]
        assert block.context == ""
        expected = HEADER.format(line=block.line) + "\n" + code[1]
        assert module_source(block, "README.md") == expected


def test_a_context_comment_is_prepended_to_its_block_only() -> None:
    """The hidden ``typecheck context`` comment right above a block defines its names."""
    markdown = (
        "Intro\n\n"
        "<!-- typecheck context:\nimport uvicorn\n\napp = object()\n-->\n"
        "```python\nuvicorn.run(app)\n```\n\n"
        "```python\nprint(1)\n```\n"
    )
    first, second = python_blocks(markdown)
    assert first == Block(
        line=8, code="uvicorn.run(app)\n", context="import uvicorn\n\napp = object()\n"
    )
    assert second == Block(line=12, code="print(1)\n", context="")
    assert module_source(first, "doc.md") == (
        "# doc.md line 8, extracted by tools/typecheck_docs.py\n\n"
        "import uvicorn\n\napp = object()\n\nuvicorn.run(app)\n"
    )


def test_an_indented_block_and_its_context_are_dedented() -> None:
    """A block inside a list item (indented fence) reads as top-level code."""
    markdown = (
        "- item:\n\n"
        "  <!-- typecheck context:\n  x = 1\n  -->\n"
        "  ```python\n  if x:\n      print(x)\n  ```\n"
    )
    (block,) = python_blocks(markdown)
    assert block == Block(line=6, code="if x:\n    print(x)\n", context="x = 1\n")


@pytest.mark.parametrize(
    "code",
    [
        "page = await client.list()\n",
        "async for item in client.list():\n    ...\n",
        "async with client:\n    ...\n",
        "items = [item async for item in client.list()]\n",
        "if ready:\n    print(await client.get())\n",
    ],
)
def test_a_block_that_awaits_at_top_level_is_checked_in_an_async_function(code: str) -> None:
    """Top-level await is no valid module: the block becomes an ``async def``'s body."""
    source = module_source(Block(line=3, code=code, context="client = object()\n"), "doc.md")
    indented = "".join("    " + line + "\n" for line in code.splitlines())
    assert source.endswith("client = object()\n\nasync def readme_block() -> None:\n" + indented)
    compile(source, "doc.py", "exec")  # valid Python now


def test_awaiting_inside_a_function_of_the_block_needs_no_wrapping() -> None:
    """``async def main(): await ...`` is a complete module, checked as it is."""
    code = "async def main() -> None:\n    await thing()\n"
    assert module_source(Block(line=1, code=code, context=""), "doc.md").endswith("\n" + code)
    assert "readme_block" not in module_source(Block(line=1, code=code, context=""), "doc.md")


def test_a_context_comment_without_its_block_is_an_error() -> None:
    """A context comment not directly above a python block would be silently unused."""
    markdown = "<!-- typecheck context:\nx = 1\n-->\n\nText between.\n\n```python\nprint(x)\n```\n"
    with pytest.raises(ValueError, match="right before a ```python block"):
        python_blocks(markdown)


def test_write_modules_writes_one_module_per_block_and_drops_stale_ones(tmp_path: Path) -> None:
    """Modules are named after the block's line; a module of a block now gone is removed."""
    doc = tmp_path / "Guide.md"
    doc.write_text("```python\nx = 1\n```\n\n```python\ny = 2\n```\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "guide_line99.py").write_text("stale = True\n")
    paths = write_modules(doc, out)
    assert [path.name for path in paths] == ["guide_line1.py", "guide_line5.py"]
    assert sorted(path.name for path in out.iterdir()) == ["guide_line1.py", "guide_line5.py"]
    assert paths[1].read_text().endswith("\ny = 2\n")
