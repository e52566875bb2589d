using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Statements;

/// <summary><c>createStatement</c> and <c>addEvidence</c>, both through the one import path.</summary>
internal static class StatementMutations
{
    public static void AddStatementMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateStatementPayloadType>>("createStatement")
            .Description("Creates a statement with at least one evidence span. The key is derived from the speaker and the first words unless given; the same words by the same speaker already stored resolve onto that statement (its evidence is added), as an import would.")
            .Argument<NonNullGraphType<CreateStatementInputType>>("input", "The statement.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "createStatement");
                if (m.Get("key") is string)
                {
                    await m.CheckNewKeyAsync(NodeType.Statement, null, "addEvidence");
                }

                var record = new JsonObject();
                m.Copy(record, "key");
                record["text"] = m.Get("text") as string;
                m.Copy(record, "kind", RecordMutation.Wire);
                record["direct"] = m.Get("direct") is bool direct ? direct : null;
                if (m.Reference(m.Get("speaker"), "input.speaker", NodeType.Person, NodeType.Organisation) is { } speaker)
                {
                    record["speaker"] = new JsonObject { [speaker.Type == NodeType.Person ? "person" : "organisation"] = speaker.Key };
                }

                m.CopyReference(record, "saidAt", NodeType.Place);
                m.Copy(record, "date", RecordMutation.Wire);
                if (m.Get("about") is { } about)
                {
                    record["about"] = m.References(about, "input.about", NodeType.Place);
                }

                m.CopyReference(record, "negotiation", NodeType.Negotiation);
                m.CopyReference(record, "respondsTo", NodeType.Statement);
                var evidence = RecordMutation.Objects(m.Get("evidence"));
                record["evidence"] = await EvidenceAsync(m, evidence, i => $"input.evidence[{i}]");
                return await m.ImportAsync(new JsonObject { ["statements"] = new JsonArray(record) }, "statements");
            });

        mutation.Field<NonNullGraphType<AddEvidencePayloadType>>("addEvidence")
            .Description("Adds an evidence span of an article to a stored statement: the quoted text (its offsets are then found; an error when it occurs other than once), its offsets (the text is then read from the article), or both (they must agree). A statement has one span per article: a span from an article it already cites replaces that one.")
            .Argument<NonNullGraphType<AddEvidenceInputType>>("input", "The statement, the article and the span.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "addEvidence");
                var stored = await m.TargetAsync<Statement>(NodeType.Statement, "statement");
                var evidence = await EvidenceAsync(m, [m.Input], _ => "input");
                if (stored is null)
                {
                    return await m.ImportAsync(new JsonObject(), "statements");
                }

                var record = new JsonObject
                {
                    ["key"] = stored.Key,
                    ["text"] = stored.Text,
                    ["kind"] = EnumNames.ToWire(stored.Kind),
                    ["direct"] = stored.Direct,
                    ["evidence"] = evidence,
                };
                return await m.ImportAsync(
                    new JsonObject { ["statements"] = new JsonArray(record) },
                    "statements",
                    field => field.StartsWith("input.evidence[0]", StringComparison.Ordinal) ? "input" + field["input.evidence[0]".Length..] : field);
            });
    }

    /// <summary>The evidence entries in the import format; offsets without text take the article's text there (one store call for all).</summary>
    private static async Task<JsonArray> EvidenceAsync(RecordMutation m, IReadOnlyList<IDictionary<string, object?>> items, Func<int, string> path)
    {
        var entries = new List<(JsonObject Entry, string Article, int? Start, int? End, string Path)>();
        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i];
            var at = path(i);
            var article = m.Reference(RecordMutation.Get(e, "article"), at + ".article", NodeType.Article);
            var start = RecordMutation.Get(e, "start") as int?;
            var end = RecordMutation.Get(e, "end") as int?;
            var text = RecordMutation.Get(e, "text") as string;
            if (text is null && (start is null || end is null))
            {
                m.Problem(new InvalidInputProblem("Give the quoted text, or both 'start' and 'end', or all three.", at));
            }

            var entry = new JsonObject { ["article"] = article?.Key, ["start"] = start, ["end"] = end, ["text"] = text };
            if (article is { } a)
            {
                entries.Add((entry, a.Key, start, end, at));
            }
        }

        var needText = entries.Where(x => x.Entry["text"] is null && x.Start is not null && x.End is not null).ToArray();
        if (needText.Length > 0)
        {
            var articles = (await m.Store.GetAsync<Article>(needText.Select(x => x.Article).Distinct(StringComparer.Ordinal).ToArray(), m.CancellationToken))
                .ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal);
            foreach (var (entry, article, start, end, at) in needText)
            {
                if (!articles.TryGetValue(article, out var text))
                {
                    continue; // reported as not found
                }

                if (start < 0 || end > text.Length || start >= end)
                {
                    m.Problem(new InvalidInputProblem($"The span [{start}, {end}) is not inside the article text (length {text.Length}); expected 0 <= start < end <= length.", at));
                }
                else
                {
                    entry["text"] = text[start!.Value..end!.Value];
                }
            }
        }

        return new JsonArray(entries.Select(x => (JsonNode?)x.Entry).ToArray());
    }
}

