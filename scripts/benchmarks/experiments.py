"""What scripts/bench measures. An experiment prepares its data once, warms the JIT, then measures one round at a
time; each round gives a Measurement per row (the figure, and the ceiling measured right next to it).

Adding rows (issue 13's, for example): write prepare/round functions and add an Experiment to experiments():
  - export with the s3 store vs the postgres store vs a plain GetObject loop over the same objects: services("s3")
    (see context.STORES) for the figure, a curl loop with --aws-sigv4 for the ceiling;
  - upload per store: upload_mib_per_second() against services("s3") next to services("postgres");
  - Postgres size per 1,000 images before and after the migration: Postgres.size_bytes() around the migration
    command, on a pack of bench.pack(1000).
`needs` names what must be there ("gateway", "full", "plan-parser"; "s3" once it exists: teach Bench.lacks),
otherwise the rows are listed as skipped with the reason."""
from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, List, Tuple, Union

from .context import Bench, Settings
from .harness import ROOT, BenchError, Process, log, run
from .gateway import event_latencies_ms
from .results import Failed, Goal, Measurement, Row
from .fixtures import pool_counters
from .tools import MIB, copy_out, download, pgbench, repeat_for, wrk

LIVE = "/q/health/live"
EXPECTED_CACHE_SHARE = 0.99  # the hit (miss) row notes it when fewer cache reads than this hit (missed)
PLAN_PARSER_BENCHMARK = "com.assethatch.export.plan.PlanParserBenchmark"
AUTH_BENCHMARK = "com.assethatch.common.auth.AuthVerificationBenchmark"
AUTH_ROWS = {"auth-cookie": "Auth.js session cookie", "auth-rs256": "Bearer RS256", "auth-es256": "Bearer ES256",
             "auth-rs256-cached": "Cached Bearer RS256"}
SSE_EVENTS_PER_ROUND = 20  # per path; the gateway row's SSE latency is their median


@dataclass(frozen=True)
class Experiment:
    name: str
    rows: Tuple[Row, ...]
    run_round: Callable[[Bench, int], Dict[str, Union[Measurement, Failed]]]
    prepare: Callable[[Bench], Dict[str, str]] = lambda bench: {}  # returns {row key: why it is skipped}
    needs: FrozenSet[str] = field(default_factory=frozenset)
    rounds: int = 0  # 0: --rounds; an experiment that repeats inside itself says 1


STEADY_WITHIN = 0.10  # a warm-up ends when a slice's rate is within this share of the slice before ...
JIT_QUIET_CORES = 0.05  # ... and the JIT's compiler threads used less than this share of a core during it
MAX_WARM_UP_SLICES = 30


def warm_until_steady(row: str, slice_rate: Callable[[], float], jvm: Process) -> None:
    """Repeats a warm-up slice (slice_rate() runs one and returns its rate) until the rate settles and the JIT of
    the JVM under load has stopped compiling, at most MAX_WARM_UP_SLICES times. A fixed slice was not enough: the
    cache-miss path took ~20 s of load before the JIT had compiled it, and the PATCH path, at a few hundred requests
    a second, ~60 s; meanwhile its C2 thread used up to half a core and the rate was already steady (2026-12-02)."""
    previous = None
    for done in range(1, MAX_WARM_UP_SLICES + 1):
        jit_before, started = jvm.jit_seconds(), time.monotonic()
        rate = slice_rate()
        jit_cores = (jvm.jit_seconds() - jit_before) / (time.monotonic() - started)
        if previous and abs(rate - previous) <= STEADY_WITHIN * previous and jit_cores < JIT_QUIET_CORES:
            log(f"{row}: steady after {done} warm-up slices ({rate:,.1f}/s, JIT {jit_cores:.2f} cores)")
            return
        previous = rate
    log(f"{row}: still changing after {MAX_WARM_UP_SLICES} warm-up slices (JIT {jit_cores:.2f} cores); "
        "measuring anyway")


