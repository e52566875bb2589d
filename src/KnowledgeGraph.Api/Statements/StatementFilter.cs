using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

/// <summary>Translates <see cref="StatementFilterInput"/>.</summary>
internal sealed class StatementFilter : IFilterable
{
    public static string Plural => "statements";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("date", Fields.Date, "By date; statements without a known date sort last."),
        new("text", Fields.Text, "By text."),
        new("kind", Fields.Kind, "By kind."),
    ];

    /// <summary>What every statement list adds to a <c>where</c> that says nothing about retraction.</summary>
    public static Filter NotRetracted { get; } = new Compare(Fields.Retracted, CompareOp.Eq, false);

    /// <summary>
    /// The client's filter; unless it names <c>retracted</c> (at its top level or inside its
    /// <c>and</c>/<c>or</c>), retracted statements are left out, so every list, count and
    /// statistic of statements leaves them out by default.
    /// </summary>
    public static Filter? Translate(object? input, string path)
    {
        var filter = FilterReader.Declared<StatementFilterInput>(input, path);
        return NamesRetracted(input) ? filter
            : filter is null ? NotRetracted
            : new AllOf([NotRetracted, filter]);
    }

    private static bool NamesRetracted(object? input) =>
        input is IDictionary<string, object?> fields
        && fields.Any(f => f.Key == "retracted"
            || (f.Key is "and" or "or" && f.Value is System.Collections.IEnumerable items && items.Cast<object?>().Any(NamesRetracted)));
}
