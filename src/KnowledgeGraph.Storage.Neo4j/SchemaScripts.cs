namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>The statements of <c>schema/neo4j/*.cypher</c>, embedded in this assembly, in file-name order.</summary>
internal static class SchemaScripts
{
    private const string Prefix = "KnowledgeGraph.Storage.Neo4j.Schema.";

    /// <summary>Every statement of every script: <c>//</c> comment lines dropped, split at <c>;</c>.</summary>
    public static IReadOnlyList<string> Statements()
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var statements = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".cypher", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd()
                .Split('\n')
                .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal));
            statements.AddRange(string.Join("\n", lines)
                .Split(';')
                .Select(s => s.Trim())
                .Where(s => s.Length > 0));
        }

        if (statements.Count == 0)
        {
            throw new InvalidOperationException("No schema/neo4j/*.cypher script is embedded.");
        }

        return statements;
    }
}
