"""Blocking version of ``whatsapp.py``: the same builders with ``plivo_agentstack_sync``.

    python examples/whatsapp_sync.py [+14155550123]

``plivo_agentstack_sync.messaging`` re-exports the builders; ``Environment.client()`` gives a
blocking ``Client`` for the real API or the fake. Offline (the fake account owns
``FROM_NUMBER``), the stored messages are listed.
"""

from __future__ import annotations

import os
import sys

from plivo_agentstack.testing import Environment
from plivo_agentstack_sync import Client
from plivo_agentstack_sync.messaging import InteractiveMessage, Location, Template

FROM_NUMBER = os.environ.get("WHATSAPP_FROM_NUMBER", "+14155550100")


def send_all(client: Client, to: str) -> list[str]:
    """Send a template, a reply-button message and a location; return their uuids."""
    template = Template("appointment_reminder").add_body_param("Sam").add_body_datetime("Thu 10:00")
    buttons = InteractiveMessage.button(
        "Can you make it?", [{"id": "yes", "title": "Yes"}, {"id": "move", "title": "Reschedule"}]
    )
    clinic = Location.build(40.7411, -73.9897, name="Dr. Lee's clinic")
    sent = [
        client.messages.create(src=FROM_NUMBER, dst=to, type_="whatsapp", template=template),
        client.messages.create(src=FROM_NUMBER, dst=to, type_="whatsapp", interactive=buttons),
        client.messages.create(src=FROM_NUMBER, dst=to, type_="whatsapp", location=clinic),
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
        print(f"sent {len(uuids)} WhatsApp messages")
        for message in client.messages.list(message_type="whatsapp"):
            print(f"  {message.message_uuid}: {message.message_type} {message.message_state}")
    if env.fake is not None:
        for uuid in uuids:
            content = env.fake.messages[uuid]
            kind = next(key for key in ("template", "interactive", "location") if key in content)
            print(f"  {uuid} carried: {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
