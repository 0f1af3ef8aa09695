"""The Varnish configuration compiles (local and docker flavours) and the compose file scales the web tier."""

import shutil
import subprocess
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
VARNISH = ROOT / "docker" / "varnish"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def compiles(tmp_path, backend_vcl):
    (tmp_path / "backend.vcl").write_text(backend_vcl)
    result = subprocess.run(  # noqa: S603
        [VARNISHD, "-C", "-j", "none", "-n", str(tmp_path / "work"), "-p", f"vcl_path={tmp_path}:{VARNISH}",
         "-f", str(VARNISH / "default.vcl")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_vcl_compiles_with_the_local_backend(tmp_path):
    template = (VARNISH / "local-backend.vcl.in").read_text()
    compiles(tmp_path, template.replace("@HOST@", "127.0.0.1").replace("@PORT@", "8000"))


def test_the_docker_entrypoint_writes_a_backend_per_web_container(tmp_path):
    """entrypoint.sh's writer, run for three addresses, gives a VCL that compiles and balances three nodes."""
    script = (VARNISH / "entrypoint.sh").read_text()
    writer = script[script.index("write_backends() {") : script.index("\nuntil ")]
    out = tmp_path / "work-out"
    out.mkdir()
    subprocess.run(  # noqa: S603
        ["sh", "-c", f'WORKDIR={out}; BACKEND_PORT=8000\n{writer}\nwrite_backends "10.0.0.2 10.0.0.3 10.0.0.4"'],  # noqa: S607
        check=True,
    )
    backend = (out / "backend.vcl").read_text()
    assert backend.count("add_backend(") == 3
    compiles(tmp_path, backend)


def test_compose_runs_n_web_containers_behind_varnish_with_one_scheduler():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "scheduler", "varnish", "migrate"} <= set(services)
    web = services["web"]
    assert "ports" not in web  # `--scale web=3` needs no fixed host port; Varnish publishes one
    assert web["environment"]["VARNISH_URL"] == "http://varnish:80"
    assert web["environment"]["REDIS_URL"] and web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert services["varnish"]["ports"] == ["8000:80"]
    assert services["varnish"]["environment"]["BACKEND_HOST"] == "web"
    assert services["scheduler"]["deploy"]["replicas"] == 1
    for name in ("web", "worker", "scheduler"):
        assert services[name]["environment"]["VARNISH_URL"]  # purges reach Varnish from every process
    dockerfile = (VARNISH / "Dockerfile").read_text()
    assert "varnish-modules" in dockerfile
