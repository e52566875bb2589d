using System.Text;
using System.Text.Json;
using Json.Schema;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// The published JSON Schema of the import format (<c>schema/bundle.schema.json</c>), checked with
/// JsonSchema.Net. It states the shape; the importer's own rules (references, spans, cycles) go
/// further.
/// </summary>
public static class BundleSchema
{
    /// <summary>The message for a string holding half of a surrogate pair.</summary>
    internal const string LoneSurrogate = "A string holds half of a surrogate pair (such as \\ud800 alone), which is not text.";

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema's text, as published.</summary>
    public static string Text { get; } = ReadText();

    /// <summary>Every place where <paramref name="json"/> breaks the schema, by JSON path; empty when it fits (or is not JSON at all).</summary>
    public static IReadOnlyList<ImportProblem> Validate(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            EvaluationResults results;
            try
            {
                results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json reads "\ud800" (a lone surrogate) but cannot turn it into a string.
                return [new ImportProblem("$", LoneSurrogate)];
            }

            if (results.IsValid)
            {
                return [];
            }

            var problems = new List<ImportProblem>();
            foreach (var detail in results.Details ?? [])
            {
                if (detail.Errors is null)
                {
                    continue;
                }

                var path = PathOf(detail.InstanceLocation.ToString());
                foreach (var (keyword, message) in detail.Errors)
                {
                    var text = keyword.Length == 0 ? "Unknown field: the format has no such field here." : $"{message} (schema: {keyword}).";
                    var problem = new ImportProblem(path, text);
                    if (!problems.Contains(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }

            return problems;
        }
    }

    // "/statements/0/evidence/1/text" → "$.statements[0].evidence[1].text".
    private static string PathOf(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else
            {
                path.Append('.').Append(segment);
            }
        }

        return path.ToString();
    }

    private static JsonSchema Load() => JsonSchema.FromText(Text);

    private static string ReadText()
    {
        using var stream = typeof(BundleSchema).Assembly.GetManifestResourceStream("KnowledgeGraph.Domain.bundle.schema.json")
            ?? throw new InvalidOperationException("bundle.schema.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
