"""Generate the REST layer of both packages from the OpenAPI spec (run by ``nox -s codegen``).

1. openapi-python-client (pinned) with the overrides in ``templates/ogen/`` writes attrs models
   and I/O-free operation modules to ``<package>/_generated/``; any warning fails the run.
2. ``templates/resource.py.jinja`` renders ``<package>/resources/`` (async) from the parsed spec
   plus its ``x-sdk-*`` extensions (see ``codegen/README.md``).
3. ``unasync.py`` derives ``<package>_sync/`` from the async I/O modules.
4. ruff (pinned, the repo's config) fixes and formats the output; each file gets a header line.
"""

from __future__ import annotations

import argparse
import ast
import json
import keyword
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.bodies import BodyType
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.properties import (
    AnyProperty,
    BooleanProperty,
    EnumProperty,
    FloatProperty,
    IntProperty,
    ListProperty,
    ModelProperty,
    NoneProperty,
    StringProperty,
    UnionProperty,
)
from openapi_python_client.strings import PythonCode, safe_for_docstring
from openapi_spec_validator import validate as validate_spec
from ruamel.yaml import YAML

try:  # run as a script (nox) or imported as codegen.generate (tests)
    from reference import rest_reference, voice_reference
    from unasync import unasync_files, unused_rules
except ImportError:  # pragma: no cover - depends on how the module is loaded
    from codegen.reference import rest_reference, voice_reference
    from codegen.unasync import unasync_files, unused_rules

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
RUNTIME = "plivo_agentstack"  # the package that owns the runtime (_base_client, _convert, ...)
ASYNC_IO_MODULES = [
    "__init__.py",
    "_client.py",
    "_base_client.py",
    "_transport.py",
    "pagination.py",
    "_raw.py",
]
# Shared (I/O-free or async-only) modules the sync package re-exports instead of copying.
SHARED_MODULES = ["agent", "errors", "messaging", "models", "utils"]
RESERVED_ARGS = {
    "self",
    "timeout",
    "max_retries",
    "extra_headers",
    "extra_query",
    "extra_body",
    "extra",
    "body",
    "request",
}
# Request body media types the request loop encodes ("multipart": files and form fields).
BODY_MEDIA_TYPES = ("application/json", "multipart/form-data")
SAFE_ANNOTATION = re.compile(r"^[A-Za-z_][A-Za-z0-9_\[\], |.]*$")


class CodegenError(Exception):
    """The spec or the templates cannot produce a correct SDK; the message says why."""


@dataclass
class Param:
    """One argument of a resource method."""

    name: str  # the Python argument name users see
    wire: str  # the JSON key or query name
    builder: str  # the argument name of the _generated builder (query parameters)
    location: str  # "path", "query" or "body"
    annotation: str
    required: bool
    default: str | None
    convert: str | None
    description: str


@dataclass
class Operation:
    """One resource method."""

    op_id: str
    tag: str
    group: str
    method: str
    http_method: str
    path: str
    summary: str
    path_params: list[Param]
    positional: list[Param]
    keyword: list[Param]
    body_params: list[Param]
    query_params: list[Param]
    has_body: bool
    multipart: bool  # the body is multipart/form-data (files and form fields), not JSON
    fills_auth_id: bool
    return_type: str
    item_type: str | None

    @property
    def paginated(self) -> bool:
        """Whether the method returns a page that can walk every page."""
        return self.item_type is not None

    @property
    def known_names(self) -> dict[str, str]:
        """Every parameter's Python name and wire name -> its Python name (``check_extra``)."""
        known: dict[str, str] = {}
        for param in self.path_params + self.positional + self.keyword:
            known[param.name] = param.name
            known.setdefault(param.wire, param.name)
        return known

    @property
    def documented(self) -> list[Param]:
        """Arguments with a description, for the docstring."""
        return [p for p in self.path_params + self.positional + self.keyword if p.description]


