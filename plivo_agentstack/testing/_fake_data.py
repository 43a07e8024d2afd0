"""Seed data of the fake REST API (numbers for sale, countries, carriers) and value helpers.

The helpers read phone numbers, ISO 8601 times, sort keys and an agent's configured mode.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from datetime import datetime, timezone
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


_INVENTORY: Final = (
    _Block("US", "United States", "1", "415", 4155550200, 12, "local", "San Francisco",
           "California", 722, "SNFC CA"),
    _Block("US", "United States", "1", "212", 2125550300, 8, "local", "New York", "New York",
           132, "NWYRCYZN01"),
    _Block("US", "United States", "1", "512", 5125550400, 6, "local", "Austin", "Texas",
           558, "AUSTIN"),
    _Block("US", "United States", "1", "833", 8335550500, 4, "tollfree", "", "",
           monthly="1.00000", voice_rate="0.02200"),
    _Block("CA", "Canada", "1", "604", 6045550600, 6, "local", "Vancouver", "British Columbia"),
    _Block("CA", "Canada", "1", "416", 4165550700, 6, "local", "Toronto", "Ontario"),
    _Block("GB", "United Kingdom", "44", "20", 2079460100, 6, "fixed", "London", "England",
           monthly="0.80000", voice_rate="0.01000", sms_enabled=False),
    _Block("GB", "United Kingdom", "44", "7700", 7700900100, 6, "mobile", "", "",
           monthly="1.20000", voice_rate="0.01500", sms_rate="0.04000"),
    _Block("IN", "India", "91", "80", 8047180100, 4, "fixed", "Bangalore", "Karnataka",
           monthly="2.00000", voice_rate="0.01200", sms_enabled=False),
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
