using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;

namespace KnowledgeGraph.Api.Writes;

/// <summary>
/// The payload of a fine-grained mutation, in HotChocolate's mutation conventions: the record,
/// every record the write touched, and a typed <c>errors</c> list (null when it landed).
/// </summary>
internal abstract class MutationPayloadType<TNodeType, TErrorType> : ObjectGraphType<MutationResult>
    where TNodeType : IGraphType
    where TErrorType : IGraphType
{
    protected MutationPayloadType(string mutation, string field, string record)
    {
        Name = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Payload";
        Description = $"The result of {mutation}: the {record} as stored now, every record the write touched, or every error (and then nothing was written).";
        Field<TNodeType>(field).Description($"The {record} as stored now (for a new record resolved onto a stored one by name, the stored one); null when there were errors.")
            .Resolve(ctx => ctx.Source.Record is { } id ? NodeQueries.Load(ctx, id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordChangeType>>>>("changes").Description("Every record the write touched and what became of it (CREATED, UPDATED, UNCHANGED or MERGED, with the resolution rule); empty when there were errors.")
            .Resolve(ctx => ctx.Source.Changes);
        Field<ListGraphType<NonNullGraphType<TErrorType>>>("errors").Description("Every problem of the input, each naming its field; null when the write landed.")
            .Resolve(ctx => ctx.Source.Problems.Count == 0 ? null : ctx.Source.Problems);
    }
}

/// <summary>The errors union of a fine-grained mutation.</summary>
internal abstract class MutationErrorType : UnionGraphType
{
    protected MutationErrorType(string mutation)
    {
        Name = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Error";
        Description = $"An error {mutation} can report.";
        Type<InvalidIdErrorType>();
        Type<NotFoundErrorType>();
        Type<InvalidInputErrorType>();
    }
}

/// <summary>The <c>InvalidIdError</c> type.</summary>
internal sealed class InvalidIdErrorType : ObjectGraphType<InvalidIdProblem>
{
    public InvalidIdErrorType()
    {
        Name = "InvalidIdError";
        Description = "An id that is not a global id of this API, or names another record type than the field takes. Nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is InvalidIdProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field that held it, such as input.speaker.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("id").Description("The id as given.").Resolve(c => c.Source.Id);
    }
}

/// <summary>The <c>NotFoundError</c> type.</summary>
internal sealed class NotFoundErrorType : ObjectGraphType<NotFoundProblem>
{
    public NotFoundErrorType()
    {
        Name = "NotFoundError";
        Description = "A well-formed id of the right type that no stored record has. Nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is NotFoundProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field that held it, such as input.id.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("id").Description("The id as given.").Resolve(c => c.Source.Id);
    }
}

/// <summary>The <c>InvalidInputError</c> type.</summary>
internal sealed class InvalidInputErrorType : ObjectGraphType<InvalidInputProblem>
{
    public InvalidInputErrorType()
    {
        Name = "InvalidInputError";
        Description = "A rule of the import broken by the input (a required value missing, evidence that does not match the article, a key taken, …). Nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is InvalidInputProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("field").Description("Where, as a path into the mutation's arguments, such as input.evidence[0].text.").Resolve(c => c.Source.Field);
    }
}
