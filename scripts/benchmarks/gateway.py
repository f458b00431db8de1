"""The gateway (nginx, under gateway/), when the repository has one, started on a spare port in front of the bench's
services. The first of these that applies is used:

1. scripts/gateway exists: run in the foreground with GATEWAY_PORT, PROJECT_SERVICE_PORT, EXPORT_SERVICE_PORT,
   PROJECT_SERVICE_URL, EXPORT_SERVICE_URL, GATEWAY_RUN_DIR and the GATEWAY_* settings it reads in its environment;
2. gateway/nginx.conf.template or gateway/nginx.conf: ${GATEWAY_PORT}, ${PROJECT_SERVICE_PORT} and
   ${EXPORT_SERVICE_PORT} are substituted, as are the default addresses (listen 8000, upstreams on 8080 and 8081),
   and nginx runs it with `-p run/bench/gateway` in the foreground.

Anything else, or a gateway that does not answer the probe, skips the gateway rows with the reason."""
from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import subprocess
import time
import urllib.parse
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .harness import AUTH_HEADERS, ROOT, RUN_DIR, BenchError, Processes, wait_until_ready

GATEWAY_DIR = ROOT / "gateway"
GATEWAY_SCRIPT = ROOT / "scripts" / "gateway"
READY_SECONDS = 20


def start_gateway(processes: Processes, project_port: int, export_port: int, gateway_port: int,
                  probe_path: str) -> Tuple[Optional[str], str]:
    """(base URL, "") when the gateway answers probe_path, else (None, why not)."""
    if not GATEWAY_DIR.is_dir():
        return None, "no gateway/ yet"
    run_dir = RUN_DIR / "gateway"
    shutil.rmtree(run_dir, ignore_errors=True)
    (run_dir / "logs").mkdir(parents=True)
    ports = {"GATEWAY_PORT": str(gateway_port), "PROJECT_SERVICE_PORT": str(project_port),
             "EXPORT_SERVICE_PORT": str(export_port)}
    if GATEWAY_SCRIPT.is_file() and os.access(GATEWAY_SCRIPT, os.X_OK):
        # scripts/gateway reads the GATEWAY_* settings of gateway/gateway.env, each overridable from the environment.
        env = {**ports, "PROJECT_SERVICE_URL": f"http://127.0.0.1:{project_port}",
               "EXPORT_SERVICE_URL": f"http://127.0.0.1:{export_port}", "GATEWAY_RUN_DIR": str(run_dir),
               "GATEWAY_DIR": str(run_dir), "GATEWAY_PROJECT_SERVICE": f"127.0.0.1:{project_port}",
               "GATEWAY_EXPORT_SERVICE": f"127.0.0.1:{export_port}"}
        process = processes.start("gateway", [str(GATEWAY_SCRIPT)], env)
    else:
        template = next((path for path in (GATEWAY_DIR / "nginx.conf.template", GATEWAY_DIR / "nginx.conf")
                         if path.is_file()), None)
        if template is None:
            return None, "gateway/ has neither nginx.conf(.template) nor scripts/gateway to start it with"
        if shutil.which("nginx") is None:
            return None, "nginx is not installed"
        config = run_dir / "nginx.conf"
        config.write_text(_render(template.read_text(), ports))
        command = ["nginx", "-p", str(run_dir), "-c", str(config), "-e", str(run_dir / "logs" / "error.log")]
        directives = _missing_directives(config.read_text(), run_dir)
        if directives:
            command += ["-g", directives]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if check.returncode != 0:
            return None, f"nginx -t refuses {template.relative_to(ROOT)}: {check.stderr.strip().splitlines()[-1:]}"
        process = processes.start("gateway", command, {})
    url = f"http://127.0.0.1:{gateway_port}"
    try:
        wait_until_ready(process, url + probe_path, READY_SECONDS)
    except BenchError as e:
        process.stop()
        return None, f"the gateway did not answer {probe_path}: {str(e).splitlines()[0]}"
    return url, ""


def _render(text: str, ports: dict) -> str:
    for name, value in ports.items():
        text = text.replace("${" + name + "}", value).replace("$" + name, value)
    text = re.sub(r"\blisten\s+(127\.0\.0\.1:|localhost:|\[::\]:)?8000\b",
                  lambda m: f"listen {m.group(1) or ''}{ports['GATEWAY_PORT']}", text)
    text = re.sub(r"(127\.0\.0\.1|localhost):8080\b", rf"\g<1>:{ports['PROJECT_SERVICE_PORT']}", text)
    return re.sub(r"(127\.0\.0\.1|localhost):8081\b", rf"\g<1>:{ports['EXPORT_SERVICE_PORT']}", text)


def _missing_directives(config: str, run_dir: Path) -> str:
    """Foreground, and a pid file of its own, unless the configuration says otherwise."""
    directives = []
    if not re.search(r"^\s*daemon\s", config, re.MULTILINE):
        directives.append("daemon off;")
    if not re.search(r"^\s*pid\s", config, re.MULTILINE):
        directives.append(f"pid {run_dir / 'nginx.pid'};")
    return " ".join(directives)


class EventStream:
    """An open SSE stream of a project's events (GET /api/projects/{id}/events), read line by line."""

    def __init__(self, base_url: str, project_id: str):
        target = urllib.parse.urlsplit(base_url)
        self.connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
        self.connection.request("GET", f"/api/projects/{project_id}/events",
                                headers={"Accept": "text/event-stream", **AUTH_HEADERS})
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            raise BenchError(f"event stream of {project_id} at {base_url} answered {self.response.status}")
        # The stream starts with a snapshot (`connected`); a change committed before the snapshot is read is part of
        # it and never comes as an event of its own. A PATCH sent before this line could race it: the bench then
        # waited for an event that had already been folded into the snapshot (it hung once).
        self.await_event("connected")

    def await_event(self, event_type: str) -> None:
        while True:
            line = self.response.fp.readline()
            if not line:
                raise BenchError("an event stream ended")
            if line.decode().strip() in (f"event:{event_type}", f"event: {event_type}"):
                return

    def close(self) -> None:
        self.connection.close()


def event_latencies_ms(project_url: str, streams: Dict[str, str], project_id: str, events: int) -> Dict[str, List[float]]:
    """From sending a PATCH of the project's qualities to reading its `qualities` event, on a stream opened at each of
    `streams` (name: base URL), in turns, so both share the machine's noise; milliseconds by stream name."""
    opened = {name: EventStream(url, project_id) for name, url in streams.items()}
    latencies: Dict[str, List[float]] = {name: [] for name in streams}
    target = urllib.parse.urlsplit(project_url)
    writer = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
    try:
        for index in range(events):
            for name in (list(streams) if index % 2 == 0 else list(reversed(streams))):
                sent = time.perf_counter()
                writer.request("PATCH", f"/api/projects/{project_id}/qualities",
                               body=json.dumps({"mood": f"bench-{index}-{name}"}),
                               headers={"Content-Type": "application/json", **AUTH_HEADERS})
                opened[name].await_event("qualities")
                latencies[name].append((time.perf_counter() - sent) * 1000)
                writer.getresponse().read()
                for other, stream in opened.items():  # every stream gets every event
                    if other != name:
                        stream.await_event("qualities")
    finally:
        writer.close()
        for stream in opened.values():
            stream.close()
    return latencies
