"""Buy a phone number (async): search the inventory, then buy the first match.

``client.numbers.search("US", type="local", limit=5)`` lists numbers for sale (one page);
``client.numbers.buy(number)`` rents one for your account. Live, this buys a real number and
your account is billed its monthly rental. Offline, the fake API sells fictional numbers.

See ``buy_number_sync.py`` for the same program with the blocking client.
"""

from __future__ import annotations

import asyncio
import sys

from plivo_agentstack import AsyncClient
from plivo_agentstack.testing import Environment

COUNTRY = "US"


async def buy_first_local_number(client: AsyncClient) -> str | None:
    """Print up to five local numbers for sale and buy the first; return it (None if none)."""
    offers = await client.numbers.search(COUNTRY, type="local", limit=5)
    if not offers.objects:
        print(f"no local numbers for sale in {COUNTRY}")
        return None
    for offer in offers.objects:
        print(
            f"for sale: {offer.number} ({offer.city}, {offer.region}) "
            f"{offer.monthly_rental_rate}/month, voice={offer.voice_enabled}"
        )
    number = offers.objects[0].number
    purchase = await client.numbers.buy(number)
    print(f"bought {number}: {purchase.status}")
    return number


async def main() -> int:
    env = Environment.detect()
    print(env.banner)
    async with env.async_client() as client:
        number = await buy_first_local_number(client)
        if number is None:
            return 1
        owned = await client.numbers.get(number)
        print(f"now owned: {owned.number} (alias {owned.alias!r})")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
