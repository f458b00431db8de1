"""The load generators scripts/bench drives: wrk, pgbench, curl (downloads) and psql (\\copy)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import time
from dataclasses import dataclass
from typing import Dict, List, Sequence

from .harness import AUTH_HEADERS, BENCH_DIR, ROOT, BenchError, Postgres, run

WRK_SCRIPTS = BENCH_DIR / "wrk"
SQL_SCRIPTS = BENCH_DIR / "sql"
MIB = 1024 * 1024
REQUEST_TIMEOUT = "60s"  # wrk's default of 2 s would count slow uploads as errors instead of measuring them


def header_options() -> List[str]:
    """-H options (wrk and curl alike) for the credentials every request carries once auth is on."""
    return [option for name, value in AUTH_HEADERS.items() for option in ("-H", f"{name}: {value}")]


@dataclass(frozen=True)
class Load:
    """How hard the load generators push: wrk connections and threads, pgbench clients and threads."""
    connections: int
    threads: int


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def wrk(url: str, seconds: float, load: Load, script: str = "get.lua", args: Sequence[str] = (),
        warm_up: bool = False) -> WrkResult:
    """Runs wrk against url; every answer must be below 400 and no socket may fail, else the figure is refused.
    A warm-up may end before its first request does (a cold JVM takes seconds for its first uploads)."""
    command = ["wrk", f"-t{load.threads}", f"-c{load.connections}", f"-d{max(1, round(seconds))}s",
               "--timeout", REQUEST_TIMEOUT, "-s", str(WRK_SCRIPTS / script), *header_options(), url]
    if args:
        command += ["--", *args]
    output = run(command, timeout=seconds + 120)
    summary = next((json.loads(line.split(" ", 1)[1]) for line in output.splitlines()
                    if line.startswith("BENCH_RESULT ")), None)
    if summary is None:
        raise BenchError(f"wrk printed no summary for {url}:\n{output[-800:]}")
    failures = {key: summary[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts", "bad_status")
                if summary[key]}
    if failures:
        raise BenchError(f"wrk {url}: {failures} out of {summary['requests']} requests; see run/bench/*.log")
    if summary["requests"] == 0 and not warm_up:
        raise BenchError(f"wrk {url}: no request completed")
    return WrkResult(summary["requests"], summary["duration_us"] / 1e6, summary["p50_us"] / 1000,
                     summary["p99_us"] / 1000)


@dataclass(frozen=True)
class PgbenchResult:
    tps: float
    latency_ms: float


def pgbench(postgres: Postgres, script: str, seconds: float, load: Load, variables: Dict[str, str]) -> PgbenchResult:
    """pgbench as the owner role over TCP (as the service connects), with prepared statements."""
    command = ["pgbench", "-n", "-M", "prepared", "-c", str(load.connections), "-j", str(load.threads),
               "-T", str(max(1, round(seconds))), "-f", str(SQL_SCRIPTS / script),
               "-h", postgres.host, "-p", postgres.port, "-U", postgres.owner]
    for name, value in variables.items():
        command += ["-D", f"{name}={value}"]
    output = run([*command, postgres.database], env=postgres.role_env(postgres.owner), timeout=seconds + 120)
    failed = re.search(r"number of failed transactions: (\d+)", output)
    if failed and int(failed.group(1)):
        raise BenchError(f"pgbench: {failed.group(1)} failed transactions")
    tps = re.search(r"^tps = ([\d.]+)", output, re.MULTILINE)
    latency = re.search(r"^latency average = ([\d.]+) ms", output, re.MULTILINE)
    if not tps or not latency:
        raise BenchError(f"pgbench printed no tps:\n{output[-800:]}")
    return PgbenchResult(float(tps.group(1)), float(latency.group(1)))


@dataclass(frozen=True)
class Download:
    status: int
    first_byte_seconds: float
    seconds: float
    bytes: int


@dataclass(frozen=True)
class Downloads:
    """Downloads started together: what each saw, and the wall time from the first start to the last byte."""
    each: List[Download]
    wall_seconds: float

    @property
    def bytes(self) -> int:
        return sum(download.bytes for download in self.each)

    @property
    def mib_per_second(self) -> float:
        return self.bytes / MIB / self.wall_seconds

    @property
    def slowest_first_byte(self) -> float:
        return max(download.first_byte_seconds for download in self.each)


def download(url: str, count: int = 1, min_bytes: int = 1) -> Downloads:
    """count concurrent GETs of url with curl into /dev/null; each must answer 200 with at least min_bytes."""
    report = "%{http_code} %{time_starttransfer} %{time_total} %{size_download}"
    command = ["curl", "-sS", "-o", "/dev/null", "-w", report, *header_options(), url]
    started = time.monotonic()
    curls = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(count)]
    results = []
    try:
        for curl in curls:
            out, err = curl.communicate()
            fields = out.split()
            if curl.returncode != 0 or len(fields) != 4:
                raise BenchError(f"curl {url}: exit {curl.returncode} {err.strip()}")
            results.append(Download(int(fields[0]), float(fields[1]), float(fields[2]), int(fields[3])))
    finally:
        for curl in curls:
            if curl.poll() is None:
                curl.kill()
    wall = time.monotonic() - started
    failed = [r for r in results if r.status != 200 or r.bytes < min_bytes]
    if failed:
        answers = ", ".join(sorted({f"HTTP {r.status}" if r.status != 200 else f"only {r.bytes:,} bytes"
                                    for r in failed}))
        seconds = sorted(r.seconds for r in failed)
        raise BenchError(f"{len(failed)} of {count} downloads failed: {answers} after "
                         f"{seconds[0]:.1f}-{seconds[-1]:.1f} s")
    return Downloads(results, wall)


def copy_out(postgres: Postgres, query: str, count: int = 1) -> float:
    """Wall seconds for count concurrent `psql \\copy (query) to /dev/null` in binary format, as the export role:
    the bytes straight out of Postgres into a client, with nothing done to them."""
    command = postgres.psql_command(postgres.reader, f"\\copy ({query}) to '/dev/null' with (format binary)")
    env = postgres.role_env(postgres.reader)
    started = time.monotonic()
    copies = [subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for _ in range(count)]
    try:
        for copy in copies:
            _, err = copy.communicate()
            if copy.returncode != 0:
                raise BenchError(f"psql \\copy failed: {err.strip()}")
    finally:
        for copy in copies:
            if copy.poll() is None:
                copy.kill()
    return time.monotonic() - started


def repeat_for(seconds: float, minimum: int, step) -> float:
    """Calls step() (which returns the bytes it moved) until `seconds` have passed and at least `minimum` times;
    MiB per second over the whole time."""
    moved, calls, started = 0, 0, time.monotonic()
    while calls < minimum or time.monotonic() - started < seconds:
        moved += step()
        calls += 1
    return moved / MIB / (time.monotonic() - started)


def maven_classpath(module: str) -> str:
    """Compiles module (tests included) with its dependencies and returns its test classpath (for Java benchmarks
    that live in test sources). Honours MAVEN_ARGS, e.g. MAVEN_ARGS=-o where there is no network."""
    output_file = "target/bench-classpath.txt"
    run(["./mvnw", "-B", "-q", "-pl", module, "-am", "test-compile",
         "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath",
         "-Dmdep.includeScope=test", f"-Dmdep.outputFile={output_file}"], timeout=900)
    module_dir = ROOT / module
    return ":".join([str(module_dir / "target/test-classes"), str(module_dir / "target/classes"),
                     (module_dir / output_file).read_text().strip()])
