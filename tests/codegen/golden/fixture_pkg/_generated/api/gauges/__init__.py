# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Request builders and response parsers of one API group."""
