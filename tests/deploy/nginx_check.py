"""Whether an nginx test can run here: skip with the reason, or fail in CI.

The nginx tests skip when Debian's nginx is missing, unless PLAYGROUND_REQUIRE_NGINX=1 (set by
.ci/run, which installs it), where that is a failure.
"""

import os
import shutil

import pytest


def require_nginx() -> str:
    """The nginx executable; skips the calling test without one (fails instead in CI)."""
    path = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    if path is not None:
        return path
    reason = "no nginx on PATH (apt-get install -y nginx)"
    if os.environ.get("PLAYGROUND_REQUIRE_NGINX") == "1":
        pytest.fail(f"PLAYGROUND_REQUIRE_NGINX=1 but {reason}")
    pytest.skip(reason)
