using System.Globalization;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>The normal form every store translates: what absence, negation, lists, substrings and case mean.</summary>
public sealed class FilterRulesTests
{
    private static readonly RecordTable Place = RecordFields.Place;

    [Fact]
    public void Eq_and_neq_null_test_absence_and_presence()
    {
        Assert.Equal("absent(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.Eq, null))));
        Assert.Equal("present(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.Neq, null))));
        Assert.Equal("all()", Show(FilterRules.Normalise(null, Place)));
    }

    [Fact]
    public void A_positive_comparison_needs_a_present_value_and_a_negated_one_holds_for_an_absent_value()
    {
        Assert.Equal("all(present(name), name Eq \"Kyiv\")", Show(Normalise(new Compare(Fields.Name, CompareOp.Eq, "Kyiv"))));
        Assert.Equal("any(absent(name), not(name Eq \"Kyiv\"))", Show(Normalise(new Compare(Fields.Name, CompareOp.Neq, "Kyiv"))));
        Assert.Equal("any(absent(name), not(name Contains \"ky\"))", Show(Normalise(new Compare(Fields.Name, CompareOp.NotContains, "ky"))));
        Assert.Equal("any(absent(name), not(name StartsWith \"K\"))", Show(Normalise(new Compare(Fields.Name, CompareOp.NotStartsWith, "K"))));
        Assert.Equal("any(absent(name), not(name EndsWith \"v\"))", Show(Normalise(new Compare(Fields.Name, CompareOp.NotEndsWith, "v"))));
        Assert.Equal(
            "all(present(date), date Gte 2025-06-02)",
            Show(FilterRules.Normalise(new Compare(Fields.Date, CompareOp.Gte, new DateOnly(2025, 6, 2)), RecordFields.Statement)));
    }

    [Fact]
    public void In_and_nin_take_a_list_without_nulls_and_an_empty_list_decides_at_once()
    {
        Assert.Equal("all(present(kind), kind In [Region, City])", Show(Normalise(new Compare(Fields.Kind, CompareOp.In, new object[] { PlaceKind.Region, PlaceKind.City }))));
        Assert.Equal("any(absent(kind), not(kind In [Region]))", Show(Normalise(new Compare(Fields.Kind, CompareOp.Nin, new object[] { PlaceKind.Region }))));
        Assert.Equal("any()", Show(Normalise(new Compare(Fields.Name, CompareOp.In, Array.Empty<string>()))));
        Assert.Equal("all()", Show(Normalise(new Compare(Fields.Name, CompareOp.Nin, Array.Empty<string>()))));

        var withNull = Assert.Throws<ArgumentException>(() => Normalise(new Compare(Fields.Name, CompareOp.In, new[] { "Kyiv", null })));
        Assert.StartsWith("In on name: a list holds no null.", withNull.Message, StringComparison.Ordinal);
        var notAList = Assert.Throws<ArgumentException>(() => Normalise(new Compare(Fields.Name, CompareOp.Nin, "Kyiv")));
        Assert.StartsWith("Nin on name needs a list of values.", notAList.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_empty_string_is_in_every_present_text_and_a_NUL_is_a_character_like_any_other()
    {
        Assert.Equal("present(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.Contains, string.Empty))));
        Assert.Equal("present(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.StartsWith, string.Empty))));
        Assert.Equal("present(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.EndsWith, string.Empty))));
        Assert.Equal("absent(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.NotEndsWith, string.Empty))));
        Assert.Equal("absent(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.NotContains, string.Empty) { IgnoreCase = true })));
        Assert.Equal("all(present(name), name EndsWith \"\\u0000\")", Show(Normalise(new Compare(Fields.Name, CompareOp.EndsWith, "\0"))));

        // Equality with the empty string is an ordinary comparison.
        Assert.Equal("all(present(name), name Eq \"\")", Show(Normalise(new Compare(Fields.Name, CompareOp.Eq, string.Empty))));
    }

    [Fact]
    public void Ignoring_case_folds_the_value_here_and_asks_the_store_to_fold_the_stored_text()
    {
        Assert.Equal("all(present(name), folded name Eq \"i\\u0307zmi\\u0307r\")", Show(Normalise(new Compare(Fields.Name, CompareOp.Eq, "İZMİR") { IgnoreCase = true })));
        Assert.Equal(
            "any(absent(name), not(folded name In [\"οδοσ\", \"straße\"]))",
            Show(Normalise(new Compare(Fields.Name, CompareOp.Nin, new[] { "ΟΔΟΣ", "STRAßE" }) { IgnoreCase = true })));

        // An absence test has no case.
        Assert.Equal("absent(name)", Show(Normalise(new Compare(Fields.Name, CompareOp.Eq, null) { IgnoreCase = true })));
    }

    [Fact]
    public void Case_and_substrings_belong_to_text_only()
    {
        var folded = Assert.Throws<NotSupportedException>(() => Normalise(new Compare(Fields.Kind, CompareOp.Eq, PlaceKind.City) { IgnoreCase = true }));
        Assert.Equal("kind is not a string; it has no case to ignore.", folded.Message);
        var substring = Assert.Throws<NotSupportedException>(() => FilterRules.Normalise(new Compare(Fields.Date, CompareOp.Contains, new DateOnly(2025, 6, 2)), RecordFields.Statement));
        Assert.Equal("date is not a string; it has no substrings.", substring.Message);
    }

    [Fact]
    public void Unknown_names_and_values_of_the_wrong_type_are_programming_errors()
    {
        Assert.Equal("Place has no field 'title'.", Assert.Throws<NotSupportedException>(() => Normalise(new Compare(Fields.Title, CompareOp.Eq, "x"))).Message);
        Assert.Equal("Place has no relation 'venue'.", Assert.Throws<NotSupportedException>(() => Normalise(new Related(FilterRelations.Venue, Quantifier.Is, new AllOf([])))).Message);
        Assert.StartsWith(
            "date holds Date values, not String.",
            Assert.Throws<ArgumentException>(() => FilterRules.Normalise(new Compare(Fields.Date, CompareOp.Gt, "2025-06-02"), RecordFields.Statement)).Message,
            StringComparison.Ordinal);
        Assert.StartsWith("Gt needs a value.", Assert.Throws<ArgumentException>(() => Normalise(new Compare(Fields.Name, CompareOp.Gt, null))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relation_filter_is_normalised_on_the_related_record()
    {
        var filter = new AllOf(
        [
            new Related(FilterRelations.About, Quantifier.All, new Compare(Fields.Name, CompareOp.Neq, "Kyiv")),
            new AnyOf([new Related(FilterRelations.EvidenceArticle, Quantifier.Some, new Compare(Fields.PublishedAt, CompareOp.Eq, null)), new Compare(Fields.Retracted, CompareOp.Eq, false)]),
        ]);

        Assert.Equal(
            "all(about All any(absent(name), not(name Eq \"Kyiv\")), any(evidenceArticle Some absent(publishedAt), all(present(retracted), retracted Eq False)))",
            Show(FilterRules.Normalise(filter, RecordFields.Statement)));
    }

    /// <summary>
    /// Read on plain values, each operation and its negation split every text, present or
    /// absent, into two: the normal form is two-valued, so NOT and <c>all</c> need no care.
    /// </summary>
    [Theory]
    [InlineData(CompareOp.Eq, CompareOp.Neq)]
    [InlineData(CompareOp.In, CompareOp.Nin)]
    [InlineData(CompareOp.Contains, CompareOp.NotContains)]
    [InlineData(CompareOp.StartsWith, CompareOp.NotStartsWith)]
    [InlineData(CompareOp.EndsWith, CompareOp.NotEndsWith)]
    public void An_operation_and_its_negation_split_every_value_present_or_absent(CompareOp positive, CompareOp negative)
    {
        string?[] stored = [null, string.Empty, "a", "ab", "b\0a", "A"];
        string[] values = [string.Empty, "a", "\0a", "b"];
        var lines = new List<string>();
        foreach (var value in values)
        {
            object operand = positive is CompareOp.In ? new[] { value } : value;
            foreach (var fold in new[] { false, true })
            {
                var yes = Normalise(new Compare(Fields.Name, positive, operand) { IgnoreCase = fold });
                var no = Normalise(new Compare(Fields.Name, negative, operand) { IgnoreCase = fold });
                lines.Add(string.Join(' ', stored.Select(s => (Evaluate(yes, s), Evaluate(no, s)) switch
                {
                    (true, false) => "+",
                    (false, true) => "-",
                    _ => "!",
                })));
            }
        }

        Assert.DoesNotContain(lines, l => l.Contains('!', StringComparison.Ordinal));

        // Absent matches only the negation; the rest as the plain string operation says.
        var expected = new List<string>();
        foreach (var value in values)
        {
            foreach (var fold in new[] { false, true })
            {
                expected.Add(string.Join(' ', stored.Select(s => s is not null && Holds(positive, fold ? CaseFolding.Fold(s) : s, fold ? CaseFolding.Fold(value) : value) ? "+" : "-")));
            }
        }

        Assert.Equal(expected, lines);
    }

    private static bool Holds(CompareOp op, string stored, string value) => op switch
    {
        CompareOp.Eq or CompareOp.In => string.Equals(stored, value, StringComparison.Ordinal),
        CompareOp.Contains => stored.Contains(value, StringComparison.Ordinal),
        CompareOp.StartsWith => stored.StartsWith(value, StringComparison.Ordinal),
        _ => stored.EndsWith(value, StringComparison.Ordinal),
    };

    /// <summary>A reference reading of the normal form over one record holding <c>name</c> (or not).</summary>
    private static bool Evaluate(Condition condition, string? name) => condition switch
    {
        AllTerms all => all.Terms.All(t => Evaluate(t, name)),
        AnyTerm any => any.Terms.Any(t => Evaluate(t, name)),
        NotTerm not => !Evaluate(not.Term, name),
        Present => name is not null,
        Absent => name is null,
        ValueTest test => Test(test, test.Folded ? CaseFolding.Fold(name ?? throw new InvalidOperationException("A value test on an absent value.")) : name ?? throw new InvalidOperationException("A value test on an absent value.")),
        _ => throw new InvalidOperationException(condition.GetType().Name),
    };

    private static bool Test(ValueTest test, string stored) => test.Op switch
    {
        ValueOp.Eq => string.Equals(stored, (string)test.Value, StringComparison.Ordinal),
        ValueOp.In => ((object[])test.Value).Any(v => string.Equals(stored, (string)v, StringComparison.Ordinal)),
        ValueOp.Contains => stored.Contains((string)test.Value, StringComparison.Ordinal),
        ValueOp.StartsWith => stored.StartsWith((string)test.Value, StringComparison.Ordinal),
        ValueOp.EndsWith => stored.EndsWith((string)test.Value, StringComparison.Ordinal),
        _ => throw new InvalidOperationException(test.Op.ToString()),
    };

    private static Condition Normalise(Filter filter) => FilterRules.Normalise(filter, Place);

    private static string Show(Condition condition) => condition switch
    {
        AllTerms all => "all(" + string.Join(", ", all.Terms.Select(Show)) + ")",
        AnyTerm any => "any(" + string.Join(", ", any.Terms.Select(Show)) + ")",
        NotTerm not => "not(" + Show(not.Term) + ")",
        Present present => $"present({present.Field})",
        Absent absent => $"absent({absent.Field})",
        ValueTest test => (test.Folded ? "folded " : string.Empty) + $"{test.Field.Name} {test.Op} {ShowValue(test.Value)}",
        RelatedTerm related => $"{related.Relation} {related.Quantifier} {Show(related.Condition)}",
        _ => throw new InvalidOperationException(condition.GetType().Name),
    };

    private static string ShowValue(object value) => value switch
    {
        string s => "\"" + string.Concat(s.Select(c => c < ' ' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? $"\\u{(int)c:x4}" : c.ToString())) + "\"",
        object[] list => "[" + string.Join(", ", list.Select(ShowValue)) + "]",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
