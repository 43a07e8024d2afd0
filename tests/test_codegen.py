"""The codegen pipeline: golden output for a fixture spec, and "add an operation to the YAML".

Regenerate the golden files after a deliberate template change with
``UPDATE_GOLDEN=1 pytest tests/test_codegen.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("openapi_python_client")  # the generator needs Python 3.11+

from ruamel.yaml import YAML  # noqa: E402  (installed with the generator)

from codegen.generate import CodegenError, generate  # noqa: E402
from codegen.unasync import RULES, unasync_source, unused_rules  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "codegen" / "fixture.yaml"
GOLDEN = ROOT / "tests" / "codegen" / "golden"


def tree(root: Path) -> dict[str, str]:
    """Relative path → text of every file below ``root`` (caches excluded)."""
    return {
        str(path.relative_to(root)): path.read_text()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def load(path: Path) -> Any:
    """Read a YAML file."""
    return YAML(typ="safe").load(path.read_text())


def dump(data: Any, path: Path) -> None:
    """Write a YAML file."""
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    with path.open("w") as handle:
        yaml.dump(data, handle)


def test_fixture_output_matches_golden(tmp_path: Path) -> None:
    """Template changes show up as a reviewable diff of tests/codegen/golden/."""
    generate(FIXTURE, tmp_path, "fixture_pkg", check_unused_rules=False)
    produced = tree(tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(tmp_path, GOLDEN, ignore=shutil.ignore_patterns("__pycache__"))
    expected = tree(GOLDEN)
    assert sorted(produced) == sorted(expected)
    for name, text in produced.items():
        if text != expected[name]:
            diff = "".join(
                difflib.unified_diff(
                    expected[name].splitlines(True), text.splitlines(True), name, name
                )
            )
            pytest.fail(f"{name} differs from the golden file:\n{diff}")


def test_fixture_output_has_both_flavours() -> None:
    """The golden tree holds the async resource, its sync twin, builders and models."""
    files = tree(GOLDEN)
    async_src = files["fixture_pkg/resources/widgets.py"]
    sync_src = files["fixture_pkg_sync/resources/widgets.py"]
    assert "class AsyncWidgetsResource(AsyncAPIResource)" in async_src
    assert "async def create(" in async_src
    assert "class WidgetsResource(APIResource)" in sync_src
    assert "async " not in sync_src and "await " not in sync_src
    assert "def list(" in sync_src and "-> Page[Widget]" in sync_src
    assert "fixture_pkg/_generated/api/widgets/create_widget.py" in files
    assert "fixture_pkg/_generated/models/widget.py" in files
    assert "fixture_pkg/_generated/client.py" not in files
    for name, text in files.items():
        if name.endswith(".py"):
            assert text.startswith("# Do not edit: `nox -s codegen` "), name


def test_adding_one_operation_reaches_both_packages(tmp_path: Path) -> None:
    """Add an operation to a copy of the real spec, regenerate, and call it from both clients."""
    for name in ("openapi", "plivo_agentstack", "plivo_agentstack_sync"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    spec_path = tmp_path / "openapi" / "agentstack.yaml"
    spec = load(spec_path)
    spec["paths"]["/v1/Account/{auth_id}/Agent/{agent_uuid}/Stats"] = {
        "parameters": [
            {"name": "auth_id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "agent_uuid", "in": "path", "required": True, "schema": {"type": "string"}},
        ],
        "get": {
            "operationId": "get_agent_stats",
            "tags": ["agents"],
            "summary": "Get call statistics of an agent.",
            "x-sdk-group": "agent.agents",
            "x-sdk-method": "stats",
            "parameters": [{"name": "days", "in": "query", "schema": {"type": "integer"}}],
            "responses": {
                "200": {
                    "description": "Statistics.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/AgentStats"}}
                    },
                }
            },
        },
    }
    spec["components"]["schemas"]["AgentStats"] = {
        "type": "object",
        "description": "Call statistics.",
        "properties": {"calls": {"type": "integer", "description": "Calls handled."}},
    }
    dump(spec, spec_path)
    generate(spec_path, tmp_path)

    script = textwrap.dedent(
        """
        import asyncio, respx, plivo_agentstack, plivo_agentstack_sync
        from plivo_agentstack.models import AgentStats
        assert plivo_agentstack.__file__.startswith(ROOT)
        with respx.mock(base_url="https://api.plivo.com") as router:
            route = router.get("/v1/Account/MA1/Agent/u1/Stats").respond(200, json={"calls": 7})
            sync_stats = plivo_agentstack_sync.Client("MA1", "t").agent.agents.stats("u1", days=3)
            async def run():
                async with plivo_agentstack.AsyncClient("MA1", "t") as client:
                    return await client.agent.agents.stats("u1", days=3)
            async_stats = asyncio.run(run())
        assert isinstance(sync_stats, AgentStats) and isinstance(async_stats, AgentStats)
        assert sync_stats.calls == async_stats.calls == 7
        assert [dict(c.request.url.params) for c in route.calls] == [{"days": "3"}] * 2
        print("ok")
        """
    ).replace("ROOT", repr(str(tmp_path)))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_unknown_positional_name_is_rejected(tmp_path: Path) -> None:
    """An ``x-sdk-positional`` entry that names no parameter stops the run with a clear error."""
    spec = load(FIXTURE)
    spec["paths"]["/v1/Account/{auth_id}/Widget"]["post"]["x-sdk-positional"] = ["nmae"]
    dump(spec, tmp_path / "spec.yaml")
    with pytest.raises(CodegenError, match=r"x-sdk-positional names unknown parameters \['nmae'\]"):
        generate(tmp_path / "spec.yaml", tmp_path / "out", "fx", check_unused_rules=False)


def test_reserved_argument_name_is_rejected(tmp_path: Path) -> None:
    """A body field called ``timeout`` would shadow the per-call timeout: rename it."""
    spec = load(FIXTURE)
    spec["components"]["schemas"]["WidgetCreateRequest"]["properties"]["timeout"] = {
        "type": "integer"
    }
    dump(spec, tmp_path / "spec.yaml")
    with pytest.raises(CodegenError, match=r"argument names clash: \['timeout'\]"):
        generate(tmp_path / "spec.yaml", tmp_path / "out", "fx", check_unused_rules=False)


def test_golden_covers_a_per_operation_server_a_multipart_body_and_a_bounded_query() -> None:
    """The builder names its host, puts files under "multipart", and refuses limit=21."""
    files = tree(GOLDEN)
    gauge = files["fixture_pkg/_generated/api/gauges/read_gauge.py"]
    assert 'SERVER = "https://gauges.example.com"' in gauge
    assert '"server": SERVER,' in gauge
    upload = files["fixture_pkg/_generated/api/photos/upload_photos.py"]
    assert 'request["multipart"] = ' in upload and '"json"' not in upload
    resource = files["fixture_pkg_sync/resources/widgets_photos.py"]
    assert "files: UploadFile | Sequence[UploadFile]," in resource
    assert '"file": as_upload_files(files),' in resource
    listing = files["fixture_pkg/_generated/api/widgets/list_widgets.py"]
    assert "if limit is not None and not (1 <= limit <= 20):" in listing


@pytest.mark.parametrize(
    ("servers", "message"),
    [
        ([{"url": "https://a.test"}, {"url": "https://b.test"}], "exactly one server"),
        ([{"url": "https://a.test/v2"}], "an https:// origin without a path"),
        ([{"url": "http://a.test"}], "an https:// origin without a path"),
    ],
)
def test_operation_servers_are_checked(
    tmp_path: Path, servers: list[dict[str, str]], message: str
) -> None:
    """One https origin per operation: anything else could not be mapped to an override."""
    spec = load(FIXTURE)
    spec["paths"]["/v1/Gauge/{gauge_id}"]["get"]["servers"] = servers
    dump(spec, tmp_path / "spec.yaml")
    with pytest.raises(CodegenError, match=message):
        generate(tmp_path / "spec.yaml", tmp_path / "out", "fx", check_unused_rules=False)


def test_generator_warnings_fail_the_run(tmp_path: Path) -> None:
    """openapi-python-client drops broken schemas with a warning and exit 0; we fail instead."""
    spec = load(FIXTURE)
    spec["components"]["schemas"]["Widget"]["properties"]["size"] = {
        "$ref": "#/components/schemas/Dimensions/$defs/Inner"
    }
    dump(spec, tmp_path / "spec.yaml")
    with pytest.raises(CodegenError):
        generate(tmp_path / "spec.yaml", tmp_path / "out", "fx", check_unused_rules=False)


def test_unasync_rules() -> None:
    """The rules turn async I/O code into its blocking twin and report the rules they used."""
    source = textwrap.dedent(
        """\
        import asyncio
        import time


        class AsyncThing(AsyncAPIResource):
            async def close(self) -> None:
                await self._http.aclose()
                await asyncio.sleep(1)

            async def __aiter__(self) -> AsyncIterator[int]:
                async for item in self.items():
                    yield item

            async def body(self, response: Response) -> bytes:
                async with asyncio.Semaphore(1):
                    return b"".join([c async for c in response.aiter_bytes()])

            # unasync: async-only
            def paginate(self) -> AsyncPaginator[int]:
                return AsyncPaginator(self)

            # unasync: end
            # sync-only: paginate = fetch_page

            def list(self) -> AsyncPaginator[int]:
                return self.paginate()
        """
    )
    used: set[int] = set()
    assert unasync_source(source, used) == textwrap.dedent(
        """\
        import time


        class Thing(APIResource):
            def close(self) -> None:
                self._http.close()
                time.sleep(1)

            def __iter__(self) -> Iterator[int]:
                for item in self.items():
                    yield item

            def body(self, response: Response) -> bytes:
                with threading.Semaphore(1):
                    return b"".join([c for c in response.iter_bytes()])

            paginate = fetch_page

            def list(self) -> Page[int]:
                return self.paginate()
        """
    )
    assert unused_rules(used) == []
    assert unused_rules(set()) == [pattern for pattern, _ in RULES]