@dataclass
class Group:
    """A node of the accessor tree (``client.agent.calls``): a resource class and module."""

    path: str
    operations: list[Operation] = field(default_factory=list)
    children: list[Group] = field(default_factory=list)
    doc: str = ""

    @property
    def attr(self) -> str:
        """The accessor name on the parent."""
        return self.path.rsplit(".", 1)[-1]

    @property
    def module(self) -> str:
        """The module name under ``resources/``."""
        return self.path.replace(".", "_")

    @property
    def class_name(self) -> str:
        """The resource class name."""
        return "Async" + "".join(part.title() for part in self.path.split(".")) + "Resource"


def _text(value: Any) -> str:
    """The plain text of a generator string (UntrustedString, PythonCode or str)."""
    if value is None:
        return ""
    if hasattr(value, "get_untrusted_value"):
        return str(value.get_untrusted_value())
    if isinstance(value, PythonCode):
        return PythonCode.as_unembedded_code(value)
    return str(value)


def _identifier(value: str, what: str) -> str:
    if not value.isidentifier() or keyword.iskeyword(value):
        raise CodegenError(f"{what} {value!r} is not a valid Python identifier")
    return value


def _annotation(prop: Any, models: set[str]) -> str:
    """The argument annotation of a schema property (without ``| None``)."""
    if isinstance(prop, EnumProperty):
        return f"{prop.class_info.name} | str"
    if isinstance(prop, ModelProperty):
        if not prop.required_properties and not prop.optional_properties:
            return "Mapping[str, Any]"  # a free-form object
        return f"{prop.class_info.name} | Mapping[str, Any]"
    if isinstance(prop, ListProperty):
        return f"Sequence[{_annotation(prop.inner_property, models)}]"
    if isinstance(prop, StringProperty):
        return "str"
    if isinstance(prop, BooleanProperty):
        return "bool"
    if isinstance(prop, IntProperty):
        return "int"
    if isinstance(prop, FloatProperty):
        return "float"
    if isinstance(prop, UnionProperty):
        inner = [p for p in prop.inner_properties if _text(p.get_type_string()) != "None"]
        return " | ".join(_annotation(p, models) for p in inner) or "Any"
    if isinstance(prop, AnyProperty):
        return "Any"
    return _text(prop.get_type_string(no_optional=True))


def _param(prop: Any, raw: dict[str, Any], location: str, models: set[str]) -> Param:
    wire = _text(prop.name)
    name = raw.get("x-sdk-name") or str(prop.python_name)
    _identifier(name, f"argument name of {wire!r}")
    annotation = raw.get("x-sdk-type") or _annotation(prop, models)
    if not SAFE_ANNOTATION.match(annotation):
        raise CodegenError(f"x-sdk-type {annotation!r} of {wire!r} is not a plain annotation")
    default = None
    if prop.default is not None:
        default = _text(prop.default.python_code)
    convert = raw.get("x-sdk-convert")
    if convert is not None:
        _identifier(convert, f"x-sdk-convert of {wire!r}")
    return Param(
        name=name,
        wire=wire,
        builder=str(prop.python_name),
        location=location,
        annotation=annotation,
        required=bool(prop.required),
        default=default,
        convert=convert,
        description=safe_for_docstring(_text(getattr(prop, "description", None)) or ""),
    )


