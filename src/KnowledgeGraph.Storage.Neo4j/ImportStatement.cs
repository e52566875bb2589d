using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Merges a whole batch in ONE statement, so it runs in one implicit transaction: all of it or
/// none of it. Merge semantics are the SQLite store's: records are upserted by key; a null in a
/// later batch never erases a known value; aliases are unioned; places a statement is about,
/// evidence, affiliations, parties and rounds are merged, not replaced (known aliases keep their
/// order, new ones are appended once).
/// <para>
/// Every record is handled in its own <c>CALL (…) { … }</c>, because each execution of a CALL
/// subquery sees the changes of the previous ones: ordinals count what earlier rows created,
/// and no row races another. Nodes are merged first and relationships after, so a record may
/// refer to one that comes later in the batch.
/// </para>
/// </summary>
internal static class ImportStatement
{
    /// <summary>The statement; its shape never depends on the batch.</summary>
    public static readonly string Text = string.Join("\n", Sections());

    public static Dictionary<string, object?> Parameters(GraphBatch batch) => new(StringComparer.Ordinal)
    {
        ["articles"] = batch.Articles.Select(a => Map(
            ("key", a.Key),
            ("title", a.Title),
            ("url", a.Url),
            ("publisher", a.Publisher),
            ("syndicator", a.Syndicator),
            ("agencies", a.Agencies),
            ("publishedAt", a.PublishedAt is { } at ? InstantText.Write(at) : null),
            ("publishedAtOffset", a.PublishedAt is { } at2 ? (long)at2.Offset.TotalMinutes : null),
            ("language", a.Language),
            ("text", a.Text))).ToArray(),
        ["places"] = batch.Places.Select(p => Map(
            ("key", p.Key),
            ("name", p.Name),
            ("kind", EnumNames.ToWire(p.Kind)),
            ("aliases", p.Aliases),
            ("containedIn", p.ContainedInKey))).ToArray(),
        ["organisations"] = batch.Organisations.Select(o => Map(
            ("key", o.Key),
            ("name", o.Name),
            ("kind", EnumNames.ToWire(o.Kind)),
            ("aliases", o.Aliases),
            ("description", o.Description),
            ("country", o.CountryKey),
            ("partOf", o.PartOfKey))).ToArray(),
        ["people"] = batch.People.Select(p => Map(
            ("key", p.Key),
            ("name", p.Name),
            ("aliases", p.Aliases),
            ("description", p.Description),
            ("affiliations", p.Affiliations.Select(a => Map(
                ("organisation", a.OrganisationKey),
                ("role", a.Role),
                ("current", a.Current))).ToArray()))).ToArray(),
        ["negotiations"] = batch.Negotiations.Select(n => Map(
            ("key", n.Key),
            ("name", n.Name),
            ("status", EnumNames.ToWire(n.Status)),
            ("aliases", n.Aliases),
            ("venue", n.VenueKey),
            ("parties", n.PartyKeys),
            ("rounds", n.Rounds.Select(r => Map(
                ("number", r.Number),
                ("date", r.Date is { } d ? DateText.Write(d) : null),
                ("venue", r.VenueKey))).ToArray()))).ToArray(),
        ["statements"] = batch.Statements.Select(s => Map(
            ("key", s.Key),
            ("text", s.Text),
            ("kind", EnumNames.ToWire(s.Kind)),
            ("direct", s.Direct),
            ("speakerPerson", s.Speaker is { Type: SpeakerType.Person } sp ? sp.Key : null),
            ("speakerOrganisation", s.Speaker is { Type: SpeakerType.Organisation } so ? so.Key : null),
            ("saidAt", s.SaidAtKey),
            ("date", s.Date is { } d ? DateText.Write(d) : null),
            ("negotiation", s.NegotiationKey),
            ("respondsTo", s.RespondsToKey),
            ("about", s.AboutKeys),
            ("retractionReason", s.Retraction?.Reason),
            ("retractedAt", s.Retraction is { } r ? InstantText.Write(r.At) : null),
            ("evidence", s.Evidence.Select(e => Map(
                ("article", e.ArticleKey),
                ("start", e.Start),
                ("end", e.End),
                ("text", e.Text))).ToArray()))).ToArray(),
        ["redirects"] = batch.Redirects.Select(r => Map(("type", r.Type.ToString()), ("key", r.Key), ("survivor", r.Survivor))).ToArray(),

        // Zero or one entry, so that the statement's shape stays the same.
        ["changes"] = Changes(batch.Change),
    };

    /// <summary>The <c>$changes</c> parameter: zero or one change-log entry, so that a statement's shape stays the same.</summary>
    internal static Dictionary<string, object?>[] Changes(ChangeEntry? change) =>
        (change is { } entry ? new[] { entry } : []).Select(c => Map(
            ("id", c.Id),
            ("at", InstantText.Write(c.At)),
            ("keyName", c.KeyName),
            ("operation", c.Operation),
            ("nodes", c.Nodes.Select(n => ChangeEntry.NodeText(n.Id)).ToArray()),
            ("outcomes", c.Nodes.Select(n => EnumNames.ToWire(n.Outcome)).ToArray()))).ToArray();

