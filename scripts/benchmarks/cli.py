"""scripts/bench: options, the run, the table, and stopping everything it started whatever happens."""
from __future__ import annotations

import argparse
import datetime
import os
import shutil
import signal
import subprocess
from typing import Dict, List

from .context import Bench, Settings, require_jars
from .experiments import Experiment, experiments
from .harness import ROOT, RUN_DIR, BenchError, Postgres, Processes, Redis, log, run, stop_leftovers
from .results import Failed, RowResult, rounds, table
from .tools import MIB, Load

DATABASE = "asset_hatch_bench"
REDIS_DATABASE = 3  # 0: the services, 1: tests, 2: e2e
TOOLS = ("java", "wrk", "pgbench", "psql", "curl", "redis-cli")
DEFAULTS = dict(rounds=3, duration=10.0, warmup=5.0, connections=16, threads=2, export_heap="128m", image_mib=1.0,
                pack_images=64, concurrent_exports=12, full=False, plan_parser=False, auth_verify=False)
FULL_PACK_BYTES = 1024 * MIB  # 1 GiB
MEMORY_DOWNLOADS = (1, 4, 16)
COLD_RATE_CAP = 50_000  # req/s no GET reaches here (the ceiling is ~40k): sizes the miss row's never-read projects


def arguments(argv: List[str]) -> argparse.Namespace:
    names = [e.name for e in experiments(_settings(argparse.Namespace(**DEFAULTS)))]
    parser = argparse.ArgumentParser(
        prog="scripts/bench", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Measures every hot path next to its ceiling, measured in the same run, and prints one table "
                    "(medians of the rounds). Starts the packaged services on spare ports against the database "
                    f"{DATABASE} and Redis database {REDIS_DATABASE}, and stops everything it started.",
        epilog="experiments: " + ", ".join(names))
    flag = parser.add_argument
    flag("--build", action="store_true", help="build the jars first (also done when one is missing)")
    for name, kind, text in (("rounds", int, "rounds per row, at least 3"),
                             ("duration", float, "seconds per measurement"),
                             ("warmup", float, "seconds of warm-up per row"),
                             ("connections", int, "wrk connections and pgbench clients"),
                             ("threads", int, "wrk and pgbench threads"),
                             ("export-heap", str, "export-service's -Xmx"),
                             ("image-mib", float, "size of every image, MiB"),
                             ("pack-images", int, "images in the export pack"),
                             ("concurrent-exports", int, "exports at once in the concurrency row")):
        flag(f"--{name}", type=kind, default=DEFAULTS[name.replace("-", "_")], help=text + " (%(default)s)")
    flag("--full", action="store_true", help="also the 1 GiB pack: peak RSS for 1, 4 and 16 downloads (~10 min)")
    flag("--plan-parser", action="store_true", help="also the plan parser micro-benchmark (compiles tests)")
    flag("--auth-verify", action="store_true",
         help="also the credential verification micro-benchmark, formerly scripts/bench-auth (compiles tests)")
    flag("--only", default="", help="comma-separated experiments to run (default: all)")
    flag("--keep-db", action="store_true", help=f"keep {DATABASE} afterwards (dropped by default)")
    flag("--no-infra", action="store_true", help="do not run scripts/infra --bench first")
    options = parser.parse_args(argv)
    unknown = set(filter(None, options.only.split(","))) - set(names)
    if unknown:
        parser.error(f"unknown experiments {sorted(unknown)}; known: {', '.join(names)}")
    if options.rounds < 3:
        parser.error("--rounds must be at least 3 (the table shows medians)")
    return options


