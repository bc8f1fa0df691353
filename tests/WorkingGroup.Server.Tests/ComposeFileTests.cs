using System.Net;
using System.Net.Http.Json;
using Npgsql;
using WorkingGroup.Testing;

namespace WorkingGroup.Server.Tests;

/// <summary>
/// There is no Docker engine here, so docker-compose.yml is kept honest by starting the server natively with the
/// app service's environment variables, the hosts `db` and `mail` replaced by the real PostgreSQL and SMTP servers of the test.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task The_server_runs_on_the_compose_files_environment_variables()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("compose");
        await using var smtp = new SmtpSink();
        var postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var environment = AppServiceEnvironment();
        environment["ConnectionStrings__Postgres"] = environment["ConnectionStrings__Postgres"]
            .Replace("Host=db;Port=5432", $"Host={postgres.Host};Port={postgres.Port}", StringComparison.Ordinal)
            .Replace("Database=workinggroup", $"Database={postgres.Database}", StringComparison.Ordinal)
            .Replace("Username=workinggroup;Password=workinggroup", $"Username={postgres.Username};Password={postgres.Password}", StringComparison.Ordinal);
        environment["Mail__Smtp__Host"] = "127.0.0.1";
        environment["Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment.Remove("ASPNETCORE_URLS");

        await using var server = await ServerProcess.StartAsync(environment);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "ru.cochair@example.org", password = "WorkingGroup-2026" });
        using var forgot = await client.PostAsJsonAsync("/api/auth/forgot-password", new { email = "kz.member6@example.org" });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(["kz.member6@example.org"], Assert.Single(await smtp.WaitForAsync(1)).To);
        Assert.Equal(21, await CountUsersAsync(database));
    }

    /// <summary>Proves the data went to PostgreSQL: the demo accounts are in the test database.</summary>
    private static async Task<long> CountUsersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "AspNetUsers" """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The `environment:` map of the `app` service in docker-compose.yml.</summary>
    private static Dictionary<string, string> AppServiceEnvironment()
    {
        var lines = File.ReadAllLines(Path.Combine(ServerProcess.RepositoryRoot(), "docker-compose.yml"));
        var environment = new Dictionary<string, string>();
        var inApp = false;
        var inEnvironment = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                inApp = line.Trim() == "app:";
                inEnvironment = false;
            }
            else if (inApp && line.Trim() == "environment:")
            {
                inEnvironment = true;
            }
            else if (inEnvironment && line.StartsWith("      ", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            {
                var separator = line.IndexOf(':', StringComparison.Ordinal);
                environment[line[..separator].Trim()] = line[(separator + 1)..].Trim().Trim('"');
            }
            else if (inEnvironment && !line.StartsWith("      ", StringComparison.Ordinal))
            {
                inEnvironment = false;
            }
        }

        Assert.Equal("Postgres", environment["Database__Provider"]);
        return environment;
    }
}
