using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Workflows;

/// <summary>
/// Hands the e-mails of <c>Elsa.SendEmail</c> (rows of the engine's outbox, written in the step's transaction) to the
/// one mail sender: each recipient becomes an <see cref="OutboxMessage"/> whose id derives from the engine's message and
/// the recipient, in the same transaction that marks the engine's row relayed. A crash before the commit relays again;
/// after it, never twice.
/// </summary>
internal sealed partial class WorkflowMailRelay(
    IDbContextFactory<AppDbContext> contexts,
    MailDeliverySignal signal,
    TimeProvider clock,
    ILogger<WorkflowMailRelay> logger) : BackgroundService
{
    private const string EmailKind = "email";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The poll runs on real time: the injected clock dates the messages, but a clock moved by weeks (a test's fake
        // one) must not replay every tick it skipped.
        using var timer = new PeriodicTimer(PollInterval, TimeProvider.System);
        do
        {
            try
            {
                while (await RelayBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRelayFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Relays up to 50 pending engine e-mails; returns how many.</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Set<WorkflowOutboxRecord>()
            .Where(m => m.Kind == EmailKind && m.DeliveredAt == null)
            .OrderBy(m => m.CreatedAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var record in pending)
        {
            var email = JsonNode.Parse(record.Payload)!;
            var subject = (string?)email["subject"] ?? "";
            var html = (string?)email["body"] ?? "";
            foreach (var recipient in Recipients(email))
            {
                db.Add(new OutboxMessage(MessageId(record.Id, recipient), recipient, subject, PlainText(html), html, now));
            }

            record.DeliveredAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server process relayed the same rows first: their messages stand, ours are discarded.
            return 0;
        }

        signal.Notify();
        return pending.Count;
    }

    private static IEnumerable<string> Recipients(JsonNode email) =>
        new[] { "to", "cc", "bcc" }
            .SelectMany(field => email[field]?.AsArray() ?? [])
            .Select(node => (string?)node)
            .Where(address => !string.IsNullOrWhiteSpace(address))
            .Select(address => address!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The same engine message and recipient always give the same id (and so the same Message-ID).</summary>
    private static Guid MessageId(string workflowMessageId, string recipient) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{workflowMessageId}\n{recipient.ToLowerInvariant()}"))[..16]);

    private static string PlainText(string html) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(html, "\n"), "")).Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h\d)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [LoggerMessage(LogLevel.Error, "Relaying workflow e-mails failed; retrying at the next interval")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
