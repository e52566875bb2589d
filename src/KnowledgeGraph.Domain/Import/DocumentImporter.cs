using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Domain.Resolution;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// The one write path: every road into the store (start-up seeding, the import verb, the
/// mutations) ends here. A document is read and checked (<see cref="BundleImporter"/>'s rules and
/// the published JSON Schema), its records are resolved onto stored ones by name, alias and known
/// variant (<see cref="EntityResolver"/>, <see cref="StatementMatcher"/>), merged with what the
/// store holds, and written in one transaction: all of it or none of it. The result says, for
/// each record, whether it was created, updated, unchanged or merged (and by which rule).
/// <para>One instance keeps the names it has seen, so a run over many documents reads the
/// store's names once; use one instance per run, not at once from several threads.</para>
/// </summary>
/// <param name="store">The store's read side.</param>
/// <param name="admin">The store's write side.</param>
/// <param name="clock">Stamps the change-log entry of each write; the system clock by default.</param>
public sealed class DocumentImporter(IGraphStore store, IGraphStoreAdmin admin, TimeProvider? clock = null)
{
    private const int DirectoryPage = 5000;
    private const int StatementsPerSpeaker = 10_000;

    private readonly Dictionary<NodeType, EntityIndex> _directory = [];

    /// <summary>Imports one document, all or nothing; never throws for a problem of the document.</summary>
    /// <param name="source">A name for messages, such as the file name.</param>
    /// <param name="json">The document (a bundle in format v1 or v2).</param>
    /// <param name="readTextFile">Returns the text of a file named by an article's <c>textFile</c>, or null when absent.</param>
    /// <param name="options">Dry run, and what to do about ambiguous names.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is then written.</param>
    public async Task<ImportResult> ImportAsync(
        string source,
        string json,
        Func<string, string?> readTextFile,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(readTextFile);
        ArgumentNullException.ThrowIfNull(options);

        BundleDocument document;
        try
        {
            document = BundleParser.Parse(source, json);
        }
        catch (ImportException e)
        {
            // The reader stops at the first wrong type or unknown field; the schema lists them all.
            var all = BundleSchema.Validate(json);
            return Rejected(source, null, options, all.Count > 0 ? all : e.Problems, []);
        }

        var reader = new BundleReader(document, readTextFile);
        reader.ReadAll();
        var external = ReferenceCheck.Unresolved(reader);

        // A key merged into another node (mergeNodes) still names it: such records and
        // references land on the survivor.
        var redirects = await admin.RedirectsAsync(reader.Defined.Concat(external.Keys).Concat(reader.Redirects.Select(r => r.Id)).Distinct().ToArray(), cancellationToken);
        var unredirected = external.Keys.Where(k => !redirects.ContainsKey(k)).ToArray();
        var existingRefs = unredirected.Length == 0 ? new HashSet<NodeId>() : new HashSet<NodeId>(await admin.ExistingAsync(unredirected, cancellationToken));
        existingRefs.UnionWith(external.Keys.Where(redirects.ContainsKey));
        var storedArticleKeys = ReferenceCheck.EvidenceArticlesOutsideBundle(reader);
        var storedArticles = storedArticleKeys.Count == 0 ? [] : await store.GetAsync<Article>(storedArticleKeys, cancellationToken);
        ReferenceCheck.Check(reader, existingRefs, storedArticles.ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal), reader.Problems);
        if (reader.Problems.Count == 0)
        {
            reader.Problems.AddRange(BundleSchema.Validate(json));
        }

        if (reader.Problems.Count > 0)
        {
            return Rejected(source, document, options, reader.Problems, []);
        }

        var batch = KeyRewrite.Apply(reader.ToBatch(), redirects);
        var given = Ids(batch);
        var existing = await admin.ExistingAsync(given.Select(g => g.Id).Concat(batch.Redirects.Select(r => r.Id)).ToArray(), cancellationToken);

        // Records new to the store under their key may be stored under another: resolve by name.
        var problems = new List<ImportProblem>();
        CheckRedirects(batch.Redirects, existing, redirects, problems);
        var ambiguities = new List<Ambiguity>();
        var resolved = new Dictionary<NodeId, (string Key, string Rule, double Score)>();
        await ResolveEntitiesAsync(batch.Places, EntityKind.Place, "places", p => new EntityCandidate(p.Key, p.Name, p.Aliases), existing, resolved, ambiguities, cancellationToken);
        await ResolveEntitiesAsync(batch.Organisations, EntityKind.Organisation, "organisations", o => new EntityCandidate(o.Key, o.Name, o.Aliases), existing, resolved, ambiguities, cancellationToken);
        await ResolveEntitiesAsync(batch.People, EntityKind.Person, "people", p => new EntityCandidate(p.Key, p.Name, p.Aliases), existing, resolved, ambiguities, cancellationToken);
        batch = KeyRewrite.Apply(batch, resolved.ToDictionary(r => r.Key, r => r.Value.Key));

