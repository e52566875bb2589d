namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// A predicate over one record type, built by the API from a client's <c>where</c> input and
/// translated by each store adapter. Field and relation names come from <see cref="Fields"/>
/// and <see cref="FilterRelations"/>, never from client text.
/// </summary>
public abstract record Filter;

/// <summary>Every inner filter holds (<c>and</c>).</summary>
public sealed record AllOf(IReadOnlyList<Filter> Filters) : Filter;

/// <summary>At least one inner filter holds (<c>or</c>).</summary>
public sealed record AnyOf(IReadOnlyList<Filter> Filters) : Filter;

/// <summary>
/// A comparison of a scalar field with a value. A <c>null</c> value with <see cref="CompareOp.Eq"/>
/// or <see cref="CompareOp.Neq"/> tests for absence. <see cref="CompareOp.Neq"/> and
/// <see cref="CompareOp.Nin"/> hold for records whose field is absent.
/// </summary>
/// <param name="Field">A name from <see cref="Fields"/>.</param>
/// <param name="Op">The comparison.</param>
/// <param name="Value">A string, bool, int, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>,
/// an enum of the model, or for <c>In</c>/<c>Nin</c> a list of those.</param>
public sealed record Compare(string Field, CompareOp Op, object? Value) : Filter
{
    /// <summary>
    /// Compares strings after <see cref="CaseFolding.Fold"/> of both sides (the <c>…IgnoreCase</c>
    /// operations); only for string fields. Absent values behave as with the exact comparison.
    /// </summary>
    public bool IgnoreCase { get; init; }
}

/// <summary>A filter on records related to this one.</summary>
/// <param name="Relation">A name from <see cref="FilterRelations"/>.</param>
/// <param name="Quantifier">How many related records must match.</param>
/// <param name="Filter">The filter on the related records.</param>
public sealed record Related(string Relation, Quantifier Quantifier, Filter Filter) : Filter;

/// <summary>Scalar comparisons. String comparisons are ordinal and case-sensitive on every store, unless <see cref="Compare.IgnoreCase"/>.</summary>
public enum CompareOp
{
    /// <summary>Equal to the value; with a null value, the field is absent.</summary>
    Eq,
    /// <summary>Different from the value or absent; with a null value, the field is present.</summary>
    Neq,
    /// <summary>Equal to one of a list of values.</summary>
    In,
    /// <summary>Equal to none of a list of values, or absent.</summary>
    Nin,
    /// <summary>The text holds the value as a substring.</summary>
    Contains,
    /// <summary>The text does not hold the value as a substring, or is absent.</summary>
    NotContains,
    /// <summary>The text begins with the value.</summary>
    StartsWith,
    /// <summary>The text does not begin with the value, or is absent.</summary>
    NotStartsWith,
    /// <summary>The text ends with the value.</summary>
    EndsWith,
    /// <summary>The text does not end with the value, or is absent.</summary>
    NotEndsWith,
    /// <summary>Present and greater than the value (later, for dates).</summary>
    Gt,
    /// <summary>Present and greater than or equal to the value.</summary>
    Gte,
    /// <summary>Present and less than the value (earlier, for dates).</summary>
    Lt,
    /// <summary>Present and less than or equal to the value.</summary>
    Lte,
}

/// <summary>How many related records must match a <see cref="Related"/> filter.</summary>
public enum Quantifier
{
    /// <summary>The one related record exists and matches (to-one relations).</summary>
    Is,

    /// <summary>At least one related record matches.</summary>
    Some,

    /// <summary>No related record matches.</summary>
    None,

    /// <summary>Every related record matches (true when there are none).</summary>
    All,
}

/// <summary>A sort key; the store appends the record key as the final tie-breaker.</summary>
/// <param name="Field">A name from <see cref="Fields"/>.</param>
/// <param name="Descending">Descending order. Absent values sort last in both directions.</param>
public sealed record SortField(string Field, bool Descending);
