"""WhatsApp with the asyncio client: text, media, a template, interactive messages, a location.

The builders of ``plivo_agentstack.messaging`` (``Template``, ``InteractiveMessage``,
``Location``) are passed directly as ``template=``, ``interactive=`` and ``location=``.

    python examples/whatsapp.py [+14155550123]

Live: sends from ``WHATSAPP_FROM_NUMBER``. Offline: the fake API (whose account owns
``FROM_NUMBER``) stores the messages; they are read back with ``messages.get`` and the content
the fake received is shown.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack.messaging import InteractiveMessage, Location, Template
from plivo_agentstack.testing import Environment

FROM_NUMBER = os.environ.get("WHATSAPP_FROM_NUMBER", "+14155550100")


def messages() -> dict[str, dict[str, Any]]:
    """One ``messages.create`` keyword set per kind of WhatsApp message."""
    template = (
        Template("order_shipped", language="en_US")
        .add_header_media("https://media.example.com/box.jpg")
        .add_body_param("Ada")
        .add_body_currency("$129.90", "USD", 129900)
        .add_body_datetime("Friday")
        .add_button_param("url", 0, "A-7")
    )
    buttons = InteractiveMessage.button(
        "Did your parcel arrive?",
        [{"id": "yes", "title": "Yes"}, {"id": "no", "title": "Not yet"}],
        footer_text="Acme deliveries",
    )
    menu = InteractiveMessage.list(
        "How can we help?",
        "Options",
        [{"title": "Orders", "rows": [{"id": "track", "title": "Track an order"},
                                     {"id": "return", "title": "Return an item"}]}],
        header_text="Acme support",
    )  # fmt: skip
    cta = InteractiveMessage.cta_url("Track your parcel", "Open map", "https://acme.example/t/A-7")
    store = Location.build(37.7793, -122.4193, name="Acme store", address="1 Market St")
    return {
        "text": {"text": "Hi Ada, your order A-7 has shipped."},
        "media": {"media_urls": ["https://media.example.com/label.pdf"], "text": "Shipping label"},
        "template": {"template": template},
        "buttons": {"interactive": buttons},
        "list": {"interactive": menu},
        "cta_url": {"interactive": cta},
        "location": {"location": store},
    }


async def run(env: Environment, to: str) -> int:
    """Send every kind of WhatsApp message and show what was stored."""
    sent: dict[str, str] = {}
    async with env.async_client() as client:
        for kind, kwargs in messages().items():
            response = await client.messages.create(
                src=FROM_NUMBER, dst=to, type_="whatsapp", **kwargs
            )
            sent[kind] = response.message_uuid[0]
        for kind, uuid in sent.items():
            message = await client.messages.get(uuid)
            print(f"{kind:9} {uuid} {message.message_type} {message.message_state}")
    if env.fake is not None:  # what the (fake) API received
        stored = env.fake.messages
        print("template:", stored[sent["template"]]["template"]["name"])
        print("list button:", stored[sent["list"]]["interactive"]["action"]["button"])
        print("location:", stored[sent["location"]]["location"]["name"])
    return 0


def main() -> int:
    to = sys.argv[1] if len(sys.argv) > 1 else "+14155550123"
    env = Environment.detect()
    print(env.banner)
    if env.fake is not None:  # offline: the fake account owns the sender, as yours must
        env.fake.add_number(FROM_NUMBER)
    return asyncio.run(run(env, to))


if __name__ == "__main__":
    sys.exit(main())
