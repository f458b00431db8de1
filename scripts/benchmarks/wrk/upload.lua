-- POST /api/generated-assets with a new asset id and a new image each time, in one of three encodings:
--   multipart  form fields plus the file part "image"
--   base64     the original frontend's JSON with imageBlob
--   raw        the image as the body (Content-Type: image/png), the fields as query parameters or headers
-- Each image is a real PNG (see PngParts in fixtures.py): <dir>/head.bin (signature and IHDR), a private chunk
-- "beNc" holding this request's number, and <dir>/body.bin (random pixels, IDAT and IEND); <dir>/body.b64 is the
-- body's base64, prepared once, and head plus chunk are 57 bytes, so only they are encoded per request.
-- Arguments: mode project dir tag [raw-fields], raw-fields being "query:name=field,header:name=field,…".
local here = debug.getinfo(1, "S").source:match("^@(.*/)")
dofile(here .. "report.lua")
dofile(here .. "threads.lua")
local bit = require("bit")

local ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local BOUNDARY = "bench-0f1e2d3c4b5a"

local function read(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end

local CRC_TABLE = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    c = bit.band(c, 1) == 1 and bit.bxor(0xEDB88320, bit.rshift(c, 1)) or bit.rshift(c, 1)
  end
  CRC_TABLE[i] = c
end

local function uint32(n)
  return string.char(bit.band(bit.rshift(n, 24), 255), bit.band(bit.rshift(n, 16), 255),
      bit.band(bit.rshift(n, 8), 255), bit.band(n, 255))
end

-- A PNG chunk: length, type, data, and the CRC-32 of type and data.
local function chunk(kind, data)
  local crc = 0xFFFFFFFF
  local typed = kind .. data
  for i = 1, #typed do
    crc = bit.bxor(CRC_TABLE[bit.band(bit.bxor(crc, typed:byte(i)), 255)], bit.rshift(crc, 8))
  end
  return uint32(#data) .. typed .. uint32(bit.bnot(crc))
end

-- Base64 of a string whose length is a multiple of 3 (head and marker chunk: 57 bytes).
local function base64(bytes)
  local out = {}
  for i = 1, #bytes, 3 do
    local a, b, c = bytes:byte(i, i + 2)
    local n = a * 65536 + b * 256 + c
    for shift = 3, 0, -1 do
      local index = math.floor(n / 64 ^ shift) % 64
      out[#out + 1] = ALPHABET:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

local function fields(id)
  return {id = id, projectId = project, assetId = project .. "-asset-0", status = "generated"}
end

function init(args)
  mode, project, tag = args[1], args[2], args[4]
  image_head = read(args[3] .. "/head.bin")
  image_body = read(args[3] .. "/body.bin")
  image_body_base64 = read(args[3] .. "/body.b64")
  raw_fields = {}
  for where, name, field in (args[5] or ""):gmatch("(%a+):([^=,]+)=([^,]+)") do
    raw_fields[#raw_fields + 1] = {where = where, name = name, field = field}
  end
  n = 0
end

local function multipart(values, image)
  local parts = {}
  for _, name in ipairs({"id", "projectId", "assetId", "status"}) do
    parts[#parts + 1] = "--" .. BOUNDARY .. '\r\nContent-Disposition: form-data; name="' .. name .. '"\r\n\r\n'
        .. values[name] .. "\r\n"
  end
  parts[#parts + 1] = "--" .. BOUNDARY .. '\r\nContent-Disposition: form-data; name="image"; filename="bench.png"\r\n'
      .. "Content-Type: image/png\r\n\r\n"
  return table.concat(parts) .. image .. "\r\n--" .. BOUNDARY .. "--\r\n",
      {["Content-Type"] = "multipart/form-data; boundary=" .. BOUNDARY}
end

function request()
  n = n + 1
  local values = fields(string.format("%s-%d-%d", tag, thread_id, n))
  local prefix = image_head .. chunk("beNc", string.format("%04d%08d", thread_id % 10000, n % 100000000))
  local path, body, headers = "/api/generated-assets", nil, nil
  if mode == "multipart" then
    body, headers = multipart(values, prefix .. image_body)
  elseif mode == "base64" then
    body = string.format('{"id": "%s", "projectId": "%s", "assetId": "%s", "status": "%s", "imageBlob": "',
        values.id, values.projectId, values.assetId, values.status) .. base64(prefix) .. image_body_base64 .. '"}'
    headers = {["Content-Type"] = "application/json"}
  else
    body, headers = prefix .. image_body, {["Content-Type"] = "image/png"}
    local query = {}
    for _, spec in ipairs(raw_fields) do
      if spec.where == "query" then
        query[#query + 1] = spec.name .. "=" .. values[spec.field]
      else
        headers[spec.name] = values[spec.field]
      end
    end
    if #query > 0 then path = path .. "?" .. table.concat(query, "&") end
  end
  for name, value in pairs(wrk.headers) do headers[name] = headers[name] or value end -- e.g. -H Authorization
  return wrk.format("POST", path, headers, body)
end
