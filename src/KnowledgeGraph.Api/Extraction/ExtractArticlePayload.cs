using GraphQL.Types;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Import;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>What <c>extractArticle</c> answers: the extraction, or the problems of the input.</summary>
internal sealed record ExtractArticleResult(ArticleDraft? Draft, IReadOnlyList<ArticleProblem> Problems);

/// <summary>One thing wrong with an article input, at its path.</summary>
internal sealed record ArticleProblem(string Path, string Message)
{
    public static ArticleProblem From(ImportProblem problem) => new(problem.Path, problem.Message);
}

/// <summary>The <c>ExtractArticlePayload</c> type.</summary>
internal sealed class ExtractArticlePayloadType : ObjectGraphType<ExtractArticleResult>
{
    public ExtractArticlePayloadType()
    {
        Name = "ExtractArticlePayload";
        Description = "The statements the extractor proposes for an article, resolved onto the graph's records, and the draft bundle that would import them; nothing is written.";
        Field<StringGraphType>("articleKey").Description("The article's key in the draft.").Resolve(c => c.Source.Draft?.Article.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProposedStatementType>>>>("statements").Description("The proposed statements, in text order; empty when the input was refused.")
            .Resolve(c => c.Source.Draft is { } d ? d.Result.Statements.Select(s => new StatementView(s, d)).ToArray() : []);
        Field<StringGraphType>("draft").Description("The draft bundle (format knowledge-graph/v2, the article text inline) as JSON text: importBundle or the import verb accept it as it is.")
            .Resolve(c => c.Source.Draft?.DraftJson);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("decisions").Description("Decisions that produced no statement (a quote left unattributed, an ambiguous name), each naming its rule and offset.")
            .Resolve(c => c.Source.Draft?.Result.Decisions ?? []);
        Field<ListGraphType<NonNullGraphType<ExtractArticleErrorType>>>("errors").Description("Every problem of the input; null when the article was read.")
            .Resolve(c => c.Source.Problems.Count == 0 ? null : c.Source.Problems);
    }
}

/// <summary>The <c>InvalidArticleError</c> type.</summary>
internal sealed class InvalidArticleErrorType : ObjectGraphType<ArticleProblem>
{
    public InvalidArticleErrorType()
    {
        Name = "InvalidArticleError";
        Description = "One thing wrong with an article input, at its path; nothing was read or written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is ArticleProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("path").Description("Where, such as input.text.").Resolve(c => c.Source.Path);
    }
}

/// <summary>The <c>ExtractArticleError</c> union.</summary>
internal sealed class ExtractArticleErrorType : UnionGraphType
{
    public ExtractArticleErrorType()
    {
        Name = "ExtractArticleError";
        Description = "An error extractArticle can report.";
        Type<InvalidArticleErrorType>();
    }
}
