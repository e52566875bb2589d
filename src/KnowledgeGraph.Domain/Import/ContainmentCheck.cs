using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Import;

/// <summary>Finds cycles in the place containment a bundle declares.</summary>
internal static class ContainmentCheck
{
    /// <summary>Reports each cycle once, at the first of its places in the bundle.</summary>
    /// <param name="places">The places read from the bundle.</param>
    /// <param name="pathOfPlace">The JSON path of the bundle's place with a given key.</param>
    /// <param name="problems">Where problems are added.</param>
    public static void Check(IReadOnlyList<Place> places, Func<string, string> pathOfPlace, List<ImportProblem> problems)
    {
        // A place inside itself is reported where it is read (BundleReader).
        var parent = places.Where(p => p.ContainedInKey is not null && !string.Equals(p.ContainedInKey, p.Key, StringComparison.Ordinal))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ContainedInKey!, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < places.Count; i++)
        {
            var start = places[i].Key;
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var order = new List<string> { start };
            var current = start;
            while (parent.TryGetValue(current, out var next))
            {
                if (!seen.Add(next))
                {
                    if (string.Equals(next, start, StringComparison.Ordinal) && !reported.Contains(start))
                    {
                        reported.UnionWith(seen);
                        problems.Add(new ImportProblem(
                            pathOfPlace(start) + ".containedIn",
                            $"Containment is a cycle: {string.Join(" → ", order)} → {start}.")
                        {
                            Cycle = order.ToArray(),
                        });
                    }

                    break;
                }

                order.Add(next);
                current = next;
            }
        }
    }
}
