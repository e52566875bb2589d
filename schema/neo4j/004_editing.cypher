// Keys merged into another node (mergeNodes): (:Redirect {type, key, survivor}) names the
// survivor of a removed duplicate, for node(id:) and later imports; one per type and key.
CREATE CONSTRAINT redirect_key IF NOT EXISTS FOR (n:Redirect) REQUIRE (n.type, n.key) IS UNIQUE;
// Retraction (retractStatement): every statement carries retracted (false until retracted), so
// that a filter on it sees false rather than a missing property. Statements written before the
// property existed get it here, once; afterwards this matches nothing.
MATCH (n:Statement) WHERE n.retracted IS NULL SET n.retracted = false;
