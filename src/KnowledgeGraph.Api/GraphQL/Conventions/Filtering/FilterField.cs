using GraphQL.Types;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Conventions.Filtering;

/// <summary>
/// A field of a filter input, declared once: its GraphQL name, input type and description
/// (what the schema shows) and how a client's value translates into the domain's
/// <see cref="Filter"/>. The input graph type and the translation are both made from it.
/// </summary>
internal sealed record FilterField(string Name, string Description, Action<InputObjectGraphType, FilterField> Declare, Func<object?, string, Filter?> Translate)
{
    /// <summary>A field of input type <typeparamref name="TInput"/> with its own translation.</summary>
    public static FilterField Of<TInput>(string name, string description, Func<object?, string, Filter?> translate)
        where TInput : IGraphType =>
        new(name, description, (type, field) => type.Field<TInput>(field.Name).Description(field.Description), translate);

    /// <summary>The record's global id, compared as its key.</summary>
    public static FilterField Id(NodeType type, string description) =>
        Of<IdOperationFilterInput>("id", description, (value, at) => FilterReader.Ids(type, value, at));

    /// <summary>A scalar field with an operation input (<typeparamref name="TOperations"/>) on one domain field.</summary>
    public static FilterField Operations<TOperations>(string name, string domainField, string description)
        where TOperations : IGraphType =>
        Of<TOperations>(name, description, (value, at) => FilterReader.Operations(domainField, value, at));

    /// <summary>A to-one relation whose target matches <typeparamref name="TInput"/>.</summary>
    public static FilterField One<TInput>(string name, string relation, string description)
        where TInput : IInputObjectGraphType, IDeclaredFilter =>
        Of<TInput>(name, description, (value, at) => FilterReader.One(relation, FilterReader.Declared<TInput>(value, at)));

    /// <summary>A to-many relation, filtered with <c>some</c>/<c>none</c>/<c>all</c>/<c>any</c> over <typeparamref name="TItemInput"/>.</summary>
    public static FilterField List<TItemInput>(string name, string relation, string description)
        where TItemInput : IInputObjectGraphType, IDeclaredFilter =>
        Of<ListFilterInput<TItemInput>>(name, description, (value, at) => FilterReader.List(relation, value, at, FilterReader.Declared<TItemInput>));
}
