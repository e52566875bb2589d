using System.Globalization;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>A relation a filter can follow: the rows of <see cref="Target"/> (alias <c>{i}</c>) related to <c>{o}</c>.</summary>
/// <param name="Target">The related table.</param>
/// <param name="From">The FROM clause, with <c>{i}</c> for the related table and <c>{j}</c> for a link table.</param>
/// <param name="Correlation">The condition tying the related rows to the outer row <c>{o}</c>.</param>
internal sealed record FilterRelation(TableMap Target, string From, string Correlation);

/// <summary>How one record type is stored and read back.</summary>
internal sealed class TableMap
{
    public required string Table { get; init; }

    private string?[]? _columnsByParts;

    /// <summary>The columns selected for a whole record, over alias <c>t</c>.</summary>
    public required string Columns { get; init; }

    /// <summary>
    /// The columns of <see cref="Columns"/> that read a costly part (<see cref="RecordParts"/>),
    /// each with the constant that stands in for it when the part is not asked for (an empty
    /// JSON array or text), so that every column keeps its ordinal and <see cref="Read"/> is the same.
    /// </summary>
    public IReadOnlyList<(RecordParts Part, string Column, string Empty)> Optional { get; init; } = [];

    /// <summary>The columns selected for a record with only <paramref name="parts"/> of its costly parts read.</summary>
    public string ColumnsFor(RecordParts parts)
    {
        if (Optional.Count == 0)
        {
            return Columns;
        }

        var index = (int)(parts & RecordParts.All);
        var cache = _columnsByParts ??= new string?[(int)RecordParts.All + 1];
        if (cache[index] is { } known)
        {
            return known;
        }

        var columns = Columns;
        foreach (var (part, column, empty) in Optional)
        {
            if ((parts & part) == 0)
            {
                columns = columns.Replace(column, empty, StringComparison.Ordinal);
            }
        }

        return cache[index] = columns;
    }

    /// <summary>Reads a record from the columns at <c>offset</c>.</summary>
    public required Func<SqliteRow, int, object> Read { get; init; }

    /// <summary>The last sort keys, making every order total.</summary>
    public string TieBreaker { get; init; } = "{a}.key";

    /// <summary>The record's fields, types and relations as the domain declares them.</summary>
    public required RecordTable Record { get; init; }

    /// <summary>The column of each field of <see cref="Record"/>.</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FilterRelation> Relations { get; } = new(StringComparer.Ordinal);

    /// <summary>Sort keys that count related rows (<see cref="CountFields"/>): a SQL expression over alias <c>{a}</c>.</summary>
    public Dictionary<string, string> Counts { get; } = new(StringComparer.Ordinal);
}

/// <summary>The mapping of every record type onto the schema in Schema.sql.</summary>
internal static class TableMaps
{
    // The costly parts (RecordParts), each a correlated subquery building a JSON array.
    private const string EmptyList = "'[]'";

    private const string PersonAffiliations = "(SELECT json_group_array(json_array(a.organisation, a.role, a.current)) "
        + "FROM (SELECT * FROM affiliation a WHERE a.person = t.key ORDER BY a.ordinal) a)";

    private const string NegotiationParties =
        "(SELECT json_group_array(p.organisation) FROM (SELECT * FROM negotiation_party p WHERE p.negotiation = t.key ORDER BY p.ordinal) p)";

    private const string NegotiationRounds = "(SELECT json_group_array(json_array(n.number, n.date, n.venue)) "
        + "FROM (SELECT * FROM negotiation_round n WHERE n.negotiation = t.key ORDER BY n.date IS NULL, n.date, n.number) n)";

    private const string StatementAbout =
        "(SELECT json_group_array(s.place) FROM (SELECT * FROM statement_about s WHERE s.statement = t.key ORDER BY s.ordinal) s)";

    private const string StatementEvidence = "(SELECT json_group_array(json_array(e.article, e.start, e.\"end\", e.text)) "
        + "FROM (SELECT * FROM evidence e WHERE e.statement = t.key ORDER BY e.article) e)";

