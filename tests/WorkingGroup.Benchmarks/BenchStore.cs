using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Benchmarks;

internal enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Settings that belong to the host, not the engine: a pooled DbContext factory, and Npgsql's automatic
/// preparation of statements (applies to the raw transaction too).
/// </summary>
internal sealed record HostSettings(bool PooledContexts, bool AutoPrepare);

/// <summary>The host's DbContext: the engine's model only.</summary>
internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyWorkflowEngineModel();
}

/// <summary>An empty database for one measurement: a temp SQLite file, or a fresh database on the PostgreSQL server.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    public const string PostgresVariable = "ConnectionStrings__Postgres";

    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;

    private BenchStore(Provider provider, string connectionString, string? sqliteFile, string? postgresDatabase, bool pooledContexts)
    {
        PooledContexts = pooledContexts;
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresDatabase = postgresDatabase;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Whether the engine's host registers a pooled DbContext factory.</summary>
    public bool PooledContexts { get; }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: start a server first (`. build/postgres.sh && pg_up`) or run with --providers sqlite.");

    public static async Task<BenchStore> CreateAsync(Provider provider, HostSettings settings)
    {
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"wg-bench-{Guid.NewGuid():N}.db");
            // WAL and a busy timeout are what a SQLite server would run with; concurrent writers queue on the lock.
            var sqlite = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60 }.ConnectionString;
            await using (var connection = new SqliteConnection(sqlite))
            {
                await connection.OpenAsync();
                await using var wal = new SqliteCommand("PRAGMA journal_mode=WAL", connection);
                await wal.ExecuteNonQueryAsync();
            }

            return new BenchStore(provider, sqlite, file, null, settings.PooledContexts);
        }

        var name = $"wg_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
            await using var directory = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
            CpuMeter.Postmaster ??= CpuMeter.FindPostmaster((string)(await directory.ExecuteScalarAsync())!);
        }

        var postgres = new NpgsqlConnectionStringBuilder(PostgresServer)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 50,
            MaxAutoPrepare = settings.AutoPrepare ? 64 : 0,
        }.ConnectionString;
        return new BenchStore(provider, postgres, null, name, settings.PooledContexts);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == Provider.Postgres)
        {
            builder.UseNpgsql(ConnectionString);
        }
        else
        {
            builder.UseSqlite(ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, $"{sqliteFile}-wal", $"{sqliteFile}-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
