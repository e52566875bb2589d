// Lints Cypher statements offline with @neo4j-cypher/language-support (Neo4j's parser and
// semantic analysis). Input: a JSON file, either a list of {name, statement, parameters} or
// {schema: {labels, relationshipTypes, propertyKeys, graphSchema}, statements: [...]}.
// Output: one line per diagnostic, then a JSON summary line; exit code 1 when any diagnostic
// (error or warning) was found, 2 when the input cannot be read.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const file = process.argv[2];
if (!file) {
  console.error('usage: node lint.mjs statements.json');
  process.exit(2);
}

const input = JSON.parse(readFileSync(file, 'utf8'));
const statements = Array.isArray(input) ? input : input.statements;
const schema = Array.isArray(input) ? {} : (input.schema ?? {});

// Neo4j's built-in functions (the package's function registry minus APOC, which a plain
// Neo4j does not ship) and its built-in db.* procedures (such as db.index.fulltext.queryNodes):
// any other call is reported.
const builtins = Object.fromEntries(
  Object.entries(testData.mockSchema.functions['CYPHER 5']).filter(([name]) => !name.startsWith('apoc.')),
);
const builtinProcedures = Object.fromEntries(
  Object.entries(testData.mockSchema.procedures['CYPHER 5']).filter(([name]) => name.startsWith('db.')),
);

// A known false positive of this version: under NOT EXISTS { … } the schema-path check negates
// the relationship type and warns "[:!TYPE] has no incoming (:Label)" about a valid path (even
// for `MATCH (t:Place) WHERE NOT EXISTS { (t)-[:CONTAINED_IN]->(:Place) }`). A statement that
// never writes a negated type cannot deserve it, so those warnings are dropped, and counted.
const negatedTypeFalsePositive = (d, statement) =>
  d.severity === 2 && /^\[:!\w+\] has no (incoming|outgoing) \(:\w+\)$/.test(d.message) && !statement.includes('[:!');

const severities = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
let count = 0;
let suppressed = 0;
for (const { name, statement, parameters } of statements) {
  const dbSchema = {
    ...schema,
    parameters: parameters ?? {},
    functions: { 'CYPHER 5': builtins },
    procedures: { 'CYPHER 5': builtinProcedures },
    defaultLanguage: 'CYPHER 5',
  };
  const { diagnostics } = lintCypherQuery(statement, dbSchema, { consoleCommandsEnabled: false });
  for (const d of diagnostics) {
    if (negatedTypeFalsePositive(d, statement)) {
      suppressed++;
      continue;
    }

    count++;
    const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const excerpt = statement.slice(d.offsets.start, Math.max(d.offsets.end, d.offsets.start + 40)).replace(/\s+/g, ' ');
    console.log(`${name} ${where} ${severities[d.severity] ?? d.severity}: ${d.message} [near: ${excerpt}]`);
  }
}

console.log(JSON.stringify({ linted: statements.length, diagnostics: count, suppressed }));
process.exit(count === 0 ? 0 : 1);
