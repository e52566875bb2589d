namespace KnowledgeGraph.Domain.Query;

/// <summary>
/// A <see cref="Filter"/> in normal form (<see cref="FilterRules.Normalise"/>): absence is
/// tested explicitly, every value test sits beside its presence test, and the case folding and
/// the edge cases of the comparisons are already decided. A store translates it word for word;
/// every condition is two-valued (true or false, never unknown) on every store.
/// </summary>
public abstract record Condition;

/// <summary>Every term holds; true when there is none.</summary>
public sealed record AllTerms(IReadOnlyList<Condition> Terms) : Condition;

/// <summary>At least one term holds; false when there is none.</summary>
public sealed record AnyTerm(IReadOnlyList<Condition> Terms) : Condition;

/// <summary>The term does not hold (the term is two-valued, so neither is this).</summary>
public sealed record NotTerm(Condition Term) : Condition;

/// <summary>The field holds a value.</summary>
public sealed record Present(string Field) : Condition;

/// <summary>The field holds no value.</summary>
public sealed record Absent(string Field) : Condition;

/// <summary>
/// A test of a field's value, which the normal form only ever asks of a present value: next to
/// <see cref="Present"/> in an <see cref="AllTerms"/>, or negated next to <see cref="Absent"/> in
/// an <see cref="AnyTerm"/>.
/// </summary>
/// <param name="Field">The field tested.</param>
/// <param name="Op">The test.</param>
/// <param name="Value">A value of the field's type (a list of them for <see cref="ValueOp.In"/>), folded when <paramref name="Folded"/>.</param>
/// <param name="Folded">Compare the stored value after <see cref="CaseFolding.Fold"/>.</param>
public sealed record ValueTest(FieldSpec Field, ValueOp Op, object Value, bool Folded) : Condition;

/// <summary>A condition on related records (<see cref="Related"/>), the inner condition normalised on the related record.</summary>
public sealed record RelatedTerm(string Relation, Quantifier Quantifier, Condition Condition) : Condition;

/// <summary>The positive tests of a present value; each negated operation of <see cref="CompareOp"/> is one of these under <see cref="NotTerm"/>.</summary>
public enum ValueOp
{
    /// <summary>Equal to the value.</summary>
    Eq,

    /// <summary>Equal to one of a non-empty list of values.</summary>
    In,

    /// <summary>Greater than the value (later, for dates).</summary>
    Gt,

    /// <summary>Greater than or equal to the value.</summary>
    Gte,

    /// <summary>Less than the value (earlier, for dates).</summary>
    Lt,

    /// <summary>Less than or equal to the value.</summary>
    Lte,

    /// <summary>The text holds a non-empty value as a substring, compared ordinally.</summary>
    Contains,

    /// <summary>The text begins with a non-empty value.</summary>
    StartsWith,

    /// <summary>The text ends with a non-empty value.</summary>
    EndsWith,
}