def qualities_path(project_id: str) -> str:
    return f"/api/projects/{project_id}/qualities"


def in_turn(round_index: int, figure: Callable, ceiling: Callable):
    """Runs both, the ceiling first in even rounds and second in odd ones, so that a drift in the machine's load
    favours neither; returns (figure result, ceiling result)."""
    if round_index % 2 == 0:
        ceiling_result = ceiling()
        return figure(), ceiling_result
    figure_result = figure()
    return figure_result, ceiling()


def cache_read_share(bench: Bench, result: str, measure: Callable):
    """Runs measure() and returns (its result, the share of cache reads meanwhile that had this result)."""
    before = bench.api.cache_reads()
    outcome = measure()
    after = bench.api.cache_reads()
    deltas = {key: after.get(key, 0) - before.get(key, 0) for key in after}
    total = sum(deltas.values())
    return outcome, (deltas.get(result, 0) / total if total else 0.0)


# --- GET qualities, cache hit ---------------------------------------------------------------------------------

def prepare_get_hit(bench: Bench) -> Dict[str, str]:
    s, base, path = bench.settings, bench.services().project_url, qualities_path(bench.qualities_project())
    jvm = bench.services().project
    warm_until_steady("get-hit", lambda: wrk(base + path, s.warmup_seconds, s.load, warm_up=True).per_second, jvm)
    warm_until_steady("live", lambda: wrk(base + LIVE, s.warmup_seconds, s.load, warm_up=True).per_second, jvm)
    return {}


