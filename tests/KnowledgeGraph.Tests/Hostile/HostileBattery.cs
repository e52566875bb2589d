using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Domain.Ids;
using static System.Net.HttpStatusCode;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>The hostile-client battery: every case, by class.</summary>
public static partial class HostileBattery
{
    public static IReadOnlyList<HostileCase> All { get; } = Build();

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        Transport(cases);
        Documents(cases);
        Variables(cases);
        IdsAndCursors(cases);
        Filters(cases);
        PersistedQueries(cases);
        Introspection(cases);
        Unicode(cases);
        StaticPaths(cases);
        Search(cases);
        return cases;
    }

    private static void Transport(List<HostileCase> c)
    {
        const string T = "transport";
        const string ok = "{\"query\":\"{ __typename }\"}";
        foreach (var type in new[] { "text/plain", "application/xml", "application/graphql", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/json; charset=utf-16", "image/png" })
        {
            c.Add(HostileCase.Body(T, "content type " + type, ok, UnsupportedMediaType, "BAD_REQUEST", type));
        }

        foreach (var accept in new[] { "text/plain", "text/html;q=1, application/xml", "application/json;q=0, application/graphql-response+json;q=0" })
        {
            c.Add(HostileCase.Body(T, "accept " + accept, ok, NotAcceptable, "BAD_REQUEST", accept: accept));
        }

        foreach (var body in new[] { "", "{", "}", "[]", "null", "42", "\"{ __typename }\"", "true", "{\"query\": 1}", "{\"query\": []}", "{\"query\": {}}", "{}", "{\"query\": null}",
                     "{\"query\":\"{ __typename }\",\"variables\":[]}", "{\"query\":\"{ __typename }\",\"variables\":\"{}\"}", "{\"query\":\"{ __typename }\",\"variables\":5}",
                     "{\"query\":\"{ __typename }\",\"extensions\":[]}", "{\"query\":\"{ __typename }\",\"operationName\":5}", "{\"query\":\"{ __typename }\",\"operationName\":{}}",
                     "{\"query\":\"{ __typename }\"", "{\"query\":\"{ __typename }\"}}", "{'query':'{ __typename }'}", "{\"query\":\"{ __typename }\",}", "\u0000",
                     "{\"query\":\"{ __typename }\",\"variables\":" + new string('[', 100) + new string(']', 100) + "}" })
        {
            c.Add(HostileCase.Body(T, $"body #{c.Count} " + (body.Length > 40 ? body[..40] + "…" : body), body, BadRequest, "BAD_REQUEST"));
        }

        c.Add(HostileCase.Body(T, "body over 256 KiB", "{\"query\":\"{ __typename }" + new string(' ', 300_000) + "\"}", RequestEntityTooLarge, "BAD_REQUEST"));
        c.Add(HostileCase.Method(T, "PUT", HttpMethod.Put, "/graphql", MethodNotAllowed));
        c.Add(HostileCase.Method(T, "DELETE", HttpMethod.Delete, "/graphql", MethodNotAllowed));
        c.Add(HostileCase.Method(T, "PATCH", HttpMethod.Patch, "/graphql", MethodNotAllowed));
        c.Add(HostileCase.Get(T, "GET without query", "/graphql", BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Get(T, "GET with a mutation", "/graphql?query=" + Uri.EscapeDataString("mutation { x }"), MethodNotAllowed, "BAD_REQUEST"));
        c.Add(HostileCase.Get(T, "GET with variables that are not JSON", "/graphql?query=%7B__typename%7D&variables=%7B", BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Get(T, "GET with variables that are a list", "/graphql?query=%7B__typename%7D&variables=%5B%5D", BadRequest, "BAD_REQUEST"));
    }

    private static void Documents(List<HostileCase> c)
    {
        const string D = "documents";
        foreach (var doc in new[] { "{", "}", "{ people { totalCount }", "query", "{ people(first: ) { totalCount } }", "fragment", "{ \"unterminated }", "{ \"\"\"unterminated }",
                     "{ people(first: 1 { totalCount } }", "{ ... }", "{ ...on }", "\u0001", "{ people(where: {name: {eq: \"x\"}) { totalCount } }", "query Q($: Int) { __typename }", "{ @ }", "{ __typename(: 1) }" })
        {
            c.Add(HostileCase.Query(D, "syntax " + doc, doc, BadRequest, "SYNTAX_ERROR"));
        }

        foreach (var depth in new[] { 41, 60, 200, 5000 })
        {
            c.Add(HostileCase.Query(D, $"inline fragments {depth} deep", Attacks.NestedInlineFragments(depth), BadRequest, "MAX_NESTING_EXCEEDED"));
            c.Add(HostileCase.Query(D, $"selection {depth} deep", Attacks.DeepSelection(depth), BadRequest, "MAX_NESTING_EXCEEDED"));
        }

        foreach (var depth in new[] { 14, 30 })
        {
            c.Add(HostileCase.Query(D, $"selection {depth + 2} fields deep", Attacks.DeepSelection(depth), BadRequest, "MAX_DEPTH_EXCEEDED"));
        }

        c.Add(HostileCase.Query(D, "inline fragments 30 deep run", Attacks.NestedInlineFragments(30), OK, null));
        foreach (var length in new[] { 17, 50, 99 })
        {
            c.Add(HostileCase.Query(D, $"fragment chain of {length}", Attacks.FragmentChain(length), BadRequest, "FRAGMENTS_TOO_DEEP"));
            c.Add(HostileCase.Query(D, $"fragment chain of {length} in inline fragments", Attacks.FragmentChain(length, inline: true), BadRequest, "FRAGMENTS_TOO_DEEP"));
        }

        c.Add(HostileCase.Query(D, "fragment chain of 16 runs", Attacks.FragmentChain(16), OK, null));
        foreach (var length in new[] { 101, 1000, 2500 })
        {
            var code = length > 2000 ? "DOCUMENT_TOO_LARGE" : "TOO_MANY_FRAGMENTS";
            c.Add(HostileCase.Query(D, $"fragment chain of {length}", Attacks.FragmentChain(length), BadRequest, code));
            c.Add(HostileCase.Query(D, $"{length} fragments side by side", Attacks.ManyFragments(length), BadRequest, code));
        }

        foreach (var levels in new[] { 12, 14, 15 })
        {
            c.Add(HostileCase.Query(D, $"fragments doubling {levels} times", Attacks.DoublingFragments(levels), BadRequest, "TOO_MANY_FIELDS"));
        }

        foreach (var levels in new[] { 16, 30, 60 })
        {
            c.Add(HostileCase.Query(D, $"fragments doubling {levels} times", Attacks.DoublingFragments(levels), BadRequest, "FRAGMENTS_TOO_DEEP"));
        }

        c.Add(HostileCase.Query(D, "fragments doubling 11 times run", Attacks.DoublingFragments(11), OK, null));
        foreach (var times in new[] { 11, 100, 5000, 9000 })
        {
            c.Add(HostileCase.Query(D, $"a field repeated {times} times", Attacks.RepeatedField(times), BadRequest, "TOO_MANY_REPEATED_FIELDS"));
        }

        c.Add(HostileCase.Query(D, "a field repeated 10 times runs", Attacks.RepeatedField(10), OK, null));
        foreach (var times in new[] { 10_001, 15_000 })
        {
            c.Add(HostileCase.Query(D, $"{times} tokens", Attacks.RepeatedField(times), BadRequest, "DOCUMENT_TOO_LARGE"));
        }

        foreach (var count in new[] { 51, 200, 2000 })
        {
            c.Add(HostileCase.Query(D, $"{count} aliases", Attacks.Aliases(count), BadRequest, "TOO_MANY_ALIASES"));
        }

        c.Add(HostileCase.Query(D, "50 aliases run", Attacks.Aliases(50), OK, null));
        c.Add(HostileCase.Query(D, "a fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", BadRequest, "NO_FRAGMENT_CYCLES"));
        c.Add(HostileCase.Query(D, "a fragment spreading itself", "{ ...A } fragment A on Query { __typename ...A }", BadRequest, "NO_FRAGMENT_CYCLES"));
        c.Add(HostileCase.Query(D, "an unknown fragment", "{ ...Nope }", BadRequest, "KNOWN_FRAGMENT_NAMES"));
        c.Add(HostileCase.Query(D, "an unknown field", "{ nope }", BadRequest, "FIELDS_ON_CORRECT_TYPE"));
        c.Add(HostileCase.Query(D, "two anonymous operations", "{ __typename } { __typename }", BadRequest, "NO_OPERATION_NAME"));
        c.Add(HostileCase.Post(D, "an unknown operation name", new { query = "query A { __typename }", operationName = "B" }, BadRequest, "INVALID_OPERATION_NAME"));
        c.Add(HostileCase.Query(D, "three nested pages of 100", "{ people(first: 100) { nodes { statements(first: 100) { nodes { responses(first: 100) { nodes { text } } } } } } }", BadRequest, "MAX_COMPLEXITY_EXCEEDED"));
        c.Add(HostileCase.Query(D, "a list literal nested 17 deep", Attacks.NestedList(17), BadRequest, "INPUT_TOO_DEEP"));
        c.Add(HostileCase.Query(D, "a list literal of 501 ids", "{ nodes(ids: [" + string.Join(",", Enumerable.Repeat("\"x\"", 501)) + "]) { id } }", BadRequest, "LIST_TOO_LONG"));
        c.Add(HostileCase.Query(D, "a directive argument nested 20 deep", "{ __typename @include(if: " + new string('[', 20) + "true" + new string(']', 20) + ") }", BadRequest, "INPUT_TOO_DEEP"));
        c.Add(HostileCase.Query(D, "a mutation without an API key", "mutation { __typename }", Unauthorized, "AUTH_NOT_AUTHENTICATED"));
        c.Add(HostileCase.Query(D, "a subscription", "subscription { __typename }", BadRequest, "SINGLE_ROOT_FIELD_SUBSCRIPTIONS"));
        c.Add(HostileCase.Body(D, "a document of 300000 bytes", System.Text.Json.JsonSerializer.Serialize(new { query = Attacks.RepeatedField(30_000) }), RequestEntityTooLarge, "BAD_REQUEST"));
    }

    private static void Variables(List<HostileCase> c)
    {
        const string V = "variables";
        const string people = "query($n: Int) { people(first: $n) { totalCount } }";
        foreach (var (name, value) in new (string, object)[] { ("a string", "ten"), ("a float", 1.5), ("a huge number", 1e30), ("a list", new[] { 1 }), ("an object", new { a = 1 }), ("true", true) })
        {
            c.Add(HostileCase.Query(V, "first as " + name, people, BadRequest, "INVALID_VALUE", new { n = value }));
        }

        foreach (var (name, json) in new[]
                 {
                     ("first as 1e400", "{\"query\":\"query($n: Int) { people(first: $n) { totalCount } }\",\"variables\":{\"n\":1e400}}"),
                     ("first as 30 digits", "{\"query\":\"query($n: Int) { people(first: $n) { totalCount } }\",\"variables\":{\"n\":123456789012345678901234567890}}"),
                     ("a string as 1e400", "{\"query\":\"query($s: String) { people(where: {name: {eq: $s}}) { totalCount } }\",\"variables\":{\"s\":1e400}}"),
                     ("a date of month 99", "{\"query\":\"query($d: Date) { statements(where: {date: {eq: $d}}) { totalCount } }\",\"variables\":{\"d\":\"2025-99-99\"}}"),
                 })
        {
            c.Add(HostileCase.Body(V, name, json, BadRequest, "INVALID_VALUE"));
        }

        c.Add(HostileCase.Query(V, "a missing non-null variable", "query($id: ID!) { node(id: $id) { id } }", BadRequest, "INVALID_VALUE", new { }));
        c.Add(HostileCase.Query(V, "null for a non-null variable", "query($id: ID!) { node(id: $id) { id } }", BadRequest, "INVALID_VALUE", new { id = (string?)null }));
        const string where = "query($w: PersonFilterInput) { people(where: $w) { totalCount } }";
        foreach (var depth in new[] { 8, 20, 25 })
        {
            c.Add(HostileCase.Query(V, $"a where variable nested {depth} levels", where, BadRequest, "INPUT_TOO_DEEP", new { w = Attacks.NestedVariable(depth) }));
        }

        c.Add(HostileCase.Query(V, "a where variable nested 7 levels runs", where, OK, null, new { w = Attacks.NestedVariable(7) }));
        c.Add(HostileCase.Query(V, "an or of 501 in a variable", where, BadRequest, "LIST_TOO_LONG", new { w = Attacks.WideOrVariable(501) }));
        c.Add(HostileCase.Query(V, "an or of 5000 in a variable", where, BadRequest, "LIST_TOO_LONG", new { w = Attacks.WideOrVariable(5000) }));
        c.Add(HostileCase.Query(V, "an or of 101 in a variable", where, OK, "INVALID_FILTER", new { w = Attacks.WideOrVariable(101) }));
        c.Add(HostileCase.Query(V, "an unknown filter field in a variable", where, BadRequest, "INVALID_VALUE", new { w = new { nope = 1 } }));
        c.Add(HostileCase.Query(V, "ids of 101", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", OK, "TOO_MANY_IDS", new { ids = Enumerable.Range(0, 101).Select(i => "x" + i).ToArray() }));
        c.Add(HostileCase.Query(V, "ids of 600", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", BadRequest, "LIST_TOO_LONG", new { ids = Enumerable.Range(0, 600).Select(i => "x" + i).ToArray() }));
        c.Add(HostileCase.Query(V, "an unused variable nested deep", "query { __typename }", BadRequest, "INPUT_TOO_DEEP", new { unused = Attacks.NestedVariable(20) }));
        c.Add(HostileCase.Query(V, "a variable of an unknown type", "query($x: Nope) { __typename }", BadRequest, "VARIABLES_ARE_INPUT_TYPES"));
        c.Add(HostileCase.Query(V, "an undefined variable", "{ people(first: $n) { totalCount } }", BadRequest, "NO_UNDEFINED_VARIABLES"));
        c.Add(HostileCase.Post(V, "extensions nested 20 deep", new { query = "{ __typename }", extensions = Attacks.NestedVariable(20) }, BadRequest, "INPUT_TOO_DEEP"));
        c.Add(HostileCase.Query(V, "a default value nested 20 deep", "query($w: PersonFilterInput = " + string.Concat(Enumerable.Repeat("{ and: [", 10)) + "{}" + string.Concat(Enumerable.Repeat("] }", 10)) + ") { people(where: $w) { totalCount } }", BadRequest, "INPUT_TOO_DEEP"));
    }

    private static void IdsAndCursors(List<HostileCase> c)
    {
        const string I = "ids and cursors";
        foreach (var id in new[] { "", "x", "!!!", B64("Person:"), B64(":x"), B64("Nope:x"), B64("Person"), "%%%", B64("Person:a\u0000b") + "=", new string('A', 5000), "' OR 1=1 --", B64("Place:x' OR '1'='1") + "?", "Person:x", "UGVyc29uOng" + "*" })
        {
            c.Add(HostileCase.Query(I, "node(id: " + (id.Length > 30 ? id[..30] + "…" : id) + ")", "query($id: ID!) { node(id: $id) { id } }", OK, "INVALID_ID", new { id }));
        }

        c.Add(HostileCase.Query(I, "a Place id where a Person id is expected", "query($id: ID!) { people(where: { id: { eq: $id } }) { totalCount } }", OK, "INVALID_ID", new { id = new NodeId(NodeType.Place, "x").Encode() }));
        foreach (var cursor in new[] { "", "x", B64("cursor"), B64("-1"), B64("99999999999999999999"), new string('A', 4000), "' OR 1=1 --", B64("{\"k\":1}") })
        {
            c.Add(HostileCase.Query(I, "after: " + (cursor.Length > 30 ? cursor[..30] + "…" : cursor), "query($c: String) { people(first: 1, after: $c) { totalCount } }", OK, "INVALID_CURSOR", new { c = cursor }));
        }

        c.Add(HostileCase.Query(I, "first: -1", "{ people(first: -1) { totalCount } }", OK, "INVALID_PAGING"));
        c.Add(HostileCase.Query(I, "last: -5", "{ people(last: -5) { totalCount } }", OK, "INVALID_PAGING"));
        c.Add(HostileCase.Query(I, "first and last", "{ people(first: 1, last: 1) { totalCount } }", OK, "INVALID_PAGING"));
        c.Add(HostileCase.Query(I, "first: 101", "{ people(first: 101) { totalCount } }", OK, "PAGE_SIZE_EXCEEDED"));
        c.Add(HostileCase.Query(I, "first: 2147483647", "{ people(first: 2147483647) { totalCount } }", OK, "PAGE_SIZE_EXCEEDED"));
        c.Add(HostileCase.Query(I, "first: 2147483648", "{ people(first: 2147483648) { totalCount } }", BadRequest, "ARGUMENTS_OF_CORRECT_TYPE"));
    }

    private static void Filters(List<HostileCase> c)
    {
        const string F = "filters";
        var injections = new[]
        {
            "'; DROP TABLE people; --", "\" OR 1=1 --", "' OR '1'='1", "%", "_", "\\", "%' --", "*/ MATCH (n) DETACH DELETE n //", "}) RETURN n //", "$p0", "@p0",
            "\u0000", "\u0000' OR 1=1", "x\u0000", "😀", "\u202Eevil", "e\u0301", "NULL", "null", "'", "\"", "`", "\\u0000", new string('a', 20_000),
        };
        foreach (var op in new[] { "eq", "contains", "startsWith", "endsWith", "nendsWith" })
        {
            foreach (var value in injections)
            {
                var expectsNone = op != "nendsWith";
                c.Add(new HostileCase(F, $"name.{op} {Shorten(value)}", () => Request(new { query = $"query($v: String) {{ people(where: {{ name: {{ {op}: $v }} }}) {{ totalCount }} }}", variables = new { v = value } }), OK, expectsNone ? "count:0" : "count:4"));
            }
        }

        foreach (var branches in new[] { 101, 400 })
        {
            c.Add(HostileCase.Query(F, $"an or of {branches} literals", Attacks.WideOr(branches), OK, "INVALID_FILTER"));
        }

        c.Add(HostileCase.Query(F, "an or of 100 literals runs", "{ people(where: { or: [" + string.Join(", ", Enumerable.Range(0, 99).Select(i => $"{{ name: {{ eq: \"n{i}\" }} }}")) + "] }) { totalCount } }", OK, null));
        foreach (var depth in new[] { 9, 20, 40 })
        {
            c.Add(HostileCase.Query(F, $"a where literal nested {depth} deep", Attacks.NestedWhere(depth), BadRequest, depth * 2 + 2 > 40 ? "MAX_NESTING_EXCEEDED" : "INPUT_TOO_DEEP"));
        }

        c.Add(HostileCase.Query(F, "an unknown operation", "{ people(where: { name: { like: \"%\" } }) { totalCount } }", BadRequest, "ARGUMENTS_OF_CORRECT_TYPE"));
        c.Add(HostileCase.Query(F, "null as a filter", "{ people(where: { name: null }) { totalCount } }", OK, "INVALID_FILTER"));
        c.Add(HostileCase.Query(F, "an in of 501 names", "{ people(where: { name: { in: [" + string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"n{i}\"")) + "] } }) { totalCount } }", BadRequest, "LIST_TOO_LONG"));
    }

    private static string Shorten(string value) =>
        (value.Length > 24 ? value[..24] + "…" : value).Replace("\u0000", "\\0", StringComparison.Ordinal);

    private static HttpRequestMessage Request(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return request;
    }

    private static void PersistedQueries(List<HostileCase> c)
    {
        const string P = "persisted queries";
        object Ext(object persisted) => new { persistedQuery = persisted };
        c.Add(HostileCase.Post(P, "an unknown hash", new { extensions = Ext(new { version = 1, sha256Hash = new string('0', 64) }) }, BadRequest, "PERSISTED_QUERY_NOT_FOUND"));
        c.Add(HostileCase.Post(P, "a hash that is not the query's", new { query = "{ __typename }", extensions = Ext(new { version = 1, sha256Hash = new string('0', 64) }) }, BadRequest, "PERSISTED_QUERY_HASH_MISMATCH"));
        c.Add(HostileCase.Post(P, "version 2", new { query = "{ __typename }", extensions = Ext(new { version = 2, sha256Hash = Sha256("{ __typename }") }) }, BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Post(P, "a version that is a string", new { query = "{ __typename }", extensions = Ext(new { version = "1", sha256Hash = Sha256("{ __typename }") }) }, BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Post(P, "a hash that is a number", new { extensions = Ext(new { version = 1, sha256Hash = 5 }) }, BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Post(P, "an empty hash", new { extensions = Ext(new { version = 1, sha256Hash = "" }) }, BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Post(P, "persistedQuery as a string", new { extensions = Ext("x") }, BadRequest, "BAD_REQUEST"));
        c.Add(HostileCase.Post(P, "persistedQuery as a list", new { extensions = Ext(new[] { 1 }) }, BadRequest, "BAD_REQUEST"));
        var hostile = Attacks.FragmentChain(200);
        c.Add(HostileCase.Post(P, "a hostile document with its hash", new { query = hostile, extensions = Ext(new { version = 1, sha256Hash = Sha256(hostile) }) }, BadRequest, "TOO_MANY_FRAGMENTS"));
        c.Add(HostileCase.Post(P, "the hostile document's hash alone is not kept", new { extensions = Ext(new { version = 1, sha256Hash = Sha256(hostile) }) }, BadRequest, "PERSISTED_QUERY_NOT_FOUND"));
        var deep = Attacks.DoublingFragments(15);
        c.Add(HostileCase.Get(P, "a hostile document over GET", "/graphql?query=" + Uri.EscapeDataString(deep), BadRequest, "TOO_MANY_FIELDS"));
        c.Add(HostileCase.Get(P, "an unknown hash over GET", "/graphql?extensions=" + Uri.EscapeDataString("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('1', 64) + "\"}}"), BadRequest, "PERSISTED_QUERY_NOT_FOUND"));
    }

    private static void Introspection(List<HostileCase> c)
    {
        const string N = "introspection";
        foreach (var count in new[] { 4, 10 })
        {
            c.Add(HostileCase.Query(N, $"{count} __schema aliases", Attacks.SchemaAliases(count), BadRequest, "TOO_MANY_INTROSPECTION_FIELDS"));
        }

        foreach (var count in new[] { 300, 1000 })
        {
            c.Add(HostileCase.Query(N, $"{count} __schema aliases", Attacks.SchemaAliases(count), BadRequest, count > 500 ? "DOCUMENT_TOO_LARGE" : "TOO_MANY_ALIASES"));
        }

        c.Add(HostileCase.Query(N, "3 __schema aliases run", Attacks.SchemaAliases(3), OK, null));
        c.Add(HostileCase.Query(N, "__schema spread four times", "{ ...A ...A ...A ...A } fragment A on Query { __schema { queryType { name } } }", BadRequest, "TOO_MANY_INTROSPECTION_FIELDS"));
        c.Add(HostileCase.Query(N, "__type through doubling fragments", "{ ...B ...B } fragment B on Query { ...A ...A } fragment A on Query { __type(name: \"Person\") { name } }", BadRequest, "TOO_MANY_INTROSPECTION_FIELDS"));
        c.Add(HostileCase.Query(N, "introspection nested three deep", "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", BadRequest, "INTROSPECTION_TOO_DEEP"));
        c.Add(HostileCase.Query(N, "ofType 40 deep", "{ __type(name: \"Person\") { " + string.Concat(Enumerable.Repeat("ofType { ", 40)) + "name" + new string('}', 40) + " } }", BadRequest, "MAX_NESTING_EXCEEDED"));
    }

    private static void Unicode(List<HostileCase> c)
    {
        const string U = "unicode";
        byte[] Bytes(string before, byte[] bad, string after) => [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];
        var invalid = new byte[][] { [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82] };
        foreach (var bad in invalid)
        {
            var hex = Convert.ToHexString(bad);
            c.Add(HostileCase.Bytes(U, $"invalid UTF-8 {hex} in query", Bytes("{\"query\":\"{ __typename } #", bad, "\"}"), BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Bytes(U, $"invalid UTF-8 {hex} in operationName", Bytes("{\"query\":\"{ __typename }\",\"operationName\":\"", bad, "\"}"), BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Bytes(U, $"invalid UTF-8 {hex} in variables", Bytes("{\"query\":\"{ __typename }\",\"variables\":{\"v\":\"", bad, "\"}}"), BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Bytes(U, $"invalid UTF-8 {hex} in extensions", Bytes("{\"query\":\"{ __typename }\",\"extensions\":{\"e\":\"", bad, "\"}}"), BadRequest, "INVALID_UNICODE"));
        }

        foreach (var surrogate in new[] { "\\ud800", "\\udfff", "\\udc00\\ud800", "a\\ud83d" })
        {
            c.Add(HostileCase.Body(U, $"{surrogate} in query", "{\"query\":\"{ __typename } # " + surrogate + "\"}", BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Body(U, $"{surrogate} in operationName", "{\"query\":\"{ __typename }\",\"operationName\":\"" + surrogate + "\"}", BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Body(U, $"{surrogate} in variables", "{\"query\":\"{ __typename }\",\"variables\":{\"v\":\"" + surrogate + "\"}}", BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Body(U, $"{surrogate} in a variable name", "{\"query\":\"{ __typename }\",\"variables\":{\"" + surrogate + "\":1}}", BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Body(U, $"{surrogate} in extensions", "{\"query\":\"{ __typename }\",\"extensions\":{\"e\":[\"" + surrogate + "\"]}}", BadRequest, "INVALID_UNICODE"));
            c.Add(HostileCase.Body(U, $"{surrogate} in a GraphQL string", "{\"query\":\"{ people(where: { name: { eq: \\\"" + surrogate.Replace("\\", "\\\\", StringComparison.Ordinal) + "\\\" } }) { totalCount } }\"}", BadRequest, "INVALID_UNICODE"));
        }
    }

    private static void StaticPaths(List<HostileCase> c)
    {
        const string S = "static paths";
        foreach (var path in new[] { "/graphql/../../../../etc/passwd", "/graphql/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/graphql/..%2f..%2f..%2fetc%2fpasswd", "/graphql/%252e%252e/etc/passwd", "/graphql/....//....//etc/passwd", "/graphql/.env", "/graphql/../appsettings.json", "/appsettings.json", "/knowledge-graph.db", "/.data/knowledge-graph.db", "/KnowledgeGraph.Api.dll", "/graphql/\\..\\..\\etc\\passwd" })
        {
            c.Add(HostileCase.Get(S, path, path, NotFound, HostileCase.NoBody, accept: "*/*"));
        }
    }
}
