using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// Finds containment cycles that a document would close together with the places already
/// stored (Korrin in Velmora stored, then Velmora put in Korrin), which <see cref="ContainmentCheck"/>
/// cannot see within the document alone. Each place the document puts inside another is followed
/// up the containment chain, the document's own places first, the stored ones read one level at a
/// time (one store call per level for every place at once).
/// </summary>
internal static class StoredContainmentCheck
{
    // A stored chain longer than this is not followed further (the store's own containment is acyclic).
    private const int MaxDepth = 1000;

    /// <param name="store">The store's read side.</param>
    /// <param name="places">The document's places, with their final keys, in document order.</param>
    /// <param name="pathOf">The JSON path of the document's place at an index.</param>
    /// <param name="problems">Where a cycle is added, once per cycle, at the first of its places in the document.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task CheckAsync(IGraphStore store, IReadOnlyList<Place> places, Func<int, string> pathOf, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var inDocument = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            // A place given without containedIn keeps the stored one.
            if (p.ContainedInKey is not null || !inDocument.ContainsKey(p.Key))
            {
                inDocument[p.Key] = p.ContainedInKey;
            }
        }

        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        var walks = places.Select((p, i) => (Index: i, Start: p.Key, Chain: new List<string> { p.Key }, Current: p.ContainedInKey))
            .Where(w => w.Current is not null)
            .ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var depth = 0; walks.Count > 0 && depth < MaxDepth; depth++)
        {
            // Read, in one call, the stored parents of every place the walks stand on that the document does not give.
            var unknown = walks.Select(w => w.Current!)
                .Where(k => !HasParentInDocument(k) && !stored.ContainsKey(k))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (unknown.Length > 0)
            {
                var found = (await store.GetAsync<Place>(unknown, cancellationToken)).ToDictionary(p => p.Key, p => p.ContainedInKey, StringComparer.Ordinal);
                foreach (var key in unknown)
                {
                    stored[key] = found.GetValueOrDefault(key);
                }
            }

            var next = new List<(int Index, string Start, List<string> Chain, string? Current)>();
            foreach (var (index, start, chain, current) in walks)
            {
                if (string.Equals(current, start, StringComparison.Ordinal))
                {
                    // Cycles within the document alone are ContainmentCheck's to report.
                    if (chain.Any(k => !inDocument.ContainsKey(k)) && !reported.Contains(start))
                    {
                        reported.UnionWith(chain);
                        problems.Add(new ImportProblem(
                            pathOf(index) + ".containedIn",
                            $"Containment would be a cycle with the places stored: {string.Join(" → ", chain)} → {start}.")
                        {
                            Cycle = chain.ToArray(),
                        });
                    }

                    continue;
                }

                if (chain.Contains(current!, StringComparer.Ordinal))
                {
                    continue; // a cycle not through this place: reported from one of its own
                }

                var parent = HasParentInDocument(current!) ? inDocument[current!] : stored.GetValueOrDefault(current!);
                if (parent is not null)
                {
                    next.Add((index, start, [.. chain, current!], parent));
                }
            }

            walks = next;
        }

        bool HasParentInDocument(string key) => inDocument.TryGetValue(key, out var parent) && parent is not null;
    }
}
