-- PATCH /api/projects/{id}/qualities with a changing mood, round robin over the projects in BENCH_IDS.
local ids, i = {}, 0
for id in string.gmatch(os.getenv("BENCH_IDS"), "[^,]+") do ids[#ids + 1] = id end
request = function()
  i = i + 1
  return wrk.format("PATCH", "/api/projects/" .. ids[i % #ids + 1] .. "/qualities",
      {["Content-Type"] = "application/json"}, '{"mood": "mood ' .. i .. '", "theme": "Farm"}')
end
response = function(status)
  if status ~= 200 then error("PATCH answered " .. status) end
end
