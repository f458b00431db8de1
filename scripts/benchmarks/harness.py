"""Processes, ports, HTTP, Postgres and Redis for scripts/bench. Everything started here is stopped by
Processes.stop_all(), which scripts/bench calls on every exit: normal, failure, Ctrl-C or SIGTERM."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
RUN_DIR = ROOT / "run" / "bench"
PIDS_FILE = RUN_DIR / "pids"
STOP_GRACE_SECONDS = 45  # longer than the services' quarkus.shutdown.timeout (30 s)
JIT_THREAD_PREFIXES = ("C1 CompilerThre", "C2 CompilerThre")  # HotSpot's compiler threads, as /proc names them
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    """A measurement or a set-up step that cannot give an honest figure; the message says why."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: List[str], env: Optional[Dict[str, str]] = None, timeout: Optional[float] = None,
        cwd: Path = ROOT) -> str:
    """Runs a command to completion; its stdout, or a BenchError with the end of its output."""
    result = subprocess.run(command, cwd=cwd, env=_environment(env), capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        output = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
        cause = next((line for line in output if "error" in line.lower()), output[-1] if output else "no output")
        raise BenchError(f"{' '.join(command[:3])} … exited with {result.returncode}: {cause.strip()}\n  "
                         + "\n  ".join(output[-15:]))
    return result.stdout


def _environment(extra: Optional[Dict[str, str]]) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(extra or {})
    return env


class Process:
    """A long-running child (a service, the gateway) in a session of its own: a Ctrl-C in the terminal reaches
    scripts/bench only, which then stops its children in order."""

    def __init__(self, name: str, command: List[str], env: Dict[str, str], log_path: Path, cwd: Path = ROOT):
        self.name = name
        self.log_path = log_path
        with open(log_path, "wb") as output:
            self.popen = subprocess.Popen(command, cwd=cwd, env=_environment(env), stdout=output,
                                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        with open(PIDS_FILE, "a") as pids:
            pids.write(f"{self.popen.pid}\n")

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self) -> None:
        if not self.alive():
            return
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            log(f"{self.name} did not stop within {STOP_GRACE_SECONDS} s; killing it")
            self.popen.kill()
            self.popen.wait()

    def memory_kib(self, field: str) -> int:
        """VmRSS (now) or VmHWM (peak since start or since reset_peak_memory) from /proc, in KiB."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise BenchError(f"/proc/{self.pid}/status has no {field}")

    def reset_peak_memory(self) -> None:
        """Sets VmHWM back to the current RSS (Linux >= 4.0), so that the next reading is the peak of one phase."""
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w") as clear_refs:
                clear_refs.write("5")
        except OSError as e:
            raise BenchError(f"cannot reset the peak RSS of {self.name} ({e}); run as the same user as the service")

    def jit_seconds(self) -> float:
        """CPU seconds the JVM's JIT compiler threads (C1 and C2) have used so far, from /proc."""
        total = 0
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            try:
                stat = (task / "stat").read_text()
            except OSError:
                continue  # the thread ended meanwhile
            name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
            if name.startswith(JIT_THREAD_PREFIXES):
                total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        return total / CLOCK_TICKS

    def tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class Processes:
    """The children of this run, stopped in reverse order of start."""

    def __init__(self) -> None:
        self.started: List[Process] = []

    def start(self, name: str, command: List[str], env: Dict[str, str], cwd: Path = ROOT) -> Process:
        process = Process(name, command, env, RUN_DIR / f"{name}.log", cwd)
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.alive():
                log(f"stopping {process.name} (pid {process.pid})")
                process.stop()
        self.started.clear()
        PIDS_FILE.unlink(missing_ok=True)


def stop_leftovers() -> None:
    """Stops processes a previous run could not stop (it was killed with SIGKILL): only pids it recorded whose
    command line still runs from run/bench, so a reused pid of another program is never touched."""
    if not PIDS_FILE.exists():
        return
    for pid in (int(line) for line in PIDS_FILE.read_text().split() if line.isdigit()):
        try:
            command_line = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if str(RUN_DIR) in command_line:
            log(f"stopping pid {pid}, left over by an earlier run")
            os.kill(pid, signal.SIGTERM)
    PIDS_FILE.unlink()


# Credentials sent with every API request (wrk, curl, the fixtures) once auth is on: see context.use_auth().
AUTH_HEADERS: Dict[str, str] = {}


def http_request(method: str, url: str, body: Optional[bytes] = None, headers: Optional[Dict[str, str]] = None,
         timeout: float = 60) -> Tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers={**AUTH_HEADERS, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def http_json(method: str, url: str, document=None, expect: Tuple[int, ...] = (200, 201)):
    body = None if document is None else json.dumps(document).encode()
    status, answer = http_request(method, url, body, {"Content-Type": "application/json"} if body else None)
    if status not in expect:
        raise BenchError(f"{method} {url} answered {status}: {answer[:300].decode(errors='replace')}")
    return json.loads(answer) if answer else None


def wait_until_ready(process: Process, url: str, timeout_seconds: float) -> None:
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        if not process.alive():
            raise BenchError(f"{process.name} exited during start-up; its log ({process.log_path}) ends with:\n"
                             + process.tail())
        try:
            if http_request("GET", url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise BenchError(f"{process.name} was not ready within {timeout_seconds:.0f} s; see {process.log_path}")


class Postgres:
    """The bench's database and the roles of scripts/infra (same environment variables)."""

    def __init__(self, database: str):
        self.host = os.environ.get("ASSET_HATCH_PG_HOST", "127.0.0.1")
        self.port = os.environ.get("ASSET_HATCH_PG_PORT", "5432")
        self.database = database
        self.owner = os.environ.get("ASSET_HATCH_DB_USER", "asset_hatch")
        self.owner_password = os.environ.get("ASSET_HATCH_DB_PASSWORD", "asset_hatch")
        self.reader = os.environ.get("ASSET_HATCH_EXPORT_DB_USER", "asset_hatch_export")
        self.reader_password = os.environ.get("ASSET_HATCH_EXPORT_DB_PASSWORD", "asset_hatch_export")

    @property
    def reactive_url(self) -> str:
        return f"postgresql://{self.host}:{self.port}/{self.database}"

    @property
    def jdbc_url(self) -> str:
        return f"jdbc:postgresql://{self.host}:{self.port}/{self.database}"

    def admin(self, sql: str, database: str = "postgres") -> str:
        """SQL as the cluster's superuser, as scripts/infra runs it: over the local socket as the postgres OS user
        when root, else as the role postgres over TCP."""
        psql = ["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-p", self.port, "-d", database, "-c", sql]
        if os.geteuid() == 0:
            return run(["runuser", "-u", "postgres", "--", *psql], cwd=Path("/"))
        return run([*psql, "-h", self.host, "-U", "postgres"])

    def as_owner(self, sql: str) -> str:
        return run(self.psql_command(self.owner, sql), env={"PGPASSWORD": self.owner_password})

    def psql_command(self, role: str, sql: str) -> List[str]:
        return ["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-h", self.host, "-p", self.port, "-U", role,
                "-d", self.database, "-c", sql]

    def role_env(self, role: str) -> Dict[str, str]:
        return {"PGPASSWORD": self.owner_password if role == self.owner else self.reader_password}

    def recreate_database(self) -> None:
        self.drop_database()
        self.admin(f'CREATE DATABASE "{self.database}" OWNER "{self.owner}"')

    def drop_database(self) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def vacuum(self, table: str) -> None:
        self.admin(f"VACUUM {table}", database=self.database)

    def size_bytes(self) -> int:
        """The database's size on disk (tables, TOAST, indexes): what issue 13's before/after migration rows read."""
        return int(self.admin(f"SELECT pg_database_size('{self.database}')").strip())


class Redis:
    def __init__(self, database: int):
        self.port = os.environ.get("ASSET_HATCH_REDIS_PORT", "6379")
        self.database = database

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/{self.database}"

    def flush(self) -> None:
        run(["redis-cli", "-p", self.port, "-n", str(self.database), "FLUSHDB"])
