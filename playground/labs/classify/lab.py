"""The classify lab: classification and regression with a dense network on 2-D sets,
tables (penguins, an uploaded CSV) and digits. Opens at the app's root, as always."""

from collections.abc import Mapping
from typing import Any

from playground import config
from playground.data import DataError
from playground.labs.base import LAB_PARAM, Lab
from playground.labs.classify import model_file, views
from playground.labs.classify.session import Playground
from playground.live.model_payload import (
    link_cells_of,
    links_header,
    model_header,
    paint_spec,
    paints_plane,
)
from playground.snapshot import take_snapshot


class ClassifyLab(Lab):
    """The first lab: today's playground, unchanged for its users."""

    name = "classify"
    path = ""  # the app's root: every link that worked before keeps working
    title = "Classify and regress"
    summary = (
        "A network learns from labelled examples to sort points into classes or predict a "
        "number, and you watch its decision boundary bend around the data as the loss "
        "falls. Try the data sets, layers, activations, learning rate and regularization, "
        "and see when a network underfits, overfits or diverges."
    )
    icon = ":material/scatter_plot:"
    table = config.SETTINGS_BY_NAME
    setups = config.SUGGESTED_SETUPS
    views = views.VIEWS
    import_note = "A model of an uploaded CSV needs that CSV uploaded first."

    def open(self, settings: Mapping[str, Any]) -> Playground:
        """A Playground with these settings (raises DataError, e.g. "csv" without a file)."""
        return Playground(settings)

    def open_model(self, settings, model, current) -> Playground:
        """As Lab.open_model; the file's encoder and output must fit the data its settings
        open, a CSV model's on the page's upload (classify/model_file.py)."""
        return model_file.open_model(settings, model, current)

    def start(self, query):
        """As Lab.start; a data set the settings cannot load (a CSV without its file) falls
        back to the default data set; a URL that names a data set opens it with its setup
        (config.SUGGESTED_SETUPS), and a note says which (and what the URL kept)."""
        query = {k: v for k, v in query.items() if k != LAB_PARAM}
        settings, notes = self.settings_from_query(query)
        kept = tuple(key for key in config.SETUP_KEYS if key in query)  # explicit URL values
        try:
            session = Playground(settings)
        except DataError as error:
            notes.append(f"{error} Starting with the default data set instead.")
            default = config.defaults()["dataset"]
            session = Playground(config.with_setup(settings, default, keep=kept))
        if "dataset" in query:  # the URL chose a data set: it opened with its setup
            dataset = session.settings["dataset"]
            notes.append(config.setup_note(dataset, session.settings, kept))
        return session, notes + session.take_notes()

    def page_change(self, old, changes, locked=None):
        """As Lab.page_change; a new data set opens with its suggested setup (noted), and
        a student's edit of the hidden layers carries the per-layer activations along."""
        changes, notes = config.refuse_locked(changes, locked or {}, self.table)
        new = dict(old)
        for name, raw in changes.items():
            new[name], note = config.validate(name, raw)
            notes += [note] if note else []
        setup_notes = []
        if new["dataset"] != old["dataset"]:  # a new data set opens with its setup
            new = config.with_setup(new, new["dataset"], keep=tuple(changes))
            setup_notes.append(config.setup_note(new["dataset"], new))
        new = config.follow_up(old, new, changes)
        new, kept = config.keep_hidden(old, new)
        notes += [f"'{name}' is fixed by this page's link; it stays as it is."
                  for name in kept if name in changes]  # fmt: skip
        if "hidden" in changes and "layer_activations" not in changes:  # a student's edit:
            new["layer_activations"] = config.fit_layer_activations(new)  # follow it, no note
        new, rule_notes = config.reconcile(new)
        return config.hold_locked(new, locked or {}, self.table), notes + rule_notes, setup_notes

    def chart_slots(self, snap, settings, *, kept=None, slow_snap=None):
        """The charts (views.chart_slots); the network's hover texts show the weights of
        `slow_snap`, the ones the kept weights view shows."""
        hover = None if slow_snap is None else (slow_snap.network.weights, slow_snap.network.biases)
        return views.chart_slots(snap, dict(settings), kept=kept, hover_values=hover)

    def paint_key(self, session, settings):
        """Over a plane the browser paints the boundary and the neurons from the weights,
        and over a plane and on images it draws the network's links; the pictures depend
        on the data and every setting (model_payload)."""
        return (session.dataset, dict(settings))

    def light_snapshot(self, session):
        """The numbers without the plane's pictures."""
        return take_snapshot(session, pictures=False)

    def paint_static(self, session, snap, settings):
        """{"model": model_payload.paint_spec or None, "links": link_cells_of} when the
        browser can draw what changes: a plane whose inputs have a recipe, or images (whose
        network view has no pictures that change); else None (a line, a plane without a
        recipe: server-drawn frames)."""
        plane = paints_plane(snap)
        if not plane and (snap.plane is not None or snap.line is not None):
            return None
        target = (session.dataset.target_mean, session.dataset.target_scale)
        model = paint_spec(snap, settings, target) if plane else None
        return {"model": model, "links": link_cells_of(snap.network)}

    def paint_header(self, snap, static):
        """``model`` (model_payload.model_header: the parameters and the plane's recipe),
        over a plane, and ``links`` (model_payload.links_header)."""
        header = {"links": links_header(snap.network, static["links"])}
        if static["model"] is not None:
            header["model"] = model_header(snap, static["model"])
        return header

    def light_slots(self, snap, settings, slots, slow):
        """views.light_slots: the slow views and the test images rebuilt on their turn,
        the loss chart's diagnosis kept up to date."""
        return views.light_slots(snap, dict(settings), slots, slow)

    def layout(self, keys, settings):
        """The network left, the output and loss right, slow views below (views.grid)."""
        return views.layout(keys, settings)

    def stats(self, snap):
        """Losses and accuracy, or RMSE and R² for regression."""
        return views.stats(snap)


CLASSIFY = ClassifyLab()
