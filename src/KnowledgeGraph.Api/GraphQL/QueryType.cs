using GraphQL.Types;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The root <c>Query</c> type: each feature contributes its root fields.</summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Who said what about which region, traced to the sentence it came from.";

        this.AddNodeQueries();
        this.AddPersonQueries();
        this.AddOrganisationQueries();
        this.AddPlaceQueries();
        this.AddStatementQueries();
        this.AddNegotiationQueries();
        this.AddArticleQueries();
        Statistics.StatementStatsField.AddStatementStats(this);
        Timeline.TimelineField.AddTimeline(this);
        Extraction.ExtractionFields.AddExtractArticle(this);
        Changes.ChangeQueries.AddChangeQueries(this);
        Search.SearchRootField.AddSearch(this);
        Paths.PathField.AddPath(this);
    }
}
