"""Importing a model.json on the other labs whose bundle downloads (autoencoder, vision,
sequences): a model goes home and comes back the same (epoch, bitwise weights, predictions,
history) and trains on; broken files of these labs are refused with a clear sentence and
the page's session unchanged; a model of another lab names the lab it belongs to."""

import copy
import io
import json
import zipfile

import numpy as np
import pytest

from playground.labs.headless import open_session
from playground.labs.registry import LABS
from playground.teaching import bundle
from playground.teaching.model_import import ModelFileError, imported_session
from tests.teaching.bundle_helpers import LAB_QUERIES as QUERIES

EPOCHS = 3


def _test_x(session) -> np.ndarray:
    """The test rows of the lab's data (n, *input_shape)."""
    for name in ("dataset", "images", "task"):
        data = getattr(session, name, None)
        if data is not None and hasattr(data, "X_test"):
            return data.X_test
    raise AssertionError("no test rows")


@pytest.fixture(scope="module", params=list(QUERIES))
def exported(request):
    """(lab name, the trained source session, its model.json bytes)."""
    name = request.param
    source = open_session(f"lab={name}&{QUERIES[name]}")
    for _ in range(EPOCHS):
        source.step()
    return name, source, bundle.bundle_files(source)["model.json"]


def _fresh(name: str):
    """The page's session of a first visit to the lab's page (its defaults)."""
    return LABS[name].start({})[0]


def _state(session):
    return (
        dict(session.settings),
        session.network.params.copy(),
        session.epoch,
        session.model_version,
        len(session.trainer.history),
    )


def _unchanged(before, session) -> bool:
    after = _state(session)
    return after[0] == before[0] and np.array_equal(after[1], before[1]) and after[2:] == before[2:]


def test_a_model_comes_back_the_same_and_trains_on(exported):
    name, source, raw = exported
    current = _fresh(name)
    session = imported_session(raw, current)
    assert session is not current and current.epoch == 0  # the page's own is only read
    assert session.lab is LABS[name] and session.settings == source.settings
    assert session.epoch == source.epoch == EPOCHS
    assert session.network.params.tobytes() == source.network.params.tobytes()  # bitwise
    X = _test_x(source)
    assert np.array_equal(session.network.predict(X), source.network.predict(X))
    assert session.record() == source.record()  # the same figures of the same epoch
    for column in source.trainer.history.columns:  # the loss curve goes on where it was
        assert np.array_equal(
            session.snapshot().history[column], source.snapshot().history[column], equal_nan=True
        )
    assert session.step() == 1 and session.epoch == EPOCHS + 1  # Step trains on
    assert len(session.trainer.history) == EPOCHS + 2
    assert not np.array_equal(session.network.params, source.network.params)
    session.update({**session.settings, "speed": "epoch"})  # Play: one epoch a frame
    assert session.set_playing(True) and session.advance(60.0) == 1
    assert session.epoch == EPOCHS + 2


def test_the_bundles_npz_holds_the_same_network_as_its_model_json(exported):
    from playground.engine import load_npz

    name, source, raw = exported
    files = zipfile.ZipFile(io.BytesIO(bundle.bundle_zip(source)))
    assert "model/predict.py" not in files.namelist()  # the first lab's only
    npz = load_npz(io.BytesIO(files.read("model/model.npz")))
    assert npz.params.tobytes() == imported_session(raw, _fresh(name)).network.params.tobytes()


def test_a_model_exported_after_a_restored_stop_imports_as_it_was():
    source = open_session("lab=rnn&task=waves&patience=2&restore_best=true&learning_rate=0.3")
    while not source.stop_reason():
        source.step()
    best = source.restored().epoch
    assert best < source.epoch
    raw = bundle.bundle_files(source)["model.json"]
    session = imported_session(raw, _fresh("rnn"))
    assert session.epoch == source.epoch and session.restored().epoch == best
    assert session.stop_reason() == "patience" and session.record() == source.record()
    assert LABS["rnn"].stats(session.snapshot()) == LABS["rnn"].stats(source.snapshot())
    np.testing.assert_array_equal(session.network.params, source.network.params)
    session.step()  # trains on from the restored weights, as the exporting page would
    assert session.epoch == source.epoch + 1 and session.restored() is None


def _model(raw: bytes) -> dict:
    return json.loads(raw)


def _with(raw: bytes, change) -> bytes:
    model = copy.deepcopy(_model(raw))
    change(model)
    return json.dumps(model).encode()


def _other_architecture(name: str, raw: bytes) -> bytes:
    """The file with the network of other settings of the same lab (its query kept)."""
    other = {"autoencoder": "encoder=8", "convnet": "conv_filters=6", "rnn": "units=5"}[name]
    net = open_session(f"lab={name}&{other}").network
    return _with(raw, lambda m: m.__setitem__("network", net.to_dict()))


def _activation(name: str, raw: bytes) -> bytes:
    """The file with the first activation among its layers' configs changed to elu (the
    same shapes; a TimeDistributed layer's is in its inner layer's config)."""

    def configs(config):
        yield config
        inner = config.get("layer", {}).get("config")
        yield from configs(inner) if inner else ()

    def change(model):
        found = (c for layer in model["network"]["layers"] for c in configs(layer["config"]))
        next(c for c in found if "activation" in c)["activation"] = "elu"

    return _with(raw, change)


def _first_weight_as(text: str, raw: bytes) -> bytes:
    """The file with the first number of its first layer's parameters written as `text`."""
    model = raw.decode()
    start = model.index("[", model.index('"params": {'))
    while model[start] == "[":
        start += 1
    end = min(model.index(",", start), model.index("]", start))
    return (model[:start] + text + model[end:]).encode()


