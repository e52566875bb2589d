using System.Collections;
using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Sorting;

/// <summary>Reads an <c>order</c> argument into sort fields.</summary>
internal static class SortReader
{
    public static IReadOnlyList<SortField> Read(object? input, string path, IReadOnlyList<SortOption> sorts)
    {
        if (input is null)
        {
            return [];
        }

        var result = new List<SortField>();
        var index = 0;
        foreach (var item in (IEnumerable)input)
        {
            if (item is IDictionary<string, object?> entry)
            {
                foreach (var (name, direction) in entry)
                {
                    if (direction is null)
                    {
                        continue;
                    }

                    var sort = sorts.FirstOrDefault(s => s.Name == name)
                        ?? throw FilterReader.Invalid($"{path}[{index}].{name}", "is not sortable.");
                    result.Add(new SortField(sort.Field, direction is SortDirection.Desc));
                }
            }

            index++;
        }

        return result;
    }
}
