using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkingGroup.Workflows;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Benchmarks;

/// <summary>The engine registered as the server registers it (a DbContext factory, the system clock), on one store.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> started = [];

    private EngineHost(ServiceProvider provider, CommandCounter counter)
    {
        this.provider = provider;
        Counter = counter;
    }

    public CommandCounter Counter { get; }

    public WorkflowRuntime Runtime => provider.GetRequiredService<WorkflowRuntime>();

    public static async Task<EngineHost> StartAsync(BenchStore store, bool runTimers, TimeSpan pollInterval, params WorkflowDefinition[] definitions)
    {
        var counter = new CommandCounter();
        var services = new ServiceCollection().AddLogging();
        Action<DbContextOptionsBuilder> configure = o =>
        {
            store.Configure(o);
            o.AddInterceptors(counter);
        };
        // Pooling is the host's choice: the engine only asks for IDbContextFactory<TContext>.
        if (store.PooledContexts)
        {
            services.AddPooledDbContextFactory<BenchDbContext>(configure);
        }
        else
        {
            services.AddDbContextFactory<BenchDbContext>(configure);
        }

        services.AddWorkflowEngine<BenchDbContext>(o =>
            {
                o.RunTimerService = runTimers;
                o.TimerPollInterval = pollInterval;
            });
        var host = new EngineHost(services.BuildServiceProvider(), counter);
        await using (var db = await host.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var definitionStore = host.provider.GetRequiredService<WorkflowDefinitionStore>();
        foreach (var definition in definitions)
        {
            await definitionStore.SaveDraftAsync(definition);
            await definitionStore.PublishAsync(definition.DefinitionId);
        }

        foreach (var service in host.provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            host.started.Add(service);
        }

        return host;
    }

    public Task<BenchDbContext> CreateDbContextAsync() =>
        provider.GetRequiredService<IDbContextFactory<BenchDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var service in started)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
    }
}
