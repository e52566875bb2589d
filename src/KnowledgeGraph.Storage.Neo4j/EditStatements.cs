using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The Cypher of <c>mergeNodes</c>, <c>retractStatement</c> and redirected keys. A merge is ONE
/// statement (one implicit transaction): it checks that both nodes exist and that neither lies
/// above the other, and only then fills the survivor's unknown values and aliases from the
/// duplicate, moves every relationship of the graph model (<see cref="Graph"/>) that touches
/// the duplicate onto the survivor (a link the survivor already has is not doubled), redirects
/// the duplicate's key, and deletes the duplicate. Each moved relationship is handled in its own
/// <c>CALL (…) { … }</c>, so each sees the ones moved before it.
/// </summary>
internal static class EditStatements
{
    /// <summary>
    /// The change-log entry of the edit (<c>$changes</c>: zero or one), created only on the row
    /// that made the edit, in the same statement and so the same transaction.
    /// </summary>
    private const string ChangeLog = ImportStatement.ChangeLog;

    /// <summary>The merge of two nodes of <paramref name="type"/>; parameters <c>$survivor</c>, <c>$duplicate</c>, <c>$type</c>.</summary>
    public static string Merge(NodeType type)
    {
        var label = Graph.LabelOf(type);
        var hierarchy = type switch
        {
            NodeType.Place => Graph.ContainedIn,
            NodeType.Organisation => Graph.PartOf,
            NodeType.Statement => Graph.RespondsTo,
            _ => null,
        };
        var cycle = hierarchy is null
            ? "false"
            : $"CASE WHEN s IS NULL OR d IS NULL THEN false ELSE EXISTS {{ (s)-[:{hierarchy}*]->(d) }} OR EXISTS {{ (d)-[:{hierarchy}*]->(s) }} END";
        var body = string.Join("\n", Body(type));
        return $$"""
            OPTIONAL MATCH (s:{{label}} {key: $survivor})
            OPTIONAL MATCH (d:{{label}} {key: $duplicate})
            WITH s, d, s IS NOT NULL AS survivorFound, d IS NOT NULL AS duplicateFound, {{cycle}} AS cycle
            CALL (s, d, survivorFound, duplicateFound, cycle) {
              WITH s, d WHERE survivorFound AND duplicateFound AND NOT cycle
              {{Indent(ChangeLog, 2)}}
            {{Indent(body, 2)}}
              CALL (s, d) {
                MATCH (earlier:{{Graph.Redirect}} {type: $type, survivor: d.key})
                SET earlier.survivor = s.key
              }
              MERGE (redirect:{{Graph.Redirect}} {type: $type, key: d.key})
              SET redirect.survivor = s.key
              DETACH DELETE d
            }
            RETURN survivorFound, duplicateFound, cycle
            """;
    }

    /// <summary>Marks a statement retracted unless it was; parameters <c>$key</c>, <c>$reason</c>, <c>$at</c>.</summary>
    public static readonly string Retract = $$"""
        OPTIONAL MATCH (s:{{Graph.Statement}} {key: $key})
        WITH s, s IS NOT NULL AS found, coalesce(s.retracted, false) AS already
        CALL (s, found, already) {
          WITH s WHERE found AND NOT already
          {{Indent(ChangeLog, 2)}}
          SET s.retracted = true, s.retractionReason = $reason, s.retractedAt = $at
        }
        RETURN found, already
        """;

    /// <summary>The survivors of redirected keys; parameter <c>$ids</c>, a list of <c>{type, key}</c> maps.</summary>
    public static readonly string Redirects = $"""
        UNWIND $ids AS id
        MATCH (r:{Graph.Redirect} {"{"}type: id.type, key: id.key{"}"})
        RETURN r.type AS type, r.key AS key, r.survivor AS survivor
        """;

    /// <summary>Every redirected key, for an export.</summary>
    public static readonly string AllRedirects = $"""
        MATCH (r:{Graph.Redirect})
        RETURN r.type AS type, r.key AS key, r.survivor AS survivor
        ORDER BY type, key
        """;

    /// <summary>The nodes of one type by key, a redirected key giving its survivor; parameters <c>$keys</c>, <c>$type</c>.</summary>
    public static string Resolve(RecordMap map, RecordParts parts) => $$"""
        UNWIND $keys AS requested
        OPTIONAL MATCH (r:{{Graph.Redirect}} {type: $type, key: requested})
        WITH requested, coalesce(r.survivor, requested) AS target
        MATCH (t:{{map.Label}} {key: target})
        RETURN requested, {{map.Projection!("t", parts)}} AS record
        """;

