using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Notifications;

/// <summary>Each person sees and marks only their own in-app notifications. Run on SQLite and PostgreSQL.</summary>
public abstract class NotificationsApiTests(AppFixture app)
{
    [Fact]
    public async Task A_person_lists_their_notifications_newest_first_and_marks_one_read_others_cannot()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        Guid member, other;
        Guid older, newer;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            member = Guid.Parse((await db.Users.SingleAsync(u => u.Email == "kz.member2@example.org")).Id);
            other = Guid.Parse((await db.Users.SingleAsync(u => u.Email == "ru.member2@example.org")).Id);
            var now = DateTimeOffset.UtcNow;
            var first = Notification.Create(member, $"Повестка {tag}", "Повестка сформирована.", "/api/meetings/x", now.AddMinutes(-5));
            var second = Notification.Create(member, $"Пакет {tag}", "Пакет материалов разослан.", null, now);
            db.Notifications.AddRange(first, second, Notification.Create(other, $"Чужое {tag}", "—", null, now));
            await db.SaveChangesAsync();
            (older, newer) = (first.Id, second.Id);
        }

        using var client = await app.SignedInAsync("kz.member2@example.org");
        using var stranger = await app.SignedInAsync("ru.member2@example.org");

        var mine = await client.GetFromJsonAsync<List<JsonElement>>("/api/notifications?take=200");
        Assert.Equal([$"Пакет {tag}", $"Повестка {tag}"], mine!.Select(n => n.GetProperty("subject").GetString()).Where(s => s!.EndsWith(tag, StringComparison.Ordinal)));

        using (var refused = await stranger.PostAsync($"/api/notifications/{older}/read", null))
        {
            await Json.ProblemAsync(refused, HttpStatusCode.NotFound);
        }

        using (var read = await client.PostAsync($"/api/notifications/{older}/read", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        var unread = await client.GetFromJsonAsync<List<JsonElement>>("/api/notifications?unread=true&take=200");
        var unreadIds = unread!.Select(n => n.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(newer, unreadIds);
        Assert.DoesNotContain(older, unreadIds);
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_400_naming_take()
    {
        using var client = await app.SignedInAsync("kz.member3@example.org");

        using var response = await client.GetAsync("/api/notifications?take=0");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    [Fact]
    public async Task Notifications_need_a_signed_in_person()
    {
        using var response = await app.Anonymous().GetAsync("/api/notifications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class NotificationsApiTestsOnSqlite(SqliteApp app) : NotificationsApiTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationsApiTestsOnPostgres(PostgresApp app) : NotificationsApiTests(app), IClassFixture<PostgresApp>;
