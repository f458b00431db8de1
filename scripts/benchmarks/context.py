"""What every experiment gets: the settings, the services started for this run, and the data they measure (made
on first use and kept for the run)."""
from __future__ import annotations

import os
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .fixtures import (Pack, ProjectService, create_pack, insert_cold_projects, qualities_project, raw_upload_fields,
                       write_upload_payload)
from .gateway import start_gateway
from .harness import (AUTH_HEADERS, ROOT, RUN_DIR, BenchError, Postgres, Process, Processes, Redis, free_port, log, run,
                      wait_until_ready)
from .tools import MIB, Load, maven_classpath

READY_SECONDS = 120  # a cold JVM on two busy cores
MODULES = ("project-service", "export-service")
# With BENCH_AUTH=off (or without .local/auth.env) the services run without credential checks (start-up logs the
# warning): their own work alone; scripts/bench-auth --http measures what checking a credential adds.
NO_AUTH = {"ASSET_HATCH_AUTH_ENABLED": "false"}


@dataclass(frozen=True)
class Settings:
    rounds: int
    seconds: float
    warmup_seconds: float
    load: Load
    export_heap: str
    pack_images: int
    image_bytes: int
    concurrent_exports: int
    full: bool
    full_pack_images: int
    memory_downloads: Tuple[int, ...]
    plan_parser: bool
    auth_verify: bool
    cold_rate_cap: int  # req/s the miss row could reach at most; sizes its set of never-read projects


@dataclass(frozen=True)
class UploadPayload:
    """Where upload.lua finds the parts of its images, and how long each image is."""
    directory: Path
    image_bytes: int


@dataclass
class Services:
    """project-service and export-service running against one image store."""
    project: Process
    export: Process
    project_url: str
    export_url: str


def postgres_store() -> Dict[str, str]:
    return {}


# The image stores the services can be started with, by name: their extra environment. Issue 13 adds
# "s3": the KEY=VALUE lines of `scripts/object-store start` (ASSET_HATCH_IMAGES_STORE=s3, endpoint, keys, …);
# its rows then call bench.services("s3") and get a second pair of services on the same database.
STORES: Dict[str, Callable[[], Dict[str, str]]] = {"postgres": postgres_store}


EXPORT_JVM_OPTIONS = ROOT / "export-service" / "jvm.options"  # what scripts/start runs export-service with
EXPORT_JVM_ENVIRONMENT = ROOT / "export-service" / "jvm.env"
AUTH_ENV = ROOT / ".local" / "auth.env"  # written by scripts/infra once auth exists (README "Authentication")
FLOORS_BUILD = "BENCH_FLOORS_BUILD"  # "on" when scripts/bench-floors runs the bench on its build with floor endpoints
BENCH_USER = "bench-user"  # the user whose token every request carries, and who owns every project of the run


def env_file(path: Path) -> Dict[str, str]:
    """The NAME=value lines of an environment file; # starts a comment line."""
    settings = {}
    for line in path.read_text().splitlines():
        name, equals, value = line.strip().partition("=")
        if equals and not name.startswith("#"):
            settings[name] = value
    return settings


def auth_environment() -> Dict[str, str]:
    """The services' auth settings from .local/auth.env (without the private key, which only scripts/token reads);
    empty when there is no such file (auth not set up: the services run without it)."""
    if not AUTH_ENV.exists():
        return {}
    return {name: value for name, value in env_file(AUTH_ENV).items() if not name.startswith("ASSET_HATCH_JWT_PRIVATE")}


def export_service_jvm_environment() -> Dict[str, str]:
    """The environment scripts/start runs export-service's JVM with (export-service/jvm.env)."""
    return env_file(EXPORT_JVM_ENVIRONMENT)


def use_auth() -> Optional[str]:
    """With auth set up, every request of the run carries a Bearer token of BENCH_USER (minted by scripts/token,
    valid for an hour); returns that user, or None without auth."""
    if not AUTH_ENV.exists() or os.environ.get("BENCH_AUTH", "on") == "off":
        return None
    lines = run([str(ROOT / "scripts" / "token"), BENCH_USER], timeout=300).splitlines()
    authorization = next((line for line in lines if line.startswith("Authorization: ")), None)
    if authorization is None:
        raise BenchError("scripts/token printed no Authorization line")
    AUTH_HEADERS["Authorization"] = authorization.split(": ", 1)[1]
    log(f"auth on: requests carry a Bearer token of {BENCH_USER}")
    return BENCH_USER


