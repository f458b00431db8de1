"""Latency and upload-throughput benchmark of a running project-service (used by scripts/bench-project-service).

Prints figures for: the framework floor (GET /q/health/live, the baseline), GET and PATCH qualities,
and image uploads through the base64 JSON path and the multipart path, each with its ratio to the baseline.
"""
import base64
import http.client
import json
import os
import statistics
import struct
import sys
import threading
import time
import uuid
import zlib

HOST = "127.0.0.1"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def timed_requests(port, count, make_request):
    """Sends `count` requests one after another on one keep-alive connection; returns latencies in ms."""
    connection = http.client.HTTPConnection(HOST, port)
    latencies = []
    for i in range(count):
        method, path, body, headers = make_request(i)
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status >= 300:
            sys.exit(f"{method} {path} answered {response.status}")
    connection.close()
    return latencies


def report(name, latencies, baseline_p50=None):
    p50 = statistics.median(latencies)
    ratio = f"  ({p50 / baseline_p50:.1f}x baseline)" if baseline_p50 else ""
    print(f"  {name:<44} p50 {p50:6.2f} ms   p95 {percentile(latencies, 0.95):6.2f} ms   "
          f"p99 {percentile(latencies, 0.99):6.2f} ms{ratio}")
    return p50


def fake_png(size):
    """A PNG signature and header followed by random bytes: what the service sniffs, at the wanted size."""
    ihdr = struct.pack(">IIBBBBB", 512, 512, 8, 6, 0, 0, 0)
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return header + os.urandom(size - len(header))


def upload_throughput(port, project_id, images, image_bytes, clients, encode):
    """Uploads `images` images with `clients` parallel connections; returns MB/s of image bytes."""
    payloads = [fake_png(image_bytes) for _ in range(images)]
    bodies = [encode(project_id, f"{project_id}-{uuid.uuid4()}", payload) for payload in payloads]
    cursor = iter(range(images))
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection(HOST, port)
        while True:
            with lock:
                index = next(cursor, None)
            if index is None:
                break
            body, headers = bodies[index]
            connection.request("POST", "/api/generated-assets", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                sys.exit(f"upload answered {response.status}")
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return images * image_bytes / 1_048_576 / elapsed, elapsed


def as_json(project_id, asset_id, image):
    body = json.dumps({"id": asset_id, "projectId": project_id, "assetId": f"{project_id}-asset-0",
                       "imageBlob": base64.b64encode(image).decode(), "status": "approved"}).encode()
    return body, {"Content-Type": "application/json"}


def as_multipart(project_id, asset_id, image):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (("id", asset_id), ("projectId", project_id), ("assetId", f"{project_id}-asset-0"),
                        ("status", "approved")):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n'
                 f'Content-Type: image/png\r\n\r\n'.encode() + image + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def create_project(port, project_id):
    connection = http.client.HTTPConnection(HOST, port)
    connection.request("POST", "/api/projects", body=json.dumps({"id": project_id, "name": "Bench"}),
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    if response.status != 201:
        sys.exit(f"creating the project answered {response.status}")


def main():
    port = int(sys.argv[1])
    mode = sys.argv[2]  # "cache" (Redis up) or "postgres" (Redis unreachable)
    requests = int(os.environ.get("BENCH_REQUESTS", "2000"))
    project_id = "bench-" + uuid.uuid4().hex[:12]
    create_project(port, project_id)

    def patch(i):
        return ("PATCH", f"/api/projects/{project_id}/qualities",
                json.dumps({"mood": f"mood-{i}", "perspective": "side-view"}), {"Content-Type": "application/json"})

    timed_requests(port, requests // 4, lambda i: ("GET", "/q/health/live", None, {}))  # warm-up
    timed_requests(port, requests // 4, lambda i: ("GET", f"/api/projects/{project_id}/qualities", None, {}))
    timed_requests(port, requests // 4, patch)

    print(f"project-service, one client, {requests} sequential requests each, Redis {mode}:")
    baseline = report("baseline: GET /q/health/live (no I/O)",
                      timed_requests(port, requests, lambda i: ("GET", "/q/health/live", None, {})))
    report("GET /api/projects/{id}/qualities",
           timed_requests(port, requests, lambda i: ("GET", f"/api/projects/{project_id}/qualities", None, {})),
           baseline)
    report("PATCH /api/projects/{id}/qualities", timed_requests(port, requests, patch), baseline)

    if mode == "cache":
        images = int(os.environ.get("BENCH_UPLOADS", "60"))
        image_bytes = int(os.environ.get("BENCH_UPLOAD_BYTES", str(2 * 1_048_576)))
        clients = int(os.environ.get("BENCH_UPLOAD_CLIENTS", "4"))
        print(f"uploads: {images} images of {image_bytes / 1_048_576:.1f} MiB, {clients} parallel clients")
        multipart, elapsed_m = upload_throughput(port, project_id, images, image_bytes, clients, as_multipart)
        base64_json, elapsed_j = upload_throughput(port, project_id, images, image_bytes, clients, as_json)
        print(f"  multipart (binary) upload      {multipart:7.1f} MiB/s of image bytes ({elapsed_m:.1f} s)")
        print(f"  base64 JSON upload             {base64_json:7.1f} MiB/s of image bytes ({elapsed_j:.1f} s)"
              f"  ({base64_json / multipart:.2f}x multipart)")


if __name__ == "__main__":
    main()
