"""How fast this machine trains right now: the reference the load benchmark prints before
each class (CPU ms per epoch of the defaults' network, on one thread)."""

import time

from playground import config
from playground.labs.classify.session import Playground


def machine_speed(epochs: int = 1000) -> float:
    """CPU ms per epoch of the defaults' network, trained here on one thread now: this
    virtual machine's speed drifts (0.44-0.76 ms measured within an hour), and a class's
    epochs/s follow it, so every table says how fast the machine was."""
    trainer = Playground(config.defaults()).trainer
    trainer.run_epochs(50)  # warm
    start = time.thread_time()
    trainer.run_epochs(epochs)
    return 1e3 * (time.thread_time() - start) / epochs
