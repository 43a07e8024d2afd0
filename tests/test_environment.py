"""``Environment``: live with credentials, offline (fake API + simulator) without."""

from __future__ import annotations

import pytest

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack.agent import Session, VoiceApp
from plivo_agentstack.testing import Environment, FakePlivo, SayStep

pytestmark = pytest.mark.anyio


def test_live_when_credentials_are_set() -> None:
    """Credentials in the environment select the real API (and PLIVO_API_URL the base URL)."""
    env = Environment.detect(
        {"PLIVO_AUTH_ID": "MA1", "PLIVO_AUTH_TOKEN": "t", "PLIVO_API_URL": "http://127.0.0.1:9"}
    )
    assert not env.offline
    assert env.banner.startswith("live:")
    client = env.client()
    assert isinstance(client, plivo_agentstack_sync.Client)
    assert client.base_url == "http://127.0.0.1:9"
    assert client.auth_id == "MA1"


def test_offline_without_credentials() -> None:
    """No credentials: a FakePlivo, and clients wired to it."""
    env = Environment.detect({})
    assert env.offline
    assert isinstance(env.fake, FakePlivo)
    assert env.banner.startswith("offline:")
    assert isinstance(env.async_client(), plivo_agentstack.AsyncClient)


@pytest.mark.parametrize(
    ("environ", "missing"),
    [
        ({"PLIVO_AUTH_ID": "MA1"}, "PLIVO_AUTH_TOKEN"),
        ({"PLIVO_AUTH_TOKEN": "t"}, "PLIVO_AUTH_ID"),
        ({"PLIVO_AUTH_ID": "MA1", "PLIVO_AUTH_TOKEN": ""}, "PLIVO_AUTH_TOKEN"),
        (
            {"PLIVO_AUTH_ID": "", "PLIVO_AUTH_TOKEN": "t", "PLIVO_API_URL": "http://x"},
            "PLIVO_AUTH_ID",
        ),
    ],
)
def test_half_set_credentials_are_an_error(environ: dict[str, str], missing: str) -> None:
    """One credential without the other raises, naming the missing one, instead of going offline."""
    (present,) = {"PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN"} - {missing}
    with pytest.raises(ValueError, match=rf"^{present} is set but {missing} is missing"):
        Environment.detect(environ)


def test_detect_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an explicit mapping, ``detect()`` reads ``os.environ`` (half set: an error)."""
    monkeypatch.delenv("PLIVO_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("PLIVO_AUTH_ID", "MA1")
    with pytest.raises(ValueError, match="PLIVO_AUTH_TOKEN is missing"):
        Environment.detect()
    monkeypatch.delenv("PLIVO_AUTH_ID")
    assert Environment.detect().offline


async def test_offline_round_trip_and_simulation() -> None:
    """Offline, the client talks to the fake and ``simulate`` plays a call in-process."""
    env = Environment.detect({})
    async with env.async_client() as client:
        agent = await client.agent.agents.create(agent_name="a", websocket_url="ws://x/ws")
        assert (await client.agent.agents.get(str(agent.agent_uuid))).agent_name == "a"
    app = VoiceApp()

    @app.on("user.transcription")
    async def echo(session: Session, event: object) -> None:
        text = getattr(event, "text", "")
        if getattr(event, "is_final", False):
            session.send_text(text, last=True)

    result = await env.simulate(app, [SayStep("hello there")])
    assert result.ok
    assert result.text_responses == ["hello there"]


async def test_simulate_is_refused_live() -> None:
    """A live environment does not pretend to place calls."""
    env = Environment.detect({"PLIVO_AUTH_ID": "MA1", "PLIVO_AUTH_TOKEN": "t"})
    with pytest.raises(RuntimeError, match="offline"):
        await env.simulate(VoiceApp(), [SayStep("hi")])