def _settings(options: argparse.Namespace) -> Settings:
    image_bytes = int(options.image_mib * MIB)
    return Settings(rounds=options.rounds, seconds=options.duration, warmup_seconds=options.warmup,
                    load=Load(options.connections, options.threads), export_heap=options.export_heap,
                    pack_images=options.pack_images, image_bytes=image_bytes,
                    concurrent_exports=options.concurrent_exports, full=options.full,
                    full_pack_images=-(-FULL_PACK_BYTES // image_bytes), memory_downloads=MEMORY_DOWNLOADS,
                    plan_parser=options.plan_parser, auth_verify=options.auth_verify, cold_rate_cap=COLD_RATE_CAP)


def main(argv: List[str]) -> int:
    options = arguments(argv)
    settings = _settings(options)
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not options.no_infra:
        log("scripts/infra --bench (Postgres, Redis, roles, wrk, pgbench)")
        run([str(ROOT / "scripts" / "infra"), "--bench"], timeout=900)
        missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        log(f"missing {', '.join(missing)}: run scripts/infra --bench (and install a JDK 17+)")
        return 1
    require_jars(options.build)

    RUN_DIR.mkdir(parents=True, exist_ok=True)
    stop_leftovers()
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    processes, postgres, redis = Processes(), Postgres(DATABASE), Redis(REDIS_DATABASE)
    selected = [e for e in experiments(settings) if not options.only or e.name in options.only.split(",")]
    results: Dict[str, RowResult] = {row.key: RowResult(row) for e in selected for row in e.rows}
    context = _context(settings, postgres)
    status = 0
    try:
        postgres.recreate_database()
        redis.flush()
        bench = Bench(settings, processes, postgres, redis)
        for experiment in selected:
            _run(bench, experiment, results)
    except KeyboardInterrupt:
        log("interrupted: the table below has what was measured so far")
        status = 130
    except BenchError as e:
        log(f"FAILED: {e}")
        status = 1
    finally:
        processes.stop_all()
        _clean_up(postgres, redis, options.keep_db)
    print(_report(settings, context, list(results.values())))
    return status


def _run(bench: Bench, experiment: Experiment, results: Dict[str, RowResult]) -> None:
    reasons = [reason for reason in (bench.lacks(need) for need in sorted(experiment.needs)) if reason]
    if reasons:
        for row in experiment.rows:
            results[row.key].skipped = "; ".join(reasons)
        return
    count = experiment.rounds or bench.settings.rounds
    try:
        log(f"{experiment.name}: preparing and warming up")
        for key, reason in experiment.prepare(bench).items():
            results[key].skipped = reason
        for index in range(count):
            log(f"{experiment.name}: round {index + 1} of {count}")
            for key, outcome in experiment.run_round(bench, index).items():
                if isinstance(outcome, Failed):
                    log(f"{key} FAILED: {outcome.reason}")
                    results[key].failed = outcome.reason
                else:
                    results[key].measurements.append(outcome)
    except BenchError as e:
        log(f"{experiment.name} FAILED: {e}")
        for row in experiment.rows:
            if not results[row.key].skipped:
                results[row.key].failed = str(e).splitlines()[0]


def _clean_up(postgres: Postgres, redis: Redis, keep_db: bool) -> None:
    try:
        redis.flush()
        if keep_db:
            log(f"kept database {postgres.database}")
        else:
            postgres.drop_database()
    except BenchError as e:
        log(f"cleaning up: {e}")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _context(settings: Settings, postgres: Postgres) -> Dict[str, str]:
    commit = subprocess.run(["git", "describe", "--always", "--dirty=+changes"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "?"
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit, "java": java[0] if java else "?", "load": _load()}


def _load() -> str:
    return open("/proc/loadavg").read().split()[0]


def _report(settings: Settings, context: Dict[str, str], results: List[RowResult]) -> str:
    s = settings
    return "\n".join([
        "",
        f"scripts/bench, {context['started']}, commit {context['commit']}, {os.cpu_count()} cores, "
        f"load average {context['load']} at the start and {_load()} at the end; {context['java']}",
        f"medians of {s.rounds} rounds of {s.seconds:g} s after {s.warmup_seconds:g} s of warm-up; wrk and pgbench: "
        f"{s.load.connections} connections, {s.load.threads} threads; export-service -Xmx{s.export_heap} with "
        "export-service/jvm.options and jvm.env",
        "ratio: the share of the ceiling reached (figure / ceiling; for times and sizes ceiling / figure), "
        "median of the rounds' ratios",
        "",
        table(results),
        "",
        "per round (figure/ceiling):",
        rounds(results),
        f"logs of the services: {RUN_DIR.relative_to(ROOT)}/*.log",
    ])
