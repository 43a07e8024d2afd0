"""Callback receiver: hangup, recording and ring callbacks, with v3 signature checks.

An agent's ``callbacks`` (``{"hangup": {"url": ..., "method": "POST"}, ...}``) make the platform
POST JSON to your server: hangup (``call_uuid``, ``duration``, ``hangup_cause``), recording
(``recording_url``) and ring (``call_uuid``, ``direction``, ``from``, ``to``). Every callback is
signed (``X-Plivo-Signature-V3`` + ``X-Plivo-Signature-V3-Nonce``); this server checks the
signature with ``validate_request_signature_v3`` and answers 403 to anything unsigned or altered.
Only the standard library (``http.server``) is used; mount the same check in any framework.

Live: listens on port 9001 with PLIVO_AUTH_TOKEN (set ``PUBLIC_URL`` to the URL Plivo calls
when behind a proxy). Offline: posts signed sample callbacks to itself, plus a tampered one.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from plivo_agentstack.testing import DEFAULT_AUTH_TOKEN, Environment
from plivo_agentstack.utils import compute_signature_v3, validate_request_signature_v3


class CallbackHandler(BaseHTTPRequestHandler):
    """POST /hangup, /recording, /ring: JSON bodies signed with the account's auth token."""

    server: CallbackServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            payload: dict[str, Any] = json.loads(body or b"{}")
        except ValueError:
            return self._reply(400, "bad JSON")
        url = os.environ.get("PUBLIC_URL", f"http://{self.headers['Host']}") + self.path
        if not validate_request_signature_v3(
            method="POST",
            url=url,
            headers=self.headers.items(),
            auth_token=self.server.auth_token,
            params=payload,
        ):
            print(f"rejected {self.path}: invalid signature")
            return self._reply(403, "invalid signature")
        kind = self.path.strip("/").split("?")[0]
        if kind == "hangup":
            print(
                f"hangup: call {payload['call_uuid']} lasted {payload['duration']} s "
                f"({payload['hangup_cause']})"
            )
        elif kind == "recording":
            print(f"recording ready: {payload['recording_url']}")
        elif kind == "ring":
            print(f"ringing: {payload['direction']} call {payload['from']} -> {payload['to']}")
        else:
            return self._reply(404, "unknown callback")
        self.server.received.append(kind)
        self._reply(200, "ok")

    def _reply(self, status: int, text: str) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # keep the output readable
        pass


class CallbackServer(ThreadingHTTPServer):
    def __init__(self, port: int, auth_token: str) -> None:
        super().__init__(("127.0.0.1" if port == 0 else "0.0.0.0", port), CallbackHandler)
        self.auth_token = auth_token
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


def post_signed(
    http: httpx.Client,
    url: str,
    token: str,
    body: dict[str, Any],
    sent: dict[str, Any] | None = None,
) -> int:
    """POST ``sent`` (default ``body``) with the signature Plivo would compute for ``body``."""
    nonce = secrets.token_hex(8)
    headers = {
        "X-Plivo-Signature-V3": compute_signature_v3("POST", url, nonce, token, body),
        "X-Plivo-Signature-V3-Nonce": nonce,
    }
    return http.post(url, json=body if sent is None else sent, headers=headers).status_code


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
    base = f"http://127.0.0.1:{server.server_address[1]}"
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
    server.shutdown()
    rejected = [tampered, unsigned].count(403)
    ok = server.received == list(SAMPLES) and rejected == 2
    print(f"validated {len(server.received)} callbacks, rejected {rejected} forgeries")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
