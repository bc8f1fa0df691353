using WorkingGroup.Server.Persistence;

namespace WorkingGroup.Server.Mail;

/// <summary>
/// The one way to send mail: <see cref="Enqueue"/> adds the message to the caller's unit of work, so it is
/// committed with the change that causes it (or not at all); the delivery worker sends it after the commit.
/// </summary>
public sealed class MailOutbox(AppDbContext db, TimeProvider clock, MailDeliverySignal signal)
{
    public OutboxMessage Enqueue(string to, string subject, string textBody, string? htmlBody = null)
    {
        var message = new OutboxMessage(Guid.NewGuid(), to, subject, textBody, htmlBody, clock.GetUtcNow());
        db.Add(message);
        // Wake the worker once the caller has saved; it also polls, so an unsaved message is simply not seen.
        db.SavedChanges += (_, _) => signal.Notify();
        return message;
    }
}

/// <summary>Wakes <see cref="MailDeliveryWorker"/> as soon as new messages are committed.</summary>
public sealed class MailDeliverySignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke the worker at the same instant: once is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
