using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Api.Changes;

/// <summary>The root field <c>changes</c>: the change log, for clients with an API key.</summary>
internal static class ChangeQueries
{
    /// <summary>The root fields that only a request with an API key may select (the endpoint checks them before anything runs).</summary>
    public static readonly IReadOnlySet<string> KeyProtected = new HashSet<string>(StringComparer.Ordinal) { "changes" };

    public static void AddChangeQueries(this ObjectGraphType query) =>
        query.Field<ConnectionType<ChangeEntry, ChangeType>>("changes")
            .Description("The change log, newest first: every write that landed, with when, which API key's name, which operation and which records. Needs an API key, like a mutation (401 AUTH_NOT_AUTHENTICATED without one, 403 AUTH_NOT_AUTHORIZED with an unknown one). A document that changed nothing leaves no entry.")
            .Argument<ChangeFilterInput>("where", "Only the entries that match: by record, by key name, by time range.")
            .PagingArgs()
            .ResolveAsync(async ctx =>
            {
                var query = Read(ctx.GetArgument<Dictionary<string, object?>?>("where"));
                var log = ctx.RequestServices!.GetRequiredService<IChangeLog>();
                return new Connection<ChangeEntry>(await log.ListChangesAsync(query, PagingArguments.Read(ctx), ctx.CancellationToken));
            });

    private static ChangeQuery Read(Dictionary<string, object?>? where)
    {
        if (where is null)
        {
            return new ChangeQuery();
        }

        NodeId? node = null;
        if (where.TryGetValue("nodeId", out var raw) && raw is not null)
        {
            node = NodeId.TryDecode(raw.ToString(), out var id, out var error)
                ? id
                : throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'where.nodeId': {error}");
        }

        var from = where.TryGetValue("from", out var f) ? f as DateTimeOffset? : null;
        var to = where.TryGetValue("to", out var t) ? t as DateTimeOffset? : null;
        return new ChangeQuery(node, where.TryGetValue("keyName", out var k) ? k as string : null, from, to);
    }
}
