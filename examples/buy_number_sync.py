"""Buy a phone number with the blocking client (``plivo_agentstack_sync``).

The same program as ``buy_number.py`` without asyncio: the sync package has the same surface
(``client.numbers.search``, ``client.numbers.buy``, same models and errors), for scripts,
Django/Flask views and notebooks. Live, this buys a real number (billed monthly); offline, the
fake API sells fictional numbers.
"""

from __future__ import annotations

import sys

from plivo_agentstack.testing import Environment
from plivo_agentstack_sync import Client, PlivoError

COUNTRY = "US"


def buy_first_local_number(client: Client) -> str | None:
    """Print up to five local numbers for sale and buy the first; return it (None if none)."""
    offers = client.numbers.search(COUNTRY, type="local", limit=5)
    if not offers.objects:
        print(f"no local numbers for sale in {COUNTRY}")
        return None
    for offer in offers.objects:
        print(f"for sale: {offer.number} ({offer.city}) {offer.monthly_rental_rate}/month")
    number = offers.objects[0].number
    purchase = client.numbers.buy(number)
    print(f"bought {number}: {purchase.status}")
    return number


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    with env.client() as client:
        try:
            number = buy_first_local_number(client)
        except PlivoError as exc:  # the same error classes as the async client
            print(f"purchase failed: {exc} (HTTP {exc.status_code})")
            return 1
        if number is None:
            return 1
        owned = client.numbers.get(number)
        print(f"now owned: {owned.number}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
