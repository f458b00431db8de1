-- GET /api/projects/{id}/qualities, round robin over the projects in BENCH_IDS (comma-separated).
local ids, i = {}, 0
for id in string.gmatch(os.getenv("BENCH_IDS"), "[^,]+") do ids[#ids + 1] = id end
request = function()
  i = i + 1
  return wrk.format("GET", "/api/projects/" .. ids[i % #ids + 1] .. "/qualities")
end