    public static readonly TableMap Article = new()
    {
        Record = RecordFields.Article,
        Table = "article",
        Columns = "t.key, t.title, t.url, t.publisher, t.syndicator, t.agencies, t.published_at, t.published_offset_minutes, t.language, t.text",
        Optional = [(RecordParts.ArticleText, ", t.text", ", ''"), (RecordParts.Aliases, ", t.agencies", ", " + EmptyList)],
        Read = (r, o) => new Article(
            r.GetString(o),
            r.GetNullableString(o + 1),
            r.GetNullableString(o + 2),
            r.GetNullableString(o + 3),
            r.GetNullableString(o + 4),
            StringList(r, o + 5),
            r.GetNullableString(o + 6) is { } published ? InstantText.Read(published, r.GetInt64(o + 7)) : null,
            r.GetNullableString(o + 8),
            r.GetString(o + 9)),
    };

    public static readonly TableMap Place = new()
    {
        Record = RecordFields.Place,
        Table = "place",
        Columns = "t.key, t.name, t.kind, t.aliases, t.contained_in",
        Optional = [(RecordParts.Aliases, ", t.aliases", ", " + EmptyList)],
        Read = (r, o) => new Place(
            r.GetString(o),
            r.GetString(o + 1),
            EnumNames.FromStore<PlaceKind>(r.GetUtf8(o + 2)),
            StringList(r, o + 3),
            r.GetNullableString(o + 4)),
    };

    public static readonly TableMap Organisation = new()
    {
        Record = RecordFields.Organisation,
        Table = "organisation",
        Columns = "t.key, t.name, t.kind, t.aliases, t.description, t.country, t.part_of",
        Optional = [(RecordParts.Aliases, ", t.aliases", ", " + EmptyList)],
        Read = (r, o) => new Organisation(
            r.GetString(o),
            r.GetString(o + 1),
            EnumNames.FromStore<OrganisationKind>(r.GetUtf8(o + 2)),
            StringList(r, o + 3),
            r.GetNullableString(o + 4),
            r.GetNullableString(o + 5),
            r.GetNullableString(o + 6)),
    };

    public static readonly TableMap Affiliation = new()
    {
        Record = RecordFields.Affiliation,
        Table = "affiliation",
        Columns = "t.person, t.organisation, t.role, t.current",
        TieBreaker = "{a}.person, {a}.ordinal",
        Read = (r, o) => new Affiliation(
            r.GetString(o),
            r.GetString(o + 1),
            r.GetNullableString(o + 2),
            r.GetNullableInt64(o + 3) is { } current ? current != 0 : null),
    };

    public static readonly TableMap Person = new()
    {
        Record = RecordFields.Person,
        Table = "person",
        Columns = "t.key, t.name, t.aliases, t.description, " + PersonAffiliations,
        Optional = [(RecordParts.PersonAffiliations, PersonAffiliations, EmptyList), (RecordParts.Aliases, ", t.aliases", ", " + EmptyList)],
        Read = (r, o) =>
        {
            var key = r.GetString(o);
            var affiliations = JsonColumns.Array(r, o + 4, key, static (ref a, person) =>
            {
                JsonColumns.Enter(ref a);
                var affiliation = new Affiliation(
                    person,
                    JsonColumns.NextString(ref a)!,
                    JsonColumns.NextString(ref a),
                    JsonColumns.NextInteger(ref a) is { } current ? current != 0 : null);
                JsonColumns.Leave(ref a);
                return affiliation;
            });
            return new Person(key, r.GetString(o + 1), StringList(r, o + 2), r.GetNullableString(o + 3), affiliations);
        },
    };

