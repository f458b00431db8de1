"""p50 latency of one hot GET (a project's qualities, served from the cache) with authentication on and off, in one
run: two project-service instances from the same packaged jar, against the same Postgres and Redis, one with the
settings of .local/auth.env, one with ASSET_HATCH_AUTH_ENABLED=false, measured in alternating rounds of sequential
keep-alive requests. Prints each p50 and its ratio to the no-auth baseline. Run by scripts/bench-auth --http."""
from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "project-service/target/quarkus-app/quarkus-run.jar"
READY_SECONDS = 120
USER = "bench-auth-user"


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def auth_env() -> dict:
    settings = {}
    for line in (ROOT / ".local/auth.env").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            settings[key] = value
    return settings


def start(name: str, port: int, extra: dict, log_dir: Path) -> subprocess.Popen:
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(port), QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/3",
               ASSET_HATCH_CACHE_KEY_PREFIX=f"ah-bench-auth-{name}", **extra)
    log = open(log_dir / f"{name}.log", "wb")
    return subprocess.Popen(["java", "-Xmx512m", "-jar", str(JAR)], env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"project-service on {port} exited during start-up (see run/bench-auth/)")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/q/health/ready")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"project-service on {port} did not become ready")


def call(connection: http.client.HTTPConnection, method: str, path: str, headers: dict, body=None) -> tuple:
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def timings(port: int, path: str, headers: dict, requests: int) -> list:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    samples = []
    for _ in range(requests):
        started = time.perf_counter_ns()
        status, _ = call(connection, "GET", path, headers)
        samples.append(time.perf_counter_ns() - started)
        if status != 200:
            raise SystemExit(f"GET {path} on {port} answered {status}")
    connection.close()
    return samples


def main(argv: list) -> int:
    rounds = int(argv[0]) if len(argv) > 0 else 8
    requests = int(argv[1]) if len(argv) > 1 else 2000
    if not JAR.is_file():
        raise SystemExit(f"{JAR} is missing: ./mvnw -B -DskipTests package first")
    token = subprocess.run(["bash", str(ROOT / "scripts/token"), USER], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    bearer = {"Authorization": token[0].split(": ", 1)[1]}
    cookie = {"Cookie": token[1].split(": ", 1)[1]}
    log_dir = ROOT / "run/bench-auth"
    log_dir.mkdir(parents=True, exist_ok=True)
    on_port, off_port = free_port(), free_port()
    on = start("auth-on", on_port, auth_env(), log_dir)
    off = None
    try:
        wait_ready(on_port, on)  # migrates first; then the second instance finds the schema done
        off = start("auth-off", off_port, {"ASSET_HATCH_AUTH_ENABLED": "false", "ASSET_HATCH_AUTH_DISABLED_USER": USER},
                    log_dir)
        wait_ready(off_port, off)
        project = f"bench-auth-{int(time.time())}"
        connection = http.client.HTTPConnection("127.0.0.1", on_port, timeout=10)
        status, body = call(connection, "POST", "/api/projects", {**bearer, "Content-Type": "application/json"},
                            json.dumps({"id": project, "name": "Bench auth"}))
        if status != 201:
            raise SystemExit(f"creating the project answered {status}: {body!r}")
        path = f"/api/projects/{project}/qualities"
        cases = [("auth off (no credential checked)", off_port, {}),
                 ("auth on, Bearer RS256", on_port, bearer),
                 ("auth on, Auth.js session cookie", on_port, cookie)]
        for _, port, headers in cases:  # warm-up: JIT, cache fill, connection pools
            timings(port, path, headers, requests)
        p50s = {name: [] for name, _, _ in cases}
        # The baseline instance is measured before each auth-on case, so both JVMs serve as many requests (and are
        # as warm); the order rotates every round, so neither side always runs first on a shared machine.
        schedule = [cases[0], cases[1], cases[0], cases[2]]
        for round_index in range(rounds):
            turn = round_index % len(schedule)
            for name, port, headers in schedule[turn:] + schedule[:turn]:
                p50s[name].append(statistics.median(timings(port, path, headers, requests)))
        baseline = statistics.median(p50s[cases[0][0]])
        print(f"GET {path.replace(project, '{id}')} (a cache hit), p50 of {requests} sequential keep-alive requests "
              f"per round, median of the rounds' p50s ({rounds} rounds; auth off twice per round), Python client and "
              f"services on this machine ({os.cpu_count()} CPUs; shared: figures are indicative):")
        for name, _, _ in cases:
            p50 = statistics.median(p50s[name])
            print(f"  {name:<36} p50 {p50 / 1000:8.1f} µs   ratio to auth off {p50 / baseline:5.2f}")
        return 0
    finally:
        for process in (on, off):
            if process is not None:
                process.terminate()
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
