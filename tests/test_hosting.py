"""The host's limits: defaults, a TOML file, environment variables over it, bad values."""

import pytest

from playground import config, hosting
from playground.data import limits


def test_defaults_are_the_projects_and_feed_the_caps_that_use_them():
    defaults = hosting.load({})
    assert (defaults.max_layers, defaults.max_neurons, defaults.max_csv_rows) == (8, 64, 10_000)
    assert (defaults.frame_budget_ms, defaults.min_frame_budget_ms) == (20, 4)
    assert defaults.target_frames_per_second == 12
    assert hosting.HOST.max_layers == config.MAX_LAYERS
    assert hosting.HOST.max_csv_rows == limits.MAX_CSV_ROWS
    assert hosting.HOST.max_upload_mb * 2**20 == limits.MAX_CSV_BYTES


def test_a_file_sets_limits_and_the_environment_overrides_it(tmp_path):
    path = tmp_path / "limits.toml"
    path.write_text('max_layers = 4\nmax_sessions = 40\nallowed_origins = ["https://a.example/"]\n')
    env = {"PLAYGROUND_LIMITS_FILE": str(path), "PLAYGROUND_MAX_SESSIONS": "30",
           "PLAYGROUND_ALLOWED_ORIGINS": "https://b.example, https://c.example"}  # fmt: skip
    got = hosting.load(env)
    assert got.max_layers == 4 and got.max_sessions == 30
    assert got.allowed_origins == ("https://b.example", "https://c.example")
    assert hosting.load({"PLAYGROUND_LIMITS_FILE": str(path)}).allowed_origins == (
        "https://a.example",
    )


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"PLAYGROUND_MAX_LAYERS": "many"}, "whole number"),
        ({"PLAYGROUND_MAX_LAYERS": "0"}, "from 1 to 16"),
        ({"PLAYGROUND_MAX_NEURONS": "4.5"}, "whole number"),
        ({"PLAYGROUND_MIN_FRAME_BUDGET_MS": "100"}, "must not exceed"),
    ],
)
def test_a_bad_value_stops_the_server_with_a_message_naming_the_limit(env, says):
    with pytest.raises(ValueError, match=says):
        hosting.load(env)


def test_an_unknown_key_in_the_file_is_refused(tmp_path):
    path = tmp_path / "limits.toml"
    path.write_text("max_layer = 4\n")
    with pytest.raises(ValueError, match="max_layer"):
        hosting.load({"PLAYGROUND_LIMITS_FILE": str(path)})
