-- PATCH /api/projects/<project>/qualities with a value no other request sends (a real change each time).
-- Arguments: one or more projects, taken in turn (the warm-up spreads its PATCHes over many rows, see experiments.py).
local here = debug.getinfo(1, "S").source:match("^@(.*/)")
dofile(here .. "report.lua")
dofile(here .. "threads.lua")

function init(args)
  paths = {}
  for i, project in ipairs(args) do paths[i] = "/api/projects/" .. project .. "/qualities" end
  headers = {["Content-Type"] = "application/json"}
  for name, value in pairs(wrk.headers) do headers[name] = headers[name] or value end -- e.g. -H Authorization
  n = 0
end

function request()
  n = n + 1
  return wrk.format("PATCH", paths[n % #paths + 1], headers, string.format('{"mood": "bench-%d-%d"}', thread_id, n))
end
