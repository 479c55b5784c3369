"""Importing a model.json: a good one predicts on the page as it did when exported; a
corpus of broken and hostile files is refused with a clear sentence, the session unchanged."""

import copy
import io
import json
import math
import pickle
import re

import numpy as np
import pytest

from playground.engine import Dense, Sequential
from playground.engine.history import History
from playground.engine.serialize import save_npz
from playground.labs.classify.lab import CLASSIFY
from playground.teaching import bundle
from playground.teaching.model_import import MAX_MODEL_BYTES, ModelFileError, imported_session
from tests.teaching.bundle_helpers import FRUIT_CSV, PENGUINS_ALL, trained


@pytest.fixture(scope="module")
def exported():
    """(model.json as a dict, the session it came from): penguins, island and sex one-hot."""
    session = trained(f"dataset=penguins&inputs={PENGUINS_ALL}", epochs=3)
    return json.loads(bundle.bundle_files(session)["model.json"]), session


def _json(model) -> bytes:
    return json.dumps(model).encode()


def _edit(change):
    """A corpus entry: the good model.json with `change(model)` applied."""

    def make(model):
        broken = copy.deepcopy(model)
        change(broken)
        return _json(broken)

    return make


def _npz(model) -> bytes:
    buffer = io.BytesIO()
    save_npz(Sequential([Dense(2)], input_shape=(3,)), buffer)
    return buffer.getvalue()


def _sequential(model):
    net = Sequential([Dense(3, activation="softmax")], input_shape=(9,))
    model["network"] = net.to_dict()


def _set(path, value):
    def change(model):
        where = model
        for key in path[:-1]:
            where = where[key]
        where[path[-1]] = value

    return _edit(change)


