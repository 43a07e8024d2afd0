"""An app module that fails at import time."""

raise RuntimeError("database URL is not configured")
