# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Request builders and response parsers of one API group."""