    private static IEnumerable<string> Sections()
    {
        // Nodes.
        yield return ForEach("$articles", $$"""
            MERGE (n:{{Graph.Article}} {key: a.key})
            SET n.title = coalesce(a.title, n.title), n.url = coalesce(a.url, n.url),
                n.publisher = coalesce(a.publisher, n.publisher), n.syndicator = coalesce(a.syndicator, n.syndicator),
                n.agencies = a.agencies,
                n.publishedAt = coalesce(a.publishedAt, n.publishedAt),
                n.publishedAtOffset = coalesce(a.publishedAtOffset, n.publishedAtOffset),
                n.language = coalesce(a.language, n.language), n.text = a.text
            """);
        yield return ForEach("$places", $$"""
            MERGE (n:{{Graph.Place}} {key: a.key})
            {{Aliases}}
            SET n.name = a.name, n.kind = a.kind
            """);
        yield return ForEach("$organisations", $$"""
            MERGE (n:{{Graph.Organisation}} {key: a.key})
            {{Aliases}}
            SET n.name = a.name, n.kind = a.kind, n.description = coalesce(a.description, n.description)
            """);
        yield return ForEach("$people", $$"""
            MERGE (n:{{Graph.Person}} {key: a.key})
            {{Aliases}}
            SET n.name = a.name, n.description = coalesce(a.description, n.description)
            """);
        yield return ForEach("$negotiations", $$"""
            MERGE (n:{{Graph.Negotiation}} {key: a.key})
            {{Aliases}}
            SET n.name = a.name, n.status = a.status
            """);
        yield return ForEach("$statements", $$"""
            MERGE (n:{{Graph.Statement}} {key: a.key})
            WITH n, a, coalesce(n.retracted, false) AS already
            SET n.text = a.text, n.kind = a.kind, n.direct = a.direct, n.date = coalesce(date(a.date), n.date),
                n.retracted = already OR a.retractionReason IS NOT NULL,
                n.retractionReason = CASE WHEN already THEN n.retractionReason ELSE a.retractionReason END,
                n.retractedAt = CASE WHEN already THEN n.retractedAt ELSE a.retractedAt END
            """);

        // To-one relationships: a known target replaces the old one; an unknown one keeps it.
        yield return ToOne("$places", "containedIn", Graph.Place, Graph.ContainedIn, Graph.Place);
        yield return ToOne("$organisations", "country", Graph.Organisation, Graph.BasedIn, Graph.Place);
        yield return ToOne("$organisations", "partOf", Graph.Organisation, Graph.PartOf, Graph.Organisation);
        yield return ToOne("$negotiations", "venue", Graph.Negotiation, Graph.HeldAt, Graph.Place);
        yield return ToOne("$statements", "speakerPerson", Graph.Statement, Graph.SaidBy, Graph.Person);
        yield return ToOne("$statements", "speakerOrganisation", Graph.Statement, Graph.SaidBy, Graph.Organisation);
        yield return ToOne("$statements", "saidAt", Graph.Statement, Graph.SaidAt, Graph.Place);
        yield return ToOne("$statements", "negotiation", Graph.Statement, Graph.InNegotiation, Graph.Negotiation);
        yield return ToOne("$statements", "respondsTo", Graph.Statement, Graph.RespondsTo, Graph.Statement);

        // Affiliations are identified by (person, organisation, role), an unknown role being
        // the same as an empty one; a known 'current' replaces the old value.
        yield return $$"""
            CALL () {
              UNWIND $people AS a
              UNWIND a.affiliations AS f
              CALL (a, f) {
                MATCH (n:{{Graph.Person}} {key: a.key})
                MATCH (o:{{Graph.Organisation}} {key: f.organisation})
                OPTIONAL MATCH (n)-[r:{{Graph.AffiliatedWith}}]->(o) WHERE coalesce(r.role, '') = coalesce(f.role, '')
                WITH n, o, f, r, COUNT { (n)-[:{{Graph.AffiliatedWith}}]->() } AS ordinal
                FOREACH (known IN CASE WHEN r IS NULL THEN [] ELSE [r] END | SET known.current = coalesce(f.current, known.current))
                FOREACH (ignored IN CASE WHEN r IS NULL THEN [1] ELSE [] END |
                  CREATE (n)-[:{{Graph.AffiliatedWith}} {role: f.role, current: f.current, ordinal: ordinal}]->(o))
              }
            }
            """;
        yield return AppendOnce("$negotiations", "parties", Graph.Negotiation, Graph.HasParty, Graph.Organisation);

        // A round is identified by (number, date, venue), as in the SQLite store.
        yield return $$"""
            CALL () {
              UNWIND $negotiations AS a
              UNWIND a.rounds AS rd
              CALL (a, rd) {
                MATCH (n:{{Graph.Negotiation}} {key: a.key})
                OPTIONAL MATCH (venue:{{Graph.Place}} {key: rd.venue})
                WITH n, rd, venue, COUNT { (n)-[:{{Graph.HasRound}}]->() } AS ordinal
                WHERE NOT EXISTS {
                  MATCH (n)-[:{{Graph.HasRound}}]->(existing:{{Graph.NegotiationRound}})
                  WHERE coalesce(existing.number, -1) = coalesce(rd.number, -1)
                    AND coalesce(toString(existing.date), '') = coalesce(rd.date, '')
                    AND coalesce([(existing)-[:{{Graph.HeldAt}}]->(v:{{Graph.Place}}) | v.key][0], '') = coalesce(rd.venue, '')
                }
                CREATE (n)-[:{{Graph.HasRound}}]->(r:{{Graph.NegotiationRound}} {number: rd.number, date: date(rd.date), ordinal: ordinal})
                FOREACH (place IN CASE WHEN venue IS NULL THEN [] ELSE [venue] END | CREATE (r)-[:{{Graph.HeldAt}}]->(place))
              }
            }
            """;
        yield return AppendOnce("$statements", "about", Graph.Statement, Graph.About, Graph.Place);

        // Evidence is upserted per (statement, article).
        yield return $$"""
            CALL () {
              UNWIND $statements AS a
              UNWIND a.evidence AS e
              CALL (a, e) {
                MATCH (n:{{Graph.Statement}} {key: a.key})
                MATCH (article:{{Graph.Article}} {key: e.article})
                MERGE (n)-[r:{{Graph.EvidencedBy}}]->(article)
                SET r.start = e.start, r.end = e.end, r.text = e.text
              }
            }
            """;

        // Keys merged into other records (the importer checked none conflicts with a stored one).
        yield return $$"""
            CALL () {
              UNWIND $redirects AS r
              MERGE (redirect:{{Graph.Redirect}} {type: r.type, key: r.key})
              ON CREATE SET redirect.survivor = r.survivor
            }
            """;

        // The change log, in the same statement and so the same transaction as the write.
        yield return ChangeLog;
    }

