using GraphQL.Types;
using KnowledgeGraph.Api.Writes;

namespace KnowledgeGraph.Api.Places;

/// <summary>A place put inside another that lies inside it, within the input or through the places stored.</summary>
/// <param name="Message">What was wrong, naming the cycle.</param>
/// <param name="Field">The input field that closed it, such as <c>input.containedIn</c>.</param>
/// <param name="Cycle">The global ids of the places in the cycle, in order, from the place changed.</param>
internal sealed record ContainmentCycleProblem(string Message, string Field, IReadOnlyList<string> Cycle) : MutationProblem(Message, Field);

/// <summary>The <c>ContainmentCycleError</c> type.</summary>
internal sealed class ContainmentCycleErrorType : ObjectGraphType<ContainmentCycleProblem>
{
    public ContainmentCycleErrorType()
    {
        Name = "ContainmentCycleError";
        Description = "The place would lie inside itself: the place it is put in lies, at some depth, inside it (the places stored included). Nothing was written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is ContainmentCycleProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong, naming the cycle.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("field").Description("The input field that closed the cycle, such as input.containedIn.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("cycle").Description("The global ids of the places in the cycle, in order: the place changed first, then the place it was put in, and so on up to the one that lies inside the first.").Resolve(c => c.Source.Cycle);
    }
}
