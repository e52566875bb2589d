using GraphQLParser.AST;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// What the endpoint checks about the operation before running it: whether it is a mutation
/// (not over GET; needs a key) and whether it selects a root field that needs a key. Worked out
/// once per cached document and operation name.
/// </summary>
internal sealed record OperationFacts(bool IsMutation, bool SelectsKeyProtected)
{
    public static OperationFacts Of(GraphQLDocument document, string? operationName) => new(
        IsMutationOf(document, operationName),
        Auth.KeyProtectedFields.Selected(document, operationName, Changes.ChangeQueries.KeyProtected));

    private static bool IsMutationOf(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation?.Operation == OperationType.Mutation;
    }
}
