"""The sequence lab's settings table: the only list of its settings (widgets, URL,
validation and what a change resets are all read from it)."""

from types import MappingProxyType

from playground.config.setting import Setting, Variant
from playground.data.sequences import TASKS
from playground.data.sequences.echo import ANSWERS
from playground.labs.common_settings import (
    epoch_speed_setting,
    learning_rate_setting,
    max_epochs_setting,
    optimizer_setting,
    seed_setting,
    stop_condition_settings,
)

CELLS = ("rnn", "lstm")  # SimpleRNN, LSTM
CELL_NAMES = MappingProxyType({"rnn": "SimpleRNN", "lstm": "LSTM"})
MAX_UNITS = 64
MAX_DELAY = 30
# Measured (tests/labs/rnn): echo learns with 16 units; waves need few; text wants more.
UNITS_VARIANTS = MappingProxyType({
    "echo": Variant(16), "waves": Variant(16), "text": Variant(32),
})  # fmt: skip

SETTINGS: tuple[Setting, ...] = (
    Setting("task", "choice", "echo", "data", "Task",
            "echo: repeat the symbol seen some steps ago; waves: forecast the next value of "
            "a noisy wave; text: guess the next character of a text.", "data", choices=TASKS),
    Setting("delay", "int", 4, "data", "Delay",
            "How many steps back the symbol to repeat is (the network must remember it that "
            "long).", "data", low=1, high=MAX_DELAY, shown_when=("task", ("echo",))),
    Setting("answer", "choice", "every", "data", "Answer at",
            "every: at every step from the delay on (the network holds 4 symbols at once); "
            "last: at the last step only (one symbol held for the whole delay).", "data",
            choices=ANSWERS, shown_when=("task", ("echo",))),
    seed_setting(),
    Setting("cell", "choice", "rnn", "network", "Cell",
            "rnn: SimpleRNN, h = tanh(x·Wx + h·Wh + b); lstm: an LSTM, a cell state kept "
            "through gates.", "network", choices=CELLS),
    Setting("units", "int", 16, "network", "Units", "Size of the hidden state.", "network",
            low=1, high=MAX_UNITS, variants=("task", UNITS_VARIANTS)),
    optimizer_setting("adam"),
    learning_rate_setting(0.01),
    Setting("batch_size", "int", 32, "training", "Batch size", "Sequences per gradient step.",
            "live", low=1, high=256),
    Setting("clip_norm", "float", 5.0, "training", "Clip gradient norm",
            "A step's gradient longer than this is scaled down to it (0 = no clipping).",
            "live", low=0.0, high=100.0, presets=(0.0, 1.0, 5.0, 10.0, 100.0)),
    max_epochs_setting(),
    *stop_condition_settings(),
    epoch_speed_setting(),
    Setting("temperature", "float", 0.7, "view", "Temperature",
            "How adventurous the sampled text is: low picks the likeliest characters, high "
            "picks more freely.", "view", low=0.1, high=2.0, presets=(0.2, 0.5, 0.7, 1.0, 1.5),
            shown_when=("task", ("text",))),
    Setting("example", "int", 0, "view", "Example sequence",
            "Which test sequence the views show.", "view", low=0, high=99),
)  # fmt: skip
TABLE = MappingProxyType({s.name: s for s in SETTINGS})
"""Setting name -> Setting, in page order."""
