"""The deployment guide (``docs/deploy.md``) shows the files of ``deploy/`` as they are, and
those files agree with each other and with the SDK's defaults; the Dockerfile's command runs."""

from __future__ import annotations

import asyncio
import json
import os
import re
import runpy
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from plivo_agentstack.agent import VoiceApp
from tests.ports import free_port
from tests.rolling_restart import REPO

DEPLOY = REPO / "deploy"
GUIDE = REPO / "docs" / "deploy.md"
SHOWN = re.compile(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```\n", re.S)


def shown_files() -> dict[str, str]:
    """The files the guide shows, by path, with the text it shows."""
    return dict(SHOWN.findall(GUIDE.read_text()))


def test_the_guide_shows_every_deploy_file_unchanged() -> None:
    shown = shown_files()
    assert sorted(shown) == sorted(f"deploy/{p.name}" for p in DEPLOY.iterdir() if p.is_file())
    for path, text in shown.items():
        assert text == (REPO / path).read_text(), f"docs/deploy.md shows an old {path}"


def kubernetes() -> list[dict[str, Any]]:
    """The documents of ``deploy/kubernetes.yaml``."""
    return list(yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text()))


def dockerfile_command() -> list[str]:
    """The Dockerfile's exec-form ``CMD``."""
    found = re.search(r"^CMD (\[.*\])$", (DEPLOY / "Dockerfile").read_text(), re.M)
    assert found, "the Dockerfile needs an exec-form CMD (so that SIGTERM reaches Python)"
    command = json.loads(found.group(1))
    assert isinstance(command, list)
    return [str(part) for part in command]


def test_kubernetes_probes_ports_and_grace_period_match_the_app() -> None:
    deployment, service = kubernetes()
    spec = deployment["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    env = {item["name"]: item.get("value") for item in container["env"]}
    app = VoiceApp()
    port = int(dockerfile_command()[dockerfile_command().index("--port") + 1])
    assert container["ports"] == [{"containerPort": port}]
    assert service["spec"]["ports"][0]["targetPort"] == port
    assert container["readinessProbe"]["httpGet"] == {"path": app.ready_path, "port": port}
    assert container["livenessProbe"]["httpGet"] == {"path": app.health_path, "port": port}
    drain = float(env["DRAIN_TIMEOUT"])
    assert drain == app.drain_timeout
    assert spec["terminationGracePeriodSeconds"] > drain + app.shutdown_timeout
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    agent = (DEPLOY / "agent.py").read_text()
    for name in env:
        assert f'"{name}"' in agent, f"agent.py does not read {name}"


def test_gunicorn_grace_outlasts_the_drain(monkeypatch: pytest.MonkeyPatch) -> None:
    app = VoiceApp()
    for drain in ("900", "60"):
        monkeypatch.setenv("DRAIN_TIMEOUT", drain)
        settings = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
        assert isinstance(settings["graceful_timeout"], int)
        assert settings["graceful_timeout"] > float(drain) + app.shutdown_timeout
        assert settings["worker_class"] == ("plivo_agentstack.agent.gunicorn_worker.VoiceAppWorker")


def test_the_dockerfile_copies_what_exists() -> None:
    for line in (DEPLOY / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (REPO / source).exists(), line


@pytest.mark.anyio
async def test_the_dockerfile_command_serves_probes_and_stops_on_sigterm(tmp_path: Path) -> None:
    """The container's command, run here (``agent.py`` copied as the Dockerfile does, another
    port): probes answer, SIGTERM with no call open ends it at once."""
    (tmp_path / "agent.py").write_text((DEPLOY / "agent.py").read_text())
    command = dockerfile_command()
    assert command[0] == "python"
    port = free_port()
    command[command.index("--port") + 1] = str(port)
    command[command.index("--host") + 1] = "127.0.0.1"
    process = subprocess.Popen(
        [sys.executable, *command[1:]],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as http:
            for _ in range(500):
                try:
                    if (await http.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.02)
            assert (await http.get("/readyz")).text == "ready\n"
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.to_thread(process.communicate, timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode in (0, -signal.SIGTERM), err.decode()
    assert "Application shutdown complete" in err.decode()
