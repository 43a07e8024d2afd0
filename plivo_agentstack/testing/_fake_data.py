"""Seed data of the fake REST API (numbers for sale, countries, carriers) and value helpers.

The helpers read phone numbers, ISO 8601 times, sort keys and an agent's configured mode, and
fill in the message and number fields real Plivo servers send beyond the basics (money and rates
as decimal strings, booleans as booleans, ``null`` where nothing applies).
"""

from __future__ import annotations

import copy
import json
import operator
import re
import uuid
import zlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final

import attrs

from ._fake_http import _ApiError

_PHONE_RE: Final = re.compile(r"\+?[1-9]\d{6,14}")


@attrs.frozen
class _Block:
    iso: str
    country: str
    calling_code: str
    prefix: str
    first: int
    count: int
    type: str
    city: str
    region: str
    lata: int | None = None
    rate_center: str | None = None
    monthly: str = "0.50000"
    voice_rate: str = "0.00850"
    sms_rate: str = "0.00000"
    sms_enabled: bool = True
    voice_enabled: bool = True
    mms_enabled: bool = False
    prerequisites: tuple[Mapping[str, Any], ...] = ()


# Document requirements of numbers for sale, shaped like Plivo's ``prerequisites`` entries.
_GB_PROOF: Final = (
    {"proof_required": True, "proof_type": ["Utility bill", "Bank statement"], "scope": "local",
     "address_required": True},
)  # fmt: skip
_IN_PROOF: Final = (
    {"proof_required": True, "proof_type": ["PAN card", "GST certificate"], "scope": "national",
     "address_required": True},
)  # fmt: skip


_INVENTORY: Final = (
    _Block("US", "United States", "1", "415", 4155550200, 12, "local", "San Francisco",
           "California", 722, "SNFC CA", mms_enabled=True),
    _Block("US", "United States", "1", "212", 2125550300, 8, "local", "New York", "New York",
           132, "NWYRCYZN01", mms_enabled=True),
    _Block("US", "United States", "1", "512", 5125550400, 6, "local", "Austin", "Texas",
           558, "AUSTIN", mms_enabled=True),
    _Block("US", "United States", "1", "833", 8335550500, 4, "tollfree", "", "",
           monthly="1.00000", voice_rate="0.02200", mms_enabled=True),
    _Block("CA", "Canada", "1", "604", 6045550600, 6, "local", "Vancouver", "British Columbia",
           mms_enabled=True),
    _Block("CA", "Canada", "1", "416", 4165550700, 6, "local", "Toronto", "Ontario",
           mms_enabled=True),
    _Block("GB", "United Kingdom", "44", "20", 2079460100, 6, "fixed", "London", "England",
           monthly="0.80000", voice_rate="0.01000", sms_enabled=False, prerequisites=_GB_PROOF),
    _Block("GB", "United Kingdom", "44", "7700", 7700900100, 6, "mobile", "", "",
           monthly="1.20000", voice_rate="0.01500", sms_rate="0.04000", prerequisites=_GB_PROOF),
    _Block("IN", "India", "91", "80", 8047180100, 4, "fixed", "Bangalore", "Karnataka",
           monthly="2.00000", voice_rate="0.01200", sms_enabled=False, prerequisites=_IN_PROOF),
)  # fmt: skip

_NUMBER_TYPES: Final = ("any", "local", "fixed", "mobile", "tollfree", "national")
_SERVICES: Final = ("voice", "sms", "mms")