CORPUS = {
    "empty file": (lambda m: b"", "not valid JSON"),
    "a pickle": (lambda m: pickle.dumps(m), "pickle"),
    "model.npz": (_npz, "zip archive"),
    "UTF-16 text": (lambda m: json.dumps(m).encode("utf-16"), "not UTF-8"),
    "not JSON": (lambda m: b'{"format": "nn-playground-bundle", ', "not valid JSON"),
    "a JSON list": (lambda m: b"[1, 2, 3]", "not an object"),
    "another format": (_set(["format"], "nn-playground-network"), "not a playground model"),
    "another version": (_set(["version"], 2), "another version"),
    "another lab": (_set(["lab"], "autoencoder"), "another lab"),
    "a query with an unknown data set": (_set(["query"], "dataset=nope"), "not valid here"),
    "a query that is not text": (_set(["query"], 42), "'query' must be a text"),
    "a part of a model.json, with no query": (
        lambda m: _json({key: m[key] for key in ("format", "version", "lab")}),
        "not a whole model.json",
    ),
    "NaN in the weights": (
        lambda m: _json(m).replace(b'"weights": [[[', b'"weights": [[[NaN, ', 1),
        "not valid JSON",
    ),
    "1e999 in the weights": (
        lambda m: re.sub(rb'"weights": \[\[\[[-0-9.e]+', b'"weights": [[[1e999', _json(m), count=1),
        "finite numbers",
    ),
    "a weight matrix of the wrong shape": (
        _edit(lambda m: m["network"]["weights"][0].pop()),
        "network is not valid",
    ),
    "a word among the weights": (
        _edit(lambda m: m["network"]["biases"][0].__setitem__(0, "w")),
        "network is not valid",
    ),
    "a huge layer": (_set(["network", "sizes"], [9, 100_000, 3]), "network is not valid"),
    "no encoder": (_edit(lambda m: m.pop("encoder")), "encoder is not valid"),
    "1e999 in the encoder's mean": (
        lambda m: re.sub(rb'"mean": \[[-0-9.e]+', b'"mean": [1e999', _json(m), count=1),
        "9 finite numbers",
    ),
    "a category the data do not have": (
        _edit(lambda m: m["encoder"]["columns"][4]["categories"].__setitem__(2, "Atlantis")),
        "does not fit its data",
    ),
    "another scaling": (
        _edit(lambda m: m["encoder"]["mean"].__setitem__(0, 40.0)),
        "does not fit its data",
    ),
    "other class names": (_set(["output", "classes"], ["a", "b", "c"]), "does not fit"),
    "a network the settings do not build": (
        _edit(lambda m: m.__setitem__("query", m["query"] + "&hidden=4")),
        "does not fit its data",
    ),
    "another activation": (_set(["network", "activations"], ["relu"]), "does not fit"),
    "no output": (_edit(lambda m: m.pop("output")), "'output' must name its task"),
    "a convolutional or other non-dense network": (_edit(_sequential), "not a dense network"),
    "nested 100,000 deep": (lambda m: b"[" * 100_000 + b"]" * 100_000, "too deeply"),
    "over the size cap": (lambda m: b" " * (MAX_MODEL_BYTES + 1), "at most 4 MB"),
    "a 5,000-digit number": (
        lambda m: _json(m).replace(b'"epoch": 3', b'"epoch": ' + b"9" * 5000),
        "not valid JSON",
    ),
    "a CSV model with no CSV uploaded": (
        _set(["query"], "dataset=csv"),
        "upload that file first",
    ),
    "a negative epoch": (_set(["epoch"], -1), "'epoch' must be a whole number"),
    "an epoch in words": (_set(["epoch"], "three"), "'epoch' must be a whole number"),
    "a history that is a list": (_set(["history"], [[0, 1.0]]), "must have the columns"),
    "a history without its test loss": (
        _edit(lambda m: m["history"].pop("test_loss")),
        "must have the columns",
    ),
    "history columns of other lengths": (
        _edit(lambda m: m["history"]["train_loss"].pop()),
        "lists of the same length",
    ),
    "a history of no rows": (
        _edit(lambda m: [column.clear() for column in m["history"].values()]),
        "lists of the same length",
    ),
    "history epochs out of order": (
        _edit(lambda m: m["history"]["epoch"].reverse()),
        "must increase and end at its epoch",
    ),
    "a history that ends before the epoch": (_set(["epoch"], 7), "end at its epoch (7)"),
    "a word among the losses": (
        _edit(lambda m: m["history"]["test_loss"].__setitem__(1, "low")),
        "history.test_loss must hold numbers",
    ),
    "1e999 among the losses": (
        lambda m: re.sub(rb'"train_loss": \[[-0-9.e]+', b'"train_loss": [1e999', _json(m), count=1),
        "history.train_loss must hold finite numbers",
    ),
    "a 400-digit loss": (
        _edit(lambda m: m["history"]["train_loss"].__setitem__(0, 10**400)),
        "history.train_loss must hold finite numbers",
    ),
    "a restored epoch after the epochs trained": (
        _set(["metrics", "restored_epoch"], 3),
        "restored_epoch must be a whole number from 0 to 2",
    ),
    "a restored epoch the history does not have": (
        _edit(
            lambda m: (
                m["metrics"].__setitem__("restored_epoch", 1),
                [column.pop(1) for column in m["history"].values()],
            )
        ),
        "no row of its restored epoch 1",
    ),
}


def _state(session):
    return (dict(session.settings), session.network.params.copy(), session.epoch, session.dataset)


@pytest.mark.parametrize("name", CORPUS)
def test_a_broken_or_hostile_model_file_is_refused_clearly(name, exported):
    model, _ = exported
    make, fragment = CORPUS[name]
    current = CLASSIFY.start({"dataset": ["circle"]})[0]
    current.step()
    before = _state(current)
    with pytest.raises(ModelFileError) as caught:
        imported_session(make(model), current)
    message = str(caught.value)
    assert fragment in message, message
    assert "\n" not in message and "Traceback" not in message and len(message) < 400
    after = _state(current)
    assert after[0] == before[0] and np.array_equal(after[1], before[1])
    assert after[2:] == before[2:]


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 20


def test_an_imported_model_predicts_as_it_did_when_exported(exported):
    model, source = exported
    current = CLASSIFY.start({})[0]
    session = imported_session(_json(model), current)
    assert session is not current and current.settings["dataset"] == "circle"
    assert session.settings["dataset"] == "penguins" and session.epoch == source.epoch == 3
    X = source.dataset.X_test
    assert np.array_equal(session.network.predict(X), source.network.predict(X))
    assert session.record() == source.record()  # the same epoch and figures
    for name in source.trainer.history.columns:  # the loss curve goes on where it was
        assert np.array_equal(session.snapshot().history[name], source.snapshot().history[name])
    session.step()  # and it trains on from there
    assert session.epoch == 4 and len(session.trainer.history) == 5


