using GraphQL.Types;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Search;

namespace KnowledgeGraph.Api.Search;

/// <summary>The <c>SearchResult</c> union.</summary>
internal sealed class SearchResultUnion : UnionGraphType
{
    public SearchResultUnion()
    {
        Name = "SearchResult";
        Description = "A node a search can find: a person, an organisation, a place, a statement or an article.";
        Type<PersonType>();
        Type<OrganisationType>();
        Type<PlaceType>();
        Type<StatementType>();
        Type<ArticleType>();
    }
}

/// <summary>The <c>SearchHit</c> type: one node a search found, with why.</summary>
internal sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "One node a search found, with the text that matched it, a highlighted snippet of that text and its relevance score.";
        Field<NonNullGraphType<SearchResultUnion>>("node")
            .Description("The node found.")
            .Resolve(ctx => ctx.Source.Node.Type switch
            {
                NodeType.Person => ctx.Request().Nodes<Person>(ctx).Load(ctx.Source.Node.Key) as object,
                NodeType.Organisation => ctx.Request().Nodes<Organisation>(ctx).Load(ctx.Source.Node.Key) as object,
                NodeType.Place => ctx.Request().Nodes<Place>(ctx).Load(ctx.Source.Node.Key) as object,
                NodeType.Statement => ctx.Request().Nodes<Statement>(ctx).Load(ctx.Source.Node.Key) as object,
                _ => ctx.Request().Nodes<Article>(ctx).Load(ctx.Source.Node.Key) as object,
            });
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("The relevance score, higher is better. Scores rank the hits of one search; they are not comparable across searches or stores.")
            .Resolve(ctx => ctx.Source.Score);
        Field<NonNullGraphType<SearchFieldType>>("field").Description("Which text of the node matched.").Resolve(ctx => ctx.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description("The matched text around its first match, at most about 160 characters, '…' where text was left out. HTML-escaped, each matched word in <em>…</em>, so it can be shown as HTML as is.")
            .Resolve(ctx => ctx.Source.Snippet);
    }
}

/// <summary>The <c>SearchField</c> enum.</summary>
internal sealed class SearchFieldType : EnumerationGraphType<SearchField>
{
    public SearchFieldType()
    {
        Name = "SearchField";
        Description = "Which text of a node a search matched.";
        Values["NAME"]!.Description = "The name of a person, organisation or place (preferred when it matches).";
        Values["ALIAS"]!.Description = "One of the aliases of a person, organisation or place.";
        Values["TEXT"]!.Description = "The text of a statement.";
        Values["TITLE"]!.Description = "The title of an article.";
    }
}

/// <summary>The <c>SearchResultType</c> enum.</summary>
internal sealed class SearchResultTypeType : EnumerationGraphType
{
    public SearchResultTypeType()
    {
        Name = "SearchResultType";
        Description = "A kind of node a search can be restricted to.";
        Add("PERSON", NodeType.Person, "People, by name and alias.");
        Add("ORGANISATION", NodeType.Organisation, "Organisations, by name and alias.");
        Add("PLACE", NodeType.Place, "Places, by name and alias.");
        Add("STATEMENT", NodeType.Statement, "Statements, by their text.");
        Add("ARTICLE", NodeType.Article, "Articles, by their title.");
    }
}
