"""The one exception the data layer raises for anything a user can get wrong."""


class DataError(ValueError):
    """A data set cannot be built; the message says why, in words a student can act on.

    Raised for a bad CSV upload, an unknown data set or feature name, or a setting out
    of range. The page shows ``str(error)`` as it is, so every message names the column,
    the row or the limit involved.
    """
