using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// Switches introspection off when <see cref="GraphQLOptions.Introspection"/> is false, and then
/// also drops field, argument and type suggestions ("Did you mean 'name'?") from error messages:
/// they would let a client rebuild the schema one guess at a time.
/// </summary>
internal sealed partial class IntrospectionPolicy(IOptions<GraphQLOptions> settings) : IConfigureExecution
{
    /// <summary>After the option configurations (100), before the document cache (200).</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (settings.Value.Introspection)
        {
            return await next(options);
        }

        options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, NoIntrospectionValidationRule.Instance];
        options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules ?? [], NoIntrospectionValidationRule.Instance];
        var result = await next(options);
        HideSuggestions(result);
        return result;
    }

    /// <summary>Rewrites the errors that carry suggestions; the rest stay as they are.</summary>
    internal static void HideSuggestions(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => Suggestion().IsMatch(e.Message)))
        {
            return;
        }

        var rewritten = new ExecutionErrors();
        foreach (var error in errors)
        {
            rewritten.Add(WithoutSuggestion(error));
        }

        result.Errors = rewritten;
    }

    private static ExecutionError WithoutSuggestion(ExecutionError error)
    {
        var message = Suggestion().Replace(error.Message, string.Empty);
        if (message.Length == error.Message.Length)
        {
            return error;
        }

        var replacement = new ValidationError(message)
        {
            Code = error.Code,
            Number = (error as ValidationError)?.Number,
            Path = error.Path,
            Extensions = error.Extensions,
        };
        foreach (var location in error.Locations ?? [])
        {
            replacement.AddLocation(location);
        }

        return replacement;
    }

    // " Did you mean 'hello'?", " Did you mean 'first'", " Did you mean to use an inline fragment on 'Person'?"
    [GeneratedRegex(@"\s*Did you mean\b.*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();
}
