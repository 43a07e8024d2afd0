"""Callback receiver: hangup, recording and ring callbacks, with v3 signature checks.

An agent's ``callbacks`` (``{"hangup": {"url": ..., "method": "POST"}, ...}``) make the platform
POST JSON to your server: hangup (``call_uuid``, ``duration``, ``hangup_cause``), recording
(``recording_url``) and ring (``call_uuid``, ``direction``, ``from``, ``to``). Every callback is
signed (``X-Plivo-Signature-V3`` + ``X-Plivo-Signature-V3-Nonce``); this server checks the
signature over the raw body with ``validate_request_signature_v3`` and answers 403 to anything
unsigned, altered or unreadable. A signature never expires, so the nonce of every accepted
callback goes into a ``NonceCache``: a replay gets 200 and is not handled twice. Every request
gets an answer; a bad one never costs more than its own connection.
Only the standard library (``http.server``) is used; mount the same check in any framework
(docs/security-webhooks.md).

Live: listens on port 9001 with PLIVO_AUTH_TOKEN (set ``PUBLIC_URL`` to the URL Plivo calls
when behind a proxy). Offline: posts signed sample callbacks to itself, then forgeries, a replay
and malformed requests.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from plivo_agentstack.testing import DEFAULT_AUTH_TOKEN, Environment
from plivo_agentstack.utils import NonceCache, compute_signature_v3, validate_request_signature_v3

MAX_BODY = 64 * 1024  # callbacks are a few hundred bytes


class CallbackHandler(BaseHTTPRequestHandler):
    """POST /hangup, /recording, /ring: JSON bodies signed with the account's auth token."""

    def do_POST(self) -> None:
        try:
            self._handle_post()
        except Exception as exc:  # answer, never drop the connection on a surprise
            print(f"error handling {self.path}: {type(exc).__name__}")
            self._reply(500, "internal error")

    def _handle_post(self) -> None:
        server = self.server
        assert isinstance(server, CallbackServer)  # the only server this handler serves
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            return self._reply(400, "bad Content-Length")
        if length > MAX_BODY:
            return self._reply(413, "body too large")
        body = self.rfile.read(length)
        url = os.environ.get("PUBLIC_URL", f"http://{self.headers.get('Host', '')}") + self.path
        if not validate_request_signature_v3(
            method="POST",
            url=url,
            headers=self.headers.items(),
            auth_token=server.auth_token,
            body=body,  # read by Content-Type; a body that is not what Plivo signs gives False
        ):
            print(f"rejected {self.path}: invalid signature")
            return self._reply(403, "invalid signature")
        # Genuine; a replay of it validates too, so handle each nonce once.
        if not server.nonces.check_and_add(self.headers["X-Plivo-Signature-V3-Nonce"]):
            print(f"ignored {self.path}: replayed nonce")
            return self._reply(200, "duplicate ignored")
        # A valid signature guarantees a JSON object (or an empty body); fields may be missing.
        payload: dict[str, Any] = json.loads(body) if body.strip() else {}
        kind = self.path.strip("/").split("?")[0]
        if kind == "hangup":
            print(
                f"hangup: call {payload.get('call_uuid')} lasted {payload.get('duration')} s "
                f"({payload.get('hangup_cause')})"
            )
        elif kind == "recording":
            print(f"recording ready: {payload.get('recording_url')}")
        elif kind == "ring":
            print(
                f"ringing: {payload.get('direction')} call {payload.get('from')} -> "
                f"{payload.get('to')}"
            )
        else:
            return self._reply(404, "unknown callback")
        server.received.append(kind)
        self._reply(200, "ok")

    def _reply(self, status: int, text: str) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        if status >= 400:
            self.send_header("Connection", "close")  # the body may be unread: start afresh
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # keep the output readable
        pass


class CallbackServer(ThreadingHTTPServer):
    def __init__(self, port: int, auth_token: str) -> None:
        super().__init__(("127.0.0.1" if port == 0 else "0.0.0.0", port), CallbackHandler)
        self.auth_token = auth_token
        self.nonces = NonceCache(max_entries=100_000, ttl=24 * 3600)
        self.received: list[str] = []


SAMPLES: dict[str, dict[str, Any]] = {
    "ring": {
        "call_uuid": "c-1",
        "direction": "outbound",
        "from": "+14155550100",
        "to": "+14155550123",
    },
    "hangup": {"call_uuid": "c-1", "duration": 42, "hangup_cause": "NORMAL_CLEARING"},
    "recording": {"recording_url": "https://media.example.com/recordings/c-1.mp3"},
}


def signed_headers(url: str, token: str, body: dict[str, Any]) -> dict[str, str]:
    """The signature headers Plivo would send with ``body`` posted to ``url``."""
    nonce = secrets.token_hex(8)
    return {
        "X-Plivo-Signature-V3": compute_signature_v3("POST", url, nonce, token, body),
        "X-Plivo-Signature-V3-Nonce": nonce,
    }


