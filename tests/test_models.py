"""The generated attrs models: forward compatibility and dict-style access for 0.1 code."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from plivo_agentstack import models
from plivo_agentstack._generated.api.agents import get_agent, list_agents
from plivo_agentstack._generated.types import UNSET
from plivo_agentstack.errors import MissingFieldError
from plivo_agentstack.models import (
    Agent,
    AgentCreateRequest,
    LlmConfig,
    MessageType,
    SpeaksFirst,
    SttConfig,
)

AGENT = {
    "agent_uuid": "a1b2c3d4-0000-4000-8000-000000000001",
    "agent_name": "support",
    "stt": {"provider": "deepgram", "model": "nova-3", "api_key": "dg-secret"},
    "llm": {"provider": "openai", "tools": [{"name": "lookup_order", "parameters": {}}]},
    "plivo_auth_token": "plivo-secret",
    "a_field_from_the_future": {"nested": [1, 2]},
}


def test_unknown_fields_are_kept_and_round_trip() -> None:
    """Fields this SDK version does not know survive ``from_dict`` → ``to_dict``."""
    agent = Agent.from_dict(AGENT)
    assert agent.additional_keys == ["a_field_from_the_future"]
    assert agent.to_dict() == AGENT


def test_to_json_is_the_wire_dict_as_json_text() -> None:
    """``to_json()`` gives what the API sent, unknown keys and non-ASCII text included."""
    agent = Agent.from_dict({**AGENT, "welcome_greeting": "¡Hola!"})
    assert json.loads(agent.to_json()) == {**AGENT, "welcome_greeting": "¡Hola!"}
    assert "¡Hola!" in agent.to_json()
    assert agent.to_json(indent=2).startswith('{\n  "')
    assert json.loads(models.LlmConfig(provider="openai").to_json()) == {"provider": "openai"}


def test_read_access_by_wire_key() -> None:
    """``agent["key"]``, ``.get()``, ``in`` and ``keys()`` work as on the 0.1 dicts."""
    agent = Agent.from_dict(AGENT)
    assert agent["agent_uuid"] == AGENT["agent_uuid"]
    assert agent["stt"]["provider"] == "deepgram"
    assert agent["llm"]["tools"][0]["name"] == "lookup_order"
    assert agent["a_field_from_the_future"] == {"nested": [1, 2]}
    assert agent.get("welcome_greeting") is None
    assert agent.get("welcome_greeting", "hi") == "hi"
    assert "agent_name" in agent
    assert "welcome_greeting" not in agent
    assert 42 not in agent
    assert agent.keys() == ["agent_uuid", "agent_name", "stt", "llm", "plivo_auth_token"] + [
        "a_field_from_the_future"
    ]
    with pytest.raises(KeyError):
        agent["welcome_greeting"]
    with pytest.raises(KeyError):
        agent["never_heard_of_it"]


def test_wire_names_that_are_python_keywords() -> None:
    """A wire key like ``from`` is read by its wire name and its Python name ``from_``."""
    body = {"api_id": "a1", "call_uuid": "c1", "from": "+14155550100", "to": ["+1"]}
    result = models.CallInitiateResult.from_dict(body)
    assert result["from"] == "+14155550100"
    assert result.from_ == "+14155550100"
    assert result.to_dict() == body


def test_unknown_enum_values_are_accepted() -> None:
    """A new server-side enum value parses; it compares equal to its string."""
    value = MessageType("rcs")
    assert value == "rcs"
    assert str(value) == "rcs"
    assert value.name == "UNKNOWN"
    request = AgentCreateRequest.from_dict(
        {"agent_name": "a", "websocket_url": "wss://x", "speaks_first": "robot"}
    )
    assert request.speaks_first == "robot"
    assert request.to_dict()["speaks_first"] == "robot"
    assert SpeaksFirst("agent") is SpeaksFirst.AGENT


def test_repr_shows_set_fields_and_masks_secrets() -> None:
    """repr() lists only what is set, and never a credential."""
    text = repr(Agent.from_dict(AGENT))
    assert text.startswith("Agent(agent_uuid='a1b2c3d4-")
    assert "UNSET" not in text
    assert "dg-secret" not in text
    assert "plivo-secret" not in text
    assert "api_key='***'" in text
    assert "a_field_from_the_future={'nested': [1, 2]}" in text


def test_models_build_from_keywords() -> None:
    """Models are plain attrs classes; unset fields are UNSET and not serialised."""
    llm = LlmConfig(provider="openai", model="gpt-4o", temperature=0.2)
    assert llm.to_dict() == {"provider": "openai", "model": "gpt-4o", "temperature": 0.2}
    assert llm.max_tokens is UNSET
    assert not llm.max_tokens
    assert repr(UNSET) == "UNSET"
    assert SttConfig() == SttConfig.from_dict({})


def test_models_pickle() -> None:
    """Models survive pickling (worker pools, caches)."""
    agent = Agent.from_dict(AGENT)
    assert pickle.loads(pickle.dumps(agent)) == agent


def test_models_module_is_lazy_and_complete() -> None:
    """``plivo_agentstack.models`` exposes every generated model by name."""
    assert "Agent" in dir(models)
    assert len(models.__all__) > 50
    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018


def test_unset_is_public_in_both_packages() -> None:
    """``UNSET`` / ``Unset`` come from the package (one object shared by both)."""
    import plivo_agentstack
    import plivo_agentstack_sync

    assert plivo_agentstack.UNSET is plivo_agentstack_sync.UNSET is UNSET
    assert plivo_agentstack.Unset is plivo_agentstack_sync.Unset
    assert isinstance(LlmConfig().model, plivo_agentstack.Unset)


def test_required_fields_are_checked_by_from_dict() -> None:
    """A required field absent or null raises MissingFieldError (a KeyError, as before)."""
    for data in ({"agent_name": "a"}, {"agent_uuid": None}):
        with pytest.raises(MissingFieldError) as info:
            Agent.from_dict(data)
        assert isinstance(info.value, KeyError)
        assert (info.value.field, info.value.model, info.value.operation) == (
            "agent_uuid",
            "Agent",
            None,
        )
        assert str(info.value) == (
            "Agent.from_dict: the data has no 'agent_uuid' (or it is null), which Agent always has"
        )
    with pytest.raises(MissingFieldError, match="'websocket_url'"):
        AgentCreateRequest.from_dict({"agent_name": "a"})
    with pytest.raises(TypeError):
        Agent()  # type: ignore[call-arg]  # the constructor requires it too
    assert Agent(agent_uuid="a") == Agent.from_dict({"agent_uuid": "a"})


def test_from_dict_and_parsing_leave_the_input_unchanged() -> None:
    """Neither ``from_dict`` nor a response parser changes the dict they read, at any depth."""
    original = copy.deepcopy(AGENT)
    Agent.from_dict(AGENT)
    assert AGENT == original
    body = {"api_id": "l1", "meta": {"next": None}, "objects": [AGENT, AGENT]}
    expected = copy.deepcopy(body)
    page = list_agents.parse_success(body)
    [agent.to_dict() for agent in page.objects]
    assert body == expected


def test_parsed_nested_models_behave_like_eagerly_built_ones() -> None:
    """A parsed response builds nested config models on first read; nothing else differs:
    same values, the same object on every read, mutations kept, equality, pickling, copies."""
    parsed = get_agent.parse_success(AGENT)
    built = Agent.from_dict(AGENT)
    assert parsed == built
    assert parsed.to_dict() == AGENT
    fresh = get_agent.parse_success(AGENT)
    assert pickle.loads(pickle.dumps(fresh)) == built  # pickled before any nested read
    duplicate = copy.copy(get_agent.parse_success(AGENT))
    assert isinstance(duplicate.stt, SttConfig)
    assert duplicate.stt.model == "nova-3"
    stt = parsed.stt
    assert isinstance(stt, SttConfig)
    assert parsed.stt is stt
    stt.model = "nova-2"
    assert parsed.to_dict()["stt"]["model"] == "nova-2"
    assert isinstance(parsed.llm, LlmConfig)
    assert parsed.llm.tools[0].name == "lookup_order"
    assert parsed.s2s is UNSET
    other = copy.deepcopy(get_agent.parse_success(AGENT))
    assert other == built


def test_keys_that_look_like_internals_stay_unknown_keys() -> None:
    """Server keys named like a field's Python name, a method or an internal key are kept in
    ``additional_properties`` and change nothing else."""
    odd = {"additional_properties": 1, "\x00stt": {"model": "x"}, "to_dict": 2, "keys": 3}
    agent = get_agent.parse_success({**AGENT, **odd})
    assert agent.additional_properties == {"a_field_from_the_future": {"nested": [1, 2]}, **odd}
    assert agent.stt == SttConfig.from_dict(AGENT["stt"])
    assert agent.to_dict() == {**AGENT, **odd}
    assert "agent_name" in agent.keys()
    result = models.CallInitiateResult.from_dict(
        {"api_id": "a", "call_uuid": "c", "from": "+1", "from_": "+2"}
    )
    assert result.from_ == "+1"
    assert result.additional_properties == {"from_": "+2"}


def test_a_bad_nested_shape_is_refused_when_parsing() -> None:
    """Nested JSON of the wrong shape fails at parse time, at any depth (never on a later
    read); a null nested object or list is unset."""
    for bad in ({"stt": "deepgram"}, {"llm": {"tools": [5]}}, {"stt_fallback": [{}, "x"]}):
        with pytest.raises((TypeError, ValueError)):
            get_agent.parse_success({**AGENT, **bad})
    agent = get_agent.parse_success({**AGENT, "llm": None, "stt_fallback": None})
    assert agent.llm is UNSET
    assert agent.stt_fallback is UNSET