    public static readonly TableMap Negotiation = new()
    {
        Record = RecordFields.Negotiation,
        Table = "negotiation",
        Columns = $"t.key, t.name, t.status, t.venue, {NegotiationParties}, {NegotiationRounds}, t.aliases",
        Optional =
        [
            (RecordParts.NegotiationParties, NegotiationParties, EmptyList),
            (RecordParts.NegotiationParties, NegotiationRounds, EmptyList),
            (RecordParts.Aliases, ", t.aliases", ", " + EmptyList),
        ],
        Read = (r, o) => new Negotiation(
            r.GetString(o),
            r.GetString(o + 1),
            EnumNames.FromStore<NegotiationStatus>(r.GetUtf8(o + 2)),
            r.GetNullableString(o + 3),
            StringList(r, o + 4),
            JsonColumns.Array(r, o + 5, 0, static (ref n, _) =>
            {
                JsonColumns.Enter(ref n);
                var round = new NegotiationRound(
                    JsonColumns.NextInteger(ref n) is { } number ? checked((int)number) : null,
                    JsonColumns.NextString(ref n) is { } date ? DateText.Read(date) : null,
                    JsonColumns.NextString(ref n));
                JsonColumns.Leave(ref n);
                return round;
            }))
        {
            Aliases = StringList(r, o + 6),
        },
    };

    public static readonly TableMap Statement = new()
    {
        Record = RecordFields.Statement,
        Table = "statement",
        Columns = "t.key, t.text, t.kind, t.direct, t.speaker_person, t.speaker_organisation, t.said_at, t.date, t.negotiation, t.responds_to, "
            + $"{StatementAbout}, {StatementEvidence}, t.retracted, t.retraction_reason, t.retracted_at",
        Optional = [(RecordParts.StatementAbout, StatementAbout, EmptyList), (RecordParts.StatementEvidence, StatementEvidence, EmptyList)],
        Read = (r, o) =>
        {
            SpeakerRef? speaker = r.GetNullableString(o + 4) is { } person ? new SpeakerRef(SpeakerType.Person, person)
                : r.GetNullableString(o + 5) is { } organisation ? new SpeakerRef(SpeakerType.Organisation, organisation)
                : null;
            return new Statement(
                r.GetString(o),
                r.GetString(o + 1),
                EnumNames.FromStore<StatementKind>(r.GetUtf8(o + 2)),
                r.GetInt64(o + 3) != 0,
                speaker,
                r.GetNullableString(o + 6),
                r.IsDBNull(o + 7) ? null : DateText.Read(r.GetUtf8(o + 7)),
                StringList(r, o + 10),
                r.GetNullableString(o + 8),
                r.GetNullableString(o + 9),
                JsonColumns.Array(r, o + 11, 0, static (ref e, _) =>
                {
                    JsonColumns.Enter(ref e);
                    var evidence = new Evidence(
                        JsonColumns.NextString(ref e)!,
                        checked((int)JsonColumns.NextInteger(ref e)!.Value),
                        checked((int)JsonColumns.NextInteger(ref e)!.Value),
                        JsonColumns.NextString(ref e)!);
                    JsonColumns.Leave(ref e);
                    return evidence;
                }))
            {
                Retraction = r.GetInt64(o + 12) != 0
                    ? new Retraction(r.GetNullableString(o + 13) ?? string.Empty, r.IsDBNull(o + 14) ? DateTimeOffset.UnixEpoch : InstantText.Read(r.GetString(o + 14), 0))
                    : null,
            };
        },
    };

