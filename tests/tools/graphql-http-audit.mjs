// Runs the graphql-http server audits (GraphQL over HTTP spec conformance)
// against one URL and prints ONE JSON document on stdout:
//
//   {"results":[{"id","name","status","reason"}...],
//    "counts":{"ok":N,"notice":N,"warn":N,"error":N}}
//
// Usage: node tests/tools/graphql-http-audit.mjs http://127.0.0.1:PORT/graphql
//
// Exit code 0 whenever the audits ran, whatever they found: the C# test asserts
// on the JSON. Non-zero only when the audits could not run at all (bad
// arguments, graphql-http not installed). Diagnostics go to stderr so that
// stdout stays parseable.
//
// graphql-http resolves from tests/tools/node_modules (next to this file);
// tests/run.sh installs it with `npm ci`.

// An audit whose request never gets an answer would hang the calling test;
// give each request a deadline instead. Override with the environment variable.
const requestTimeoutMs = Number(process.env.GRAPHQL_AUDIT_TIMEOUT_MS ?? 10_000);

function usage(message) {
  process.stderr.write(
    `${message}\nusage: node graphql-http-audit.mjs <url of the GraphQL endpoint>\n`,
  );
  process.exit(64);
}

function parseUrl(argv) {
  if (argv.length !== 1) usage('expected exactly one argument');
  try {
    const url = new URL(argv[0]);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      usage(`not an http(s) URL: ${argv[0]}`);
    }
    return url.href;
  } catch {
    usage(`not a URL: ${argv[0]}`);
  }
}

// fetch with a deadline, unless the audit brings its own abort signal.
function fetchWithTimeout(input, init = {}) {
  return fetch(input, {
    ...init,
    signal: init.signal ?? AbortSignal.timeout(requestTimeoutMs),
  });
}

// Failed assertions come back as results; anything else (connection refused,
// timeout) is thrown as "fatal" by graphql-http. Either way the caller wants
// one result per audit, so a throw becomes an error with the cause spelled out
// (fetch hides the useful part, e.g. ECONNREFUSED, in err.cause).
function describeError(err) {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.code ?? err.cause.message}` : '';
  return `${err.name}: ${err.message}${cause}`;
}

async function runAudit(audit) {
  try {
    const result = await audit.fn();
    return {
      id: result.id ?? audit.id,
      name: result.name ?? audit.name,
      status: result.status,
      reason: result.status === 'ok' ? null : (result.reason ?? null),
    };
  } catch (err) {
    return { id: audit.id, name: audit.name, status: 'error', reason: describeError(err) };
  }
}

async function main() {
  const url = parseUrl(process.argv.slice(2));

  let serverAudits;
  try {
    ({ serverAudits } = await import('graphql-http'));
  } catch (err) {
    process.stderr.write(
      `cannot load graphql-http (run: npm ci --prefix tests/tools): ${describeError(err)}\n`,
    );
    process.exit(69);
  }

  const audits = serverAudits({ url, fetchFn: fetchWithTimeout });
  if (audits.length === 0) {
    process.stderr.write('graphql-http returned no audits\n');
    process.exit(70);
  }

  // One at a time: the counts do not depend on timing, and a small test server
  // is not flooded with 60 requests at once.
  const results = [];
  for (const audit of audits) results.push(await runAudit(audit));

  const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;

  process.stdout.write(`${JSON.stringify({ results, counts })}\n`);
}

main().catch((err) => {
  process.stderr.write(`graphql-http audit could not run: ${describeError(err)}\n`);
  process.exit(70);
});
