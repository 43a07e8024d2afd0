# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""One I/O-free module per operation: ``build_request(...)`` and ``parse_success(data)``."""
