using System.Text.Json;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Merges a batch by key inside the caller's transaction. Known values are never replaced by
/// unknown ones (a later bundle that lacks a date keeps the date), and list members (places a
/// statement is about, evidence, affiliations, parties, rounds) are merged, not replaced.
/// </summary>
internal sealed class SqliteBatchWriter(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    // One prepared command per distinct statement, reused for every row of the batch: SQLite
    // then compiles each statement once per batch instead of once per row (the cost that
    // dominated bulk loads).
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }

    public async Task WriteAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        foreach (var a in batch.Articles)
        {
            await RunAsync(
                """
                INSERT INTO article (key, title, url, publisher, syndicator, agencies, published_at, published_offset_minutes, language, text)
                VALUES (@key, @title, @url, @publisher, @syndicator, @agencies, @published_at, @offset, @language, @text)
                ON CONFLICT (key) DO UPDATE SET
                    title = coalesce(excluded.title, title), url = coalesce(excluded.url, url),
                    publisher = coalesce(excluded.publisher, publisher), syndicator = coalesce(excluded.syndicator, syndicator),
                    agencies = excluded.agencies,
                    published_at = coalesce(excluded.published_at, published_at),
                    published_offset_minutes = coalesce(excluded.published_offset_minutes, published_offset_minutes),
                    language = coalesce(excluded.language, language), text = excluded.text
                """,
                cancellationToken,
                ("@key", a.Key), ("@title", a.Title), ("@url", a.Url), ("@publisher", a.Publisher), ("@syndicator", a.Syndicator),
                ("@agencies", Json(a.Agencies)),
                ("@published_at", a.PublishedAt is { } at ? InstantText.Write(at) : null),
                ("@offset", a.PublishedAt is { } at2 ? (long)at2.Offset.TotalMinutes : null),
                ("@language", a.Language), ("@text", a.Text));
        }

        foreach (var p in batch.Places)
        {
            await RunAsync(
                $"""
                INSERT INTO place (key, name, kind, aliases, contained_in) VALUES (@key, @name, @kind, @aliases, @contained_in)
                ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    aliases = {MergeAliases("place")},
                    contained_in = coalesce(excluded.contained_in, contained_in)
                """,
                cancellationToken,
                ("@key", p.Key), ("@name", p.Name), ("@kind", EnumNames.ToWire(p.Kind)), ("@aliases", Json(p.Aliases)), ("@contained_in", p.ContainedInKey));
        }

        foreach (var o in batch.Organisations)
        {
            await RunAsync(
                $"""
                INSERT INTO organisation (key, name, kind, aliases, description, country, part_of)
                VALUES (@key, @name, @kind, @aliases, @description, @country, @part_of)
                ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    aliases = {MergeAliases("organisation")},
                    description = coalesce(excluded.description, description),
                    country = coalesce(excluded.country, country), part_of = coalesce(excluded.part_of, part_of)
                """,
                cancellationToken,
                ("@key", o.Key), ("@name", o.Name), ("@kind", EnumNames.ToWire(o.Kind)), ("@aliases", Json(o.Aliases)),
                ("@description", o.Description), ("@country", o.CountryKey), ("@part_of", o.PartOfKey));
        }

        foreach (var p in batch.People)
        {
            await RunAsync(
                $"""
                INSERT INTO person (key, name, aliases, description) VALUES (@key, @name, @aliases, @description)
                ON CONFLICT (key) DO UPDATE SET name = excluded.name,
                    aliases = {MergeAliases("person")},
                    description = coalesce(excluded.description, description)
                """,
                cancellationToken,
                ("@key", p.Key), ("@name", p.Name), ("@aliases", Json(p.Aliases)), ("@description", p.Description));
            foreach (var a in p.Affiliations)
            {
                await RunAsync(
                    """
                    INSERT INTO affiliation (person, organisation, role, current, ordinal)
                    VALUES (@person, @organisation, @role, @current, (SELECT count(*) FROM affiliation WHERE person = @person))
                    ON CONFLICT (person, organisation, coalesce(role, '')) DO UPDATE SET current = coalesce(excluded.current, current)
                    """,
                    cancellationToken,
                    ("@person", p.Key), ("@organisation", a.OrganisationKey), ("@role", a.Role), ("@current", a.Current is { } c ? (c ? 1L : 0L) : null));
            }
        }

        foreach (var n in batch.Negotiations)
        {
            await RunAsync(
                $"""
                INSERT INTO negotiation (key, name, status, venue, aliases) VALUES (@key, @name, @status, @venue, @aliases)
                ON CONFLICT (key) DO UPDATE SET name = excluded.name, status = excluded.status, venue = coalesce(excluded.venue, venue),
                    aliases = {MergeAliases("negotiation")}
                """,
                cancellationToken,
                ("@key", n.Key), ("@name", n.Name), ("@status", EnumNames.ToWire(n.Status)), ("@venue", n.VenueKey), ("@aliases", Json(n.Aliases)));
            foreach (var party in n.PartyKeys)
            {
                await RunAsync(
                    """
                    INSERT INTO negotiation_party (negotiation, organisation, ordinal)
                    VALUES (@negotiation, @organisation, (SELECT count(*) FROM negotiation_party WHERE negotiation = @negotiation))
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken,
                    ("@negotiation", n.Key), ("@organisation", party));
            }

            foreach (var r in n.Rounds)
            {
                await RunAsync(
                    "INSERT INTO negotiation_round (negotiation, number, date, venue) VALUES (@negotiation, @number, @date, @venue) ON CONFLICT DO NOTHING",
                    cancellationToken,
                    ("@negotiation", n.Key), ("@number", r.Number is { } number ? (long)number : null), ("@date", Date(r.Date)), ("@venue", r.VenueKey));
            }
        }

        foreach (var s in batch.Statements)
        {
            await RunAsync(
                """
                INSERT INTO statement (key, text, kind, direct, speaker_person, speaker_organisation, said_at, date, negotiation, responds_to, retracted, retraction_reason, retracted_at)
                VALUES (@key, @text, @kind, @direct, @speaker_person, @speaker_organisation, @said_at, @date, @negotiation, @responds_to, @retracted, @retraction_reason, @retracted_at)
                ON CONFLICT (key) DO UPDATE SET text = excluded.text, kind = excluded.kind, direct = excluded.direct,
                    retracted = CASE WHEN statement.retracted <> 0 THEN 1 ELSE excluded.retracted END,
                    retraction_reason = CASE WHEN statement.retracted <> 0 THEN statement.retraction_reason ELSE excluded.retraction_reason END,
                    retracted_at = CASE WHEN statement.retracted <> 0 THEN statement.retracted_at ELSE excluded.retracted_at END,
                    speaker_person = CASE WHEN excluded.speaker_person IS NULL AND excluded.speaker_organisation IS NULL THEN speaker_person ELSE excluded.speaker_person END,
                    speaker_organisation = CASE WHEN excluded.speaker_person IS NULL AND excluded.speaker_organisation IS NULL THEN speaker_organisation ELSE excluded.speaker_organisation END,
                    said_at = coalesce(excluded.said_at, said_at), date = coalesce(excluded.date, date),
                    negotiation = coalesce(excluded.negotiation, negotiation), responds_to = coalesce(excluded.responds_to, responds_to)
                """,
                cancellationToken,
                ("@key", s.Key), ("@text", s.Text), ("@kind", EnumNames.ToWire(s.Kind)), ("@direct", s.Direct ? 1L : 0L),
                ("@speaker_person", s.Speaker is { Type: SpeakerType.Person } sp ? sp.Key : null),
                ("@speaker_organisation", s.Speaker is { Type: SpeakerType.Organisation } so ? so.Key : null),
                ("@said_at", s.SaidAtKey), ("@date", Date(s.Date)), ("@negotiation", s.NegotiationKey), ("@responds_to", s.RespondsToKey),
                ("@retracted", s.Retraction is null ? 0L : 1L), ("@retraction_reason", s.Retraction?.Reason),
                ("@retracted_at", s.Retraction is { } r ? InstantText.Write(r.At) : null));
            foreach (var place in s.AboutKeys)
            {
                await RunAsync(
                    """
                    INSERT INTO statement_about (statement, place, ordinal)
                    VALUES (@statement, @place, (SELECT count(*) FROM statement_about WHERE statement = @statement))
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken,
                    ("@statement", s.Key), ("@place", place));
            }

            foreach (var e in s.Evidence)
            {
                await RunAsync(
                    """
                    INSERT INTO evidence (statement, article, start, "end", text) VALUES (@statement, @article, @start, @end, @text)
                    ON CONFLICT (statement, article) DO UPDATE SET start = excluded.start, "end" = excluded."end", text = excluded.text
                    """,
                    cancellationToken,
                    ("@statement", s.Key), ("@article", e.ArticleKey), ("@start", (long)e.Start), ("@end", (long)e.End), ("@text", e.Text));
            }
        }
    }

    public async Task WriteRedirectsAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        // The importer checked that no redirect of the batch conflicts with a stored one.
        foreach (var r in batch.Redirects)
        {
            await RunAsync(
                "INSERT INTO redirect (type, key, survivor) VALUES (@type, @key, @survivor) ON CONFLICT DO NOTHING",
                cancellationToken,
                ("@type", r.Type.ToString()), ("@key", r.Key), ("@survivor", r.Survivor));
        }
    }

    // Known aliases keep their order; new ones are appended once.
    private static string MergeAliases(string table) =>
        $"(SELECT json_group_array(value) FROM (SELECT value FROM json_each({table}.aliases) "
        + $"UNION ALL SELECT value FROM (SELECT DISTINCT value FROM json_each(excluded.aliases)) WHERE value NOT IN (SELECT value FROM json_each({table}.aliases))))";

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static string? Date(DateOnly? date) => date is { } day ? DateText.Write(day) : null;

    private async Task RunAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                // No SqliteType set: each value binds by its own type, as AddWithValue would.
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
