"""What the page tells a student about the trainer's state (text above the engine, which
only reports status, diverged_epoch and diverged_learning_rate)."""


def divergence_message(status: str, diverged_epoch: int | None, learning_rate) -> str:
    """The explanation of a diverged run for a student ("" unless status is "diverged"):
    diverged_epoch is the epoch in which the loss or a weight became non-finite and
    learning_rate the learning rate then (a Trainer's diverged_learning_rate)."""
    if status != "diverged":
        return ""
    lr = learning_rate
    return (
        f"Training stopped after epoch {diverged_epoch - 1}: in the next one the loss became "
        f"infinite or 'not a number'. The learning rate ({lr:g}) is probably too high, so "
        f"each step overshot and the weights grew until they overflowed. Choose a smaller "
        f"learning rate (for example {lr / 10:g}), press Reset for fresh weights, then "
        "Play. (The network keeps its last finite weights, but after such a blow-up they "
        "are usually too large to learn from.)"
    )
