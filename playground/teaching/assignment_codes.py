"""Signatures: of an assignment link, and of a student's result (the verification code).

Both are HMAC-SHA256 with a secret only the host knows (never in a URL or a page), each
over its own domain string so one can never pass for the other. A result code carries
what it vouches for (the assignment's id and title, the settings, the metric, its value
and the epoch), so a teacher's checker can show them; its last part is the short
verification code. Without a secret nothing is signed and the page says so.

    secret, problem = find_secret(os.environ, secrets)    # the host's secret, or why not
    code = result_code(result, secret)                    # "nnp1.<payload>.<mac>"
    checks = check_codes(pasted_text, secret)             # one CodeCheck per code found
"""

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from playground.config.coerce import MAX_RAW_CHARS
from playground.teaching.assignment import MAX_LINK_CHARS, MAX_SETUP_KEYS, MAX_TITLE_CHARS

SECRET_ENV = "PLAYGROUND_ASSIGNMENT_SECRET"  # the host's environment variable
SECRET_KEY = "assignment_secret"  # or this key in Streamlit's .streamlit/secrets.toml
MIN_SECRET_CHARS = 16
LINK_DOMAIN = b"playground assignment link v1\n"
RESULT_DOMAIN = b"playground assignment result v1\n"
LINK_SIGNATURE_CHARS = 22  # 132 bits
MAC_CHARS = 16  # base32: 80 bits, short enough to read out, far too many to guess
CODE_PREFIX = "nnp1"
UNSIGNED = "unsigned"
MAX_CODE_CHARS = 3000
MAX_CHECK_CHARS = 60_000  # text pasted into the checker
MAX_CODES = 60  # codes checked at once
_CODE = re.compile(rf"{CODE_PREFIX}\.([A-Za-z0-9_-]+)\.([A-Za-z0-9]+)")
_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
_ID = re.compile(r"[A-Za-z0-9_-]{10}")


def find_secret(
    environ: Mapping[str, str], secrets: Mapping[str, Any] | None = None
) -> tuple[str | None, str | None]:
    """(the host's secret, None), or (None, a sentence for the page if one is set but not
    usable). The environment variable SECRET_ENV wins over `secrets` (Streamlit's
    secrets, key SECRET_KEY). A secret needs at least MIN_SECRET_CHARS characters."""
    secret = environ.get(SECRET_ENV) or (secrets or {}).get(SECRET_KEY)
    if secret is None or secret == "":
        return None, None
    if not isinstance(secret, str) or len(secret.strip()) < MIN_SECRET_CHARS:
        return None, (
            f"The host's assignment secret is shorter than {MIN_SECRET_CHARS} characters, "
            "so it is not used: links and result codes are unsigned."
        )
    return secret.strip(), None


def _digest(secret: str, domain: bytes, message: str) -> bytes:
    return hmac.new(
        secret.encode("utf-8"), domain + message.encode("ascii"), hashlib.sha256
    ).digest()


def _mac(secret: str, payload: str) -> str:
    """A result's verification code: base32 (A-Z, 2-7: no look-alike dashes to misread)."""
    return base64.b32encode(_digest(secret, RESULT_DOMAIN, payload)).decode("ascii")[:MAC_CHARS]


def link_signature(secret: str, encoded: str) -> str:
    """The `assignment_sig=` value of an encoded assignment (base64url, 132 bits)."""
    digest = _digest(secret, LINK_DOMAIN, encoded)
    return base64.urlsafe_b64encode(digest).decode("ascii")[:LINK_SIGNATURE_CHARS]


def link_is_signed(secret: str, encoded: str, signature: Any) -> bool:
    """Whether `signature` is the link signature of `encoded` (compared in constant time).
    Anything but ASCII text of a link's size is not signed."""
    for text in (encoded, signature):
        if not isinstance(text, str) or not text.isascii() or len(text) > MAX_LINK_CHARS:
            return False
    return hmac.compare_digest(link_signature(secret, encoded), signature)


@dataclass(frozen=True)
class Result:
    """What a result code vouches for: the assignment (its id and title) and lab, the
    settings (the lab's URL query of them), the metric's name and value, and the epoch
    at which the target was reached."""

    assignment: str
    title: str
    lab: str
    settings: Mapping[str, str]
    metric: str
    value: float
    epoch: int


def rounded(value: float) -> float:
    """A metric as a result code keeps it: 6 significant digits."""
    return float(f"{value:.6g}")


def _payload(result: Result) -> str:
    data = {"v": 1, "a": result.assignment, "t": result.title, "lab": result.lab,
            "s": dict(result.settings), "m": result.metric, "x": rounded(result.value),
            "e": result.epoch}  # fmt: skip
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("ascii")).decode("ascii").rstrip("=")


