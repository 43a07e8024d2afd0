"""Blocking version of ``send_sms.py``: the same messages with ``plivo_agentstack_sync``.

    python examples/send_sms_sync.py [+14155550123]

``Environment.client()`` returns a ``plivo_agentstack_sync.Client`` (the real API when
PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN are set, the fake otherwise, whose account owns
``FROM_NUMBER``). No asyncio anywhere: suited to scripts, Django/Flask views and notebooks.
List pages iterate over every message.
"""

from __future__ import annotations

import os
import sys

from plivo_agentstack.testing import Environment
from plivo_agentstack_sync import Client, NotFoundError

FROM_NUMBER = os.environ.get("PLIVO_FROM_NUMBER", "+14155550100")
MEDIA = ["https://media.example.com/receipt.jpg", "https://media.example.com/invoice.pdf"]


def send_all(client: Client, to: str) -> list[str]:
    """Send an SMS, an MMS and a multi-media MMS; return their uuids."""
    sent = [
        client.messages.create(src=FROM_NUMBER, dst=to, text="Your order A-7 has shipped."),
        client.messages.create(
            src=FROM_NUMBER, dst=to, text="Your receipt", type_="mms", media_urls=MEDIA[:1]
        ),
        client.messages.create(
            src=FROM_NUMBER, dst=to, text="Receipt and invoice", type_="mms", media_urls=MEDIA
        ),
    ]
    return [uuid for response in sent for uuid in response.message_uuid]


def main() -> int:
    to = sys.argv[1] if len(sys.argv) > 1 else "+14155550123"
    env = Environment.detect()
    print(env.banner)
    if env.fake is not None:  # offline: the fake account owns the sender, as yours must
        env.fake.add_number(FROM_NUMBER)
    with env.client() as client:
        uuids = send_all(client, to)
        print(f"sent {len(uuids)} messages (sync client {type(client).__module__})")
        for uuid in uuids:
            message = client.messages.get(uuid)
            print(f"  {uuid}: {message.message_type}, {message.message_state}")
        outbound = [m.message_uuid for m in client.messages.list(message_direction="outbound")]
        print(f"listed {len(outbound)} outbound messages")
        try:
            client.messages.get("00000000-0000-0000-0000-000000000000")
        except NotFoundError as exc:
            print(f"unknown message -> NotFoundError ({exc.status_code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
