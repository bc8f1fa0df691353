using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The production bootstrap seeds an administrator, who is no member: the composition is established later, by its members.</summary>
public sealed class ProductionBootstrapTests
{
    [Fact]
    public async Task Production_bootstrap_creates_the_administrator_and_no_composition_R3_1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wg-prod-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = AppFixture.CreateFactory(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = $"Data Source={file}",
                ["Seed:AdministratorEmail"] = "chief.admin@example.org",
                ["Seed:AdministratorPassword"] = "Initial-Password-1",
            }, environment: "Production");
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

            Assert.Equal(1, await db.Users.CountAsync());
            Assert.Equal(0, await db.Compositions.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
