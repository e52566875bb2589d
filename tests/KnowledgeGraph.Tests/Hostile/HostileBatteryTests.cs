using System.Net;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>The shared host of the battery, and the fingerprint of everything its store holds.</summary>
public sealed class BatteryHost : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public string Baseline { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        Http = Factory.CreateClient();
        await GraphQLWire.AssertStillServesAsync(Http); // seeded and ready
        Baseline = Fingerprint(Factory.DatabasePath);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A SHA-256 over every row of every table, read apart from the server.</summary>
    public static string Fingerprint(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            // The full-text index and its shadow tables follow search_entry, which is compared.
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_text%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n#" + table));
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(reader.IsDBNull(i) ? "\u0001null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u0002"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>
/// The hostile-client battery through the real host: each case asserts its status, its error
/// code (with the request id, and no stack trace), and that the store is unchanged.
/// </summary>
public sealed class HostileBatteryTests(BatteryHost host) : IClassFixture<BatteryHost>
{
    private static readonly Dictionary<string, HostileCase> ByName = HostileBattery.All.ToDictionary(c => c.ToString(), StringComparer.Ordinal);

    public static TheoryData<string> Cases => [.. HostileBattery.All.Select(c => c.ToString())];

    [Fact]
    public void The_battery_has_at_least_200_cases_in_every_class_with_unique_names()
    {
        Assert.Equal(HostileBattery.All.Count, ByName.Count);
        Assert.True(HostileBattery.All.Count >= 200, $"{HostileBattery.All.Count} cases");
        var byClass = HostileBattery.All.GroupBy(c => c.Class).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(
            ["documents", "filters", "ids and cursors", "introspection", "persisted queries", "search", "static paths", "transport", "unicode", "variables"],
            byClass.Keys.Order(StringComparer.Ordinal));
        TestContext.Current.SendDiagnosticMessage("Hostile battery: {0} cases; {1}", HostileBattery.All.Count, string.Join(", ", byClass.Select(p => $"{p.Key} {p.Value}")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_is_answered_with_its_status_and_code_and_changes_nothing(string name)
    {
        await HostileAssert.RunAsync(host.Http, ByName[name]);
        Assert.Equal(host.Baseline, BatteryHost.Fingerprint(host.Factory.DatabasePath));
    }
}

/// <summary>What every answer to a hostile request must be.</summary>
public static class HostileAssert
{
    public static async Task<WireResponse> RunAsync(HttpClient http, HostileCase hostile)
    {
        using var request = hostile.Request();
        var response = await GraphQLWire.SendAsync(http, request);
        Assert.True(response.Status == hostile.Status, $"{hostile}: expected {(int)hostile.Status} but got {(int)response.Status}: {Shorten(response.Text)}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", response.Text, StringComparison.Ordinal);
        if (hostile.Code == HostileCase.NoBody)
        {
            return response;
        }

        var errors = response.Json?["errors"] as System.Text.Json.Nodes.JsonArray;
        if (hostile.Code is null || hostile.Code.StartsWith("count:", StringComparison.Ordinal))
        {
            Assert.True(errors is null, $"{hostile}: expected no errors but got {Shorten(response.Text)}");
            if (hostile.Code is { } count)
            {
                // The count of the one root field asked for (people, search, …).
                var root = Assert.Single(response.Json!["data"]!.AsObject());
                var total = root.Value!["totalCount"]!.GetValue<int>();
                Assert.True(int.Parse(count["count:".Length..], System.Globalization.CultureInfo.InvariantCulture) == total, $"{hostile}: expected {count} but got {total}");
            }

            return response;
        }

        Assert.True(errors is { Count: > 0 }, $"{hostile}: expected {hostile.Code} but got {Shorten(response.Text)}");
        var error = errors![0]!;
        Assert.True(hostile.Code == error["extensions"]?["code"]?.GetValue<string>(), $"{hostile}: expected {hostile.Code} but got {Shorten(response.Text)}");
        Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()));
        Assert.Equal(response.Header(GraphQLWire.RequestIdHeader), error["extensions"]!["requestId"]!.GetValue<string>());
        return response;
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
