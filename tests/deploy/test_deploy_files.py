"""The deploy files that cannot run here (no Docker, no Kubernetes): checked for what would
break them, and run-local.sh's argument checks (its real run is tests/e2e/test_nginx.py)."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from benchmarks.chromium import REPO
from deploy.nginx_conf import ROUTE_COOKIE

DEPLOY = REPO / "deploy"


def _dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def test_dockerfile_is_slim_python_non_root_with_a_health_check():
    text = _dockerfile()
    assert re.search(r"^FROM python:3\.11-slim", text, re.M)
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0")
    health = re.search(r"^HEALTHCHECK .*?CMD (.*)$", text, re.M | re.S)
    assert health and "/_stcore/health" in health.group(1)
    exposed = re.search(r"^EXPOSE (\d+)", text, re.M).group(1)
    assert f"127.0.0.1:{exposed}/_stcore/health" in text and f"--server.port={exposed}" in text


def test_dockerfile_copies_files_that_exist_and_the_ignore_file_lets_through():
    copied = [src for line in re.findall(r"^COPY (.+)$", _dockerfile(), re.M)
              for src in line.split()[:-1] if not src.startswith("--")]  # fmt: skip
    allowed = {line[1:].rstrip("/") for line in (DEPLOY / "Dockerfile.dockerignore").read_text()
               .splitlines() if line.startswith("!")}  # fmt: skip
    assert copied
    for src in copied:
        assert (REPO / src).exists(), f"COPY {src}: no such file"
        assert src.rstrip("/") in allowed, f"COPY {src}: excluded by Dockerfile.dockerignore"


def _manifests() -> dict[str, dict]:
    docs = list(yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text()))
    return {doc["kind"]: doc for doc in docs}


def test_kubernetes_example_routes_by_the_sticky_cookie_to_the_pods():
    kinds = _manifests()
    assert set(kinds) == {"Deployment", "Service", "IngressRoute"}
    pod = kinds["Deployment"]["spec"]["template"]
    assert kinds["Service"]["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    container = pod["spec"]["containers"][0]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    route = kinds["IngressRoute"]
    assert route["apiVersion"] == "traefik.io/v1alpha1"
    service = route["spec"]["routes"][0]["services"][0]
    assert service["name"] == kinds["Service"]["metadata"]["name"]
    assert service["port"] == kinds["Service"]["spec"]["ports"][0]["port"]
    assert service["sticky"]["cookie"]["name"] == ROUTE_COOKIE  # one name on every route


@pytest.mark.parametrize("args", [[], ["2"], ["0", "8080"], ["two", "8080"], ["2", "99999"]])
def test_run_local_refuses_bad_arguments(args):
    done = subprocess.run([str(DEPLOY / "run-local.sh"), *args], capture_output=True,
                          text=True, timeout=30)  # fmt: skip
    assert done.returncode == 2 and "usage:" in done.stderr


def test_run_local_is_valid_bash():
    done = subprocess.run(["bash", "-n", str(DEPLOY / "run-local.sh")], capture_output=True,
                          text=True, timeout=30)  # fmt: skip
    assert done.returncode == 0, done.stderr
