"""The package version (single source, read by the build and the User-Agent)."""

__version__ = "0.2.0"
