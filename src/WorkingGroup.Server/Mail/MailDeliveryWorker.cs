using Microsoft.EntityFrameworkCore;
using MimeKit;
using WorkingGroup.Server.Persistence;

namespace WorkingGroup.Server.Mail;

/// <summary>
/// Delivers committed <see cref="OutboxMessage"/>s. A message is claimed by a conditional UPDATE before it is
/// sent, so several server processes never send the same message at the same time; a failure is retried with
/// back-off; a crash between sending and marking it delivered resends it under the same Message-ID.
/// </summary>
internal sealed partial class MailDeliveryWorker(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    MailOptions options,
    MailDeliverySignal signal,
    TimeProvider clock,
    ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWorkerError(logger, e);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers one due message; false when none is due.</summary>
    internal async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();

        var candidates = await db.Set<OutboxMessage>()
            .Where(m => m.DeliveredAt == null && m.Attempts < options.MaxAttempts && m.NextAttemptAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(10)
            .ToListAsync(cancellationToken);

        foreach (var id in candidates)
        {
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.DeliveredAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, now + options.ClaimTimeout), cancellationToken);
            if (claimed == 0)
            {
                continue; // another process took it
            }

            var message = await db.Set<OutboxMessage>().Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(ToMime(message, options.From), cancellationToken);
                message.MarkDelivered(clock.GetUtcNow());
                LogDelivered(logger, message.MessageId, message.To);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.MarkFailed(clock.GetUtcNow(), e.Message);
                LogFailed(logger, message.MessageId, message.To, message.Attempts, e.Message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }

        return false;
    }

    internal static MimeMessage ToMime(OutboxMessage message, string from)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = message.CreatedAt,
            Body = body.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    [LoggerMessage(LogLevel.Information, "Mail {MessageId} delivered to {To}")]
    private static partial void LogDelivered(ILogger logger, string messageId, string to);

    [LoggerMessage(LogLevel.Warning, "Mail {MessageId} to {To} failed (attempt {Attempt}): {Error}")]
    private static partial void LogFailed(ILogger logger, string messageId, string to, int attempt, string error);

    [LoggerMessage(LogLevel.Error, "The mail delivery worker failed; it retries at the next interval")]
    private static partial void LogWorkerError(ILogger logger, Exception exception);
}
