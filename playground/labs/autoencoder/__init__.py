"""The autoencoder lab: a network learns to copy its inputs through a narrow code,
without labels; the code becomes a 2-D map of the data (and flags what it cannot copy)."""
