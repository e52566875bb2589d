using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.GraphQL.Conventions.Sorting;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Articles;

/// <summary>Translates <see cref="ArticleFilterInput"/>.</summary>
internal sealed class ArticleFilter : IFilterable
{
    public static string Plural => "articles";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("title", Fields.Title, "By headline."),
        new("publisher", Fields.Publisher, "By publisher."),
        new("publishedAt", Fields.PublishedAt, "By publication time; articles without one sort last."),
        new("statementsCount", CountFields.Statements, "By how many statements the article gives evidence for (computed by the store; ties by key)."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Declared<ArticleFilterInput>(input, path);
}
