using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkingGroup.Workflows.Tests.Runtime;

namespace WorkingGroup.Workflows.Tests.Durability;

/// <summary>
/// The entry point of this assembly when it runs as a process: a minimal server that fires workflow
/// timers on the real clock until it is killed. <see cref="CrashRecoveryTests"/> starts and kills it.
/// Under the test runner it is never called.
/// </summary>
internal static class ChildHost
{
    public const string Command = "workflow-child-host";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command, var kind, var connectionString])
        {
            await Console.Error.WriteLineAsync($"usage: {Command} <Sqlite|Postgres> <connection string>");
            return 2;
        }

        var store = Enum.Parse<Store>(kind);
        var builder = Host.CreateApplicationBuilder();
        builder.Services
            .AddDbContextFactory<TestDbContext>(o => TestStore.Configure(o, store, connectionString))
            .AddWorkflowEngine<TestDbContext>(o => o.TimerPollInterval = TimeSpan.FromMilliseconds(20));
        using var host = builder.Build();
        await host.StartAsync();
        await Console.Out.WriteLineAsync("ready");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
