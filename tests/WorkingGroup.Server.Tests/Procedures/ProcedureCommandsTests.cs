using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>A command that answers a problem writes nothing, even what it changed before deciding; one that answers OK commits.</summary>
public abstract class ProcedureCommandsTests(AppFixture app)
{
    [Theory]
    [InlineData(StatusCodes.Status422UnprocessableEntity, false)]
    [InlineData(StatusCodes.Status200OK, true)]
    public async Task A_command_answering_a_problem_writes_nothing(int status, bool kept)
    {
        var subject = $"probe-{Guid.NewGuid():N}";
        Guid person;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            person = Guid.Parse((await db.Users.SingleAsync(u => u.Email == "kz.member4@example.org")).Id);
        }

        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.ToString())], "test"));
        var commands = app.Factory.Services.GetRequiredService<ProcedureCommands>();

        var answer = await commands.RunAsync<Results<Ok, ProblemHttpResult>>(user, cmd =>
        {
            cmd.Db.Notifications.Add(Notification.Create(person, subject, "—", null, cmd.Clock.GetUtcNow()));
            return Task.FromResult<Results<Ok, ProblemHttpResult>>(
                status == StatusCodes.Status200OK ? TypedResults.Ok() : TypedResults.Problem(statusCode: status));
        }, CancellationToken.None);

        Assert.Equal(status, ((IStatusCodeHttpResult)answer.Result).StatusCode);
        using var check = app.Factory.Services.CreateScope();
        var saved = await check.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AnyAsync(n => n.Subject == subject);
        Assert.Equal(kept, saved);
    }
}

public sealed class ProcedureCommandsTestsOnSqlite(SqliteApp app) : ProcedureCommandsTests(app), IClassFixture<SqliteApp>;

public sealed class ProcedureCommandsTestsOnPostgres(PostgresApp app) : ProcedureCommandsTests(app), IClassFixture<PostgresApp>;