    /// <summary>
    /// Writes the change-log entry of <c>$changes</c> (zero or one), linked to one
    /// <c>:ChangeNode</c> per node it touched, so that the history of one node is an index seek.
    /// </summary>
    internal const string ChangeLog = $$"""
        CALL () {
          UNWIND $changes AS c
          CREATE (change:{{Graph.Change}} {id: c.id, at: c.at, keyName: c.keyName, operation: c.operation, nodes: c.nodes, outcomes: c.outcomes})
          WITH change, c
          CALL (change, c) {
            UNWIND c.nodes AS node
            MERGE (touched:{{Graph.ChangeNode}} {id: node})
            CREATE (change)-[:{{Graph.Touched}}]->(touched)
          }
        }
        """;

    // Known aliases keep their order; new ones are appended once, in the order they come.
    private const string Aliases = """
        ON CREATE SET n.aliases = a.aliases
        ON MATCH SET n.aliases = coalesce(n.aliases, []) + reduce(added = [], alias IN a.aliases |
            CASE WHEN alias IN coalesce(n.aliases, []) OR alias IN added THEN added ELSE added + alias END)
        """;

    /// <summary>Runs <paramref name="body"/> for each record <c>a</c> of a list parameter.</summary>
    private static string ForEach(string list, string body) =>
        $"CALL () {{\n  UNWIND {list} AS a\n  CALL (a) {{\n{Indent(body, 4)}\n  }}\n}}";

    private static string ToOne(string list, string keyField, string sourceLabel, string relType, string targetLabel) =>
        $$"""
        CALL () {
          UNWIND [x IN {{list}} WHERE x.{{keyField}} IS NOT NULL] AS a
          CALL (a) {
            MATCH (n:{{sourceLabel}} {key: a.key})
            MATCH (target:{{targetLabel}} {key: a.{{keyField}}})
            OPTIONAL MATCH (n)-[old:{{relType}}]->(previous) WHERE previous <> target
            DELETE old
            MERGE (n)-[:{{relType}}]->(target)
          }
        }
        """;

    /// <summary>Adds a relationship to each listed key that is not there yet, numbered in import order.</summary>
    private static string AppendOnce(string list, string keysField, string sourceLabel, string relType, string targetLabel) =>
        $$"""
        CALL () {
          UNWIND {{list}} AS a
          UNWIND a.{{keysField}} AS targetKey
          CALL (a, targetKey) {
            MATCH (n:{{sourceLabel}} {key: a.key})
            MATCH (target:{{targetLabel}} {key: targetKey})
            WITH n, target, COUNT { (n)-[:{{relType}}]->() } AS ordinal
            WHERE NOT EXISTS { (n)-[:{{relType}}]->(target) }
            CREATE (n)-[:{{relType}} {ordinal: ordinal}]->(target)
          }
        }
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line));

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
