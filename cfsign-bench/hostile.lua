-- wrk script for cfsign-bench/edge-hostile: sends a mix of valid and hostile requests and checks every answer.
--
-- Environment: HOSTILE_REQUESTS (the request file), HOSTILE_OBJECT (the protected object's exact bytes),
-- HOSTILE_OUT (where done() writes one tab-separated line per request kind).
-- Request file: one request kind per line, tab-separated:
--   kind, weight, method, path, expected statuses (comma-separated), expected body, then any header lines.
-- Expected body: "object" (the protected object), "range100" (its first 100 bytes), "public" (the public file),
-- "xml:<Code>" (CloudFront's XML error body), or "-" (any body, but never object bytes).
--
-- Which request an answer belongs to: wrk's response() does not say, so run with as many connections as threads
-- (-tN -cN). Each thread then has one connection, and wrk sends a request only after the previous answer has been
-- read (no pipelining here), so the request in flight is the one last returned by request(). If a connection breaks
-- before an answer, wrk reconnects and calls request() again; the unanswered request is counted as "lost", never
-- matched to a later answer. HEAD is not in the mix: wrk's parser does not know a HEAD answer has no body
-- (HostileLoadIT covers HEAD).

local OBJECT_MARK = "CFSIGN-PROTECTED-OBJECT"
local OUTSIDE_MARK = "CFSIGN-OUTSIDE-THE-ROOT"
local BODIES = {
  ["xml:MissingKey"] = "Missing Key-Pair-Id query parameter or cookie value",
  ["xml:InvalidKey"] = "Unknown Key",
  ["xml:AccessDenied"] = "Access denied",
  ["xml:MalformedPolicy"] = "Malformed Policy",
  ["xml:MalformedSignature"] = "Could not unencode Signature",
}
local PUBLIC_BODY = "hello, public\n"

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local probes, order = {}, {}
local pos, current = 0, nil
local object = ""
local verify_call_pending = false
-- Per kind i, for thread:get() in done(): globals c<i>_sent, _answered, _wrong, _x5, _leaks, _lost (numbers),
-- st<i> ("403:12,400:3") and why<i> (an example wrong answer). Only numbers and strings: wrk's thread:get copies
-- nested tables wrongly (it pops the source stack once too often).
local FIELDS = { "sent", "answered", "wrong", "x5", "leaks", "lost" }

local function split(s, sep)
  local out, start = {}, 1
  while true do
    local i = string.find(s, sep, start, true)
    if not i then
      table.insert(out, string.sub(s, start))
      return out
    end
    table.insert(out, string.sub(s, start, i - 1))
    start = i + #sep
  end
end

-- The request kinds, in file order; each line's fields.
local function read_requests()
  local lines = {}
  for line in io.lines(os.getenv("HOSTILE_REQUESTS")) do
    if line ~= "" and string.sub(line, 1, 1) ~= "#" then table.insert(lines, split(line, "\t")) end
  end
  return lines
end

local function bump(i, field)
  local name = "c" .. i .. "_" .. field
  _G[name] = _G[name] + 1
end

function init(args)
  local f = assert(io.open(os.getenv("HOSTILE_OBJECT"), "rb"))
  object = f:read("*a")
  f:close()
  for i, f in ipairs(read_requests()) do
    local headers = {}
    for h = 7, #f do
      local c = string.find(f[h], ": ", 1, true)
      headers[string.sub(f[h], 1, c - 1)] = string.sub(f[h], c + 2)
    end
    local body = nil
    if f[3] == "POST" or f[3] == "PUT" then body = "" end
    local statuses = {}
    for _, s in ipairs(split(f[5], ",")) do statuses[tonumber(s)] = true end
    local p = { i = i, req = wrk.format(f[3], f[4], headers, body), statuses = statuses, expect = f[6], seen = {} }
    table.insert(probes, p)
    for _, field in ipairs(FIELDS) do _G["c" .. i .. "_" .. field] = 0 end
    _G["st" .. i] = ""
    _G["why" .. i] = "-"
    for _ = 1, tonumber(f[2]) do table.insert(order, p) end
  end
  -- Each thread walks the same weighted list in its own shuffled order.
  math.randomseed(id * 7919 + os.time())
  for i = #order, 2, -1 do
    local j = math.random(i)
    order[i], order[j] = order[j], order[i]
  end
  -- wrk calls request() once on the first thread to check the request's syntax before any connection: not sent.
  verify_call_pending = (id == 1)
end

function request()
  if verify_call_pending then
    verify_call_pending = false
    return order[1].req
  end
  if current ~= nil then
    bump(current.i, "lost")
  end
  pos = pos % #order + 1
  current = order[pos]
  bump(current.i, "sent")
  return current.req
end

local function expected_body(expect)
  if expect == "object" then return object end
  if expect == "range100" then return string.sub(object, 1, 100) end
  if expect == "public" then return PUBLIC_BODY end
  local message = BODIES[expect]
  if message then
    local code = string.sub(expect, 5)
    return '<?xml version="1.0" encoding="UTF-8"?><Error><Code>' .. code .. "</Code><Message>" .. message
        .. "</Message></Error>"
  end
  return nil
end

function response(status, headers, body)
  local p = current
  current = nil
  if p == nil then return end
  local i = p.i
  bump(i, "answered")
  if p.seen[status] == nil then p.seen[status] = 0 end
  p.seen[status] = p.seen[status] + 1
  local parts = {}
  for st, n in pairs(p.seen) do table.insert(parts, st .. ":" .. n) end
  _G["st" .. i] = table.concat(parts, ",")
  if status >= 500 then bump(i, "x5") end
  local denied = status < 200 or status >= 300
  if (denied and string.find(body, OBJECT_MARK, 1, true)) or string.find(body, OUTSIDE_MARK, 1, true) then
    bump(i, "leaks")
  end
  local want = expected_body(p.expect)
  local why = nil
  if not p.statuses[status] then
    why = "status " .. status
  elseif want ~= nil and body ~= want then
    why = "body of " .. #body .. " bytes differs from the expected " .. #want
  end
  if why then
    bump(i, "wrong")
    _G["why" .. i] = why
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("HOSTILE_OUT"), "w"))
  for i, f in ipairs(read_requests()) do
    local a = { sent = 0, answered = 0, wrong = 0, x5 = 0, leaks = 0, lost = 0 }
    local seen, why = {}, "-"
    for _, t in ipairs(threads) do
      for _, field in ipairs(FIELDS) do a[field] = a[field] + t:get("c" .. i .. "_" .. field) end
      for _, part in ipairs(split(t:get("st" .. i), ",")) do
        if part ~= "" then
          local st, n = string.match(part, "^(%d+):(%d+)$")
          seen[st] = (seen[st] or 0) + tonumber(n)
        end
      end
      local w = t:get("why" .. i)
      if w ~= "-" then why = w end
    end
    local sts = {}
    for st, n in pairs(seen) do table.insert(sts, st .. ":" .. n) end
    table.sort(sts)
    out:write(table.concat({ f[1], a.sent, a.answered, table.concat(sts, ","), a.wrong, a.x5, a.leaks, a.lost, why },
      "\t"), "\n")
  end
  out:write(table.concat({ "#summary", summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), latency.max, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout }, "\t"), "\n")
  out:close()
end
