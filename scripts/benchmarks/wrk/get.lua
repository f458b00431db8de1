-- A plain GET of the URL given to wrk, with the summary line of report.lua.
local here = debug.getinfo(1, "S").source:match("^@(.*/)")
dofile(here .. "report.lua")
