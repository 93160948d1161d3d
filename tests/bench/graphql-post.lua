-- wrk script: POST one fixed JSON body to the URL given on the command line.
--
--   BENCH_BODY_FILE=list.json wrk -s graphql-post.lua http://127.0.0.1:PORT/graphql
--   BENCH_BODY='{"query":"{ __typename }"}' wrk -s graphql-post.lua http://127.0.0.1:PORT/graphql
--
-- The body is read once per wrk thread, before the run; every request then sends
-- the same bytes. No response() callback on purpose: defining one makes wrk keep
-- every body and call Lua per response, which would take CPU from the server on
-- a small machine. Statuses >= 400 still show as "Non-2xx or 3xx responses".

local function read_body()
  local path = os.getenv("BENCH_BODY_FILE")
  if path and path ~= "" then
    local file = assert(io.open(path, "rb"), "cannot open BENCH_BODY_FILE " .. path)
    local body = file:read("*a")
    file:close()
    return body
  end

  local body = os.getenv("BENCH_BODY")
  if body and body ~= "" then
    return body
  end

  error("set BENCH_BODY_FILE (a file holding the JSON body) or BENCH_BODY (the body itself)")
end

wrk.method = "POST"
wrk.body = read_body()
wrk.headers["Content-Type"] = "application/json"
-- What graphql-http clients send: the newer media type first, plain JSON for older servers.
wrk.headers["Accept"] = "application/graphql-response+json, application/json;q=0.9"
