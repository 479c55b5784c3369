"""Result codes: genuine ones verify, any edit or another secret does not, unsigned and
damaged ones are named so, several are found in pasted text, and the host's secret is
read from the environment or Streamlit's secrets."""

import pytest

from playground.teaching import assignment_codes as codes
from playground.teaching.assignment_codes import Result, check_codes, result_code

SECRET = "a-secret-of-32-characters-000000"
RESULT = Result("AbCdEfGhIj", "XOR <b>", "classify", {"dataset": "xor", "hidden": "4"},
                "test_accuracy", 0.9512345678, 73)  # fmt: skip


def verdicts(text: str, secret: str | None = SECRET) -> list[str]:
    return [check.verdict for check in check_codes(text, secret)[0]]


def test_a_genuine_code_verifies_and_carries_its_result():
    code = result_code(RESULT, SECRET)
    [check], note = check_codes(f"my code: {code} thanks", SECRET)
    assert check.verdict == "genuine" and note is None
    assert check.result == Result(**{**RESULT.__dict__, "value": 0.951235})
    assert check.shown == codes.verification_code(code) and len(check.shown) == 19


def test_an_edited_payload_or_mac_or_another_secret_is_not_genuine():
    code = result_code(RESULT, SECRET)
    prefix, payload, mac = code.split(".")
    better = result_code(Result(**{**RESULT.__dict__, "value": 0.99}), SECRET).split(".")[1]
    flipped = "B" if mac[0] != "B" else "C"
    forged = [f"{prefix}.{better}.{mac}", f"{prefix}.{payload}.{flipped}{mac[1:]}"]
    assert verdicts(" ".join(forged)) == ["not genuine", "not genuine"]
    assert verdicts(code, "another-secret-of-32-characters-") == ["not genuine"]


def test_without_a_secret_codes_are_unsigned_and_cannot_be_verified():
    unsigned = result_code(RESULT, None)
    assert unsigned.endswith(".unsigned") and codes.verification_code(unsigned) == "unsigned"
    assert verdicts(unsigned) == ["unsigned"]
    assert verdicts(result_code(RESULT, SECRET), None) == ["cannot verify"]


def test_damaged_codes_and_several_at_once():
    good = result_code(RESULT, SECRET)
    damaged = "nnp1.bm90IGpzb24.ABCDEFGHABCDEFGH"  # "not json"
    text = "\n".join([good, "noise nnp1 nnp1.", damaged, good])
    assert verdicts(text) == ["genuine", "damaged", "genuine"]
    assert check_codes(None, SECRET) == ([], None)


def test_each_code_keeps_the_text_pasted_before_it_on_its_line():
    good = result_code(RESULT, SECRET)
    text = f"Ana Silva: {good}\n{good}\n  Bo -  {good} Cy: {good}\n<b>{'x' * 60}</b> {good}"
    pasted = [check.pasted_with for check in check_codes(text, SECRET)[0]]
    assert pasted[:4] == ["Ana Silva", "", "Bo", "Cy"]  # Cy's follows Bo's code on a line
    assert pasted[4] == "<b>" + "x" * 36 + "…" and len(pasted[4]) == codes.MAX_PASTED_WITH


def test_the_checker_has_limits():
    good = result_code(RESULT, SECRET)
    checks, note = check_codes(" ".join([good] * (codes.MAX_CODES + 5)), SECRET)
    assert len(checks) == codes.MAX_CODES and "first 60 codes" in note
    checks, note = check_codes("x" * codes.MAX_CHECK_CHARS + good, SECRET)
    assert checks == [] and "first 60,000 characters" in note


@pytest.mark.parametrize(
    ("environ", "secrets", "expected"),
    [
        ({}, {}, None),
        ({codes.SECRET_ENV: SECRET}, {}, SECRET),
        ({}, {codes.SECRET_KEY: SECRET}, SECRET),
        ({codes.SECRET_ENV: SECRET}, {codes.SECRET_KEY: "other" * 8}, SECRET),  # env wins
        ({codes.SECRET_ENV: "short"}, {}, None),
        ({}, {codes.SECRET_KEY: 12345678901234567}, None),  # not text
    ],
)
def test_the_hosts_secret(environ, secrets, expected):
    secret, problem = codes.find_secret(environ, secrets)
    assert secret == expected
    given = environ or secrets
    assert (problem is not None) == (bool(given) and expected is None)