def round_get_hit(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, base = bench.settings, bench.services().project_url
    url = base + qualities_path(bench.qualities_project())
    (hit, hit_share), live = in_turn(
        index, lambda: cache_read_share(bench, "hit", lambda: wrk(url, s.seconds, s.load)),
        lambda: wrk(base + LIVE, s.seconds, s.load))
    note = f"p50 {hit.p50_ms:.2f} ms"
    if hit_share < EXPECTED_CACHE_SHARE:
        note += f"; only {hit_share:.0%} hits"
    return {"get-hit": Measurement(hit.per_second, live.per_second, note)}


# --- GET qualities, cache miss (the Postgres path) ----------------------------------------------------------------
# After a FLUSHDB, the first read of a key misses and refills it; every later read of it hits. So each request
# reads a different project, none read since the flush: every request takes the whole miss path (Redis miss, fill
# token, Postgres read, compare-and-set fill), the real code with the real configuration. The cache metrics
# confirm it (the note says when the ids ran out and reads hit).

def cold_request_args(bench: Bench) -> List[str]:
    prefix, count = bench.cold_projects()
    return [prefix, str(count), str(bench.settings.load.threads)]


def cold_reads(bench: Bench, seconds: float, warm_up: bool = False):
    """Flushes Redis, then wrk reads never-read projects, one per request: every read takes the miss path."""
    bench.redis.flush()
    return wrk(bench.services().project_url + "/", seconds, bench.settings.load, "distinct_projects.lua",
               cold_request_args(bench), warm_up)


def prepare_get_miss(bench: Bench) -> Dict[str, str]:
    s, base = bench.settings, bench.services().project_url
    warm_until_steady("get-miss", lambda: cold_reads(bench, s.warmup_seconds, warm_up=True).per_second,
                      bench.services().project)
    wrk(base + LIVE, s.warmup_seconds, s.load, warm_up=True)
    select_cold_projects(bench, s.warmup_seconds)
    return {}


def round_get_miss(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, base = bench.settings, bench.services().project_url

    (miss, miss_share), live = in_turn(
        index, lambda: cache_read_share(bench, "miss", lambda: cold_reads(bench, s.seconds)),
        lambda: wrk(base + LIVE, s.seconds, s.load))
    select = select_cold_projects(bench, s.seconds)
    note = (f"p50 {miss.p50_ms:.2f} ms; Postgres alone, pgbench of the miss's SELECT: {select.tps:,.0f} tx/s "
            f"({select.tps / live.per_second:.2f} of the ceiling)")
    if miss_share < EXPECTED_CACHE_SHARE:
        note += f"; only {miss_share:.0%} misses"
    return {"get-miss": Measurement(miss.per_second, live.per_second, note)}


def select_cold_projects(bench: Bench, seconds: float):
    """pgbench running the one query a miss sends Postgres, on the same never-read projects: what a miss could reach
    if nothing but Postgres cost anything."""
    prefix, count = bench.cold_projects()
    return pgbench(bench.postgres, "select_project.sql", seconds, bench.settings.load,
                   {"prefix": prefix, "count": str(count)})


# --- PATCH qualities against pgbench ----------------------------------------------------------------------------

def prepare_patch(bench: Bench) -> Dict[str, str]:
    """Warms the PATCH path on many projects first: on its one row the path runs ~300 times a second, waiting for
    the row's lock, and a 5-s warm-up left C2 compiling it through the rounds (its thread at a third of a core in
    the PATCH phases, perf, 2026-12-02). Spread over rows, the same code runs as fast as the CPU allows, so the
    JIT gets to compile it sooner; then the locked row itself, until the JIT is done with what only it runs."""
    s, project, jvm = bench.settings, bench.patch_project(), bench.services().project
    url = bench.services().project_url + "/"
    rows = bench.patch_warm_up_projects(s.load.connections)
    for name, projects in (("patch, spread over rows", rows), ("patch, one row", [project])):
        warm_until_steady(name, lambda: wrk(url, s.warmup_seconds, s.load, "patch_qualities.lua", projects,
                                            warm_up=True).per_second, jvm)
    pgbench(bench.postgres, "update_qualities.sql", s.warmup_seconds, s.load, {"project": project})
    return {}


def round_patch(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, project = bench.settings, bench.patch_project()
    patch, update = in_turn(
        index, lambda: wrk(bench.services().project_url + "/", s.seconds, s.load, "patch_qualities.lua", [project]),
        lambda: pgbench(bench.postgres, "update_qualities.sql", s.seconds, s.load, {"project": project}))
    return {"patch": Measurement(patch.per_second, update.tps,
                                 f"p50 {patch.p50_ms:.1f} ms; pgbench {update.latency_ms:.1f} ms average")}


# --- export of a pack, alone and 12 at a time ---------------------------------------------------------------------

def prepare_export(bench: Bench) -> Dict[str, str]:
    s, pack = bench.settings, bench.pack(bench.settings.pack_images)
    url = bench.export_url(pack)
    warm_until_steady("export", lambda: repeat_for(s.warmup_seconds, 2,
                                                   lambda: download(url, 1, pack.image_bytes).bytes),
                      bench.services().export)
    copy_out(bench.postgres, pack.images_query)
    return {}


def round_export(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, pack = bench.settings, bench.pack(bench.settings.pack_images)
    url = bench.export_url(pack)

    def copy_step() -> int:
        copy_out(bench.postgres, pack.images_query)
        return pack.image_bytes

    export, copy = in_turn(index, lambda: repeat_for(s.seconds, 2, lambda: download(url, 1, pack.image_bytes).bytes),
                           lambda: repeat_for(s.seconds, 2, copy_step))
    return {"export": Measurement(export, copy)}


def round_concurrent_exports(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, pack = bench.settings, bench.pack(bench.settings.pack_images)
    url, export_service = bench.export_url(pack), bench.services().export
    alone = download(url, 1, pack.image_bytes)
    idle_mb = export_service.memory_kib("VmRSS") / 1024
    export_service.reset_peak_memory()
    pool_before = pool_counters(bench.services().export_url)
    together = download(url, s.concurrent_exports, pack.image_bytes)
    pool = pool_counters(bench.services().export_url)
    peak_mb = export_service.memory_kib("VmHWM") / 1024
    copy_seconds = copy_out(bench.postgres, pack.images_query, s.concurrent_exports)
    first_bytes = sorted(d.first_byte_seconds for d in together.each)
    return {
        "exports-throughput": Measurement(together.mib_per_second,
                                          s.concurrent_exports * pack.image_bytes / MIB / copy_seconds),
        "exports-first-byte": Measurement(together.slowest_first_byte, alone.slowest_first_byte,
                                          f"median {statistics.median(first_bytes):.3f} s; JDBC pool: at most "
                                          f"{pool['max_used']:.0f} connections in use, "
                                          f"{(pool['blocked_ms'] - pool_before['blocked_ms']) / max(1.0, pool['acquired'] - pool_before['acquired']):.1f}"
                                          f" ms per checkout (validation included)"),
        "exports-rss": Measurement(peak_mb, None, f"{idle_mb:.0f} MB before"),
    }


def round_export_memory(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, pack = bench.settings, bench.pack(bench.settings.full_pack_images)
    url, export_service = bench.export_url(pack), bench.services().export
    measured: Dict[str, Union[Measurement, Failed]] = {}
    for downloads in s.memory_downloads:
        export_service.reset_peak_memory()
        try:
            result = download(url, downloads, pack.image_bytes)
        except BenchError as e:  # e.g. more downloads than pool connections: the others still count
            measured[f"export-memory-{downloads}"] = Failed(str(e))
            continue
        measured[f"export-memory-{downloads}"] = Measurement(
            export_service.memory_kib("VmHWM") / 1024, None, f"{result.mib_per_second:.0f} MiB/s in total")
    return measured


# --- uploads: binary against base64 JSON --------------------------------------------------------------------------

def upload_mib_per_second(bench: Bench, mode: str, seconds: float, tag: str, warm_up: bool = False) -> float:
    """wrk posting new images (mode: multipart, base64 or raw) into a project of their own, deleted afterwards;
    MiB of image bytes stored per second."""
    api, project, payload = bench.api, f"bench-upload-{mode}-{tag}", bench.upload_payload()
    api.create_project(project, f"Bench uploads {mode}")
    try:
        result = wrk(bench.services().project_url + "/", seconds, bench.settings.load, "upload.lua",
                     [mode, project, str(payload.directory), project, bench.raw_upload_fields() or ""], warm_up)
    finally:
        api.delete_project(project)
    return result.per_second * payload.image_bytes / MIB


def upload_modes(bench: Bench) -> List[str]:
    return ["base64", "multipart"] + (["raw"] if bench.raw_upload_fields() else [])


def stored_image_mib_per_second(bench: Bench, seconds: float) -> float:
    """pgbench copying one of the pack's images into a table of its own: MiB of image rows Postgres stores per second
    (sql/insert_image.sql); the sink is emptied afterwards."""
    pack = bench.pack(bench.settings.pack_images)  # after the services started: they migrate an empty schema
    bench.postgres.as_owner("CREATE TABLE IF NOT EXISTS bench_image_sink (image bytea)")
    image_id = bench.postgres.as_owner(f"SELECT id FROM generated_asset WHERE project_id = '{pack.project_id}' LIMIT 1")
    try:
        result = pgbench(bench.postgres, "insert_image.sql", seconds, bench.settings.load, {"image": image_id.strip()})
    finally:
        bench.postgres.as_owner("TRUNCATE bench_image_sink")
    return result.tps * bench.settings.image_bytes / MIB


def prepare_uploads(bench: Bench) -> Dict[str, str]:
    for mode in upload_modes(bench):
        upload_mib_per_second(bench, mode, bench.settings.warmup_seconds, "warm-up", warm_up=True)
    stored_image_mib_per_second(bench, bench.settings.warmup_seconds)
    bench.postgres.vacuum("generated_asset")
    if bench.raw_upload_fields() is None:
        return {"upload-raw": "no raw upload route yet (POST /api/generated-assets, Content-Type: image/png)"}
    return {}


def round_uploads(bench: Bench, index: int) -> Dict[str, Measurement]:
    modes = upload_modes(bench)
    turn = index % len(modes)
    rates = {mode: upload_mib_per_second(bench, mode, bench.settings.seconds, f"round-{index}")
             for mode in modes[turn:] + modes[:turn]}
    stored = stored_image_mib_per_second(bench, bench.settings.seconds)
    bench.postgres.vacuum("generated_asset")  # the deleted uploads' space is reused by the next round
    measured = {"upload-multipart": Measurement(rates["multipart"], rates["base64"]),
                "upload-base64-stored": Measurement(rates["base64"], stored)}
    if "raw" in rates:
        measured["upload-raw"] = Measurement(rates["raw"], rates["base64"])
        measured["upload-raw-stored"] = Measurement(rates["raw"], stored)
    return measured


# --- through the gateway ------------------------------------------------------------------------------------------

def prepare_gateway(bench: Bench) -> Dict[str, str]:
    wrk(bench.gateway_url() + qualities_path(bench.qualities_project()), bench.settings.warmup_seconds,
        bench.settings.load, warm_up=True)
    return {}


def round_gateway(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, path = bench.settings, qualities_path(bench.qualities_project())
    services, gateway = bench.services(), bench.gateway_url()
    through, direct = in_turn(index, lambda: wrk(gateway + path, s.seconds, s.load),
                              lambda: wrk(services.project_url + path, s.seconds, s.load))
    project = bench.patch_project()
    events = event_latencies_ms(services.project_url, {"gateway": gateway, "direct": services.project_url}, project,
                                SSE_EVENTS_PER_ROUND)
    pack = bench.pack(s.pack_images)
    export_path = f"/api/projects/{pack.project_id}/export"
    exported, exported_direct = in_turn(index, lambda: download(gateway + export_path, 1, pack.image_bytes),
                                        lambda: download(services.export_url + export_path, 1, pack.image_bytes))
    return {
        "gateway-get-hit": Measurement(through.per_second, direct.per_second, f"p50 {through.p50_ms:.2f} ms"),
        "gateway-sse": Measurement(statistics.median(events["gateway"]), statistics.median(events["direct"]),
                                   f"{SSE_EVENTS_PER_ROUND} events per round"),
        "gateway-export": Measurement(exported.mib_per_second, exported_direct.mib_per_second,
                                      f"first byte {exported.slowest_first_byte * 1000:.0f} ms "
                                      f"(direct {exported_direct.slowest_first_byte * 1000:.0f} ms)"),
    }


# --- verifying credentials (a Java micro-benchmark in common's test sources) --------------------------------------

def prepare_auth_verify(bench: Bench) -> Dict[str, str]:
    source = ROOT / "common/src/test/java" / (AUTH_BENCHMARK.replace(".", "/") + ".java")
    if not source.exists():
        return {row: f"{source.relative_to(ROOT)} is gone" for row in AUTH_ROWS}
    bench.test_classpath("common")
    return {}


def round_auth_verify(bench: Bench, index: int) -> Dict[str, Measurement]:
    output = run(["java", "-Xms256m", "-Xmx256m", "-cp", bench.test_classpath("common"), AUTH_BENCHMARK], timeout=600)
    nanos = {label: float(value.replace(",", "")) for label, value in
             re.findall(r"^(.+?)\s+([\d,]+) ns/op", output, re.MULTILINE)}
    baseline = next((v for label, v in nanos.items() if label.startswith("baseline")), None)
    if baseline is None:
        raise BenchError(f"unexpected output of {AUTH_BENCHMARK}:\n{output[-600:]}")
    measured = {}
    for row, prefix in AUTH_ROWS.items():
        figure = next((v for label, v in nanos.items() if label.startswith(prefix)), None)
        if figure is not None:
            measured[row] = Measurement(figure, baseline, "median of the benchmark's own rounds, one JVM")
    return measured


# --- the plan parser (a Java micro-benchmark in export-service's test sources) ------------------------------------

def prepare_plan_parser(bench: Bench) -> Dict[str, str]:
    source = ROOT / "export-service/src/test/java" / (PLAN_PARSER_BENCHMARK.replace(".", "/") + ".java")
    if not source.exists():
        return {"plan-parser": f"{source.relative_to(ROOT)} is gone"}
    bench.test_classpath("export-service")
    return {}


def round_plan_parser(bench: Bench, index: int) -> Dict[str, Measurement]:
    output = run(["java", "-Xms512m", "-Xmx512m", "-cp", bench.test_classpath("export-service"),
                  PLAN_PARSER_BENCHMARK], timeout=600)
    parser = re.search(r"PlanParser\.parse, composite\s+([\d.]+) ms", output)
    commonmark = re.search(r"commonmark Parser\.parse\s+([\d.]+) ms", output)
    rounds = re.search(r"median of (\d+) rounds", output)
    if not parser or not commonmark:
        raise BenchError(f"unexpected output of {PLAN_PARSER_BENCHMARK}:\n{output[-600:]}")
    return {"plan-parser": Measurement(float(parser.group(1)), float(commonmark.group(1)),
                                       f"median of {rounds.group(1) if rounds else '?'} rounds in one JVM")}


# --- Floors: what a GET costs before the service's own work (scripts/bench-floors) --------------------------------
# Endpoints that only scripts/bench-floors builds in (scripts/benchmarks/floors/FloorsResource.java), next to the
# real cache hit, all against the same ceiling: Quarkus REST alone, plus the Bearer check, plus one Redis round trip.

FLOORS = {"floor-rest": "/floors/rest", "floor-authenticated": "/api/floors/authenticated",
          "floor-authenticated-redis": "/api/floors/authenticated-redis"}


def floor_paths(bench: Bench) -> Dict[str, str]:
    return {**FLOORS, "floor-get-hit": qualities_path(bench.qualities_project())}


def prepare_floors(bench: Bench) -> Dict[str, str]:
    s, base = bench.settings, bench.services().project_url
    for row, path in {**floor_paths(bench), "live": LIVE}.items():
        warm_until_steady(row, lambda: wrk(base + path, s.warmup_seconds, s.load, warm_up=True).per_second,
                          bench.services().project)
    return {}


def round_floors(bench: Bench, index: int) -> Dict[str, Measurement]:
    s, base = bench.settings, bench.services().project_url
    figures, live = in_turn(
        index, lambda: {row: wrk(base + path, s.seconds, s.load) for row, path in floor_paths(bench).items()},
        lambda: wrk(base + LIVE, s.seconds, s.load))
    return {row: Measurement(result.per_second, live.per_second, f"p50 {result.p50_ms:.2f} ms")
            for row, result in figures.items()}


# --- the list -----------------------------------------------------------------------------------------------------

def experiments(s: Settings) -> List[Experiment]:
    per_second = "req/s"
    live = f"GET {LIVE}, same JVM"
    n = s.concurrent_exports
    pack = f"{s.pack_images} × {s.image_bytes / MIB:g} MiB"
    return [
        Experiment("get-hit", (Row("get-hit", "GET qualities, cache hit", per_second,
                                   live, Goal("≥ 0.70", min_ratio=0.7)),),
                   round_get_hit, prepare_get_hit),
        Experiment("get-miss", (Row("get-miss", "GET qualities, cache miss (Postgres path)", per_second,
                                    live, Goal("≥ 0.50", min_ratio=0.5)),),
                   round_get_miss, prepare_get_miss),
        Experiment("patch", (Row("patch", f"PATCH qualities, one project, {s.load.connections} writers", per_second,
                                 "pgbench, same single-row UPDATE (tx/s)", Goal("≥ 0.60", min_ratio=0.6)),),
                   round_patch, prepare_patch),
        Experiment("export", (Row("export", f"export of {pack} approved PNGs, warm", "MiB/s",
                                  "psql \\copy of the same images (binary) to /dev/null",
                                  Goal("≥ 0.60", min_ratio=0.6)),),
                   round_export, prepare_export),
        Experiment("exports", (
            Row("exports-throughput", f"{n} concurrent exports, total", "MiB/s", f"{n} concurrent psql \\copy"),
            Row("exports-first-byte", f"{n} concurrent exports, slowest first byte", "s", "one export alone",
                Goal("no wait for a pool slot"), lower_is_better=True),
            Row("exports-rss", f"{n} concurrent exports, export-service peak RSS (-Xmx{s.export_heap})", "MB", "",
                Goal("≤ 300 MB", max_figure=300)),
        ), round_concurrent_exports, prepare_export),
        Experiment("export-memory", tuple(
            Row(f"export-memory-{d}", f"1 GiB pack, {d} download{'s' if d > 1 else ''} at once, export-service peak "
                f"RSS (-Xmx{s.export_heap})", "MB", "", Goal("≤ 300 MB, flat", max_figure=300))
            for d in s.memory_downloads), round_export_memory, needs=frozenset({"full"})),
        Experiment("uploads", (
            Row("upload-multipart", f"upload {s.image_bytes / MIB:g} MiB, multipart", "MiB/s",
                "base64 JSON upload (baseline)", Goal("≥ 3.00", min_ratio=3.0)),
            Row("upload-raw", f"upload {s.image_bytes / MIB:g} MiB, raw body (image/png)", "MiB/s",
                "base64 JSON upload (baseline)", Goal("≥ 3.00", min_ratio=3.0)),
            Row("upload-base64-stored", f"upload {s.image_bytes / MIB:g} MiB, base64 JSON", "MiB/s",
                "pgbench: Postgres storing the same image rows (INSERT … SELECT)"),
            Row("upload-raw-stored", f"upload {s.image_bytes / MIB:g} MiB, raw body (image/png)", "MiB/s",
                "pgbench: Postgres storing the same image rows (INSERT … SELECT)"),
        ), round_uploads, prepare_uploads),
        Experiment("gateway", (
            Row("gateway-get-hit", "GET qualities, cache hit, through the gateway", per_second,
                "the same GET straight to project-service"),
            Row("gateway-sse", "SSE: PATCH sent → its event read, through the gateway", "ms",
                "the same, stream straight from project-service", lower_is_better=True),
            Row("gateway-export", f"export of {pack} through the gateway", "MiB/s",
                "the same download straight from export-service"),
        ), round_gateway, prepare_gateway, needs=frozenset({"gateway"})),
        Experiment("auth", tuple(
            Row(row, f"verify a credential: {prefix}", "ns", "a request without credential (cookie lookup)",
                lower_is_better=True) for row, prefix in AUTH_ROWS.items()),
                   round_auth_verify, prepare_auth_verify, needs=frozenset({"auth-verify"}), rounds=1),
        Experiment("plan-parser", (Row("plan-parser", "plan parser, 10,000-asset plan", "ms",
                                       "commonmark-java's bare parse of the same text", lower_is_better=True),),
                   round_plan_parser, prepare_plan_parser, needs=frozenset({"plan-parser"}), rounds=1),
        Experiment("floors", tuple(Row(key, text, per_second, live) for key, text in {
            "floor-rest": "floor: Quarkus REST GET, constant body, no credential checked",
            "floor-authenticated": "floor: the same under /api, Bearer token verified",
            "floor-authenticated-redis": "floor: the same plus one Redis PING",
            "floor-get-hit": "GET qualities, cache hit (one Redis HMGET)",
        }.items()), round_floors, prepare_floors, needs=frozenset({"floors"})),
    ]

