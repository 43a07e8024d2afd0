"""Reliability suite: fault injection against real sockets, property tests and secret hygiene."""