def _truncated_npz(name: str, raw: bytes) -> bytes:
    buffer = io.BytesIO()
    from playground.engine.serialize import save_npz

    save_npz(open_session(f"lab={name}&{QUERIES[name]}").network, buffer)
    return buffer.getvalue()[:300]


BAD_SETTING = {"autoencoder": "encoder=999", "convnet": "kernel_size=4", "rnn": "task=nope"}

CORPUS = {
    "a first-lab model": (
        lambda name, raw: _with(raw, lambda m: m.__setitem__("lab", "classify")),
        "another lab, Classify and regress ('classify'): open that lab's page (/)",
    ),
    "a model of a lab that does not exist": (
        lambda name, raw: _with(raw, lambda m: m.__setitem__("lab", "chess")),
        "another lab than",
    ),
    "the network of other settings": (_other_architecture, "differs from the one its settings"),
    "another activation, the same shapes": (_activation, "has activation 'elu'"),
    "NaN among the weights": (lambda name, raw: _first_weight_as("NaN", raw), "not valid JSON"),
    "1e999 among the weights": (
        lambda name, raw: _first_weight_as("1e999", raw),
        "only finite numbers",
    ),
    "a setting out of range": (
        lambda name, raw: _with(raw, lambda m: m.__setitem__("query", BAD_SETTING[name])),
        "settings are not valid here",
    ),
    "a truncated model.json": (lambda name, raw: raw[: len(raw) // 2], "not valid JSON"),
    "a truncated model.npz": (_truncated_npz, "zip archive"),
    "no network": (
        lambda name, raw: _with(raw, lambda m: m.pop("network")),
        "'network' is missing",
    ),
    "a layer type the engine does not have": (
        lambda name, raw: _with(
            raw, lambda m: m["network"]["layers"][0].__setitem__("type", "Eval")
        ),
        "must name a layer type",
    ),
    "an activation a megabyte long": (
        lambda name, raw: _with(
            raw,
            lambda m: next(
                layer["config"] for layer in m["network"]["layers"] if layer["type"] != "Flatten"
            ).__setitem__("activation", "x" * 2**20),
        ),
        "network is not valid",
    ),
    "a history of another lab's columns": (
        lambda name, raw: _with(raw, lambda m: m["history"].pop("test_loss")),
        "must have the columns",
    ),
}


@pytest.mark.parametrize("case", CORPUS)
def test_a_broken_file_of_these_labs_is_refused_clearly(case, exported):
    name, _, raw = exported
    make, fragment = CORPUS[case]
    current = _current(name)
    before = _state(current)
    with pytest.raises(ModelFileError) as caught:
        imported_session(make(name, raw), current)
    message = str(caught.value)
    assert fragment in message, message
    assert "\n" not in message and "Traceback" not in message and len(message) < 400
    assert _unchanged(before, current)


_CURRENT: dict = {}


def _current(name: str):
    """One trained page session per lab, shared by the corpus (every case leaves it as it
    was, which each checks)."""
    if name not in _CURRENT:
        session = _fresh(name)
        session.step()
        _CURRENT[name] = session
    return _CURRENT[name]


@pytest.mark.parametrize(("made_in", "page"), [("autoencoder", "convnet"), ("rnn", "classify")])
def test_a_model_of_another_lab_names_its_lab_and_changes_nothing(made_in, page):
    source = open_session(f"lab={made_in}&{QUERIES[made_in]}")
    current = LABS[page].start({})[0]
    before = _state(current)
    with pytest.raises(ModelFileError) as caught:
        imported_session(bundle.bundle_files(source)["model.json"], current)
    lab = LABS[made_in]
    assert str(caught.value) == (
        f"This model was made in another lab, {lab.title} ('{lab.name}'): open that "
        f"lab's page (/{lab.path}) and import it there."
    )
    assert _unchanged(before, current)


def test_every_lab_whose_bundle_downloads_takes_its_models_back():
    """A new Trainer lab gets import too (the protocol's default open_model): each lab
    whose bundle can be downloaded is tested here or, the first, in test_model_import."""
    exportable = {name for name, lab in LABS.items() if bundle.can_export(lab.start({})[0])}
    assert exportable == {"classify", *QUERIES}


ODD_VALUES = (None, [], {}, "x", -1, 1.5, True, [[1]], {"a": 1}, 10**6)


def _paths(model: dict) -> list[list]:
    """Every top-level field, the network's, and those of each of its layers (and their
    configs and parameters)."""
    paths = [[key] for key in model if key != "settings"]
    paths += [["network", key] for key in model["network"]]
    for i, layer in enumerate(model["network"]["layers"]):
        paths += [["network", "layers", i, key] for key in layer]
        for part in ("config", "params"):
            paths += [["network", "layers", i, part, key] for key in layer.get(part, {})]
    return paths


def _set(model: dict, path: list, value) -> bytes:
    broken = copy.deepcopy(model)
    where = broken
    for key in path[:-1]:
        where = where[key]
    where[path[-1]] = value
    return json.dumps(broken).encode()


@pytest.mark.parametrize("name", ["rnn", "convnet"])
def test_any_field_of_any_kind_gives_a_model_file_error_or_a_working_model(name):
    """Every field of a vision or sequence model.json (its layers' too) replaced by values of
    every JSON kind: the import works or says why, never another exception."""
    source = open_session(f"lab={name}&{QUERIES[name]}")
    model, current = _model(bundle.bundle_files(source)["model.json"]), _current(name)
    before, outcomes = _state(current), set()
    for path in _paths(model):
        for value in ODD_VALUES:
            try:
                imported_session(_set(model, path, value), current)
                outcomes.add("worked")
            except ModelFileError:
                outcomes.add("refused")
    assert outcomes == {"worked", "refused"}  # e.g. "metrics" is not read
    assert _unchanged(before, current)
