// Runs graphql-http's GraphQL-over-HTTP audit suite against a running server and prints one
// JSON object on stdout: { results: [{ id, name, status, reason?, statusCode?, body? }] }.
// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}

const results = await auditServer({ url });
const out = [];
for (const result of results) {
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    entry.statusCode = result.response.status;
    try {
      entry.body = await result.response.text();
    } catch {
      entry.body = null;
    }
  }
  out.push(entry);
}

process.stdout.write(JSON.stringify({ results: out }, null, 2) + '\n');
