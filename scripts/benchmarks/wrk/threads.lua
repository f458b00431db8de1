-- Gives each wrk thread a number (thread_id, 0-based) before its init() runs, so that request() can build
-- values no other thread builds.
local threads_set_up = 0

function setup(thread)
  thread:set("thread_id", threads_set_up)
  threads_set_up = threads_set_up + 1
end
