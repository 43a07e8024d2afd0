# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mcp_server_env import McpServerEnv
from ..models.mcp_server_headers import McpServerHeaders
from ..types import (
    UNSET,
    LazyModel,
    Unset,
    WireAccess,
    build_lazy,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="McpServer")


@_attrs_define(repr=False, slots=False)
class McpServer(WireAccess):
    """An MCP server whose tools are discovered at session start and executed server-side.

    Attributes:
        type_ (str | Unset): Server type: http or stdio.
        url (str | Unset): http: server URL.
        allowed_tools (list[str] | Unset): http: only expose these tool names.
        headers (McpServerHeaders | Unset): http: extra request headers.
        timeout (float | Unset): http: request timeout in seconds (server default 5).
        transport_type (str | Unset): http: transport, sse or streamable_http.
        command (str | Unset): stdio: command to run.
        args (list[str] | Unset): stdio: command arguments.
        env (McpServerEnv | Unset): stdio: environment variables.
        cwd (str | Unset): stdio: working directory.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "type": "type_",
        "url": "url",
        "allowed_tools": "allowed_tools",
        "headers": "headers",
        "timeout": "timeout",
        "transport_type": "transport_type",
        "command": "command",
        "args": "args",
        "env": "env",
        "cwd": "cwd",
    }

    type_: str | Unset = UNSET
    url: str | Unset = UNSET
    allowed_tools: list[str] | Unset = UNSET
    headers: McpServerHeaders | Unset = UNSET
    timeout: float | Unset = UNSET
    transport_type: str | Unset = UNSET
    command: str | Unset = UNSET
    args: list[str] | Unset = UNSET
    env: McpServerEnv | Unset = UNSET
    cwd: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        type_ = self.type_

        url = self.url

        allowed_tools: list[str] | Unset = UNSET
        if not isinstance(self.allowed_tools, Unset):
            allowed_tools = self.allowed_tools

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        timeout = self.timeout

        transport_type = self.transport_type

        command = self.command

        args: list[str] | Unset = UNSET
        if not isinstance(self.args, Unset):
            args = self.args

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        cwd = self.cwd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if url is not UNSET:
            field_dict["url"] = url
        if allowed_tools is not UNSET:
            field_dict["allowed_tools"] = allowed_tools
        if headers is not UNSET:
            field_dict["headers"] = headers
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if transport_type is not UNSET:
            field_dict["transport_type"] = transport_type
        if command is not UNSET:
            field_dict["command"] = command
        if args is not UNSET:
            field_dict["args"] = args
        if env is not UNSET:
            field_dict["env"] = env
        if cwd is not UNSET:
            field_dict["cwd"] = cwd

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "type" in d:
            d["type_"] = d.pop("type")
        if "headers" in d:
            v = d.pop("headers")
            if type(v) is dict:
                d["\x00headers"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["headers"] = McpServerHeaders.from_dict(v)
        if "env" in d:
            v = d.pop("env")
            if type(v) is dict:
                d["\x00env"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["env"] = McpServerEnv.from_dict(v)
        mcp_server = new_instance(cls)
        mcp_server.__dict__ = d
        return mcp_server

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("headers")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("env")
        if v is not None and type(v) is not dict:
            return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(McpServer._wire_keys)
set_defaults(
    McpServer,
    lazy=(
        LazyModel("headers", McpServerHeaders._from_json),
        LazyModel("env", McpServerEnv._from_json),
    ),
)
