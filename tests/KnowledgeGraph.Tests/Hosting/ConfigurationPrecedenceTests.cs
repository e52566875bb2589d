using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Hosting;

/// <summary>
/// Where settings come from, lowest to highest: appsettings.json, environment variables (KG_ and
/// ASPNETCORE_), then the command line, which wins as in every ASP.NET Core host.
/// </summary>
public sealed class ConfigurationPrecedenceTests
{
    // A setting no other test reads, so that the process-wide variable disturbs nothing else.
    private const string Key = "PrecedenceProbe";
    private const string Variable = "KG_PRECEDENCEPROBE";

    [Fact]
    public void The_command_line_overrides_a_KG_environment_variable()
    {
        var value = WithVariable("from-the-environment", () => Setting("--PrecedenceProbe", "from-the-command-line"));
        Assert.Equal("from-the-command-line", value);
    }

    [Fact]
    public void A_KG_environment_variable_applies_when_the_command_line_does_not_name_the_setting()
    {
        var value = WithVariable("from-the-environment", () => Setting("--Store", "Sqlite"));
        Assert.Equal("from-the-environment", value);
    }

    private static string? Setting(params string[] args) => ProgramBuilder.Create(args).Configuration[Key];

    private static T WithVariable<T>(string value, Func<T> run)
    {
        Environment.SetEnvironmentVariable(Variable, value);
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
