# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""One I/O-free module per operation: ``build_request(...)`` and ``parse_success(data)``."""
