// The change log: one :Change node per write that landed, unlinked from the graph.
// Idempotent, like the constraints and indexes before it.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX change_key_name IF NOT EXISTS FOR (n:Change) ON (n.keyName);
