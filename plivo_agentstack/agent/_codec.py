"""JSON text of the WebSocket protocol, encoded and decoded at the cost of the hot path.

A call sends and receives a message per 20 ms of audio, so the per-message overhead of
``json.dumps`` and ``json.loads`` shows in a server's CPU time: ``json.loads`` matches two
regular expressions around the C scanner; ``json.dumps`` builds a new C encoder (and a
dict for cycle detection) for every call. Here:

- ``decode_frame(text)``: for a ``str``, ``JSONDecoder.raw_decode`` (documented), falling back to
  ``json.loads`` when the document does not span the whole text (surrounding whitespace, extra
  data), so results and errors are exactly ``json.loads``'s.
- ``encode_message(message)``: one C encoder made once, compact (``","``/``":"``), ASCII,
  ``allow_nan=False``, without the per-call cycle-detection dict: a message that refers to
  itself (or nests deeper than the recursion limit) fails with ``RecursionError`` instead,
  which ``encode_message`` reports as the same ``TypeError`` as any value JSON cannot hold.
  Without the C accelerator (``json.encoder.c_make_encoder`` is None, e.g. on PyPy), a
  ``json.JSONEncoder`` with the same options does the work.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["decode_frame", "encode_message"]

_ENCODER = json.JSONEncoder(separators=(",", ":"), allow_nan=False)
_DECODER = json.JSONDecoder()
_raw_decode = _DECODER.raw_decode


def _make_c_encoder() -> Callable[[Any, int], list[str]] | None:
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    encoder: Callable[[Any, int], list[str]] = make(
        None,  # markers: no cycle detection (a cycle ends in RecursionError)
        _ENCODER.default,
        json.encoder.encode_basestring_ascii,
        None,  # indent
        _ENCODER.key_separator,
        _ENCODER.item_separator,
        False,  # sort_keys
        False,  # skipkeys
        False,  # allow_nan
    )
    return encoder


_C_ENCODER = _make_c_encoder()


def encode_message(message: Mapping[str, Any]) -> str:
    """``message`` as compact ASCII JSON; a ``TypeError`` saying why if JSON cannot hold it."""
    try:
        if _C_ENCODER is not None:
            return "".join(_C_ENCODER(message, 0))
        return _ENCODER.encode(message)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"message is not JSON-serialisable: {exc}") from None
    except RecursionError:
        raise TypeError(
            "message is not JSON-serialisable: it refers to itself (or nests too deeply)"
        ) from None


def decode_frame(text: str | bytes | bytearray) -> Any:
    """The JSON value of ``text``: ``json.loads(text)``, cheaper for a ``str`` without padding."""
    if type(text) is not str:
        return json.loads(text)  # bytes: json.loads detects their UTF encoding
    try:
        value, end = _raw_decode(text)
    except ValueError:
        return json.loads(text)  # e.g. leading whitespace; or raises json.loads's own error
    if end != len(text):
        return json.loads(text)  # trailing whitespace is valid; extra data raises
    return value