    public static readonly IReadOnlyDictionary<Type, TableMap> ByType = new Dictionary<Type, TableMap>
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
    static TableMaps()
#pragma warning restore CA1810
    {
        foreach (var map in new[] { Article, Place, Organisation, Person, Negotiation, Statement })
        {
            map.Fields[Fields.Key] = "key";
        }

        Article.Fields[Fields.Title] = "title";
        Article.Fields[Fields.Url] = "url";
        Article.Fields[Fields.Publisher] = "publisher";
        Article.Fields[Fields.PublishedAt] = "published_at";

        Place.Fields[Fields.Name] = "name";
        Place.Fields[Fields.Kind] = "kind";
        Place.Relations[FilterRelations.ContainedIn] = new(Place, "place {i}", "{i}.key = {o}.contained_in");

        Organisation.Fields[Fields.Name] = "name";
        Organisation.Fields[Fields.Kind] = "kind";
        Organisation.Fields[Fields.Description] = "description";
        Organisation.Relations[FilterRelations.Country] = new(Place, "place {i}", "{i}.key = {o}.country");
        Organisation.Relations[FilterRelations.PartOf] = new(Organisation, "organisation {i}", "{i}.key = {o}.part_of");

        Person.Fields[Fields.Name] = "name";
        Person.Fields[Fields.Description] = "description";
        Person.Relations[FilterRelations.Affiliations] = new(Affiliation, "affiliation {i}", "{i}.person = {o}.key");

        Affiliation.Fields[Fields.Role] = "role";
        Affiliation.Fields[Fields.Current] = "current";
        Affiliation.Relations[FilterRelations.Organisation] = new(Organisation, "organisation {i}", "{i}.key = {o}.organisation");
        Affiliation.Relations[FilterRelations.Person] = new(Person, "person {i}", "{i}.key = {o}.person");

        Negotiation.Fields[Fields.Name] = "name";
        Negotiation.Fields[Fields.Status] = "status";
        Negotiation.Relations[FilterRelations.Venue] = new(Place, "place {i}", "{i}.key = {o}.venue");
        Negotiation.Relations[FilterRelations.Parties] = new(
            Organisation, "negotiation_party {j} JOIN organisation {i} ON {i}.key = {j}.organisation", "{j}.negotiation = {o}.key");

        Statement.Fields[Fields.Text] = "text";
        Statement.Fields[Fields.Kind] = "kind";
        Statement.Fields[Fields.Direct] = "direct";
        Statement.Fields[Fields.Date] = "date";
        Statement.Fields[Fields.Retracted] = "retracted";
        Statement.Relations[FilterRelations.SpeakerPerson] = new(Person, "person {i}", "{i}.key = {o}.speaker_person");
        Statement.Relations[FilterRelations.SpeakerOrganisation] = new(Organisation, "organisation {i}", "{i}.key = {o}.speaker_organisation");
        Statement.Relations[FilterRelations.SaidAt] = new(Place, "place {i}", "{i}.key = {o}.said_at");
        Statement.Relations[FilterRelations.About] = new(
            Place, "statement_about {j} JOIN place {i} ON {i}.key = {j}.place", "{j}.statement = {o}.key");
        Statement.Relations[FilterRelations.Negotiation] = new(Negotiation, "negotiation {i}", "{i}.key = {o}.negotiation");
        Statement.Relations[FilterRelations.RespondsTo] = new(Statement, "statement {i}", "{i}.key = {o}.responds_to");
        Statement.Relations[FilterRelations.EvidenceArticle] = new(
            Article, "evidence {j} JOIN article {i} ON {i}.key = {j}.article", "{j}.statement = {o}.key");

        // Each count reads one index range per row (statement_within is the containment closure).
        Person.Counts[CountFields.Statements] = "(SELECT count(*) FROM statement kc WHERE kc.speaker_person = {a}.key)";
        Organisation.Counts[CountFields.Statements] = "(SELECT count(*) FROM statement kc WHERE kc.speaker_organisation = {a}.key)";
        Organisation.Counts[CountFields.Members] = "(SELECT count(*) FROM affiliation kc WHERE kc.organisation = {a}.key)";
        Place.Counts[CountFields.StatementsAbout] = "(SELECT count(*) FROM statement_within kc WHERE kc.place = {a}.key)";
        Negotiation.Counts[CountFields.Statements] = "(SELECT count(*) FROM statement kc WHERE kc.negotiation = {a}.key)";
        Negotiation.Counts[CountFields.Rounds] = "(SELECT count(*) FROM negotiation_round kc WHERE kc.negotiation = {a}.key)";
        Article.Counts[CountFields.Statements] = "(SELECT count(*) FROM evidence kc WHERE kc.article = {a}.key)";
    }

    public static string ToColumnValue(object value, FieldValueType type) => type switch
    {
        FieldValueType.Date => DateText.Write((DateOnly)value),
        FieldValueType.DateTime => InstantText.Write((DateTimeOffset)value),
        FieldValueType.Enum => EnumNames.WireOf(value),
        FieldValueType.Boolean => (bool)value ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string[] StringList(SqliteRow r, int ordinal) => JsonColumns.Strings(r, ordinal);
}
