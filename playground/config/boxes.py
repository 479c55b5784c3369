"""The page's boxes a teacher may hide besides the settings panels and the toolbar buttons:
their names (which `hide` and an assignment's hidden controls accept) and labels. Pure
Python."""

BUNDLE = "bundle"  # the sidebar's "Take the model home": the download and the importer
BOXES = {BUNDLE: "Take the model home box"}
"""Box name -> its label in the assignment builder's pickers."""
BOX_NAMES = tuple(BOXES)