    private static IEnumerable<string> Body(NodeType type)
    {
        const string Aliases = "s.aliases = reduce(acc = coalesce(s.aliases, []), alias IN [d.name] + coalesce(d.aliases, []) | "
            + "CASE WHEN alias = s.name OR alias IN acc THEN acc ELSE acc + alias END)";
        switch (type)
        {
            case NodeType.Person:
                yield return $"SET {Aliases}, s.description = coalesce(s.description, d.description)";
                yield return "WITH s, d";
                yield return Out(Graph.AffiliatedWith, Identity.Role, ordinal: true);
                yield return In(Graph.SaidBy);
                break;
            case NodeType.Organisation:
                yield return $"SET {Aliases}, s.description = coalesce(s.description, d.description)";
                yield return "WITH s, d";
                yield return Out(Graph.BasedIn, Identity.Single);
                yield return Out(Graph.PartOf, Identity.Single);
                yield return In(Graph.PartOf);
                yield return In(Graph.AffiliatedWith, byRole: true);
                yield return In(Graph.SaidBy);
                yield return In(Graph.HasParty);
                break;
            case NodeType.Place:
                yield return $"SET {Aliases}";
                yield return "WITH s, d";
                yield return Out(Graph.ContainedIn, Identity.Single);
                yield return In(Graph.ContainedIn);
                yield return In(Graph.BasedIn);
                yield return In(Graph.HeldAt);
                yield return In(Graph.SaidAt);
                yield return In(Graph.About);
                break;
            case NodeType.Statement:
                yield return "SET s.date = coalesce(s.date, d.date)";
                yield return "WITH s, d";
                yield return Out(Graph.SaidBy, Identity.Single);
                yield return Out(Graph.SaidAt, Identity.Single);
                yield return Out(Graph.InNegotiation, Identity.Single);
                yield return Out(Graph.RespondsTo, Identity.Single);
                yield return Out(Graph.About, Identity.Target, ordinal: true);
                yield return Out(Graph.EvidencedBy, Identity.Target);
                yield return In(Graph.RespondsTo);
                break;
            case NodeType.Negotiation:
                yield return $"SET {Aliases}";
                yield return "WITH s, d";
                yield return Out(Graph.HeldAt, Identity.Single);
                yield return Out(Graph.HasParty, Identity.Target, ordinal: true);
                yield return Rounds();
                yield return In(Graph.InNegotiation);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Only people, organisations, places, statements and negotiations can be merged.");
        }
    }

    private enum Identity
    {
        /// <summary>One relationship per target: skipped when the survivor links to that target.</summary>
        Target,

        /// <summary>A to-one relationship: skipped when the survivor has one of that type at all.</summary>
        Single,

        /// <summary>An affiliation: skipped when the survivor has one with that organisation and role.</summary>
        Role,
    }

    // The duplicate's outgoing relationships of one type, recreated from the survivor.
    private static string Out(string relType, Identity identity, bool ordinal = false)
    {
        var unless = identity switch
        {
            Identity.Target => $"NOT EXISTS {{ (s)-[:{relType}]->(t) }}",
            Identity.Single => $"NOT EXISTS {{ (s)-[:{relType}]->() }}",
            _ => $"NOT EXISTS {{ MATCH (s)-[known:{relType}]->(t) WHERE coalesce(known.role, '') = coalesce(r.role, '') }}",
        };
        return $$"""
            CALL (s, d) {
              MATCH (d)-[r:{{relType}}]->(t)
              CALL (s, r, t) {
                WITH s, r, t, COUNT { (s)-[:{{relType}}]->() } AS ordinal
                WHERE {{unless}}
                CREATE (s)-[moved:{{relType}}]->(t)
                SET moved = properties(r){{(ordinal ? ", moved.ordinal = ordinal" : string.Empty)}}
              }
            }
            """;
    }

    // The relationships of one type that point at the duplicate, recreated to point at the survivor.
    private static string In(string relType, bool byRole = false)
    {
        var unless = byRole
            ? $"NOT EXISTS {{ MATCH (x)-[known:{relType}]->(s) WHERE coalesce(known.role, '') = coalesce(r.role, '') }}"
            : $"NOT EXISTS {{ (x)-[:{relType}]->(s) }}";
        return $$"""
            CALL (s, d) {
              MATCH (d)<-[r:{{relType}}]-(x)
              CALL (s, r, x) {
                WITH s, r, x WHERE {{unless}}
                CREATE (x)-[moved:{{relType}}]->(s)
                SET moved = properties(r)
              }
            }
            """;
    }

    // Rounds are nodes: one the survivor lacks (same number, date and venue) moves over (it is
    // then held by both until the duplicate goes); the others, held by the duplicate alone, are
    // deleted with it.
    private static string Rounds() => $$"""
        CALL (s, d) {
          MATCH (d)-[:{{Graph.HasRound}}]->(round:{{Graph.NegotiationRound}})
          CALL (s, round) {
            WITH s, round, COUNT { (s)-[:{{Graph.HasRound}}]->() } AS ordinal
            WHERE NOT EXISTS {
              MATCH (s)-[:{{Graph.HasRound}}]->(same:{{Graph.NegotiationRound}})
              WHERE coalesce(same.number, -1) = coalesce(round.number, -1)
                AND coalesce(toString(same.date), '') = coalesce(toString(round.date), '')
                AND COLLECT { MATCH (same)-[:{{Graph.HeldAt}}]->(v:{{Graph.Place}}) RETURN v.key } = COLLECT { MATCH (round)-[:{{Graph.HeldAt}}]->(v:{{Graph.Place}}) RETURN v.key }
            }
            CREATE (s)-[:{{Graph.HasRound}}]->(round)
            SET round.ordinal = ordinal
          }
        }
        CALL (s, d) {
          MATCH (d)-[:{{Graph.HasRound}}]->(round:{{Graph.NegotiationRound}})
          WHERE COUNT { (:{{Graph.Negotiation}})-[:{{Graph.HasRound}}]->(round) } = 1
          DETACH DELETE round
        }
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select((line, i) => i == 0 ? line : new string(' ', spaces) + line));
}
