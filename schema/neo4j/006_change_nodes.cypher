// The change log by node: each :Change links to one (:ChangeNode {id}) per node it touched, so
// that the history of one node is an index seek on the unique id, not a scan of every :Change.
// Idempotent, like the scripts before it.
CREATE CONSTRAINT change_node_id IF NOT EXISTS FOR (n:ChangeNode) REQUIRE n.id IS UNIQUE;
// Entries written before the links existed get them here, once; afterwards this matches nothing.
MATCH (c:Change) WHERE NOT EXISTS { (c)-[:TOUCHED]->() } AND size(c.nodes) > 0
CALL (c) {
  UNWIND c.nodes AS node
  MERGE (touched:ChangeNode {id: node})
  CREATE (c)-[:TOUCHED]->(touched)
};
