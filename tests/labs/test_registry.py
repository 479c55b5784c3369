"""The lab registry: the labs in menu order, and which lab a query names."""

import pytest

from playground.labs.classify.lab import CLASSIFY
from playground.labs.classify.session import Playground
from playground.labs.registry import LABS, UnknownLabError, lab_for_query, lab_named


def test_classify_is_the_first_lab_at_the_root():
    first = next(iter(LABS.values()))
    assert first is CLASSIFY and CLASSIFY.path == "" and CLASSIFY.name == "classify"
    assert all(lab.summary.count(". ") >= 1 and lab.title for lab in LABS.values())
    assert len({lab.path for lab in LABS.values()}) == len(LABS)  # one page each


def test_a_query_names_its_lab_or_gets_the_first():
    assert lab_for_query({}) is CLASSIFY
    assert lab_for_query({"lab": "classify", "dataset": "xor"}) is CLASSIFY
    assert lab_for_query({"lab": ["nothing", "classify"]}) is CLASSIFY  # the last one counts
    with pytest.raises(UnknownLabError, match="the labs are classify"):
        lab_for_query({"lab": "<script>"})
    with pytest.raises(UnknownLabError):
        lab_named("")


def test_the_lab_param_is_not_a_setting_and_the_classify_lab_opens_a_playground():
    settings, notes = CLASSIFY.settings_from_query({"lab": "classify", "dataset": "xor"})
    assert settings["dataset"] == "xor" and notes == []
    assert CLASSIFY.to_query(settings) == {"dataset": "xor", "seed": "0"}  # its setup
    session = CLASSIFY.open(settings)
    assert isinstance(session, Playground) and session.lab is CLASSIFY


def test_cnn_is_another_name_of_the_vision_lab():
    from playground.labs.convnet.lab import CONVNET

    assert lab_for_query({"lab": "cnn"}) is CONVNET is lab_named("convnet") is lab_named("cnn")
    assert CONVNET.path == "convnet"  # its page stays /convnet


def test_the_listing_and_the_refusal_name_every_alias():
    from playground.labs.convnet.lab import CONVNET
    from playground.labs.headless import lab_facts, labs_text
    from playground.labs.registry import aliases_of

    assert aliases_of(CONVNET) == ("cnn",) and aliases_of(CLASSIFY) == ()
    assert lab_facts(CONVNET)["aliases"] == ["cnn"] and lab_facts(CLASSIFY)["aliases"] == []
    titles = [line for line in labs_text() if line.startswith("convnet ")]
    assert titles == ["convnet  (page /convnet, also --lab cnn)  Vision"]
    with pytest.raises(UnknownLabError, match="cnn is another name for convnet"):
        lab_named("cnnn")
