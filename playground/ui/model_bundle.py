"""The sidebar's "Take the model home" panel: download the model bundle, import a model.json.

Every lab whose bundle can be downloaded (bundle.can_export) takes its own models back.
The download is built when the button is pressed (a deferred download), so it holds the
weights of that moment even while the live feed trains without rerunning the page. An
import opens a new session from the file (teaching.model_import) and puts it in place of
the page's only when every check passed; a bad file leaves an error and nothing else. An
assignment's page has no importer (a model from a file would skip its locks and target).
"""

import streamlit as st

from playground.config.boxes import BUNDLE
from playground.teaching.bundle import bundle_zip, can_export, has_encoder
from playground.teaching.model_import import MAX_MODEL_BYTES, ModelFileError, imported_session
from playground.ui import plain, state

DOWNLOAD_KEY = "bundle_download"
IMPORT_KEY = "model_import"
# An assignment's page takes no model from a file: it would skip the locks and the target.
ASSIGNMENT_NOTE = "Importing a model is off on an assignment's page."


def _import_changed() -> None:
    upload = st.session_state.get(IMPORT_KEY)
    if upload is None:
        return
    if state.under_assignment():  # the server's side of it
        state.report_error(ASSIGNMENT_NOTE)
        return
    current = state.playground()
    try:
        session = imported_session(upload.getvalue(), current)
    except ModelFileError as error:
        state.report_error(f"{upload.name}: {error} Nothing was changed.")
        return
    state.replace_playground(session)
    state.report_error(None)
    state.report_notes(
        [
            f"Imported the model in {upload.name}: the views show its predictions "
            f"on its data ({_data_name(session)}). {_goes_on(session)}"
        ]
    )
    state.write_url()


def _data_name(session) -> str:
    """The value of the lab's first data setting (the data set, the sequence task)."""
    table = session.lab.table
    name = next((name for name, setting in table.items() if setting.group == "data"), None)
    return str(session.settings.get(name, session.lab.title))


def _goes_on(session) -> str:
    """Where the imported model's counter and loss curve go on from."""
    restored = session.restored()
    if restored is not None:
        return (
            f"It trained {session.epoch:,} epochs and holds the best weights, of epoch "
            f"{restored.epoch:,}, restored; Step or Play trains on from them."
        )
    epoch = f"{session.epoch:,}"
    return f"The epoch counter and the loss curve go on from epoch {epoch}; Play trains it on."


def _import_help(lab) -> str:
    parts = [f"The model.json of a bundle downloaded on the {lab.title} page.", lab.import_note]
    parts.append("It replaces the model on this page, at the epoch it reached.")
    return " ".join(part for part in parts if part)


def model_bundle_panel(session) -> None:
    """The panel (in the sidebar, folded), for any lab with a network: the download button
    and the importer of a model.json (none on an assignment's page)."""
    if not can_export(session) or state.hidden(BUNDLE):  # ?hide=bundle, or an assignment's
        return
    with st.expander("Take the model home", icon=":material/download:"):
        _panel(session)


def _panel(session) -> None:
    lab = session.lab
    if has_encoder(session):
        plain.caption(
            "A .zip with model.json (settings, input encoding and weights), model.npz, "
            "predict.py (needs only NumPy: python predict.py rows.csv) and history.csv "
            "(loss per epoch)."
        )
    else:
        plain.caption(
            "A .zip with model.json (settings and weights), model.npz and history.csv "
            "(loss per epoch)."
        )
    name = f"{getattr(getattr(session, 'dataset', None), 'name', lab.name)}-model.zip"
    st.download_button(
        "Download model bundle",
        data=lambda: bundle_zip(session),
        file_name=name,
        mime="application/zip",
        key=DOWNLOAD_KEY,
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
    if state.under_assignment():  # an assignment's model is trained here
        plain.caption(ASSIGNMENT_NOTE)
        return
    st.file_uploader(
        "Import a model.json",
        type=["json"],
        key=IMPORT_KEY,
        on_change=_import_changed,
        max_upload_size=MAX_MODEL_BYTES // 2**20,
        help=_import_help(lab),
    )
