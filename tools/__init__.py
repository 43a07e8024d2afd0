"""Developer tools the nox sessions run (not part of the distributed packages)."""