# calling code -> (iso2, iso3, name, mobile country code, trunk prefix)
_COUNTRIES: Final[dict[str, tuple[str, str, str, str, str]]] = {
    "1": ("US", "USA", "United States", "310", ""),
    "7": ("RU", "RUS", "Russia", "250", "8"),
    "27": ("ZA", "ZAF", "South Africa", "655", "0"),
    "31": ("NL", "NLD", "Netherlands", "204", "0"),
    "33": ("FR", "FRA", "France", "208", "0"),
    "34": ("ES", "ESP", "Spain", "214", ""),
    "39": ("IT", "ITA", "Italy", "222", ""),
    "44": ("GB", "GBR", "United Kingdom", "234", "0"),
    "49": ("DE", "DEU", "Germany", "262", "0"),
    "52": ("MX", "MEX", "Mexico", "334", ""),
    "55": ("BR", "BRA", "Brazil", "724", "0"),
    "61": ("AU", "AUS", "Australia", "505", "0"),
    "65": ("SG", "SGP", "Singapore", "525", ""),
    "81": ("JP", "JPN", "Japan", "440", "0"),
    "86": ("CN", "CHN", "China", "460", "0"),
    "91": ("IN", "IND", "India", "404", "0"),
    "971": ("AE", "ARE", "United Arab Emirates", "424", "0"),
}
_CANADA: Final = ("CA", "CAN", "Canada", "302", "")
_CANADA_AREA_CODES: Final = frozenset(
    "204 226 236 249 250 289 306 343 365 403 416 418 431 437 438 450 506 514 519 548 579 581 "
    "587 604 613 639 647 672 705 709 742 778 780 782 807 819 825 867 873 902 905".split()
)
_CARRIERS: Final[dict[str, tuple[str, ...]]] = {
    "US": ("T-Mobile USA, Inc.", "Verizon Wireless", "AT&T Wireless"),
    "CA": ("Rogers Communications", "Bell Mobility", "TELUS Mobility"),
    "GB": ("Vodafone UK", "EE", "O2 UK"),
    "IN": ("Reliance Jio", "Bharti Airtel", "Vodafone Idea"),
}
_CALLER_NAMES: Final = ("ALEX MORGAN", "SAM TAYLOR", "JORDAN LEE", "CASEY KIM", "ACME CORP")
_KEYPAD: Final = {
    letter: digit
    for digit, letters in {
        "2": "ABC",
        "3": "DEF",
        "4": "GHI",
        "5": "JKL",
        "6": "MNO",
        "7": "PQRS",
        "8": "TUV",
        "9": "WXYZ",
    }.items()
    for letter in letters
}
_RATES: Final = {"sms": 0.005, "mms": 0.02, "whatsapp": 0.004}
# US and Canadian carriers add a per-message surcharge to A2P SMS and MMS.
_CARRIER_FEE_RATE: Final = 0.003


def _digits(number: str) -> str:
    """A phone number without its leading ``+`` (Plivo's storage form)."""
    return number[1:] if number.startswith("+") else number


def _is_phone(number: str) -> bool:
    return _PHONE_RE.fullmatch(number) is not None


def _split_calling_code(digits: str) -> tuple[str, str] | None:
    for size in (3, 2, 1):
        if digits[:size] in _COUNTRIES:
            return digits[:size], digits[size:]
    return None


def _country(digits: str) -> tuple[str, str, tuple[str, str, str, str, str]] | None:
    """``(calling code, national number, (iso2, iso3, name, mcc, trunk))``, or ``None``."""
    split = _split_calling_code(digits)
    if split is None:
        return None
    code, national = split
    if code == "1" and national[:3] in _CANADA_AREA_CODES:
        return code, national, _CANADA
    return code, national, _COUNTRIES[code]


def _mnc(digits: str) -> str:
    """The mobile network code the fake gives a number: two digits, the same every time."""
    return f"{zlib.crc32(digits.encode()) % 90 + 10:02d}"


def _group(digits: str, sep: str) -> str:
    """Digits in groups of three or four from the left, e.g. ``20 7946 0100``."""
    if len(digits) <= 4:
        return digits
    head = len(digits) % 4 or 4
    if head < 2:
        head += 4
    groups = [digits[:head]] + [digits[i : i + 4] for i in range(head, len(digits), 4)]
    return sep.join(groups)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (3, "")
    if isinstance(value, (bool, int, float)):
        return (0, float(value))
    if isinstance(value, str):
        return (1, value)
    return (2, json.dumps(value, sort_keys=True, default=str))


def _parse_time(name: str, value: str) -> datetime:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise _ApiError(400, f"{name}: {value!r} is not an ISO 8601 date or time") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def _has(agent: Mapping[str, Any], key: str) -> bool:
    """Whether an agent configures ``key`` (an empty object counts: provider defaults)."""
    return agent.get(key) is not None