/// <summary>The <c>EvidenceInput</c> input type.</summary>
internal sealed class EvidenceInputType : InputObjectGraphType
{
    public EvidenceInputType()
    {
        Name = "EvidenceInput";
        Description = "A span of an article: the quoted text, its UTF-16 offsets, or both (then they must agree).";
        Field<NonNullGraphType<IdGraphType>>("article").Description("The article's global id.");
        Field<IntGraphType>("start").Description("Where the span starts (inclusive UTF-16 offset).");
        Field<IntGraphType>("end").Description("Where it ends (exclusive UTF-16 offset).");
        Field<StringGraphType>("text").Description("The exact text of the span; when given alone, it must occur exactly once in the article.");
    }
}

/// <summary>The <c>CreateStatementInput</c> input type.</summary>
internal sealed class CreateStatementInputType : InputObjectGraphType
{
    public CreateStatementInputType()
    {
        Name = "CreateStatementInput";
        Description = "A new statement and the article spans it rests on.";
        Field<StringGraphType>("key").Description("The key (a slug); derived from the speaker and the first words when left out.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("What was said: the quote, or the reported content.");
        Field<NonNullGraphType<StatementKindType>>("kind").Description("What kind of statement it is.");
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("True for a verbatim quote, false for reported speech.");
        Field<IdGraphType>("speaker").Description("The global id of the person or organisation that said it; left out when unnamed.");
        Field<IdGraphType>("saidAt").Description("The global id of the place it was said at.");
        Field<DateScalar>("date").Description("When it was said.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("about").Description("The global ids of the places it is about.");
        Field<IdGraphType>("negotiation").Description("The global id of the negotiation it was made in.");
        Field<IdGraphType>("respondsTo").Description("The global id of the statement it answers.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceInputType>>>>("evidence").Description("At least one span, one per article.");
    }
}

/// <summary>The <c>AddEvidenceInput</c> input type.</summary>
internal sealed class AddEvidenceInputType : InputObjectGraphType
{
    public AddEvidenceInputType()
    {
        Name = "AddEvidenceInput";
        Description = "A span of an article that reports a stored statement.";
        Field<NonNullGraphType<IdGraphType>>("statement").Description("The statement's global id.");
        Field<NonNullGraphType<IdGraphType>>("article").Description("The article's global id.");
        Field<IntGraphType>("start").Description("Where the span starts (inclusive UTF-16 offset).");
        Field<IntGraphType>("end").Description("Where it ends (exclusive UTF-16 offset).");
        Field<StringGraphType>("text").Description("The exact text of the span; when given alone, it must occur exactly once in the article.");
    }
}

/// <summary>The <c>CreateStatementPayload</c> type.</summary>
internal sealed class CreateStatementPayloadType() : MutationPayloadType<StatementType, CreateStatementErrorType>("createStatement", "statement", "statement");

/// <summary>The <c>AddEvidencePayload</c> type.</summary>
internal sealed class AddEvidencePayloadType() : MutationPayloadType<StatementType, AddEvidenceErrorType>("addEvidence", "statement", "statement");

/// <summary>The <c>CreateStatementError</c> union.</summary>
internal sealed class CreateStatementErrorType() : MutationErrorType("createStatement");

/// <summary>The <c>AddEvidenceError</c> union.</summary>
internal sealed class AddEvidenceErrorType() : MutationErrorType("addEvidence");
