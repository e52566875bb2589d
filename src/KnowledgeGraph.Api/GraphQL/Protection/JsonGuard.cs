using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// The limits on the JSON of a request (a POST body, or the <c>variables</c> and
/// <c>extensions</c> of a GET), walked with an explicit stack before anything reads it:
/// every string and property name must be Unicode (the JSON reader lets invalid UTF-8 and
/// escaped lone surrogates through until a string is read), and the values of
/// <c>variables</c> and <c>extensions</c> nest and hold lists within the input limits.
/// </summary>
internal static class JsonGuard
{
    /// <summary>The refusal for a POST body, or null.</summary>
    public static RefusedRequest? CheckBody(JsonElement body, GraphQLOptions options)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return CheckUnicode(body, "the body");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!TryName(property, out var name))
            {
                return Invalid("a property name of the body");
            }

            var refusal = name is "variables" or "extensions"
                ? CheckParameter(property.Value, name, options)
                : CheckUnicode(property.Value, $"'{name}'");
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>The refusal for the value of <c>variables</c> or <c>extensions</c>, or null.</summary>
    public static RefusedRequest? CheckParameter(JsonElement value, string parameter, GraphQLOptions options)
    {
        var stack = new Stack<(JsonElement Value, string Path, int Depth)>();
        stack.Push((value, parameter, -1)); // the parameter's own object is not an input level
        while (stack.Count > 0)
        {
            var (element, path, depth) = stack.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (depth + 1 > options.MaxInputDepth && options.MaxInputDepth > 0)
                    {
                        return new RefusedRequest(ErrorCodes.InputTooDeep, $"{path}: input objects and lists nest deeper than {options.MaxInputDepth}.");
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        if (!TryName(property, out var name))
                        {
                            return Invalid($"a property name in {path}");
                        }

                        stack.Push((property.Value, $"{path}.{name}", depth + 1));
                    }

                    break;
                case JsonValueKind.Array:
                    if (depth + 1 > options.MaxInputDepth && options.MaxInputDepth > 0)
                    {
                        return new RefusedRequest(ErrorCodes.InputTooDeep, $"{path}: input objects and lists nest deeper than {options.MaxInputDepth}.");
                    }

                    var length = element.GetArrayLength();
                    if (length > options.MaxListLength && options.MaxListLength > 0)
                    {
                        return new RefusedRequest(ErrorCodes.ListTooLong, $"{path}: a list holds {length} items; the maximum allowed is {options.MaxListLength}.");
                    }

                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        stack.Push((item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", depth + 1));
                        index++;
                    }

                    break;
                case JsonValueKind.String when !TryString(element):
                    return Invalid(path);
            }
        }

        return null;
    }

    private static RefusedRequest? CheckUnicode(JsonElement value, string where)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(value);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!TryName(property, out _))
                        {
                            return Invalid($"a property name in {where}");
                        }

                        stack.Push(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        stack.Push(item);
                    }

                    break;
                case JsonValueKind.String when !TryString(element):
                    return Invalid(where);
            }
        }

        return null;
    }

    private static RefusedRequest Invalid(string where) =>
        new(ErrorCodes.InvalidUnicode, $"The text of {where} is not valid Unicode: it holds invalid UTF-8 or a lone surrogate (such as \\ud800).");

    private static bool TryString(JsonElement element)
    {
        try
        {
            return UnicodeText.IsValid(element.GetString());
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return UnicodeText.IsValid(name);
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }
}
