using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WorkingGroup.Server.Persistence;

internal static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider. Connection strings:
    /// <c>ConnectionStrings:Sqlite</c> (default <c>Data Source=App_Data/workinggroup.db</c>, relative to the content root)
    /// and <c>ConnectionStrings:Postgres</c> (env <c>ConnectionStrings__Postgres</c>).
    /// </summary>
    public static IServiceCollection AddWorkingGroupDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is empty.");
                }

                AddProvider<PostgresAppDbContext>(services, o => o.UseNpgsql(WithAutoPrepare(postgres)));
                break;
            default:
                var sqlite = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), environment.ContentRootPath);
                AddProvider<SqliteAppDbContext>(services, o => o.UseSqlite(sqlite));
                break;
        }

        return services;
    }

    /// <summary>
    /// Requests get a scoped <see cref="AppDbContext"/>; the workflow engine and background workers create their own
    /// units of work through <see cref="IDbContextFactory{AppDbContext}"/>. Both are the provider's context.
    /// </summary>
    private static void AddProvider<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        // Pooled: a workflow step or a request takes a ready context instead of building one (docs/performance.md).
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<AppDbContext>>(sp => new ProviderContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> factory) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => factory.CreateDbContext();
    }

    /// <summary>
    /// Npgsql prepares the statements a server repeats (a workflow step's few) unless the connection string says
    /// otherwise: <c>Max Auto Prepare</c> defaults to 64 here, 0 (off) in Npgsql.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates the database or brings it to the latest migration.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/workinggroup.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ConnectionString;
    }
}
