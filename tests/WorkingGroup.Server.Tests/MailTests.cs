using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Testing;

namespace WorkingGroup.Server.Tests;

/// <summary>Mail through the outbox to a real SMTP server on loopback; run on SQLite and PostgreSQL.</summary>
public abstract partial class MailTests(AppFixture app)
{
    private Task<WebApplicationFactory<Program>> ServerWithSmtpAsync(int port) => app.CreateFactoryAsync("Development",
        ("Mail:Smtp:Host", "127.0.0.1"),
        ("Mail:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Mail:Smtp:Security", "None"),
        ("Mail:PollInterval", "00:00:00.200"));

    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_code_from_the_email()
    {
        await using var smtp = new SmtpSink();
        await using var server = await ServerWithSmtpAsync(smtp.Port);
        using var client = server.CreateClient();

        using var asked = await client.PostAsJsonAsync("/api/auth/forgot-password", new { email = "kz.member3@example.org" });
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(mail.Data)));
        var code = ResetCode().Match(message.TextBody ?? "").Groups[1].Value;
        using var reset = await client.PostAsJsonAsync("/api/auth/reset-password",
            new { email = "kz.member3@example.org", resetCode = code, newPassword = "Brand-New-Password-7" });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(["kz.member3@example.org"], mail.To);
        Assert.Equal("Восстановление пароля / Password reset", message.Subject);
        Assert.Contains("Омарова Гульнар Кайратовна", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False(string.IsNullOrEmpty(await AppFixture.SignInAsync(server, "kz.member3@example.org", "Brand-New-Password-7")));
    }

    [Fact]
    public async Task A_forgotten_password_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        await using var smtp = new SmtpSink();
        await using var server = await ServerWithSmtpAsync(smtp.Port);
        using var client = server.CreateClient();

        using var asked = await client.PostAsJsonAsync("/api/auth/forgot-password", new { email = "nobody@example.org" });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(0, await PendingOrDeliveredToAsync(server, "nobody@example.org"));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_wrong_reset_code_is_400_naming_the_code()
    {
        using var client = app.Anonymous();

        using var reset = await client.PostAsJsonAsync("/api/auth/reset-password",
            new { email = "kz.member4@example.org", resetCode = "bm90LWEtY29kZQ", newPassword = "Brand-New-Password-7" });

        var problem = await Json.ProblemAsync(reset, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("resetCode", out _), problem.ToString());
    }

    [Fact]
    public async Task Mail_to_an_unreachable_server_stays_in_the_outbox_and_is_delivered_once_it_is_back()
    {
        var port = SmtpSink.FreePort();
        await using var server = await ServerWithSmtpAsync(port);
        var worker = server.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<MailDeliveryWorker>().Single();
        Guid id;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            id = scope.ServiceProvider.GetRequiredService<MailOutbox>().Enqueue("ru.member5@example.org", "Проверка", "Текст").Id;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var failed = await WaitForAsync(server, id, m => m.Attempts >= 1);
        Assert.Null(failed.DeliveredAt);
        Assert.NotNull(failed.LastError);

        await using var smtp = new SmtpSink(port);
        await MakeDueNowAsync(server, id);
        await worker.DeliverNextAsync(CancellationToken.None);
        var delivered = await WaitForAsync(server, id, m => m.DeliveredAt is not null);

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Contains($"Message-Id: <{delivered.MessageId}>", mail.Data, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<OutboxMessage> WaitForAsync(WebApplicationFactory<Program> server, Guid id, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
            if (condition(message) || DateTime.UtcNow > deadline)
            {
                return message;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stands in for the back-off passing.</summary>
    private static async Task MakeDueNowAsync(WebApplicationFactory<Program> server, Guid id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id);
        db.Entry(message).Property(m => m.NextAttemptAt).CurrentValue = DateTimeOffset.UtcNow.AddSeconds(-1);
        await db.SaveChangesAsync();
    }

    private static async Task<int> PendingOrDeliveredToAsync(WebApplicationFactory<Program> server, string to)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().CountAsync(m => m.To == to);
    }

    [GeneratedRegex(@"Код восстановления: (\S+)")]
    private static partial Regex ResetCode();
}

public sealed class MailTestsOnSqlite(SqliteApp app) : MailTests(app), IClassFixture<SqliteApp>;

public sealed class MailTestsOnPostgres(PostgresApp app) : MailTests(app), IClassFixture<PostgresApp>;

/// <summary>With no SMTP server configured, mail lands in the pickup folder as .eml files.</summary>
public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task Without_an_SMTP_server_mail_is_written_to_the_pickup_folder_under_its_message_id()
    {
        var transport = new PickupDirectoryTransport(Path.Combine(Path.GetTempPath(), $"wg-pickup-{Guid.NewGuid():N}"));
        var message = new OutboxMessage(Guid.NewGuid(), "kz.member1@example.org", "Повестка", "Текст письма", null, DateTimeOffset.UtcNow);
        message.Attach("agenda.txt", "text/plain", Encoding.UTF8.GetBytes("Повестка дня"));
        try
        {
            await transport.SendAsync(MailDeliveryWorker.ToMime(message, "Рабочая группа <noreply@example.org>"), CancellationToken.None);
            await transport.SendAsync(MailDeliveryWorker.ToMime(message, "Рабочая группа <noreply@example.org>"), CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(transport.Directory, "*.eml"));
            var written = await MimeMessage.LoadAsync(file);
            Assert.Equal(message.MessageId, written.MessageId);
            Assert.Equal("Повестка", written.Subject);
            Assert.Equal("agenda.txt", Assert.Single(written.Attachments).ContentDisposition?.FileName);
        }
        finally
        {
            Directory.Delete(transport.Directory, recursive: true);
        }
    }
}