class Bench:
    def __init__(self, settings: Settings, processes: Processes, postgres: Postgres, redis: Redis):
        self.settings = settings
        self.processes = processes
        self.postgres = postgres
        self.redis = redis
        self.user = use_auth()
        self._gateway: Optional[Tuple[Optional[str], str]] = None  # (URL, why there is none)
        self._services: Dict[str, Services] = {}
        self._fixtures: Dict[str, object] = {}

    # --- services -------------------------------------------------------------------------------------------

    def services(self, store: str = "postgres") -> Services:
        if store not in self._services:
            self._services[store] = self._start_services(store)
        return self._services[store]

    @property
    def api(self) -> ProjectService:
        return ProjectService(self.services().project_url)

    def gateway_url(self) -> Optional[str]:
        """The gateway in front of the postgres services, started on first use; None when there is none."""
        if self._gateway is None:
            services = self.services()
            probe = f"/api/projects/{self.qualities_project()}/qualities"
            self._gateway = start_gateway(self.processes, _port(services.project_url), _port(services.export_url),
                                          free_port(), probe)
            log(f"gateway at {self._gateway[0]}" if self._gateway[0] else f"no gateway: {self._gateway[1]}")
        return self._gateway[0]

    def lacks(self, need: str) -> str:
        """Why a need of an experiment is not met here ("" when it is)."""
        if need == "gateway":
            return "" if self.gateway_url() else self._gateway[1]
        flags = {"full": (self.settings.full, "run with --full"),
                 "plan-parser": (self.settings.plan_parser, "run with --plan-parser"),
                 "auth-verify": (self.settings.auth_verify, "run with --auth-verify"),
                 "floors": (os.environ.get(FLOORS_BUILD) == "on",
                            "run scripts/bench-floors (a build of project-service with the floor endpoints)")}
        present, hint = flags.get(need, (False, f"nothing provides {need!r} yet"))
        return "" if present else hint

    def _start_services(self, store: str) -> Services:
        store_env = STORES[store]()
        project_port, export_port = free_port(), free_port()
        project = self._start_jar("project-service", store, project_port, {
            "QUARKUS_DATASOURCE_JDBC_URL": self.postgres.jdbc_url,
            "QUARKUS_DATASOURCE_REACTIVE_URL": self.postgres.reactive_url,
            "QUARKUS_DATASOURCE_USERNAME": self.postgres.owner,
            "QUARKUS_DATASOURCE_PASSWORD": self.postgres.owner_password,
            "QUARKUS_FLYWAY_PLACEHOLDERS_EXPORT_ROLE": self.postgres.reader,
            "QUARKUS_REDIS_HOSTS": self.redis.url,
            "ASSET_HATCH_CACHE_KEY_PREFIX": "ah-bench",
            **self._auth_settings(),
            **store_env,
        })
        # export-service reads the schema project-service migrates: it starts once project-service is ready.
        export = self._start_jar("export-service", store, export_port, {
            "QUARKUS_DATASOURCE_REACTIVE_URL": self.postgres.reactive_url,
            "QUARKUS_DATASOURCE_USERNAME": self.postgres.reader,
            "QUARKUS_DATASOURCE_PASSWORD": self.postgres.reader_password,
            **self._auth_settings(),
            **store_env,
            **export_service_jvm_environment(),
        }, java_options=[f"@{EXPORT_JVM_OPTIONS}", f"-Xmx{self.settings.export_heap}"])
        return Services(project, export, f"http://127.0.0.1:{project_port}", f"http://127.0.0.1:{export_port}")

    def _auth_settings(self) -> Dict[str, str]:
        return auth_environment() if self.user else NO_AUTH

    def _start_jar(self, module: str, store: str, port: int, env: Dict[str, str],
                   java_options: Sequence[str] = ()) -> Process:
        """Runs a copy of the packaged app under run/bench, renamed, so that a rebuild meanwhile or anything that
        stops "quarkus-run.jar" processes by name leaves this run alone."""
        name = f"{module}-{store}"
        app = RUN_DIR / name
        shutil.rmtree(app, ignore_errors=True)
        shutil.copytree(packaged_jar(module).parent, app)
        jar = app / f"{module}.jar"
        (app / "quarkus-run.jar").rename(jar)
        command = ["java", *java_options, *shlex.split(os.environ.get("JAVA_OPTS", "")), "-jar", str(jar)]
        process = self.processes.start(name, command, {"QUARKUS_HTTP_PORT": str(port), **env})
        wait_until_ready(process, f"http://127.0.0.1:{port}/q/health/ready", READY_SECONDS)
        log(f"{name} ready on port {port} (pid {process.pid})")
        return process

    # --- data -----------------------------------------------------------------------------------------------

    def _fixture(self, key: str, make):
        if key not in self._fixtures:
            self._fixtures[key] = make()
        return self._fixtures[key]

    def qualities_project(self) -> str:
        """The project the cache-hit and gateway rows read."""
        return self._fixture("qualities", lambda: qualities_project(self.api, "bench-qualities"))

    def patch_project(self) -> str:
        """The project the 16 writers of the PATCH row (and pgbench) update."""
        return self._fixture("patch", lambda: qualities_project(self.api, "bench-patch"))

    def patch_warm_up_projects(self, count: int) -> List[str]:
        """Projects the PATCH row's warm-up spreads its writes over, one per connection."""
        return self._fixture("patch-warm-up", lambda: [qualities_project(self.api, f"bench-patch-warm-up-{i}")
                                                        for i in range(count)])

    def cold_projects(self) -> Tuple[str, int]:
        """(id prefix, count): projects never read, more than the miss row can read in one round."""
        def insert():
            prefix = "bench-cold-"
            count = int(self.settings.cold_rate_cap * (self.settings.seconds + self.settings.warmup_seconds))
            log(f"inserting {count:,} cold projects")
            insert_cold_projects(self.postgres, prefix, count, self.user)
            return prefix, count
        return self._fixture("cold", insert)

    def pack(self, images: int) -> Pack:
        def upload():
            log(f"uploading a pack of {images} approved images of {self.settings.image_bytes / MIB:g} MiB")
            return create_pack(self.api, f"bench-pack-{images}", images, self.settings.image_bytes)
        return self._fixture(f"pack-{images}", upload)

    def export_url(self, pack: Pack) -> str:
        return f"{self.services().export_url}/api/projects/{pack.project_id}/export"

    def upload_payload(self) -> UploadPayload:
        def write():
            directory = RUN_DIR / "upload-payload"
            return UploadPayload(directory, write_upload_payload(directory, self.settings.image_bytes))
        return self._fixture("upload-payload", write)

    def raw_upload_fields(self) -> Optional[str]:
        """How the raw binary upload takes its fields (see fixtures.raw_upload_fields); None while there is none."""
        return self._fixture("raw-upload-fields", lambda: raw_upload_fields(self.api.openapi()))

    def test_classpath(self, module: str) -> str:
        def compile_tests():
            log(f"compiling {module} and its tests (./mvnw test-compile)")
            return maven_classpath(module)
        return self._fixture(f"classpath-{module}", compile_tests)


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def packaged_jar(module: str) -> Path:
    return ROOT / module / "target" / "quarkus-app" / "quarkus-run.jar"


def require_jars(build: bool) -> None:
    """Builds with ./mvnw -DskipTests package when asked, or when a packaged jar is missing (honours MAVEN_ARGS,
    e.g. MAVEN_ARGS=-o without network)."""
    missing = [module for module in MODULES if not packaged_jar(module).exists()]
    if not build and not missing:
        return
    log(f"building ({'asked' if build else 'missing: ' + ', '.join(missing)}): ./mvnw -B -q -DskipTests package")
    run(["./mvnw", "-B", "-q", "-DskipTests", "package"], timeout=1800)
    if any(not packaged_jar(module).exists() for module in MODULES):
        raise BenchError("the build produced no quarkus-run.jar")
