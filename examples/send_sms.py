"""Send an SMS, an MMS and a multi-media MMS with the asyncio client, then read them back.

    python examples/send_sms.py [+14155550123]

Live: sends from ``PLIVO_FROM_NUMBER`` to the given number. Offline: the fake API stores the
messages (its account owns ``FROM_NUMBER``); they are read back with ``messages.get`` and
``messages.list``, and the fake then plays the carrier: the SMS goes from queued to delivered.
"""

from __future__ import annotations

import asyncio
import os
import sys

from plivo_agentstack.testing import Environment

FROM_NUMBER = os.environ.get("PLIVO_FROM_NUMBER", "+14155550100")
PHOTO = "https://media.example.com/receipt.jpg"
PDF = "https://media.example.com/invoice.pdf"


async def run(env: Environment, to: str) -> int:
    """Send three messages and show what the API stored."""
    async with env.async_client() as client:
        sms = await client.messages.create(
            src=FROM_NUMBER, dst=to, text="Your order A-7 has shipped."
        )
        mms = await client.messages.create(
            src=FROM_NUMBER, dst=to, text="Your receipt", type_="mms", media_urls=[PHOTO]
        )
        multi = await client.messages.create(
            src=FROM_NUMBER,
            dst=to,
            text="Receipt and invoice",
            type_="mms",
            media_urls=[PHOTO, PDF],
        )
        for label, response in (("SMS", sms), ("MMS", mms), ("multi-media MMS", multi)):
            uuid = response.message_uuid[0]
            message = await client.messages.get(uuid)
            print(
                f"{label}: {uuid} {message.message_type} to +{message.to_number}, "
                f"{message.message_state}, {message.units} unit(s)"
            )
        if env.fake is not None:  # offline: play the carrier (live, Plivo moves them on)
            env.fake.deliver_messages()
        latest = await client.messages.get(sms.message_uuid[0])
        print(f"SMS {latest.message_uuid} is now {latest.message_state}")
        media = await client.messages.list_media(multi.message_uuid[0])
        for item in media.objects:
            print(f"  media {item.content_type}: {item.media_url}")
        page = await client.messages.list(limit=10, message_direction="outbound")
        print(f"{len(page.objects)} outbound messages on the account:")
        for message in page.objects:
            print(f"  {message.message_time} {message.message_type} {message.message_uuid}")
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