def test_a_model_file_without_a_history_goes_on_from_its_epoch(exported):
    model, source = exported
    older = {key: value for key, value in model.items() if key != "history"}
    session = imported_session(_json(older), CLASSIFY.start({})[0])
    assert session.epoch == 3 and session.snapshot().history["epoch"].tolist() == [3]
    assert session.record()["test_loss"] == source.record()["test_loss"]
    session.step()
    assert session.snapshot().history["epoch"].tolist() == [3, 4]


OVERFIT = "dataset=xor&noise=50&train_pct=10&hidden=16,16&learning_rate=0.3"


def test_a_model_exported_after_a_restored_stop_imports_as_it_was():
    source = trained(OVERFIT + "&patience=10&restore_best=true", epochs=0)
    while not source.stop_reason():
        source.step()
    best = source.restored().epoch
    model = json.loads(bundle.bundle_files(source)["model.json"])
    assert model["epoch"] == source.epoch and model["metrics"]["restored_epoch"] == best
    assert model["metrics"]["test_loss"] == source.trainer.history[best]["test_loss"]
    session = imported_session(_json(model), CLASSIFY.start({})[0])
    assert session.epoch == source.epoch and session.restored().epoch == best
    assert CLASSIFY.stats(session.snapshot()) == CLASSIFY.stats(source.snapshot())
    assert session.record() == source.record() and session.stop_reason() == "patience"
    np.testing.assert_array_equal(session.network.params, source.network.params)
    session.step()  # trains on from the restored weights, as the exporting page would
    assert session.epoch == source.epoch + 1 and session.restored() is None
    assert not np.array_equal(session.network.params, source.network.params)


def test_a_long_history_is_thinned_in_model_json_and_keeps_the_restored_row():
    history = History(("epoch", "train_loss", "test_loss"))
    for epoch in range(3 * bundle.MAX_HISTORY_ROWS):
        history.append((epoch, 1.0 / (epoch + 1), math.nan if epoch == 0 else 0.5))
    columns = bundle.history_columns(history, keep_epoch=12_345)
    assert len(columns["epoch"]) <= bundle.MAX_HISTORY_ROWS
    assert {0, 12_345, 3 * bundle.MAX_HISTORY_ROWS - 1} <= set(columns["epoch"])
    assert columns["test_loss"][0] is None and columns["test_loss"][1] == 0.5  # JSON: no NaN


def test_a_page_link_that_fixes_a_setting_keeps_it(exported):
    model, _ = exported
    current = CLASSIFY.start({"dataset": ["circle"], "hide": ["dataset"]})[0]
    with pytest.raises(ModelFileError, match="fixes dataset"):
        imported_session(_json(model), current)


def test_a_csv_model_imports_when_its_file_is_uploaded():
    source = trained("dataset=csv", epochs=2, csv_text=FRUIT_CSV)
    model_json = bundle.bundle_files(source)["model.json"]
    current = trained("dataset=csv", epochs=0, csv_text=FRUIT_CSV)
    session = imported_session(model_json, current)
    X = source.dataset.X_train
    assert np.array_equal(session.network.predict(X), source.network.predict(X))


ODD_VALUES = (None, [], {}, "x", -1, 1.5, True, [[1]], {"a": 1})


def test_any_field_of_any_kind_gives_a_model_file_error_or_a_working_model(exported):
    """Every field of the file (and of its encoder, output and network) replaced by values
    of every JSON kind: the import either works or says why, never another exception."""
    model, _ = exported
    current = CLASSIFY.start({})[0]
    paths = [[key] for key in model if key != "settings"]
    paths += [[part, key] for part in ("encoder", "output", "network") for key in model[part]]
    outcomes = set()
    for path in paths:
        for value in ODD_VALUES:
            try:
                imported_session(_set(path, value)(model), current)
                outcomes.add("worked")
            except ModelFileError:
                outcomes.add("refused")
    assert outcomes == {"worked", "refused"}  # e.g. "epoch" and "metrics" are not read
