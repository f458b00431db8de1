-- Loaded by every wrk script of scripts/bench: at the end, one machine-readable line with the summary
-- (wrk counts answers with a status >= 400 as errors.status; scripts/bench refuses a run that has any).
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, '
      .. '"read_errors": %d, "write_errors": %d, "timeouts": %d, "bad_status": %d, "p50_us": %d, "p99_us": %d}\n',
      summary.requests, summary.duration, summary.bytes, errors.connect, errors.read, errors.write, errors.timeout,
      errors.status, latency:percentile(50), latency:percentile(99)))
end
