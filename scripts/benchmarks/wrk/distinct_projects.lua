-- GET /api/projects/<prefix><n>/qualities where no two requests of a run share n (until `count` ids are used up,
-- then it wraps around), so that after a cache flush every request takes the miss path.
-- Arguments: prefix count threads.
local here = debug.getinfo(1, "S").source:match("^@(.*/)")
dofile(here .. "report.lua")
dofile(here .. "threads.lua")

function init(args)
  prefix, count, stride = args[1], tonumber(args[2]), tonumber(args[3])
  n = thread_id
end

function request()
  local path = "/api/projects/" .. prefix .. (n % count) .. "/qualities"
  n = n + stride
  return wrk.format("GET", path)
end
