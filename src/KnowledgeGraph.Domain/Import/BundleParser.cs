using System.Text.Json;

namespace KnowledgeGraph.Domain.Import;

/// <summary>Turns bundle JSON into its wire shape, or a problem at the JSON path where it broke.</summary>
internal static class BundleParser
{
    /// <exception cref="ImportException">The text is not JSON of the bundle's shape.</exception>
    public static BundleDocument Parse(string source, string json)
    {
        BundleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, BundleJsonContext.Default.BundleDocument);
        }
        catch (InvalidOperationException)
        {
            throw new ImportException(source, [new ImportProblem("$", BundleSchema.LoneSurrogate)]);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            var where = e.LineNumber is { } line ? $" (line {line + 1}, column {e.BytePositionInLine + 1})" : string.Empty;
            throw new ImportException(source, [new ImportProblem(path, FirstSentence(e.Message) + where)]);
        }

        return document ?? throw new ImportException(source, [new ImportProblem("$", "The bundle is null; expected an object.")]);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
