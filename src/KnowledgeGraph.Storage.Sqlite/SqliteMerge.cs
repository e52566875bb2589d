using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The SQL of <c>mergeNodes</c>, per node type (parameters <c>@s</c>, the survivor's key, and
/// <c>@d</c>, the duplicate's). Every column of Schema.sql that refers to the type is listed
/// here: single references of the duplicate fill the survivor's unknown ones, every row that
/// refers to the duplicate is moved to the survivor, and a link the survivor already has is
/// dropped instead of being doubled (<c>UPDATE OR IGNORE</c>, then the leftovers deleted).
/// </summary>
internal static class SqliteMerge
{
    /// <summary>Whether one of the two nodes lies above the other in the type's hierarchy.</summary>
    public static string? Cycle(NodeType type) => type switch
    {
        NodeType.Place => Above("place", "contained_in"),
        NodeType.Organisation => Above("organisation", "part_of"),
        NodeType.Statement => Above("statement", "responds_to"),
        _ => null,
    };

    /// <summary>The statements that merge <c>@d</c> into <c>@s</c>, in order, before the duplicate is deleted.</summary>
    public static IReadOnlyList<string> Moves(NodeType type) => type switch
    {
        NodeType.Person =>
        [
            $"UPDATE person SET aliases = {Aliases("person")}, description = coalesce(description, (SELECT description FROM person WHERE key = @d)) WHERE key = @s",
            "UPDATE OR IGNORE affiliation SET person = @s, ordinal = ordinal + (SELECT count(*) FROM affiliation WHERE person = @s) WHERE person = @d",
            "DELETE FROM affiliation WHERE person = @d",
            "UPDATE statement SET speaker_person = @s WHERE speaker_person = @d",
        ],
        NodeType.Organisation =>
        [
            $"UPDATE organisation SET aliases = {Aliases("organisation")}, "
                + "description = coalesce(description, (SELECT description FROM organisation WHERE key = @d)), "
                + "country = coalesce(country, (SELECT country FROM organisation WHERE key = @d)), "
                + "part_of = coalesce(part_of, (SELECT part_of FROM organisation WHERE key = @d)) WHERE key = @s",
            "UPDATE organisation SET part_of = @s WHERE part_of = @d",
            "UPDATE OR IGNORE affiliation SET organisation = @s WHERE organisation = @d",
            "DELETE FROM affiliation WHERE organisation = @d",
            "UPDATE statement SET speaker_organisation = @s WHERE speaker_organisation = @d",
            "UPDATE OR IGNORE negotiation_party SET organisation = @s WHERE organisation = @d",
            "DELETE FROM negotiation_party WHERE organisation = @d",
        ],
        NodeType.Place =>
        [
            $"UPDATE place SET aliases = {Aliases("place")}, contained_in = coalesce(contained_in, (SELECT contained_in FROM place WHERE key = @d)) WHERE key = @s",
            "UPDATE place SET contained_in = @s WHERE contained_in = @d",
            "UPDATE organisation SET country = @s WHERE country = @d",
            "UPDATE negotiation SET venue = @s WHERE venue = @d",
            "UPDATE OR IGNORE negotiation_round SET venue = @s WHERE venue = @d",
            "DELETE FROM negotiation_round WHERE venue = @d",
            "UPDATE statement SET said_at = @s WHERE said_at = @d",
            "UPDATE OR IGNORE statement_about SET place = @s WHERE place = @d",
            "DELETE FROM statement_about WHERE place = @d",
        ],
        NodeType.Statement =>
        [
            "UPDATE statement SET "
                + "speaker_person = CASE WHEN speaker_person IS NULL AND speaker_organisation IS NULL THEN (SELECT speaker_person FROM statement WHERE key = @d) ELSE speaker_person END, "
                + "speaker_organisation = CASE WHEN speaker_person IS NULL AND speaker_organisation IS NULL THEN (SELECT speaker_organisation FROM statement WHERE key = @d) ELSE speaker_organisation END, "
                + "said_at = coalesce(said_at, (SELECT said_at FROM statement WHERE key = @d)), "
                + "date = coalesce(date, (SELECT date FROM statement WHERE key = @d)), "
                + "negotiation = coalesce(negotiation, (SELECT negotiation FROM statement WHERE key = @d)), "
                + "responds_to = coalesce(responds_to, (SELECT responds_to FROM statement WHERE key = @d)) WHERE key = @s",
            "UPDATE statement SET responds_to = @s WHERE responds_to = @d",
            "UPDATE OR IGNORE statement_about SET statement = @s, ordinal = ordinal + (SELECT count(*) FROM statement_about WHERE statement = @s) WHERE statement = @d",
            "DELETE FROM statement_about WHERE statement = @d",
            "UPDATE OR IGNORE evidence SET statement = @s WHERE statement = @d",
            "DELETE FROM evidence WHERE statement = @d",
        ],
        NodeType.Negotiation =>
        [
            $"UPDATE negotiation SET aliases = {Aliases("negotiation")}, venue = coalesce(venue, (SELECT venue FROM negotiation WHERE key = @d)) WHERE key = @s",
            "UPDATE statement SET negotiation = @s WHERE negotiation = @d",
            "UPDATE OR IGNORE negotiation_party SET negotiation = @s, ordinal = ordinal + (SELECT count(*) FROM negotiation_party WHERE negotiation = @s) WHERE negotiation = @d",
            "DELETE FROM negotiation_party WHERE negotiation = @d",
            "UPDATE OR IGNORE negotiation_round SET negotiation = @s WHERE negotiation = @d",
            "DELETE FROM negotiation_round WHERE negotiation = @d",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only people, organisations, places, statements and negotiations can be merged."),
    };

    /// <summary>
    /// The derived containment tables after the moves, for the statements now about (or being)
    /// the survivor, recomputed from statement_about; for places, the closure of the moved
    /// subtree is brought up to date first (<see cref="SqliteContainment"/>).
    /// </summary>
    public static IReadOnlyList<string> Derived(NodeType type) => type switch
    {
        NodeType.Place =>
        [
            "DELETE FROM place_within WHERE place = @d OR ancestor = @d",
            "DELETE FROM statement_within WHERE place = @d",
            "DELETE FROM statement_within WHERE statement IN (SELECT statement FROM statement_about WHERE place = @s)",
            "INSERT OR IGNORE INTO statement_within (place, statement) SELECT w.ancestor, a.statement FROM statement_about a JOIN place_within w ON w.place = a.place "
                + "WHERE a.statement IN (SELECT statement FROM statement_about WHERE place = @s)",
        ],
        NodeType.Statement =>
        [
            "DELETE FROM statement_within WHERE statement IN (@s, @d)",
            "INSERT OR IGNORE INTO statement_within (place, statement) SELECT w.ancestor, a.statement FROM statement_about a JOIN place_within w ON w.place = a.place WHERE a.statement = @s",
        ],
        _ => [],
    };

    /// <summary>The duplicate's row, once nothing refers to it.</summary>
    public static string Delete(NodeType type) => $"DELETE FROM {Table(type)} WHERE key = @d";

    /// <summary>Earlier merges into the duplicate now point at the survivor; the duplicate's key is redirected.</summary>
    public static readonly string Redirect =
        "UPDATE redirect SET survivor = @s WHERE type = @type AND survivor = @d;\n"
        + "INSERT INTO redirect (type, key, survivor) VALUES (@type, @d, @s) ON CONFLICT (type, key) DO UPDATE SET survivor = excluded.survivor";

    /// <summary>How many of the two keys exist: survivor first.</summary>
    public static string Exists(NodeType type) =>
        $"SELECT EXISTS (SELECT 1 FROM {Table(type)} WHERE key = @s), EXISTS (SELECT 1 FROM {Table(type)} WHERE key = @d)";

    public static string Table(NodeType type) => type switch
    {
        NodeType.Person => "person",
        NodeType.Organisation => "organisation",
        NodeType.Place => "place",
        NodeType.Statement => "statement",
        NodeType.Negotiation => "negotiation",
        NodeType.Article => "article",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    // The survivor's aliases, then the duplicate's name and aliases, each once, never its own name.
    private static string Aliases(string table) =>
        $"(SELECT json_group_array(value) FROM (SELECT value FROM json_each((SELECT aliases FROM {table} WHERE key = @s)) "
        + $"UNION ALL SELECT value FROM (SELECT DISTINCT value FROM (SELECT name AS value FROM {table} WHERE key = @d UNION ALL SELECT j.value FROM {table} d, json_each(d.aliases) j WHERE d.key = @d)) "
        + $"WHERE value NOT IN (SELECT value FROM json_each((SELECT aliases FROM {table} WHERE key = @s))) AND value <> (SELECT name FROM {table} WHERE key = @s)))";

    private static string Above(string table, string parent) =>
        $"WITH RECURSIVE up_s(k) AS (SELECT @s UNION SELECT t.{parent} FROM {table} t JOIN up_s ON t.key = up_s.k WHERE t.{parent} IS NOT NULL), "
        + $"up_d(k) AS (SELECT @d UNION SELECT t.{parent} FROM {table} t JOIN up_d ON t.key = up_d.k WHERE t.{parent} IS NOT NULL) "
        + "SELECT EXISTS (SELECT 1 FROM up_s WHERE k = @d) OR EXISTS (SELECT 1 FROM up_d WHERE k = @s)";
}