        // Only records the store holds need reading back: those found by key, and those resolved.
        var stored = new HashSet<NodeId>(existing);
        stored.UnionWith(resolved.Select(r => new NodeId(r.Key.Type, r.Value.Key)));
        await ResolveStatementsAsync(batch, stored, resolved, ambiguities, cancellationToken);
        stored.UnionWith(resolved.Where(r => r.Key.Type == NodeType.Statement).Select(r => new NodeId(r.Key.Type, r.Value.Key)));
        batch = KeyRewrite.Apply(batch, resolved.Where(r => r.Key.Type == NodeType.Statement).ToDictionary(r => r.Key, r => r.Value.Key));

        // A redirect the store holds already (to the same survivor) is unchanged: not written again.
        var newRedirects = batch.Redirects.Where(r => !redirects.ContainsKey(r.Id)).ToArray();

        if (options.OnAmbiguity == AmbiguityPolicy.Reject)
        {
            problems.AddRange(ambiguities.Select(a => new ImportProblem(a.Path,
                $"{BundleReader.Quote(a.Name)} fits {a.Candidates.Count} stored records equally ({a.Rule}): {string.Join(", ", a.Candidates.Select(c => "\"" + c + "\""))}; give the key of the one meant.")));
        }

        // Two records of the document that land on one stored record would be written twice.
        foreach (var group in given.Select((g, i) => (g, Final: Final(g.Id, resolved))).GroupBy(x => x.Final).Where(g => g.Count() > 1))
        {
            var first = group.First().g.Path;
            foreach (var (g, _) in group.Skip(1))
            {
                problems.Add(new ImportProblem(g.Path, $"Resolves onto the same record as {first} ({group.Key.Type} \"{group.Key.Key}\"); give it once."));
            }
        }

        if (batch.Places.Any(p => p.ContainedInKey is not null))
        {
            await StoredContainmentCheck.CheckAsync(store, batch.Places, i => $"$.places[{i}]", problems, cancellationToken);
        }

        var merged = await MergeAsync(batch, given, stored, resolved, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return Rejected(source, document, options, problems, ambiguities);
        }

        merged = (merged.Batch with { Redirects = newRedirects }, merged.Changes);

        // A document that changes nothing writes nothing, so it leaves no entry in the change log.
        ChangeEntry? entry = null;
        if (!options.DryRun && (merged.Batch.Count > 0 || newRedirects.Length > 0))
        {
            entry = ChangeEntry.Create(
                clock ?? TimeProvider.System,
                options.KeyName,
                options.Operation,
                merged.Changes.Where(c => c.Outcome is not RecordOutcome.Unchanged).Select(c => new ChangedNode(c.Id, c.Outcome))
                    .Concat(newRedirects.Select(r => new ChangedNode(r.Id, RecordOutcome.Merged)))
                    .DistinctBy(c => c.Id).ToArray());
            await admin.ImportAsync(merged.Batch with { Change = entry }, cancellationToken);
        }

        if (!options.DryRun)
        {
            Remember(merged.Batch);
        }

