using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using static KnowledgeGraph.Storage.Neo4j.QueryValues;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The graph model: the only labels, relationship types and property names that reach Cypher text.
/// <code>
/// (:Article {key, title, url, publisher, syndicator, agencies, publishedAt, publishedAtOffset, language, text})
/// (:Place {key, name, kind, aliases})-[:CONTAINED_IN]->(:Place)
/// (:Organisation {key, name, kind, aliases, description})-[:BASED_IN]->(:Place), -[:PART_OF]->(:Organisation)
/// (:Person {key, name, aliases, description})-[:AFFILIATED_WITH {role, current, ordinal}]->(:Organisation)
/// (:Negotiation {key, name, status, aliases})-[:HELD_AT]->(:Place), -[:HAS_PARTY {ordinal}]->(:Organisation),
///     -[:HAS_ROUND]->(:NegotiationRound {number, date, ordinal})-[:HELD_AT]->(:Place)
/// (:Statement {key, text, kind, direct, date})-[:SAID_BY]->(:Person|:Organisation), -[:SAID_AT]->(:Place),
///     -[:ABOUT {ordinal}]->(:Place), -[:IN_NEGOTIATION]->(:Negotiation), -[:RESPONDS_TO]->(:Statement),
///     -[:EVIDENCED_BY {start, end, text}]->(:Article)
/// (:Statement {retracted, retractionReason, retractedAt}): retracted is false until retractStatement
/// (:Redirect {type, key, survivor}): a key merged into another node by mergeNodes
/// (:Change {id, at, keyName, operation, nodes, outcomes})-[:TOUCHED]->(:ChangeNode {id}): the change log, apart from the graph
/// </code>
/// Rounds are nodes, not properties, because a round has its own venue and Neo4j cannot store
/// a list of maps. Enums are stored as their wire names; dates as Cypher <c>date</c>.
/// <c>publishedAt</c> is an ISO-8601 UTC string with seven fractional digits, the offset kept
/// beside it in minutes (<c>publishedAtOffset</c>): string order is time order, equality is
/// equality of instants, and every tick round-trips, exactly as in the SQLite store
/// (<c>datetime(a.publishedAt)</c> turns it into a Cypher datetime).
/// <c>ordinal</c> properties keep import order, since relationships have none.
/// </summary>
internal static class Graph
{
    public const string Article = "Article";
    public const string Place = "Place";
    public const string Organisation = "Organisation";
    public const string Person = "Person";
    public const string Negotiation = "Negotiation";
    public const string NegotiationRound = "NegotiationRound";
    public const string Statement = "Statement";
    public const string Redirect = "Redirect";

    /// <summary>A change-log entry: linked only to its <see cref="ChangeNode"/>s, so no read of the graph meets it.</summary>
    public const string Change = "Change";

    /// <summary>A node id as the change log names it (<c>Person:key</c>), unique, so that the entries touching one node are an index seek away.</summary>
    public const string ChangeNode = "ChangeNode";

    /// <summary>From a change-log entry to each <see cref="ChangeNode"/> it created, updated or merged.</summary>
    public const string Touched = "TOUCHED";

    public const string ContainedIn = "CONTAINED_IN";
    public const string BasedIn = "BASED_IN";
    public const string PartOf = "PART_OF";
    public const string AffiliatedWith = "AFFILIATED_WITH";
    public const string HeldAt = "HELD_AT";
    public const string HasParty = "HAS_PARTY";
    public const string HasRound = "HAS_ROUND";
    public const string SaidBy = "SAID_BY";
    public const string SaidAt = "SAID_AT";
    public const string About = "ABOUT";
    public const string InNegotiation = "IN_NEGOTIATION";
    public const string RespondsTo = "RESPONDS_TO";
    public const string EvidencedBy = "EVIDENCED_BY";