def post_signed(
    http: httpx.Client,
    url: str,
    token: str,
    body: dict[str, Any],
    sent: dict[str, Any] | None = None,
) -> int:
    """POST ``sent`` (default ``body``) with the signature Plivo would compute for ``body``."""
    headers = signed_headers(url, token, body)
    return http.post(url, json=body if sent is None else sent, headers=headers).status_code


def raw_status(port: int, request: bytes) -> str:
    """Send a hand-written HTTP request; return the status line of the answer ('' if none)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request)
        answer = b""
        while b"\r\n" not in answer and (chunk := sock.recv(4096)):
            answer += chunk
    return answer.split(b"\r\n", 1)[0].decode("latin-1")


def odd_requests(http: httpx.Client, base: str, port: int) -> list[tuple[str, int, int]]:
    """(what, expected status, status) for replays, odd values and malformed requests."""
    token = DEFAULT_AUTH_TOKEN
    url = f"{base}/hangup"
    results: list[tuple[str, int, int]] = []
    # A genuine callback whose values are true/false/null, objects and a list of objects.
    odd = {
        "call_uuid": "c-2",
        "duration": 0,
        "hangup_cause": None,
        "answered": False,
        "billed": True,
        "legs": [{"leg": "b", "ms": 1.5}, {"leg": "a", "ms": None}],
        "extra": {"nested": [3, 1]},
    }
    status = post_signed(http, url, token, odd)
    results.append(("genuine callback with true/false/null and a list of objects", 200, status))
    headers = signed_headers(url, token, SAMPLES["hangup"])
    first = http.post(url, json=SAMPLES["hangup"], headers=headers).status_code
    again = http.post(url, json=SAMPLES["hangup"], headers=headers).status_code
    results.append(("replayed hangup callback (first delivery)", 200, first))
    results.append(("replayed hangup callback (same nonce again, not handled)", 200, again))
    sig = signed_headers(url, token, {})
    for what, content, content_type in [
        ("non-JSON body sent as application/json", b"{not json", "application/json"),
        ("non-UTF-8 body", b"\xff\xfe\x00{", "application/json"),
        ("JSON array body", b"[1, 2]", "application/json"),
        ("body of an unknown type", b"a=1", "text/plain"),
    ]:
        response = http.post(url, content=content, headers={**sig, "Content-Type": content_type})
        results.append((what, 403, response.status_code))
    results.append(("no signature headers at all", 403, http.post(url, json={}).status_code))
    for what, request, expected in [
        ("Content-Length: abc", b"POST /hangup HTTP/1.1\r\nContent-Length: abc\r\n\r\n", 400),
        ("Content-Length: -5", b"POST /hangup HTTP/1.1\r\nContent-Length: -5\r\n\r\n", 400),
        (
            "a 1 GiB Content-Length",
            b"POST /hangup HTTP/1.1\r\nContent-Length: 1073741824\r\n\r\n",
            413,
        ),
    ]:
        status_line = raw_status(port, request)
        status = int(status_line.split()[1]) if status_line.count(" ") >= 2 else 0
        results.append((what, expected, status))
    return results


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if not env.offline:
        server = CallbackServer(9001, str(env.auth_token))
        print("listening for callbacks on http://0.0.0.0:9001 (/hangup, /recording, /ring)")
        server.serve_forever()
        return 0
    server = CallbackServer(0, DEFAULT_AUTH_TOKEN)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    with httpx.Client() as http:
        for kind, body in SAMPLES.items():
            status = post_signed(http, f"{base}/{kind}", DEFAULT_AUTH_TOKEN, body)
            print(f"{kind} callback -> HTTP {status}")
        forged = {**SAMPLES["hangup"], "duration": 4200}  # altered after signing
        tampered = post_signed(
            http, f"{base}/hangup", DEFAULT_AUTH_TOKEN, SAMPLES["hangup"], sent=forged
        )
        print(f"tampered hangup callback -> HTTP {tampered}")
        unsigned = http.post(f"{base}/ring", json=SAMPLES["ring"]).status_code
        print(f"unsigned ring callback -> HTTP {unsigned}")
        rejected = [tampered, unsigned].count(403)
        ok = server.received == list(SAMPLES) and rejected == 2
        print(f"validated {len(server.received)} callbacks, rejected {rejected} forgeries")
        odd = odd_requests(http, base, port)
    server.shutdown()
    for what, expected, status in odd:
        print(
            f"{what} -> HTTP {status}" + ("" if status == expected else f" (expected {expected})")
        )
    handled_once = server.received[len(SAMPLES) :] == ["hangup", "hangup"]
    answered = all(status == expected for _, expected, status in odd)
    print(f"{len(odd)} odd requests answered as expected: {answered}")
    print(f"replayed callback handled once: {handled_once}")
    return 0 if ok and answered and handled_once else 1


if __name__ == "__main__":
    sys.exit(main())
