using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Common;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests;

/// <summary>How the Regulation's refusals reach API clients.</summary>
public sealed class DomainErrorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(int Status, JsonElement Body)> HandleAsync(Exception exception, string culture = "ru")
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            http.Request.Path = "/api/test";
            http.Response.Body = new MemoryStream();
            var handler = ActivatorUtilities.CreateInstance<DomainExceptionHandler>(scope.ServiceProvider);

            Assert.True(await handler.TryHandleAsync(http, exception, CancellationToken.None));

            http.Response.Body.Position = 0;
            return (http.Response.StatusCode, (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_state_conflict_is_409_with_the_domains_code_and_both_messages()
    {
        var refusal = new DomainException(new DomainError("meeting.transition_not_allowed", ErrorKind.Conflict, "Нельзя.", "Not allowed."));

        var (status, body) = await HandleAsync(refusal);

        Assert.Equal(409, status);
        Assert.Equal("meeting.transition_not_allowed", body.GetProperty("code").GetString());
        Assert.Equal("Нельзя.", body.GetProperty("detail").GetString());
        Assert.Equal("Not allowed.", body.GetProperty("messageEn").GetString());
    }

    [Fact]
    public async Task A_broken_rule_is_422_and_speaks_English_to_an_English_client()
    {
        var refusal = new DomainException(new DomainError("quorum.not_reached", ErrorKind.RuleViolation, "Нет кворума.", "No quorum."));

        var (status, body) = await HandleAsync(refusal, "en");

        Assert.Equal(422, status);
        Assert.Equal("quorum.not_reached", body.GetProperty("code").GetString());
        Assert.Equal("No quorum.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_lost_concurrency_race_is_409_that_invites_a_retry()
    {
        var (status, body) = await HandleAsync(new DbUpdateConcurrencyException("race"));

        Assert.Equal(409, status);
        Assert.Equal("concurrency.conflict", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_generic_handler()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<DomainExceptionHandler>(scope.ServiceProvider);

        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException(), CancellationToken.None));
    }
}
