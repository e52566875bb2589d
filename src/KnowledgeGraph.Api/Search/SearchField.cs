using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Domain.Search;

namespace KnowledgeGraph.Api.Search;

/// <summary>The root field <c>search</c>: full text over names, aliases, statement texts and article titles.</summary>
internal static class SearchRootField
{
    /// <summary>The most hits one search ranks; pages are cut from these.</summary>
    public const int MaxHits = 200;

    /// <summary>Adds <c>search</c> to the root type.</summary>
    public static void AddSearch(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<SearchHit, SearchHitType>>>("search")
            .Description($"Full-text search over the names and aliases of people, organisations and places, the texts of statements and the titles of articles. "
                + $"Every word of the text must match a whole word (case and diacritics ignored: 'ECOLE' finds 'École'); punctuation and query operators are read as spaces. "
                + $"Best hits first, one hit per node; pages are cut from the best {MaxHits} hits.")
            .Argument<NonNullGraphType<StringGraphType>>("text", $"The words to find (at most {SearchText.MaxTerms} words, {SearchText.MaxLength} characters).")
            .Argument<ListGraphType<NonNullGraphType<SearchResultTypeType>>>("types", "Only nodes of these kinds (all kinds when left out).")
            .PagingArgs()
            .ResolveAsync(async ctx =>
            {
                IReadOnlyList<string> terms;
                try
                {
                    terms = SearchText.Terms(ctx.GetArgument<string>("text"));
                }
                catch (SearchQueryException e)
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidSearch, "'text': " + e.Message);
                }

                var types = ctx.GetArgument<List<object>?>("types")?.Cast<NodeType>().Distinct().ToArray() ?? [];
                var page = PagingArguments.Read(ctx);
                var analytics = ctx.RequestServices!.GetRequiredService<IGraphAnalytics>();
                try
                {
                    var hits = await analytics.SearchAsync(new SearchQuery(terms, types, MaxHits), ctx.CancellationToken);
                    return new Connection<SearchHit>(Page<SearchHit>.FromAll(hits, page));
                }
                catch (SearchQueryException e)
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidSearch, "'text': " + e.Message);
                }
            });
}