def result_code(result: Result, secret: str | None) -> str:
    """The code a student hands in: "nnp1.<payload>.<MAC>" ("...unsigned" without a
    secret). The payload is the result as base64url JSON."""
    payload = _payload(result)
    mac = _mac(secret, payload) if secret else UNSIGNED
    return f"{CODE_PREFIX}.{payload}.{mac}"


def verification_code(code: str) -> str:
    """The short verification code at the end of a result code, in groups of four."""
    mac = code.rsplit(".", 1)[-1]
    return mac if mac == UNSIGNED else "-".join(mac[i : i + 4] for i in range(0, len(mac), 4))


def _short_text(value: Any, most: int) -> bool:
    return isinstance(value, str) and len(value) <= most and value.isprintable()


def _settings_ok(value: Any) -> bool:
    return (isinstance(value, dict) and len(value) <= MAX_SETUP_KEYS
            and all(_NAME.fullmatch(k) and _short_text(v, MAX_RAW_CHARS)
                    for k, v in value.items()))  # fmt: skip


def _is_number(value: Any) -> bool:
    return isinstance(value, float | int) and not isinstance(value, bool) and math.isfinite(value)


def read_result(payload: str) -> Result | None:
    """The Result inside a code's payload, or None if it is not one."""
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        data = json.loads(raw.decode("ascii"))
    except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or set(data) != {"v", "a", "t", "lab", "s", "m", "x", "e"}:
        return None
    fine = (data["v"] == 1 and isinstance(data["a"], str) and _ID.fullmatch(data["a"])
            and _short_text(data["t"], MAX_TITLE_CHARS) and isinstance(data["lab"], str)
            and _NAME.fullmatch(data["lab"]) and _settings_ok(data["s"])
            and isinstance(data["m"], str) and _NAME.fullmatch(data["m"])
            and _is_number(data["x"]) and isinstance(data["e"], int)
            and not isinstance(data["e"], bool) and 0 <= data["e"] <= 10**9)  # fmt: skip
    if not fine:
        return None
    return Result(data["a"], data["t"], data["lab"], data["s"], data["m"], float(data["x"]),
                  data["e"])  # fmt: skip


VERDICTS = ("genuine", "not genuine", "unsigned", "cannot verify", "damaged")


@dataclass(frozen=True)
class CodeCheck:
    """The checker's finding on one code: the code's verification part (or its start),
    the verdict (one of VERDICTS), the result it carries (None if damaged) and the text
    pasted before it on its line (a student's name, say; see text_before)."""

    shown: str
    verdict: str
    result: Result | None
    pasted_with: str = ""


def _check(payload: str, mac: str, secret: str | None) -> CodeCheck:
    result = read_result(payload) if len(payload) <= MAX_CODE_CHARS else None
    shown = verification_code(f"x.{mac[:MAC_CHARS]}")
    if result is None:
        return CodeCheck(shown, "damaged", None)
    if mac == UNSIGNED:
        return CodeCheck(shown, "unsigned", result)
    if secret is None:
        return CodeCheck(shown, "cannot verify", result)
    genuine = mac.isascii() and hmac.compare_digest(_mac(secret, payload), mac)
    return CodeCheck(shown, "genuine" if genuine else "not genuine", result)


def check_codes(text: Any, secret: str | None) -> tuple[list[CodeCheck], str | None]:
    """Every result code found in pasted `text` (any text around them is ignored), checked
    with the host's secret: (checks in the order found, a note if the text was cut)."""
    if not isinstance(text, str):
        return [], None
    note = None
    if len(text) > MAX_CHECK_CHARS:
        text, note = (
            text[:MAX_CHECK_CHARS],
            f"Only the first {MAX_CHECK_CHARS:,} characters were read.",
        )
    found = list(_CODE.finditer(text))
    if len(found) > MAX_CODES:
        found, note = found[:MAX_CODES], f"Only the first {MAX_CODES} codes were checked."
    ends = [0, *(m.end() for m in found)]
    checks = [
        replace(_check(m.group(1), m.group(2), secret), pasted_with=text_before(text, m, end))
        for m, end in zip(found, ends, strict=False)
    ]
    return checks, note


MAX_PASTED_WITH = 40  # characters of the text before a code that the checker shows


def text_before(text: str, match: re.Match, after: int) -> str:
    """The text on the code's line before it (and after `after`, the end of a code before
    it), e.g. "Ana" of "Ana: nnp1....": its ends' spaces and separators taken off, at most
    MAX_PASTED_WITH characters (the checker's table shows it as plain text)."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[max(line_start, after) : match.start()].strip(" \t:;,.-–—|")
    before = "".join(c for c in before if c.isprintable())
    return before if len(before) <= MAX_PASTED_WITH else before[: MAX_PASTED_WITH - 1] + "…"
