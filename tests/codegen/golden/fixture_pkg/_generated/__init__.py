# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Generated attrs models and I/O-free request builders; use the resources, not these modules."""