def _raw_operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId → (method, path, raw operation with the path-level parameters and servers)."""
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method in ("parameters", "summary", "description", "servers"):
                continue
            merged = dict(operation)
            merged["parameters"] = [*shared, *operation.get("parameters", [])]
            if "servers" in item and "servers" not in operation:
                merged["servers"] = item["servers"]
            found[operation["operationId"]] = (method, path, merged)
    return found


def operation_servers(spec: dict[str, Any]) -> dict[str, str]:
    """operationId → the server URL of an operation that lives on another host than the spec's.

    An operation's own ``servers`` wins over its path item's. Exactly one absolute ``https``
    URL without a path, query or trailing slash is allowed, so that the client can map it to
    an override (``lookup_base_url``, or ``base_url`` for every host).
    """
    found: dict[str, str] = {}
    for op_id, (_, _, raw) in _raw_operations(spec).items():
        servers = raw.get("servers")
        if servers is None:
            continue
        if len(servers) != 1:
            raise CodegenError(f"{op_id}: an operation may name exactly one server")
        url = str(servers[0].get("url", ""))
        if not re.fullmatch(r"https://[A-Za-z0-9.-]+(:[0-9]+)?", url):
            raise CodegenError(f"{op_id}: server {url!r} must be an https:// origin without a path")
        found[op_id] = url
    return found


def query_bounds(spec: dict[str, Any]) -> dict[tuple[str, str], tuple[Any, Any]]:
    """(operationId, query name) → (minimum, maximum) of each bounded numeric query parameter.

    The builders refuse a value out of range before anything is sent (``limit`` <= 20 on the
    classic list endpoints), so the spec is the one place that states a limit.
    """
    found: dict[tuple[str, str], tuple[Any, Any]] = {}
    for op_id, (_, _, raw) in _raw_operations(spec).items():
        for parameter in (_resolve(spec, p) for p in raw["parameters"]):
            schema = parameter.get("schema", {})
            low, high = schema.get("minimum"), schema.get("maximum")
            if parameter.get("in") == "query" and (low is not None or high is not None):
                found[(op_id, parameter["name"])] = (low, high)
    return found


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _body_raw_properties(spec: dict[str, Any], raw_op: dict[str, Any]) -> dict[str, Any]:
    body = raw_op.get("requestBody")
    if not body:
        return {}
    body = _resolve(spec, body)
    media_types = [t for t in body["content"] if t in BODY_MEDIA_TYPES]
    if len(media_types) != 1:
        raise CodegenError(f"a request body needs exactly one of {BODY_MEDIA_TYPES}")
    schema = _resolve(spec, body["content"][media_types[0]]["schema"])
    return dict(schema.get("properties", {}))


def build_operations(data: GeneratorData, spec: dict[str, Any]) -> list[Operation]:
    """Combine the generator's parsed endpoints with the spec's ``x-sdk-*`` extensions."""
    raw_ops = _raw_operations(spec)
    models = {m.class_info.name for m in data.models} | {e.class_info.name for e in data.enums}
    operations: list[Operation] = []
    for tag, collection in sorted(data.endpoint_collections_by_tag.items()):
        for endpoint in collection.endpoints:
            op_id = str(endpoint.name)
            http_method, path, raw = raw_ops[op_id]
            for key in ("x-sdk-group", "x-sdk-method", "summary"):
                if not raw.get(key):
                    raise CodegenError(f"operation {op_id} has no {key}")
            for part in raw["x-sdk-group"].split("."):
                _identifier(part, f"x-sdk-group part of {op_id}")
            raw_params = {p["name"]: p for p in (_resolve(spec, r) for r in raw["parameters"])}
            path_params = [
                _param(p, raw_params[_text(p.name)], "path", models)
                for p in endpoint.path_parameters
                if _text(p.name) != "auth_id"
            ]
            query_params = [
                _param(p, raw_params[_text(p.name)], "query", models)
                for p in endpoint.query_parameters
            ]
            body_params: list[Param] = []
            if endpoint.bodies:
                body_prop = endpoint.bodies[0].prop
                raw_props = _body_raw_properties(spec, raw)
                for prop in body_prop.required_properties + body_prop.optional_properties:
                    body_params.append(
                        _param(prop, raw_props.get(_text(prop.name), {}), "body", models)
                    )
            order = raw.get("x-sdk-positional", [])
            by_wire = {p.wire: p for p in query_params + body_params}
            missing = [w for w in order if w not in by_wire]
            if missing:
                raise CodegenError(f"{op_id}: x-sdk-positional names unknown parameters {missing}")
            positional = [by_wire[w] for w in order]
            keyword_params = [p for p in query_params + body_params if p.wire not in order]
            keyword_params.sort(key=lambda p: not p.required)
            names = [p.name for p in path_params + positional + keyword_params]
            clashes = sorted(set(names) & RESERVED_ARGS) + sorted(
                {n for n in names if names.count(n) > 1}
            )
            if clashes:
                raise CodegenError(f"{op_id}: argument names clash: {clashes} (use x-sdk-name)")
            seen_default = False
            for param in path_params + positional:
                if not param.required or param.default is not None:
                    seen_default = True
                elif seen_default:
                    raise CodegenError(f"{op_id}: required positional {param.name} after optional")

            success = [
                r for r in endpoint.responses.patterns if 200 <= r.status_code.range[0] < 300
            ]
            prop = success[0].prop
            return_type = prop.class_info.name if isinstance(prop, ModelProperty) else "None"
            item_type = None
            if raw.get("x-sdk-pagination"):
                fields = prop.required_properties + prop.optional_properties
                objects = [p for p in fields if _text(p.name) == "objects"]
                if not objects or not isinstance(objects[0], ListProperty):
                    raise CodegenError(f"{op_id}: x-sdk-pagination needs an 'objects' array")
                item_type = objects[0].inner_property.class_info.name
            operations.append(
                Operation(
                    op_id=op_id,
                    tag=tag,
                    group=raw["x-sdk-group"],
                    method=_identifier(raw["x-sdk-method"], f"x-sdk-method of {op_id}"),
                    http_method=http_method.upper(),
                    path=path,
                    summary=safe_for_docstring(raw["summary"]),
                    path_params=path_params,
                    positional=positional,
                    keyword=keyword_params,
                    body_params=body_params,
                    query_params=query_params,
                    has_body=bool(endpoint.bodies),
                    multipart=bool(endpoint.bodies)
                    and endpoint.bodies[0].body_type == BodyType.FILES,
                    fills_auth_id=any(_text(p.name) == "auth_id" for p in endpoint.path_parameters),
                    return_type=return_type,
                    item_type=item_type,
                )
            )
    return operations


def build_groups(operations: list[Operation], spec: dict[str, Any]) -> Group:
    """Arrange the operations into the accessor tree rooted at the client."""
    docs: dict[str, str] = spec.get("x-sdk-groups", {})
    root = Group(path="")
    nodes: dict[str, Group] = {"": root}

    def node(path: str) -> Group:
        if path not in nodes:
            parent = node(path.rsplit(".", 1)[0] if "." in path else "")
            nodes[path] = Group(path=path, doc=safe_for_docstring(docs.get(path, "")))
            parent.children.append(nodes[path])
        return nodes[path]

    for operation in operations:
        group = node(operation.group)
        if any(o.method == operation.method for o in group.operations):
            raise CodegenError(f"two operations are named {operation.group}.{operation.method}")
        group.operations.append(operation)
    for group in nodes.values():
        if not group.doc and group.path:
            group.doc = f"Operations on ``client.{group.path}``."
        group.children.sort(key=lambda g: g.path)
        clash = {c.attr for c in group.children} & {o.method for o in group.operations}
        if clash:
            raise CodegenError(f"{group.path}: {sorted(clash)} is both a method and a sub-group")
    return root


def _convert_exports() -> set[str]:
    """The names ``<runtime>/_convert.py`` exports (read, not imported: codegen runs without
    the runtime's dependencies)."""
    source = (ROOT / RUNTIME / "_convert.py").read_text()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            return set(ast.literal_eval(node.value))
    raise CodegenError(f"{RUNTIME}/_convert.py has no __all__")


def _params(operation: Operation) -> list[Param]:
    return operation.path_params + operation.positional + operation.keyword


def _imports(group: Group, generated: str, model_modules: dict[str, str]) -> list[str]:
    names: set[str] = set()
    for operation in group.operations:
        for param in _params(operation):
            names.update(re.findall(r"[A-Za-z_]\w*", param.annotation))
        names.add(operation.return_type)
        if operation.item_type:
            names.add(operation.item_type)
    converters = {p.convert for op in group.operations for p in _params(op) if p.convert}
    converters |= {"compact" if op.has_body else "merged" for op in group.operations}
    converters |= {"check_extra"} if group.operations else set()
    converters |= names & _convert_exports()
    lines = []
    if converters:  # a group with sub-groups only has no operations
        lines.append(f"from {RUNTIME}._convert import {', '.join(sorted(converters))}")
    lines += [
        f"from {generated}._generated.models.{model_modules[name]} import {name}"
        for name in sorted(names)
        if name in model_modules
    ]
    lines += [
        f"from {generated}._generated.api.{op.tag} import {op.op_id}"
        for op in sorted(group.operations, key=lambda o: o.op_id)
    ]
    return lines


def render_resources(root: Group, data: GeneratorData, out_dir: Path, generated: str) -> None:
    """Write ``resources/<group>.py`` for every group and ``resources/__init__.py``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    model_modules = {m.class_info.name: m.class_info.module_name for m in data.models}
    model_modules.update({e.class_info.name: e.class_info.module_name for e in data.enums})
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    template = env.get_template("resource.py.jinja")
    stack = list(root.children)
    while stack:
        group = stack.pop()
        stack.extend(group.children)
        source = template.render(
            group=group,
            imports=_imports(group, generated, model_modules),
            runtime=RUNTIME,
        )
        (out_dir / f"{group.module}.py").write_text(source)
    init = env.get_template("resources_init.py.jinja").render(root=root, runtime=RUNTIME)
    (out_dir / "__init__.py").write_text(init)


def run_generator(spec_path: Path, target: Path, spec: dict[str, Any]) -> GeneratorData:
    """Run openapi-python-client into ``target`` (replaced); raise on any warning or error."""
    servers = operation_servers(spec)
    bounds = query_bounds(spec)
    calls = {
        op_id: f"{raw.get('x-sdk-group', '')}.{raw.get('x-sdk-method', '')}"
        for op_id, (_, _, raw) in _raw_operations(spec).items()
    }
    config = Config.from_sources(
        ConfigFile(post_hooks=[], use_path_prefixes_for_title_model_names=False),
        MetaType.NONE,
        spec_path,
        "utf-8",
        overwrite=True,
        output_path=None,
    )
    yaml = YAML(typ="safe")
    document = yaml.load(spec_path.read_text())
    data = GeneratorData.from_dict(document, config=config)
    if isinstance(data, GeneratorError):
        raise CodegenError(f"openapi-python-client: {data.header}: {data.detail}")
    with tempfile.TemporaryDirectory() as scratch:
        config.output_path = Path(scratch) / "out"
        project = Project(openapi=data, config=config, custom_template_path=TEMPLATES / "ogen")
        project.env.globals["fail"] = _fail
        project.env.globals["runtime"] = RUNTIME
        project.env.globals["is_enum"] = lambda prop: isinstance(prop, EnumProperty)
        project.env.globals["field_kind"] = field_kind
        project.env.globals["shape_check"] = shape_check
        project.env.globals["shape_fields"] = shape_fields
        project.env.globals["is_renamed"] = lambda prop: _text(prop.name) != str(prop.python_name)
        project.env.globals["server_of"] = lambda name: servers.get(_text(name))
        project.env.globals["sdk_call_of"] = lambda op: calls[_text(op)]
        project.env.globals["bounds_of"] = lambda op, name: bounds.get((_text(op), _text(name)))
        errors = project.build()
        if errors:
            details = "\n".join(f"- {e.header}: {e.detail}" for e in errors)
            raise CodegenError(f"openapi-python-client reported problems:\n{details}")
        out = Path(scratch) / "out"
        for unwanted in ("client.py", "errors.py"):
            (out / unwanted).unlink()
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(out, target)
    return data


_PLAIN = (AnyProperty, BooleanProperty, FloatProperty, IntProperty, NoneProperty, StringProperty)


def _plain(prop: Any) -> bool:
    """Whether a property's JSON value is its Python value (no model, enum or date inside)."""
    if isinstance(prop, ListProperty):
        return _plain(prop.inner_property)
    if isinstance(prop, UnionProperty):
        return all(_plain(inner) for inner in prop.inner_properties)
    return isinstance(prop, _PLAIN)


def _nested_model(prop: Any) -> Any:
    """The model a property holds (itself or as list items), or ``None``."""
    if isinstance(prop, ListProperty):
        prop = prop.inner_property
    return prop if isinstance(prop, ModelProperty) else None


def _lazy_ok(model: Any) -> bool:
    """Whether a model can be built later from JSON whose shape was checked: no required fields
    (and none in its nested models), every field plain or such a nested model."""
    if model.required_properties:
        return False
    for prop in model.optional_properties or []:
        inner = _nested_model(prop)
        if inner is None and not _plain(prop):
            return False
        if inner is not None and not _lazy_ok(inner):
            return False
    return True


def field_kind(prop: Any) -> str:
    """How ``model.py.jinja`` parses a property: ``plain`` (the JSON value as is), ``enum``,
    ``model`` / ``model_list`` (built at once), ``lazy_model`` / ``lazy_list`` (an optional
    field whose JSON, shape-checked, is kept until the field is first read) or ``unsupported``."""
    if isinstance(prop, EnumProperty):
        return "enum"
    inner = _nested_model(prop)
    if inner is not None:
        lazy = not prop.required and _lazy_ok(inner)
        if isinstance(prop, ListProperty):
            return "lazy_list" if lazy else "model_list"
        return "lazy_model" if lazy else "model"
    return "plain" if _plain(prop) else "unsupported"


def shape_check(prop: Any, var: str) -> str:
    """The Python test that JSON value ``var`` has the shape lazy field ``prop`` needs: an
    object (a list of objects), nested objects included."""
    inner = _nested_model(prop)
    if any(_nested_model(p) for p in inner.optional_properties or []):
        test = f"{inner.class_info.name}._shape_ok({{}})"
    else:
        test = "type({}) is dict"
    if isinstance(prop, ListProperty):
        return f"type({var}) is list and all({test.format('item')} for item in {var})"
    return test.format(var)


def shape_fields(model: Any) -> list[Any]:
    """The fields ``_shape_ok`` of a lazily built model checks (its nested models), or ``[]``
    when the model needs no such method."""
    if not _lazy_ok(model):
        return []
    return [p for p in model.optional_properties or [] if _nested_model(p) is not None]


def _fail(message: str) -> None:
    raise CodegenError(message)


def _ruff(paths: list[Path], config: Path) -> None:
    targets = [str(p) for p in paths]
    for args in (["check", "--fix", "--quiet", "--exit-zero"], ["format", "--quiet"]):
        subprocess.run(
            [sys.executable, "-m", "ruff", *args, "--config", str(config), *targets], check=True
        )


def _stamp(path: Path, verb: str, origin: str) -> None:
    header = f"# Do not edit: `nox -s codegen` {verb} this from {origin}.\n"
    text = path.read_text()
    path.write_text(header + text)


def generate(
    spec_path: Path,
    out_root: Path,
    package: str = RUNTIME,
    *,
    ruff_config: Path = ROOT / "pyproject.toml",
    check_unused_rules: bool = True,
) -> list[Path]:
    """Generate ``<package>/_generated``, ``<package>/resources`` and ``<package>_sync``.

    Returns every file written. ``out_root`` holds the packages (the repo root in normal use).
    """
    spec_path = spec_path.resolve()
    yaml = YAML(typ="safe")
    spec = yaml.load(spec_path.read_text())
    try:
        validate_spec(spec)
    except Exception as exc:  # the validator raises many unrelated types
        raise CodegenError(f"{spec_path.name} is not a valid OpenAPI document: {exc}") from exc
    try:
        spec_name = str(spec_path.relative_to(ROOT))
    except ValueError:
        spec_name = spec_path.name

    async_dir = out_root / package
    sync_dir = out_root / f"{package}_sync"
    data = run_generator(spec_path, async_dir / "_generated", spec)
    if (async_dir / "testing").is_dir():
        # The fake API validates requests against the spec at run time; JSON needs no YAML parser.
        bundled = async_dir / "testing" / "openapi.json"
        bundled.write_text(json.dumps(spec, indent=1, ensure_ascii=False) + "\n")
    operations = build_operations(data, spec)
    root = build_groups(operations, spec)
    render_resources(root, data, async_dir / "resources", package)
    written: list[Path] = []
    if package == RUNTIME:  # the SDK itself (not a test fixture): its reference pages too
        written = write_reference(root, data, out_root / "docs" / "reference", spec_name)

    pairs = [(async_dir / name, sync_dir / name) for name in ASYNC_IO_MODULES]
    pairs = [(a, s) for a, s in pairs if a.exists()]
    if sync_dir.exists():
        shutil.rmtree(sync_dir)  # every file in it is derived; stale ones must disappear
    for source in sorted((async_dir / "resources").glob("*.py")):
        pairs.append((source, sync_dir / "resources" / source.name))
    for _, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
    # Format the async sources first, so that the sync twins derive from the final text.
    generated_async = sorted((async_dir / "_generated").rglob("*.py")) + sorted(
        (async_dir / "resources").glob("*.py")
    )
    _ruff(generated_async, ruff_config)
    used = unasync_files(pairs)
    if check_unused_rules and (unused := unused_rules(used)):
        raise CodegenError(f"unasync rules that matched nothing (delete them): {unused}")
    (sync_dir / "py.typed").write_text("")
    sync_files = [target for _, target in pairs]
    shim = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True
    ).get_template("shared_module.py.jinja")
    shims: list[tuple[str, Path]] = []
    for name in SHARED_MODULES:
        if (async_dir / name).is_dir() or (async_dir / f"{name}.py").exists():
            target = sync_dir / f"{name}.py"
            target.write_text(shim.render(runtime=package, name=name))
            shims.append((name, target))
    sync_files += [target for _, target in shims]
    _ruff(sync_files, ruff_config)

    for path in generated_async:
        _stamp(path, "generates", spec_name)
    for source, target in pairs:
        try:
            origin = str(source.relative_to(out_root))
        except ValueError:
            origin = source.name
        _stamp(target, "derives", origin)
    for name, target in shims:
        _stamp(target, "derives", f"{package}.{name}")
    return generated_async + sync_files + written


def write_reference(root: Group, data: GeneratorData, out_dir: Path, spec_name: str) -> list[Path]:
    """Write ``rest.md`` (from the spec) and ``voice.md`` (from the protocol description)."""
    groups: list[Group] = []
    stack = [root]
    while stack:
        group = stack.pop()
        groups.append(group)
        stack.extend(group.children)
    groups.sort(key=lambda g: g.path)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # the runtime package, for the protocol description
    out_dir.mkdir(parents=True, exist_ok=True)
    rest = out_dir / "rest.md"
    rest.write_text(rest_reference(groups, data.models, spec_name, _text))
    voice = out_dir / "voice.md"
    voice.write_text(voice_reference(RUNTIME))
    return [rest, voice]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi" / "agentstack.yaml")
    parser.add_argument("--out", type=Path, default=ROOT)
    parser.add_argument("--package", default=RUNTIME)
    args = parser.parse_args(argv)
    try:
        files = generate(args.spec, args.out, args.package)
    except CodegenError as exc:
        print(f"codegen failed: {exc}", file=sys.stderr)
        return 1
    print(f"codegen: wrote {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