def _agent_mode(agent: Mapping[str, Any]) -> str:
    """The pipeline mode implied by the configured providers (api-facts §3.1)."""
    if _has(agent, "s2s"):
        return "s2s"
    stt, llm, tts = (_has(agent, key) for key in ("stt", "llm", "tts"))
    if stt and llm and tts:
        return "full"
    if stt and tts:
        return "byollm"
    if stt:
        return "stt_only"
    if tts:
        return "tts_only"
    return "audio_stream"


def _byok(agent: Mapping[str, Any]) -> bool:
    configs: list[Any] = [agent.get(key) for key in ("stt", "llm", "tts", "s2s")]
    for key in ("stt_fallback", "llm_fallback", "tts_fallback"):
        configs.extend(agent.get(key) or [])
    return any(isinstance(config, Mapping) and config.get("api_key") for config in configs)


def _country_info(number: str) -> tuple[str, str, str, str, str] | None:
    """``(iso2, iso3, name, mcc, trunk prefix)`` of a phone number; ``None``: unknown code."""
    found = _country(_digits(number))
    return None if found is None else found[2]


def _country_iso2(number: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a phone number's country (``None``: unknown code)."""
    country = _country_info(number)
    return None if country is None else country[0]


def _network(number: str) -> str | None:
    """The carrier of a phone number (the same pick as the fake's number lookup makes)."""
    country = _country_info(number)
    if country is None:
        return None
    carriers = _CARRIERS.get(country[0], (f"{country[2]} Telecom",))
    return carriers[zlib.crc32(_digits(number).encode()) % len(carriers)]


# -- fields of records beyond the basics ---------------------------------------------------------


def _offer_extras(block: _Block) -> dict[str, Any]:
    """The fields of a number for sale beyond the basics (``search_numbers`` objects)."""
    return {
        "lata": block.lata,  # null outside the US, as Plivo sends it
        "rate_center": block.rate_center,
        "sub_type": "local" if block.city else None,
        "mms_enabled": block.mms_enabled,
        "mms_rate": "0.00000",
        "prerequisites": copy.deepcopy([dict(entry) for entry in block.prerequisites]),
        "ha_enabled": block.iso in ("US", "CA") and block.type == "local",
    }


def _owned_extras(offer: Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a number just bought beyond the basics (``get_number`` / ``list_numbers``).

    ``options`` is the ``buy_number`` body: ``cnam_lookup`` and ``compliance_application_id``
    are kept; ``ha_enable`` and ``verification_info`` are accepted and ignored (the fake has no
    HA routing nor document checks).
    """
    compliance = options.get("compliance_application_id")
    return {
        "active": True,
        "cnam_lookup": options.get("cnam_lookup", "disabled"),
        "compliance_application_id": compliance,
        "compliance_status": "accepted" if compliance else None,
        "mms_enabled": offer.get("mms_enabled", False),
        "mms_rate": offer.get("mms_rate", "0.00000"),
        "tendlc_campaign_id": None,
        "tendlc_registration_status": None,
        "toll_free_sms_verification": "unverified" if offer.get("type") == "tollfree" else None,
        "toll_free_sms_verification_id": None,
        "toll_free_sms_verification_order_status": None,
        "sub_account_name": None,
        "cnam": None,
        "profile_uuid": None,
        "caller_reputation_status": None,
        "description": None,
        "plivo_number": True,
    }


# update_number body fields the fake stores on the number as they are. cnam_callback_*,
# caller_reputation* and verification_info are accepted and ignored: the fake registers no
# CNAM, monitors no reputation and checks no documents.
_NUMBER_UPDATE_KEPT: Final = ("cnam_lookup", "cnam", "profile_uuid")


def _apply_number_update(record: dict[str, Any], body: Mapping[str, Any]) -> None:
    """Apply the ``update_number`` fields beyond ``app_id`` / ``subaccount`` / ``alias``."""
    for key in _NUMBER_UPDATE_KEPT:
        if key in body:
            record[key] = body[key]
    if "compliance_application_id" in body:
        record["compliance_application_id"] = body["compliance_application_id"] or None
        record["compliance_status"] = "accepted" if body["compliance_application_id"] else None


def _message_extras(record: Mapping[str, Any], content: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a stored message beyond the basics, derived from ``record`` (its numbers,
    type, direction, units and time) and ``content`` (the rest of the create_message body)."""
    outbound = record["message_direction"] == "outbound"
    dst_iso = _country_iso2(record["to_number"])
    src = record.get("from_number")
    whatsapp = record["message_type"] == "whatsapp"
    fee_rate = _CARRIER_FEE_RATE if outbound and not whatsapp and dst_iso in ("US", "CA") else 0.0
    sent = record["message_time"]
    expires = None
    if whatsapp:
        opened = datetime.strptime(sent, "%Y-%m-%d %H:%M:%S%z") + timedelta(hours=24)
        expires = opened.strftime("%Y-%m-%d %H:%M:%S+00:00")
    return {
        "error_message": None,
        "message_sent_time": None if outbound else sent,  # set when it moves to "sent"
        "message_updated_time": sent,
        "carrier_fees": f"{fee_rate * record['units']:.5f}",
        "carrier_fees_rate": f"{fee_rate:.5f}",
        "conversation_id": uuid.uuid5(uuid.NAMESPACE_OID, f"{src}>{record['to_number']}").hex
        if whatsapp
        else None,
        "conversation_origin": ("utility" if content.get("template") else "service")
        if whatsapp
        else None,
        "conversation_expiration_timestamp": expires,
        "destination_network": _network(record["to_number"]),
        "destination_country_iso2": dst_iso,
        "dlt_entity_id": content.get("dlt_entity_id"),
        "dlt_template_id": content.get("dlt_template_id"),
        "dlt_template_category": content.get("dlt_template_category"),
        "is_domestic": src is None or _country_iso2(src) == dst_iso,
        "tendlc_campaign_id": None,
        "tendlc_registration_status": None,
        "replaced_sender": None,
        "powerpack_id": record.get("powerpack_id"),
        "log": content.get("log", True),
    }


# -- list filters beyond the basics ----------------------------------------------------------


def _fields_equal(record: Mapping[str, Any], query: Mapping[str, Any], keys: Iterable[str]) -> bool:
    """Whether ``record`` has the value the query asks for, for each of ``keys`` it names."""
    return all(key not in query or record.get(key) == query[key] for key in keys)


def _message_filters_match(record: Mapping[str, Any], query: Mapping[str, Any]) -> bool:
    """The ``list_messages`` filters on the extra fields, and ``message_time`` (exact)."""
    extra = ("destination_country_iso2", "tendlc_campaign_id", "tendlc_registration_status")
    if not _fields_equal(record, query, extra):
        return False
    if "message_time" in query:
        wanted = _parse_time("message_time", query["message_time"])
        return _parse_time("message_time", record["message_time"]) == wanted
    return True


_DATE_BOUNDS: Final[dict[str, Callable[[date, date], bool]]] = {
    "renewal_date": operator.eq,
    "renewal_date__lt": operator.lt,
    "renewal_date__lte": operator.le,
    "renewal_date__gt": operator.gt,
    "renewal_date__gte": operator.ge,
}


def _number_filters_match(record: Mapping[str, Any], query: Mapping[str, Any]) -> bool:
    """The ``list_numbers`` filters on the 10DLC, toll-free, CNAM and renewal date fields."""
    if not _fields_equal(
        record,
        query,
        (
            "tendlc_registration_status",
            "tendlc_campaign_id",
            "toll_free_sms_verification",
            "toll_free_sms_verification_order_status",
            "cnam_lookup",
        ),
    ):
        return False
    renewal = date.fromisoformat(record["renewal_date"])
    for name, holds in _DATE_BOUNDS.items():
        if name in query and not holds(renewal, _parse_time(name, query[name]).date()):
            return False
    return True


def _search_filters_match(
    national: str, offer: Mapping[str, Any], query: Mapping[str, Any]
) -> bool:
    """The ``search_numbers`` filters ``npanxx`` and ``eligible``.

    ``eligible=true`` leaves out numbers that need proof documents (the fake account has none
    approved). ``local_calling_area`` is accepted and ignored: the fake has no calling areas,
    so only the exchange itself is searched.
    """
    npanxx = query.get("npanxx")
    if npanxx and not national.startswith(npanxx):
        return False
    if query.get("eligible"):
        return not any(entry.get("proof_required") for entry in offer.get("prerequisites", []))
    return True