    public static string LabelOf(NodeType type) => type switch
    {
        NodeType.Person => Person,
        NodeType.Organisation => Organisation,
        NodeType.Place => Place,
        NodeType.Statement => Statement,
        NodeType.Negotiation => Negotiation,
        NodeType.Article => Article,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

/// <summary>
/// The Cypher variables a record is bound to. A node record is one node variable; an
/// affiliation is a relationship variable with its person and organisation nodes.
/// </summary>
internal sealed record Binding(string Var, string? PersonVar = null, string? OrganisationVar = null);

/// <summary>
/// A relation a filter can follow. Either a pattern from the outer record to a related node
/// (<see cref="RelType"/>, always outgoing), the affiliations of a person, or (for an
/// affiliation) one of its own end nodes, which always exists.
/// </summary>
internal sealed record FilterRelation(RecordMap Target, string? RelType, Func<Binding, Binding>? EndNode = null, bool ToAffiliations = false);

/// <summary>How one record type is stored, filtered, sorted and read back.</summary>
internal sealed class RecordMap
{
    public required string Name { get; init; }

    /// <summary>The node label; null for affiliations, which are relationships.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// The Cypher map expression of a record bound to a variable (node records only), with only
    /// the costly parts asked for (<see cref="RecordParts"/>): a part not asked for is an empty
    /// list or text, so <see cref="Read"/> is the same.
    /// </summary>
    public Func<string, RecordParts, string>? Projection { get; init; }

    /// <summary>Reads a record from the map that <see cref="Projection"/> returns.</summary>
    public required Func<JsonElement, object> Read { get; init; }

    /// <summary>The last sort keys, making every order total.</summary>
    public required Func<Binding, string[]> TieBreaker { get; init; }

    /// <summary>The record's fields, types and relations as the domain declares them.</summary>
    public required RecordTable Record { get; init; }

    /// <summary>The property of each field of <see cref="Record"/>.</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FilterRelation> Relations { get; } = new(StringComparer.Ordinal);

    /// <summary>Sort keys that count related nodes (<see cref="CountFields"/>): a Cypher expression over variable <c>{v}</c>.</summary>
    public Dictionary<string, string> Counts { get; } = new(StringComparer.Ordinal);
}

/// <summary>The mapping of every record type onto the graph model of <see cref="Graph"/>.</summary>
internal static class RecordMaps
{
    // Variables local to projections. No statement binds these names outside a projection,
    // so a pattern in a projection never joins on an outer variable by accident.
    private const string P = "pc";
    private const string R = "pr";
    private const string N = "pn";

    private static bool Has(RecordParts parts, RecordParts part) => (parts & part) != 0;

    /// <summary>A list property of names, or an empty list when <see cref="RecordParts.Aliases"/> is not asked for.</summary>
    private static string Aliases(RecordParts parts, string property) => Has(parts, RecordParts.Aliases) ? "." + property : property + ": []";

    public static readonly RecordMap Article = new()
    {
        Record = RecordFields.Article,
        Name = nameof(Graph.Article),
        Label = Graph.Article,
        Projection = (v, parts) => $"{v} {{.key, .title, .url, .publisher, .syndicator, {Aliases(parts, "agencies")}, .publishedAt, .publishedAtOffset, .language, "
            + (Has(parts, RecordParts.ArticleText) ? ".text}" : "text: ''}"),
        Read = m => new Article(
            RequiredString(m, "key"),
            String(m, "title"),
            String(m, "url"),
            String(m, "publisher"),
            String(m, "syndicator"),
            Strings(m, "agencies"),
            String(m, "publishedAt") is { } at ? InstantText.Read(at, Integer(m, "publishedAtOffset") ?? 0) : null,
            String(m, "language"),
            RequiredString(m, "text")),
        TieBreaker = b => [$"{b.Var}.key"],
    };

    public static readonly RecordMap Place = new()
    {
        Record = RecordFields.Place,
        Name = nameof(Graph.Place),
        Label = Graph.Place,
        Projection = (v, parts) => $"{v} {{.key, .name, .kind, {Aliases(parts, "aliases")}, containedIn: {ToOne(v, Graph.ContainedIn, Graph.Place)}}}",
        Read = m => new Place(
            RequiredString(m, "key"),
            RequiredString(m, "name"),
            EnumNames.FromStore<PlaceKind>(RequiredString(m, "kind")),
            Strings(m, "aliases"),
            String(m, "containedIn")),
        TieBreaker = b => [$"{b.Var}.key"],
    };

    public static readonly RecordMap Organisation = new()
    {
        Record = RecordFields.Organisation,
        Name = nameof(Graph.Organisation),
        Label = Graph.Organisation,
        Projection = (v, parts) => $"{v} {{.key, .name, .kind, {Aliases(parts, "aliases")}, .description, "
            + $"country: {ToOne(v, Graph.BasedIn, Graph.Place)}, partOf: {ToOne(v, Graph.PartOf, Graph.Organisation)}}}",
        Read = m => new Organisation(
            RequiredString(m, "key"),
            RequiredString(m, "name"),
            EnumNames.FromStore<OrganisationKind>(RequiredString(m, "kind")),
            Strings(m, "aliases"),
            String(m, "description"),
            String(m, "country"),
            String(m, "partOf")),
        TieBreaker = b => [$"{b.Var}.key"],
    };

    public static readonly RecordMap Affiliation = new()
    {
        Record = RecordFields.Affiliation,
        Name = "Affiliation",
        Read = m => new Affiliation(
            RequiredString(m, "person"),
            RequiredString(m, "organisation"),
            String(m, "role"),
            Boolean(m, "current")),
        TieBreaker = b => [$"{b.PersonVar}.key", $"{b.Var}.ordinal"],
    };

    public static readonly RecordMap Person = new()
    {
        Record = RecordFields.Person,
        Name = nameof(Graph.Person),
        Label = Graph.Person,
        Projection = (v, parts) => $"{v} {{.key, .name, {Aliases(parts, "aliases")}, .description, affiliations: "
            + (Has(parts, RecordParts.PersonAffiliations)
                ? $"COLLECT {{ MATCH ({v})-[{R}:{Graph.AffiliatedWith}]->({P}:{Graph.Organisation}) "
                    + $"RETURN {{organisation: {P}.key, role: {R}.role, current: {R}.current}} AS affiliation ORDER BY {R}.ordinal }}}}"
                : "[]}"),
        Read = m =>
        {
            var key = RequiredString(m, "key");
            var affiliations = List(m, "affiliations")
                .Select(a => new Affiliation(key, RequiredString(a, "organisation"), String(a, "role"), Boolean(a, "current")))
                .ToArray();
            return new Person(key, RequiredString(m, "name"), Strings(m, "aliases"), String(m, "description"), affiliations);
        },
        TieBreaker = b => [$"{b.Var}.key"],
    };

    public static readonly RecordMap Negotiation = new()
    {
        Record = RecordFields.Negotiation,
        Name = nameof(Graph.Negotiation),
        Label = Graph.Negotiation,

        // Rounds by date (unknown last), then number (unknown first, as SQLite orders NULL),
        // then venue and import order, matching the SQLite store's order.
        Projection = (v, parts) => $"{v} {{.key, .name, .status, aliases: {(Has(parts, RecordParts.Aliases) ? $"coalesce({v}.aliases, [])" : "[]")}, venue: {ToOne(v, Graph.HeldAt, Graph.Place)}, "
            + (!Has(parts, RecordParts.NegotiationParties) ? "parties: [], rounds: []}" : $"parties: COLLECT {{ MATCH ({v})-[{R}:{Graph.HasParty}]->({P}:{Graph.Organisation}) RETURN {P}.key AS party ORDER BY {R}.ordinal }}, "
            + $"rounds: COLLECT {{ MATCH ({v})-[:{Graph.HasRound}]->({N}:{Graph.NegotiationRound}) "
            + $"WITH {N}, {ToOne(N, Graph.HeldAt, Graph.Place)} AS venue "
            + $"RETURN {{number: {N}.number, date: toString({N}.date), venue: venue}} AS negotiationRound "
            + $"ORDER BY {N}.date IS NULL, {N}.date, {N}.number IS NOT NULL, {N}.number, venue IS NOT NULL, venue, {N}.ordinal }}}}"),
        Read = m => new Negotiation(
            RequiredString(m, "key"),
            RequiredString(m, "name"),
            EnumNames.FromStore<NegotiationStatus>(RequiredString(m, "status")),
            String(m, "venue"),
            Strings(m, "parties"),
            List(m, "rounds")
                .Select(r => new NegotiationRound(
                    Integer(r, "number") is { } number ? checked((int)number) : null,
                    String(r, "date") is { } roundDate ? DateText.Read(roundDate) : null,
                    String(r, "venue")))
                .ToArray())
        {
            Aliases = Strings(m, "aliases"),
        },
        TieBreaker = b => [$"{b.Var}.key"],
    };

    public static readonly RecordMap Statement = new()
    {
        Record = RecordFields.Statement,
        Name = nameof(Graph.Statement),
        Label = Graph.Statement,
        Projection = (v, parts) => $"{v} {{.key, .text, .kind, .direct, .retracted, .retractionReason, .retractedAt, date: toString({v}.date), "
            + $"speakerPerson: {ToOne(v, Graph.SaidBy, Graph.Person)}, "
            + $"speakerOrganisation: {ToOne(v, Graph.SaidBy, Graph.Organisation)}, "
            + $"saidAt: {ToOne(v, Graph.SaidAt, Graph.Place)}, "
            + $"negotiation: {ToOne(v, Graph.InNegotiation, Graph.Negotiation)}, "
            + $"respondsTo: {ToOne(v, Graph.RespondsTo, Graph.Statement)}, "
            + (Has(parts, RecordParts.StatementAbout)
                ? $"about: COLLECT {{ MATCH ({v})-[{R}:{Graph.About}]->({P}:{Graph.Place}) RETURN {P}.key AS place ORDER BY {R}.ordinal }}, "
                : "about: [], ")
            + (Has(parts, RecordParts.StatementEvidence)
                ? $"evidence: COLLECT {{ MATCH ({v})-[{R}:{Graph.EvidencedBy}]->({P}:{Graph.Article}) "
                    + $"RETURN {{article: {P}.key, start: {R}.start, end: {R}.end, text: {R}.text}} AS evidence ORDER BY {P}.key }}}}"
                : "evidence: []}"),
        Read = m =>
        {
            SpeakerRef? speaker = String(m, "speakerPerson") is { } person ? new SpeakerRef(SpeakerType.Person, person)
                : String(m, "speakerOrganisation") is { } organisation ? new SpeakerRef(SpeakerType.Organisation, organisation)
                : null;
            return new Statement(
                RequiredString(m, "key"),
                RequiredString(m, "text"),
                EnumNames.FromStore<StatementKind>(RequiredString(m, "kind")),
                Boolean(m, "direct") ?? throw new InvalidDataException("The store returned a statement without 'direct'."),
                speaker,
                String(m, "saidAt"),
                String(m, "date") is { } date ? DateText.Read(date) : null,
                Strings(m, "about"),
                String(m, "negotiation"),
                String(m, "respondsTo"),
                List(m, "evidence")
                    .Select(e => new Evidence(
                        RequiredString(e, "article"),
                        checked((int)(Integer(e, "start") ?? throw new InvalidDataException("Evidence without 'start'."))),
                        checked((int)(Integer(e, "end") ?? throw new InvalidDataException("Evidence without 'end'."))),
                        RequiredString(e, "text")))
                    .ToArray())
            {
                Retraction = Boolean(m, "retracted") == true
                    ? new Retraction(String(m, "retractionReason") ?? string.Empty, String(m, "retractedAt") is { } at ? InstantText.Read(at, 0) : DateTimeOffset.UnixEpoch)
                    : null,
            };
        },
        TieBreaker = b => [$"{b.Var}.key"],
    };

    public static readonly IReadOnlyDictionary<Type, RecordMap> ByType = new Dictionary<Type, RecordMap>
    {
        [typeof(Article)] = Article,
        [typeof(Place)] = Place,
        [typeof(Organisation)] = Organisation,
        [typeof(Affiliation)] = Affiliation,
        [typeof(Person)] = Person,
        [typeof(Negotiation)] = Negotiation,
        [typeof(Statement)] = Statement,
    };

#pragma warning disable CA1810 // The maps refer to each other, so their fields are wired after all exist.
    static RecordMaps()
#pragma warning restore CA1810
    {
        foreach (var map in new[] { Article, Place, Organisation, Person, Negotiation, Statement })
        {
            map.Fields[Fields.Key] = "key";
        }

        Article.Fields[Fields.Title] = "title";
        Article.Fields[Fields.Url] = "url";
        Article.Fields[Fields.Publisher] = "publisher";
        Article.Fields[Fields.PublishedAt] = "publishedAt";

        Place.Fields[Fields.Name] = "name";
        Place.Fields[Fields.Kind] = "kind";
        Place.Relations[FilterRelations.ContainedIn] = new(Place, Graph.ContainedIn);

        Organisation.Fields[Fields.Name] = "name";
        Organisation.Fields[Fields.Kind] = "kind";
        Organisation.Fields[Fields.Description] = "description";
        Organisation.Relations[FilterRelations.Country] = new(Place, Graph.BasedIn);
        Organisation.Relations[FilterRelations.PartOf] = new(Organisation, Graph.PartOf);

        Person.Fields[Fields.Name] = "name";
        Person.Fields[Fields.Description] = "description";
        Person.Relations[FilterRelations.Affiliations] = new(Affiliation, Graph.AffiliatedWith, ToAffiliations: true);

        Affiliation.Fields[Fields.Role] = "role";
        Affiliation.Fields[Fields.Current] = "current";
        Affiliation.Relations[FilterRelations.Organisation] = new(Organisation, null, EndNode: b => new Binding(b.OrganisationVar!));
        Affiliation.Relations[FilterRelations.Person] = new(Person, null, EndNode: b => new Binding(b.PersonVar!));

        Negotiation.Fields[Fields.Name] = "name";
        Negotiation.Fields[Fields.Status] = "status";
        Negotiation.Relations[FilterRelations.Venue] = new(Place, Graph.HeldAt);
        Negotiation.Relations[FilterRelations.Parties] = new(Organisation, Graph.HasParty);

        Statement.Fields[Fields.Text] = "text";
        Statement.Fields[Fields.Kind] = "kind";
        Statement.Fields[Fields.Direct] = "direct";
        Statement.Fields[Fields.Date] = "date";
        Statement.Fields[Fields.Retracted] = "retracted";
        Statement.Relations[FilterRelations.SpeakerPerson] = new(Person, Graph.SaidBy);
        Statement.Relations[FilterRelations.SpeakerOrganisation] = new(Organisation, Graph.SaidBy);
        Statement.Relations[FilterRelations.SaidAt] = new(Place, Graph.SaidAt);
        Statement.Relations[FilterRelations.About] = new(Place, Graph.About);
        Statement.Relations[FilterRelations.Negotiation] = new(Negotiation, Graph.InNegotiation);
        Statement.Relations[FilterRelations.RespondsTo] = new(Statement, Graph.RespondsTo);
        Statement.Relations[FilterRelations.EvidenceArticle] = new(Article, Graph.EvidencedBy);

        // The same counts as the SQLite store's: a statement about several places inside a
        // place counts once for it.
        Person.Counts[CountFields.Statements] = $"COUNT {{ ({{v}})<-[:{Graph.SaidBy}]-(:{Graph.Statement}) }}";
        Organisation.Counts[CountFields.Statements] = $"COUNT {{ ({{v}})<-[:{Graph.SaidBy}]-(:{Graph.Statement}) }}";
        Organisation.Counts[CountFields.Members] = $"COUNT {{ ({{v}})<-[:{Graph.AffiliatedWith}]-(:{Graph.Person}) }}";
        Place.Counts[CountFields.StatementsAbout] =
            $"size(COLLECT {{ MATCH ({{v}})<-[:{Graph.ContainedIn}*0..]-(:{Graph.Place})<-[:{Graph.About}]-(kc:{Graph.Statement}) RETURN DISTINCT kc.key AS key }})";
        Negotiation.Counts[CountFields.Statements] = $"COUNT {{ ({{v}})<-[:{Graph.InNegotiation}]-(:{Graph.Statement}) }}";
        Negotiation.Counts[CountFields.Rounds] = $"COUNT {{ ({{v}})-[:{Graph.HasRound}]->(:{Graph.NegotiationRound}) }}";
        Article.Counts[CountFields.Statements] = $"COUNT {{ ({{v}})<-[:{Graph.EvidencedBy}]-(:{Graph.Statement}) }}";
    }

    public static RecordMap Of<T>() =>
        ByType.TryGetValue(typeof(T), out var map)
            ? map
            : throw new NotSupportedException($"{typeof(T).Name} is not stored.");

    /// <summary>The key of the one node a to-one relationship leads to, or null.</summary>
    private static string ToOne(string v, string relType, string label) =>
        $"[({v})-[:{relType}]->({P}:{label}) | {P}.key][0]";
}
