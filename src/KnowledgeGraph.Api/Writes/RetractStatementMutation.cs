using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Editing;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Api.Writes;

/// <summary>The input of <c>retractStatement</c>.</summary>
internal sealed class RetractStatementInput
{
    public string Id { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}

/// <summary>The <c>RetractStatementInput</c> input type.</summary>
internal sealed class RetractStatementInputType : InputObjectGraphType<RetractStatementInput>
{
    public RetractStatementInputType()
    {
        Name = "RetractStatementInput";
        Description = "The statement to retract, and why.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The statement's global id.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why it is retracted: not blank, at most {RetractStatementMutation.MaxReasonLength} characters.");
    }
}

/// <summary>What <c>retractStatement</c> returns.</summary>
internal sealed record RetractStatementResult(Statement? Statement, IReadOnlyList<object>? Errors);

/// <summary>The <c>RetractStatementPayload</c> type.</summary>
internal sealed class RetractStatementPayloadType : ObjectGraphType<RetractStatementResult>
{
    public RetractStatementPayloadType()
    {
        Name = "RetractStatementPayload";
        Description = "The result of retractStatement: the statement, now retracted, or every error (and then nothing was written).";
        Field<StatementType>("statement").Description("The retracted statement, with its evidence; null when nothing was retracted.").Resolve(c => c.Source.Statement);
        Field<ListGraphType<NonNullGraphType<RetractStatementErrorType>>>("errors").Description("Every problem with the input; null when the statement was retracted.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>RetractStatementError</c> union.</summary>
internal sealed class RetractStatementErrorType : UnionGraphType
{
    public RetractStatementErrorType()
    {
        Name = "RetractStatementError";
        Description = "An error retractStatement can report.";
        Type<InvalidIdErrorType>();
        Type<NotFoundErrorType>();
        Type<AlreadyRetractedErrorType>();
        Type<InvalidReasonErrorType>();
    }
}

/// <summary><c>retractStatement</c>: a statement withdrawn, kept with its evidence, left out of lists.</summary>
internal static partial class RetractStatementMutation
{
    public const int MaxReasonLength = 2000;

    public static void AddRetractStatement(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RetractStatementPayloadType>>("retractStatement")
            .Description("Marks a statement retracted, with a reason and the time: it keeps its evidence and still resolves through node, but statements, every statements connection, "
                + "statementStats and timeline leave it out unless their where names `retracted`. Retracting a retracted statement is an AlreadyRetractedError and changes nothing.")
            .Argument<NonNullGraphType<RetractStatementInputType>>("input", "The statement and the reason.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RetractStatementInput>("input");
                var services = context.RequestServices!;
                var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
                var keyName = MutationType.KeyName(context);
                var result = await RetractAsync(services.GetRequiredService<IGraphStore>(), services.GetRequiredService<IGraphStoreAdmin>(), input, time, keyName, context.CancellationToken);
                if (result.Statement is { } statement)
                {
                    var logger = services.GetRequiredService<ILogger<MutationType>>();
                    LogRetract(logger, keyName, statement.Key);
                }

                return result;
            });
    }

    private static async Task<RetractStatementResult> RetractAsync(IGraphStore store, IGraphStoreAdmin admin, RetractStatementInput input, TimeProvider time, string keyName, CancellationToken cancellationToken)
    {
        var errors = new List<object>();
        NodeId? id = null;
        if (!NodeId.TryDecode(input.Id, out var decoded, out var error))
        {
            errors.Add(new InvalidIdProblem($"'id': {error}", "input.id", input.Id));
        }
        else if (decoded.Type != NodeType.Statement)
        {
            errors.Add(new InvalidIdProblem($"'id': the id of a {decoded.Type}, not of a Statement.", "input.id", input.Id));
        }
        else
        {
            id = decoded;
        }

        var reason = input.Reason.Trim();
        if (reason.Length == 0)
        {
            errors.Add(new InvalidReasonProblem("'reason': give a reason; it is blank."));
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add(new InvalidReasonProblem($"'reason': at most {MaxReasonLength} characters (it has {reason.Length})."));
        }

        if (errors.Count > 0 || id is not { } statementId)
        {
            return new RetractStatementResult(null, errors);
        }

        var change = ChangeEntry.Create(time, keyName, "retractStatement", [new ChangedNode(statementId, RecordOutcome.Updated)]);
        return await admin.RetractAsync(statementId.Key, reason, change.At, change, cancellationToken) switch
        {
            RetractOutcome.NotFound => new RetractStatementResult(null, [new NotFoundProblem($"'id': no Statement has the key \"{statementId.Key}\".", "input.id", input.Id)]),
            RetractOutcome.AlreadyRetracted => new RetractStatementResult(null, [new AlreadyRetractedProblem($"'id': the Statement \"{statementId.Key}\" was retracted before; its first reason and time are kept.", input.Id)]),
            _ => new RetractStatementResult(await MergeNodesMutation.LoadAsync(store, statementId, cancellationToken) as Statement, null),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "retractStatement by key {KeyName}: statement {Statement} retracted.")]
    private static partial void LogRetract(ILogger logger, string keyName, string statement);
}
