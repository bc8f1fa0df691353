using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Timers;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Workflows.Tests.Runtime;

public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>The small DbContext a host would have: its own tables plus the engine's model.</summary>
internal sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().ToTable("Notes");
        modelBuilder.ApplyWorkflowEngineModel();
    }
}

/// <summary>A host's own entity, written by a host activity in the step's transaction.</summary>
internal sealed class Note
{
    public required string Id { get; set; }

    public required string Text { get; set; }
}

/// <summary>A database of either kind, kept across <see cref="EngineHost"/> restarts.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TestDatabase? postgres;
    private readonly string? sqliteFile;

    private TestStore(Store kind, TestDatabase? postgres, string? sqliteFile)
    {
        Kind = kind;
        this.postgres = postgres;
        this.sqliteFile = sqliteFile;
        ConnectionString = postgres?.ConnectionString ?? $"Data Source={sqliteFile};Pooling=False;Default Timeout=30";
    }

    public Store Kind { get; }

    public string ConnectionString { get; }

    public static async Task<TestStore> CreateAsync(Store kind) => kind == Store.Postgres
        ? new TestStore(kind, await TestPostgres.CreateDatabaseAsync("wf"), null)
        : new TestStore(kind, null, Path.Combine(Path.GetTempPath(), $"wf-{Guid.NewGuid():N}.db"));

    public static void Configure(DbContextOptionsBuilder builder, Store kind, string connectionString)
    {
        if (kind == Store.Postgres)
        {
            builder.UseNpgsql(connectionString);
        }
        else
        {
            builder.UseSqlite(connectionString);
        }
    }

    public void Configure(DbContextOptionsBuilder builder) => Configure(builder, Kind, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (sqliteFile is not null && File.Exists(sqliteFile))
        {
            File.Delete(sqliteFile);
        }
    }
}

/// <summary>An engine as a host registers it, on a test store and a fake clock; disposing it is a server stop.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private EngineHost(ServiceProvider provider, FakeTimeProvider clock)
    {
        this.provider = provider;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public WorkflowRuntime Runtime => provider.GetRequiredService<WorkflowRuntime>();

    public WorkflowDefinitionStore Definitions => provider.GetRequiredService<WorkflowDefinitionStore>();

    public WorkflowTimerService Timers => provider.GetRequiredService<WorkflowTimerService>();

    public WorkflowDefinitionLoader Loader => provider.GetRequiredService<WorkflowDefinitionLoader>();

    public static async Task<EngineHost> StartAsync(
        TestStore store, FakeTimeProvider? clock = null, string? definitionsFolder = null, Action<WorkflowEngineOptions>? configure = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddDbContextFactory<TestDbContext>(store.Configure)
            .AddWorkflowEngine<TestDbContext>(o =>
            {
                o.RunTimerService = false;
                o.DefinitionsFolder = definitionsFolder;
                configure?.Invoke(o);
            });
        var host = new EngineHost(services.BuildServiceProvider(), clock);
        await using (var db = await host.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
        }

        foreach (var service in host.provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public Task<TestDbContext> CreateDbContextAsync() =>
        provider.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContextAsync();

    /// <summary>Saves and publishes a definition; returns the published version.</summary>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition)
    {
        await Definitions.SaveDraftAsync(definition);
        return await Definitions.PublishAsync(definition.DefinitionId);
    }

    public async Task<List<WorkflowJournalRecord>> JournalAsync(string instanceId)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Set<WorkflowJournalRecord>().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync();
    }

    /// <summary>The texts WriteLine activities of an instance wrote, in order.</summary>
    public async Task<List<string?>> LinesAsync(string instanceId) =>
        (await JournalAsync(instanceId)).Where(j => j.ActivityType == "Elsa.WriteLine" && j.EventName == "Completed").Select(j => j.Message).ToList();

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
