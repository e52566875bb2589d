using System.Text;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>Hostile documents, generated: each one a member of a class the endpoint must bound.</summary>
public static class Attacks
{
    /// <summary><c>{ ...F0 }</c> where F<i>i</i> spreads F<i>i+1</i>, <paramref name="length"/> fragments long (optionally inside inline fragments).</summary>
    public static string FragmentChain(int length, bool inline = false)
    {
        var text = new StringBuilder("query { ...F0 }\n");
        for (var i = 0; i < length; i++)
        {
            var spread = i + 1 < length ? $"...F{i + 1}" : "__typename";
            text.Append("fragment F").Append(i).Append(" on Query { ")
                .Append(inline ? $"... on Query {{ {spread} }}" : spread).Append(" }\n");
        }

        return text.ToString();
    }

    /// <summary>F<i>i</i> spreads F<i>i-1</i> twice, <paramref name="levels"/> deep, with only <c>__typename</c> leaves: 2^levels fields once expanded.</summary>
    public static string DoublingFragments(int levels)
    {
        var text = new StringBuilder($"query {{ ...F{levels} }}\nfragment F0 on Query {{ __typename }}\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}\n");
        }

        return text.ToString();
    }

    /// <summary>One field repeated <paramref name="times"/> times in one selection set.</summary>
    public static string RepeatedField(int times, string field = "__typename") =>
        "{ " + string.Join(" ", Enumerable.Repeat(field, times)) + " }";

    /// <summary>Inline fragments nested <paramref name="depth"/> deep.</summary>
    public static string NestedInlineFragments(int depth) =>
        "{ " + string.Concat(Enumerable.Repeat("... on Query { ", depth)) + "__typename" + new string('}', depth) + " }";

    /// <summary>A selection <paramref name="depth"/> fields deep through <c>respondsTo</c>.</summary>
    public static string DeepSelection(int depth) =>
        "{ statements(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("respondsTo { ", depth)) + "key" + new string('}', depth) + " } } }";

    /// <summary>A <c>where</c> literal of <c>and</c> nested <paramref name="depth"/> deep.</summary>
    public static string NestedWhere(int depth) =>
        "{ people(where: " + string.Concat(Enumerable.Repeat("{ and: [", depth)) + "{ name: { eq: \"x\" } }" + string.Concat(Enumerable.Repeat("] }", depth)) + ") { totalCount } }";

    /// <summary>A list literal of <paramref name="depth"/> nested brackets in an argument.</summary>
    public static string NestedList(int depth) =>
        "{ nodes(ids: " + new string('[', depth) + "\"x\"" + new string(']', depth) + ") { id } }";

    /// <summary>A <c>where</c> whose <c>or</c> holds <paramref name="branches"/> comparisons.</summary>
    public static string WideOr(int branches) =>
        "{ people(where: { or: [" + string.Join(", ", Enumerable.Range(0, branches).Select(i => $"{{ name: {{ eq: \"n{i}\" }} }}")) + "] }) { totalCount } }";

    /// <summary>The same, as a variable value.</summary>
    public static object WideOrVariable(int branches) =>
        new { or = Enumerable.Range(0, branches).Select(i => new { name = new { eq = "n" + i } }).ToArray() };

    /// <summary><paramref name="count"/> aliases of <c>__schema</c>, each asking for every type's fields.</summary>
    public static string SchemaAliases(int count) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }}")) + " }";

    /// <summary><paramref name="count"/> aliases of a cheap field.</summary>
    public static string Aliases(int count) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: __typename")) + " }";

    /// <summary><paramref name="count"/> fragment definitions, all used.</summary>
    public static string ManyFragments(int count) =>
        "query { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"...G{i}")) + " }\n"
        + string.Join("\n", Enumerable.Range(0, count).Select(i => $"fragment G{i} on Query {{ __typename }}"));

    /// <summary>A variable nested <paramref name="depth"/> objects deep.</summary>
    public static object NestedVariable(int depth)
    {
        object value = new { name = new { eq = "x" } };
        for (var i = 0; i < depth; i++)
        {
            value = new { and = new[] { value } };
        }

        return value;
    }
}
