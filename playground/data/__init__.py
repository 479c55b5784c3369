"""Everything the playground learns from, as plain NumPy arrays plus metadata.

    from playground.data import load_dataset, load_csv, DataError
    ds = load_dataset("spiral", noise=0.1, train_fraction=0.5, seed=0)
    ds.X_train (n, f), ds.y_train (n,), ds.X_test, ds.y_test, ds.task, ds.feature_names

Never imports streamlit. Caps on uploads live in ``playground.data.limits``.
"""

from playground.data import limits
from playground.data.csv_loader import TASK_CHOICES, csv_column_names, load_csv
from playground.data.dataset import Dataset, InputEncoder, Line, Plane
from playground.data.errors import DataError
from playground.data.features import DEFAULT_FEATURES_2D, FEATURE_LABELS, FEATURES_2D
from playground.data.penguins import PENGUIN_FEATURES, PENGUIN_MEASUREMENTS, PENGUIN_TARGETS
from playground.data.registry import (
    CSV_INFO,
    DATASETS,
    DatasetInfo,
    list_datasets,
    load_dataset,
)

__all__ = [
    "CSV_INFO",
    "DATASETS",
    "DEFAULT_FEATURES_2D",
    "FEATURES_2D",
    "FEATURE_LABELS",
    "PENGUIN_FEATURES",
    "PENGUIN_MEASUREMENTS",
    "PENGUIN_TARGETS",
    "TASK_CHOICES",
    "DataError",
    "Dataset",
    "DatasetInfo",
    "InputEncoder",
    "Line",
    "Plane",
    "csv_column_names",
    "limits",
    "list_datasets",
    "load_csv",
    "load_dataset",
]
