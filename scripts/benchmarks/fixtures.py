"""The data the rows measure, made through the services' own API wherever it matters (so that it lands in
whatever image store the services use): projects with qualities, packs of approved images, upload payloads.
Only the cold projects of the cache-miss row are inserted with SQL: half a million rows through the API would
take minutes and would fill the cache the row wants empty."""
from __future__ import annotations

import base64
import http.client
import os
import re
import struct
import threading
import urllib.parse
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, Optional, Tuple

from .harness import AUTH_HEADERS, BenchError, Postgres, http_json, http_request

QUALITIES = {"art_style": "Pixel Art (16-bit)", "base_resolution": "32x32", "perspective": "side-view",
             "game_genre": "Farming Sim", "theme": "farm", "mood": "calm", "color_palette": "warm earth tones"}
IMAGE_WIDTH = 512
BYTES_PER_PIXEL = 4  # RGBA, 8 bits each
MARKER_BYTES = 12  # the data of the private "beNc" chunk that makes each image unique (upload.lua writes it too)
UPLOAD_THREADS = 4


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@dataclass(frozen=True)
class PngParts:
    """A real PNG of about the size asked for, in the three parts upload.lua puts together: `head` (signature and
    IHDR, 33 bytes), a private ancillary chunk "beNc" with a 12-byte marker (24 bytes; head and marker chunk make
    57 bytes, a multiple of 3, so the base64 of the image is the base64 of that prefix followed by that of `body`),
    and `body` (IDAT and IEND). The pixels are random and stored without compression (zlib level 0), so the image
    decodes as a whole, as the services may check, and nothing along the way compresses it."""
    head: bytes
    body: bytes

    @staticmethod
    def random(size: int) -> "PngParts":
        row = 1 + IMAGE_WIDTH * BYTES_PER_PIXEL  # a filter byte (0: none), then the pixels
        height = max(1, size // row)
        noise = os.urandom(height * (row - 1))
        rows = b"".join(b"\0" + noise[i * (row - 1):(i + 1) * (row - 1)] for i in range(height))
        head = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", IMAGE_WIDTH, height, 8, 6, 0, 0, 0))
        return PngParts(head, png_chunk(b"IDAT", zlib.compress(rows, 0)) + png_chunk(b"IEND", b""))

    @property
    def length(self) -> int:
        return len(self.head) + 4 + 4 + MARKER_BYTES + 4 + len(self.body)

    def image(self, marker: int) -> bytes:
        return self.head + png_chunk(b"beNc", b"%012d" % marker) + self.body


@dataclass(frozen=True)
class Pack:
    """A project whose export is measured: a plan with one item per image, every image approved; image_bytes is
    their total length."""
    project_id: str
    images: int
    image_bytes: int

    @property
    def images_query(self) -> str:
        """The bytes the export streams, in its order, for the \\copy ceiling."""
        return (f"SELECT image FROM generated_asset WHERE project_id = '{self.project_id}' AND status = 'approved' "
                "ORDER BY created_at, id")


class ProjectService:
    """The few project-service calls the fixtures make."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    def create_project(self, project_id: str, name: str) -> None:
        http_json("POST", f"{self.base_url}/api/projects", {"id": project_id, "name": name}, expect=(201,))

    def set_qualities(self, project_id: str, qualities: Dict[str, str]) -> None:
        http_json("PATCH", f"{self.base_url}/api/projects/{project_id}/qualities", qualities)

    def save_plan(self, project_id: str, markdown: str) -> None:
        http_json("POST", f"{self.base_url}/api/projects/{project_id}/memory-files",
                  {"type": "entities.json", "content": markdown})

    def delete_project(self, project_id: str) -> None:
        http_json("DELETE", f"{self.base_url}/api/projects/{project_id}", expect=(200, 204, 404))

    def openapi(self) -> dict:
        return http_json("GET", f"{self.base_url}/q/openapi?format=json")

    def cache_reads(self) -> Dict[str, float]:
        """The cache read counters of /q/metrics by result (hit, miss, error, bypass)."""
        pattern = re.compile(r'^asset_hatch_cache_reads_total\{[^}]*result="(\w+)"[^}]*\}\s+(\S+)', re.MULTILINE)
        return {result: float(value) for result, value in pattern.findall(metrics_text(self.base_url))}


def metrics_text(base_url: str) -> str:
    """A service's /q/metrics, in Prometheus text format."""
    status, body = http_request("GET", f"{base_url}/q/metrics")
    if status != 200:
        raise BenchError(f"/q/metrics answered {status}")
    return body.decode()


def pool_counters(base_url: str) -> Dict[str, float]:
    """export-service's JDBC pool, from the agroal_* metrics of its /q/metrics: connections handed out (acquired),
    milliseconds spent getting them, validation round trip included (blocked_ms), and the most ever in use at once
    (max_used: below the pool's size, nobody ever waited for a free connection)."""
    text = metrics_text(base_url)

    def metric(name: str) -> float:
        found = re.search(rf"^{name}\{{[^}}]*\}}\s+(\S+)", text, re.MULTILINE)
        if not found:
            raise BenchError(f"{name} is missing from {base_url}/q/metrics (quarkus.datasource.metrics.enabled?)")
        return float(found.group(1))

    return {"acquired": metric("agroal_acquire_count_total"),
            "blocked_ms": metric("agroal_blocking_time_total_milliseconds"),
            "max_used": metric("agroal_max_used_count")}


def qualities_project(api: ProjectService, project_id: str) -> str:
    api.create_project(project_id, "Bench qualities")
    api.set_qualities(project_id, QUALITIES)
    return project_id


COLD_INSERT_BATCH = 1000


def insert_cold_projects(postgres: Postgres, prefix: str, count: int, owner: Optional[str] = None) -> None:
    """count projects <prefix>0 … with the same qualities as the hot one, straight into Postgres (nothing cached),
    owned by `owner` (the bench's user when auth is on, so its token may read them)."""
    columns = ", ".join(QUALITIES)
    values = ", ".join(f"'{value}'" for value in QUALITIES.values())
    owner_value = "NULL" if owner is None else f"'{owner}'"
    # In batches: each inserted project takes its change-log lock (V5) until commit, and one transaction holding
    # tens of thousands of locks runs out of Postgres's lock table ("out of shared memory").
    # Each batch also deletes the cache repairs its inserts owe (V2's outbox rows), in the same transaction: the
    # projects must stay out of the cache, and otherwise project-service's relay works through 750,000 repairs
    # (a Postgres read and a Redis write each; it settled ~1,000 in 3 s here) while every later row is measured.
    for start in range(0, count, COLD_INSERT_BATCH):
        end = min(start + COLD_INSERT_BATCH, count) - 1
        postgres.as_owner(f"INSERT INTO project (id, name, owner_id, {columns}) "
                          f"SELECT '{prefix}' || i, 'Bench cold ' || i, {owner_value}, {values} "
                          f"FROM generate_series({start}, {end}) AS i; "
                          f"DELETE FROM cache_outbox WHERE entity_type = 'project' AND project_id IN "
                          f"(SELECT '{prefix}' || i FROM generate_series({start}, {end}) AS i)")


def create_pack(api: ProjectService, project_id: str, images: int, image_size: int) -> Pack:
    """A project, a plan listing `images` props and as many approved PNGs of about image_size bytes (the same random
    pixels, each with a marker of its own, so no two are equal), uploaded with the multipart route by a few clients."""
    api.create_project(project_id, f"Bench pack {images}")
    api.save_plan(project_id, "# Bench plan\n## Props\n" + "".join(f"- Crate {i}\n" for i in range(images)))
    parts = PngParts.random(image_size)
    indexes: Iterator[int] = iter(range(images))
    lock = threading.Lock()
    errors = []
    target = urllib.parse.urlsplit(api.base_url)

    def upload_some() -> None:
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
        try:
            while not errors:
                with lock:
                    index = next(indexes, None)
                if index is None:
                    return
                body, content_type = multipart({"id": f"{project_id}-image-{index}", "projectId": project_id,
                                                "assetId": f"{project_id}-asset-{index}"}, parts.image(index))
                connection.request("POST", "/api/generated-assets", body=body,
                                   headers={"Content-Type": content_type, **AUTH_HEADERS})
                response = connection.getresponse()
                answer = response.read()
                if response.status != 200:
                    errors.append(f"upload answered {response.status}: {answer[:200]!r}")
        except Exception as e:  # handed to the caller, which fails the experiment with it
            errors.append(repr(e))
        finally:
            connection.close()

    workers = [threading.Thread(target=upload_some) for _ in range(UPLOAD_THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise BenchError(f"uploading the pack {project_id}: {errors[0]}")
    return Pack(project_id, images, images * parts.length)


def multipart(fields: Dict[str, str], image: bytes) -> Tuple[bytes, str]:
    """A multipart/form-data body with the fields and the image as the part "image"; the body and its Content-Type."""
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="image.png"\r\n'
                 f'Content-Type: image/png\r\n\r\n'.encode() + image + f"\r\n--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def write_upload_payload(directory: Path, image_size: int) -> int:
    """The files upload.lua builds its images from (head.bin, body.bin, body.b64; see PngParts); the images' length."""
    directory.mkdir(parents=True, exist_ok=True)
    parts = PngParts.random(image_size)
    (directory / "head.bin").write_bytes(parts.head)
    (directory / "body.bin").write_bytes(parts.body)
    (directory / "body.b64").write_bytes(base64.b64encode(parts.body))
    return parts.length


def raw_upload_fields(openapi: dict) -> Optional[str]:
    """How the raw binary upload (POST /api/generated-assets with Content-Type image/png) takes the asset's fields,
    read from the service's OpenAPI document: "query:name=field,…" for upload.lua, or None when there is no such
    route (or its parameters are not the form's fields)."""
    operation = openapi.get("paths", {}).get("/api/generated-assets", {}).get("post", {})
    if "image/png" not in operation.get("requestBody", {}).get("content", {}):
        return None
    parameters = {_plain(p.get("name", "")): p for p in operation.get("parameters", [])
                  if p.get("in") in ("query", "header")}
    specs = []
    for field in ("id", "projectId", "assetId", "status"):
        parameter = parameters.get(_plain(field)) or parameters.get(_plain("x-" + field))
        if parameter is None:
            if field == "status":
                continue
            return None
        specs.append(f"{parameter['in']}:{parameter['name']}={field}")
    return ",".join(specs)


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())