        return new ImportResult(source, true, options.DryRun, merged.Changes, ambiguities, []) { Change = entry };
    }

    /// <summary>A merged key must name no stored record, and the store must not redirect it to another survivor.</summary>
    private static void CheckRedirects(IReadOnlyList<Redirect> given, IReadOnlySet<NodeId> existing, IReadOnlyDictionary<NodeId, string> stored, List<ImportProblem> problems)
    {
        for (var i = 0; i < given.Count; i++)
        {
            var r = given[i];
            if (existing.Contains(r.Id))
            {
                problems.Add(new ImportProblem($"$.redirects[{i}].key", $"A {r.Type} with the key \"{r.Key}\" is stored; a merged key names no record (merge it with mergeNodes instead)."));
            }
            else if (stored.TryGetValue(r.Id, out var survivor) && !string.Equals(survivor, r.Survivor, StringComparison.Ordinal))
            {
                problems.Add(new ImportProblem($"$.redirects[{i}].survivor", $"The {r.Type} key \"{r.Key}\" was merged into \"{survivor}\" already, not into \"{r.Survivor}\"."));
            }
        }
    }

    private static NodeId Final(NodeId id, Dictionary<NodeId, (string Key, string Rule, double Score)> resolved) =>
        resolved.TryGetValue(id, out var to) ? new NodeId(id.Type, to.Key) : id;

    private static List<(NodeId Id, string Path)> Ids(GraphBatch batch)
    {
        var ids = new List<(NodeId, string)>();
        void Add<T>(IReadOnlyList<T> records, string name)
            where T : Node
        {
            for (var i = 0; i < records.Count; i++)
            {
                ids.Add((records[i].Id, $"$.{name}[{i}]"));
            }
        }

        Add(batch.Articles, "articles");
        Add(batch.Places, "places");
        Add(batch.Organisations, "organisations");
        Add(batch.People, "people");
        Add(batch.Negotiations, "negotiations");
        Add(batch.Statements, "statements");
        return ids;
    }

    private async Task ResolveEntitiesAsync<T>(
        IReadOnlyList<T> records,
        EntityKind kind,
        string name,
        Func<T, EntityCandidate> candidate,
        IReadOnlySet<NodeId> existing,
        Dictionary<NodeId, (string Key, string Rule, double Score)> resolved,
        List<Ambiguity> ambiguities,
        CancellationToken cancellationToken)
        where T : Node
    {
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (existing.Contains(record.Id))
            {
                continue;
            }

            var index = await DirectoryAsync<T>(kind, candidate, cancellationToken);
            var incoming = candidate(record);
            var result = index.Resolve(incoming);
            if (result.Outcome == ResolutionOutcome.Matched && result.Key is { } key && !string.Equals(key, record.Key, StringComparison.Ordinal))
            {
                resolved[record.Id] = (key, result.Rule!, result.Score);
            }
            else if (result.Outcome == ResolutionOutcome.Ambiguous)
            {
                ambiguities.Add(new Ambiguity($"$.{name}[{i}]", record.Type, incoming.Name, result.Rule!, result.Tied));
            }
        }
    }

    private async Task ResolveStatementsAsync(
        GraphBatch batch,
        IReadOnlySet<NodeId> stored,
        Dictionary<NodeId, (string Key, string Rule, double Score)> resolved,
        List<Ambiguity> ambiguities,
        CancellationToken cancellationToken)
    {
        // A statement new under its key may repeat one by the same speaker; a speaker new to the
        // store has said nothing stored yet.
        var fresh = batch.Statements.Select((s, i) => (s, i))
            .Where(x => x.s.Speaker is { } sp && !stored.Contains(x.s.Id)
                && stored.Contains(new NodeId(sp.Type == SpeakerType.Person ? NodeType.Person : NodeType.Organisation, sp.Key)))
            .ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        var known = new List<StatementCandidate>();
        foreach (var (type, relation) in new[] { (SpeakerType.Person, Relations.PersonStatements), (SpeakerType.Organisation, Relations.OrganisationStatements) })
        {
            var speakers = fresh.Where(x => x.s.Speaker!.Value.Type == type).Select(x => x.s.Speaker!.Value.Key).Distinct(StringComparer.Ordinal).ToArray();
            if (speakers.Length == 0)
            {
                continue;
            }

            var pages = await store.ExpandAsync(relation, speakers, null, [], PageRequest.FirstItems(StatementsPerSpeaker), cancellationToken);
            foreach (var (speaker, page) in pages)
            {
                known.AddRange(page.Items.Select(s => new StatementCandidate(s.Key, SpeakerId(s.Speaker), s.Text)));
            }
        }

        foreach (var (statement, i) in fresh)
        {
            var result = StatementMatcher.Match(new StatementCandidate(statement.Key, SpeakerId(statement.Speaker), statement.Text), known);
            if (result.Outcome == ResolutionOutcome.Matched && result.Key is { } key && !string.Equals(key, statement.Key, StringComparison.Ordinal))
            {
                resolved[statement.Id] = (key, result.Rule!, result.Score);
            }
            else if (result.Outcome == ResolutionOutcome.Ambiguous)
            {
                ambiguities.Add(new Ambiguity($"$.statements[{i}]", NodeType.Statement, statement.Text, result.Rule!, result.Tied));
            }
        }
    }

    private static string? SpeakerId(SpeakerRef? speaker) => speaker is { } s ? $"{s.Type}:{s.Key}" : null;

    private async Task<EntityIndex> DirectoryAsync<T>(EntityKind kind, Func<T, EntityCandidate> candidate, CancellationToken cancellationToken)
        where T : Node
    {
        var type = kind switch { EntityKind.Person => NodeType.Person, EntityKind.Organisation => NodeType.Organisation, _ => NodeType.Place };
        if (_directory.TryGetValue(type, out var index))
        {
            return index;
        }

        index = new EntityIndex(kind);
        int? after = null;
        while (true)
        {
            var page = await store.ListAsync<T>(null, [], new PageRequest(DirectoryPage, null, after, null, false), cancellationToken);
            index.AddRange(page.Items.Select(candidate));
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                break;
            }

            after = page.Offset + page.Items.Count - 1;
        }

        _directory[type] = index;
        return index;
    }

    private void Remember(GraphBatch written)
    {
        if (_directory.TryGetValue(NodeType.Place, out var places))
        {
            places.AddRange(written.Places.Select(p => new EntityCandidate(p.Key, p.Name, p.Aliases)));
        }

        if (_directory.TryGetValue(NodeType.Organisation, out var organisations))
        {
            organisations.AddRange(written.Organisations.Select(o => new EntityCandidate(o.Key, o.Name, o.Aliases)));
        }

        if (_directory.TryGetValue(NodeType.Person, out var people))
        {
            people.AddRange(written.People.Select(p => new EntityCandidate(p.Key, p.Name, p.Aliases)));
        }
    }

    private async Task<(GraphBatch Batch, List<RecordChange> Changes)> MergeAsync(
        GraphBatch batch,
        List<(NodeId Id, string Path)> given,
        IReadOnlySet<NodeId> inStore,
        Dictionary<NodeId, (string Key, string Rule, double Score)> resolved,
        List<ImportProblem> problems,
        CancellationToken cancellationToken)
    {
        var changes = new List<RecordChange>();
        var paths = new Queue<(NodeId Id, string Path)>(given);

        async Task<List<T>> Each<T>(IReadOnlyList<T> records, Func<T, T, bool, T> merge)
            where T : Node
        {
            var keys = records.Where(r => inStore.Contains(r.Id)).Select(r => r.Key).Distinct(StringComparer.Ordinal).ToArray();
            var stored = (keys.Length == 0 ? [] : await store.GetAsync<T>(keys, cancellationToken))
                .ToDictionary(r => r.Key, StringComparer.Ordinal);
            var write = new List<T>();
            foreach (var record in records)
            {
                var (givenId, path) = paths.Dequeue();
                var isResolved = resolved.TryGetValue(givenId, out var how);
                RecordOutcome outcome;
                var result = record;
                if (stored.TryGetValue(record.Key, out var old))
                {
                    result = merge(old, record, isResolved);
                    outcome = RecordMerge.Same(old, result) ? RecordOutcome.Unchanged : isResolved ? RecordOutcome.Merged : RecordOutcome.Updated;
                }
                else
                {
                    outcome = RecordOutcome.Created;
                }

                if (outcome != RecordOutcome.Unchanged)
                {
                    write.Add(result);
                }

                changes.Add(isResolved
                    ? new RecordChange(record.Id, outcome, path, givenId.Key, how.Rule, how.Score)
                    : new RecordChange(record.Id, outcome, path));
            }

            return write;
        }

        var articles = await Each<Article>(batch.Articles, (old, n, _) =>
        {
            if (!string.Equals(old.Text, n.Text, StringComparison.Ordinal))
            {
                problems.Add(new ImportProblem(
                    changes.Count < given.Count ? given[changes.Count].Path + ".text" : "$.articles",
                    $"The article \"{old.Key}\" is stored with another text ({old.Text.Length} characters, this one {n.Text.Length}); evidence rests on the stored text, so it cannot change."));
            }

            return RecordMerge.Merge(old, n);
        });
        var places = await Each<Place>(batch.Places, RecordMerge.Merge);
        var organisations = await Each<Organisation>(batch.Organisations, RecordMerge.Merge);
        var people = await Each<Person>(batch.People, RecordMerge.Merge);
        var negotiations = await Each<Negotiation>(batch.Negotiations, (old, n, _) => RecordMerge.Merge(old, n));
        var statements = await Each<Statement>(batch.Statements, RecordMerge.Merge);
        return (new GraphBatch(articles, places, organisations, people, negotiations, statements), changes);
    }

    private static ImportResult Rejected(string source, BundleDocument? document, ImportOptions options, IReadOnlyList<ImportProblem> problems, IReadOnlyList<Ambiguity> ambiguities)
    {
        var changes = new List<RecordChange>();
        void Add<T>(List<T>? items, NodeType type, string name, Func<T, string?> key)
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                var k = items![i] is { } item ? key(item) : null;
                changes.Add(new RecordChange(new NodeId(type, k ?? string.Empty), RecordOutcome.Rejected, $"$.{name}[{i}]"));
            }
        }

        if (document is not null)
        {
            Add(document.Articles, NodeType.Article, "articles", a => a.Key);
            Add(document.Places, NodeType.Place, "places", p => p.Key);
            Add(document.Organisations, NodeType.Organisation, "organisations", o => o.Key);
            Add(document.People, NodeType.Person, "people", p => p.Key);
            Add(document.Negotiations, NodeType.Negotiation, "negotiations", n => n.Key);
            Add(document.Statements, NodeType.Statement, "statements", s => s.Key);
        }

        return new ImportResult(source, false, options.DryRun, changes, ambiguities, problems);
    }
}
