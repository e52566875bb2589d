using GraphQL.Types;

namespace KnowledgeGraph.Api.Writes;

/// <summary>Two nodes that cannot be merged, and why.</summary>
internal sealed record MergeConflictProblem(string Message, MergeConflictReason Reason);

/// <summary>A statement retracted before.</summary>
internal sealed record AlreadyRetractedProblem(string Message, string Id);

/// <summary>A retraction reason that is empty or too long.</summary>
internal sealed record InvalidReasonProblem(string Message);

/// <summary>Why two nodes cannot be merged.</summary>
internal enum MergeConflictReason
{
    DifferentTypes,
    SameNode,
    Article,
    Cycle,
}

/// <summary>The <c>MergeConflictReason</c> enum.</summary>
internal sealed class MergeConflictReasonType : EnumerationGraphType<MergeConflictReason>
{
    public MergeConflictReasonType()
    {
        Name = "MergeConflictReason";
        Description = "Why two nodes cannot be merged.";
        Values["DIFFERENT_TYPES"]!.Description = "The two ids are of different types, such as a Person and a Place.";
        Values["SAME_NODE"]!.Description = "Both ids name the same node.";
        Values["ARTICLE"]!.Description = "Articles are not merged: each evidence span points into its own article's text.";
        Values["CYCLE"]!.Description = "One node contains, is part of, or answers the other (at any depth), so the merged node would contain itself.";
    }
}

/// <summary>The <c>MergeConflictError</c> type.</summary>
internal sealed class MergeConflictErrorType : ObjectGraphType<MergeConflictProblem>
{
    public MergeConflictErrorType()
    {
        Name = "MergeConflictError";
        Description = "The two nodes cannot be merged; nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is MergeConflictProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<MergeConflictReasonType>>("reason").Description("Why the nodes cannot be merged.").Resolve(c => c.Source.Reason);
    }
}

/// <summary>The <c>AlreadyRetractedError</c> type.</summary>
internal sealed class AlreadyRetractedErrorType : ObjectGraphType<AlreadyRetractedProblem>
{
    public AlreadyRetractedErrorType()
    {
        Name = "AlreadyRetractedError";
        Description = "The statement was retracted before; its first reason and time are kept and nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is AlreadyRetractedProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("id").Description("The statement's id, as given.").Resolve(c => c.Source.Id);
    }
}

/// <summary>The <c>InvalidReasonError</c> type.</summary>
internal sealed class InvalidReasonErrorType : ObjectGraphType<InvalidReasonProblem>
{
    public InvalidReasonErrorType()
    {
        Name = "InvalidReasonError";
        Description = "The retraction reason is blank or longer than the limit; nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is InvalidReasonProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
    }
}
