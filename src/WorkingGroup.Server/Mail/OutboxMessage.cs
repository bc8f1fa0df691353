namespace WorkingGroup.Server.Mail;

/// <summary>
/// An e-mail written in the same transaction as the step that causes it and delivered later by
/// <see cref="MailDeliveryWorker"/>, at least once, always under the same <see cref="MessageId"/>
/// so that a repeated delivery is recognisable as one.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid id, string to, string subject, string textBody, string? htmlBody, DateTimeOffset createdAt)
    {
        Id = id;
        MessageId = $"{id:N}@workinggroup";
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The RFC 5322 Message-ID, stable across retries.</summary>
    public string MessageId { get; private set; } = "";

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    public List<OutboxAttachment> Attachments { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A delivery in progress by some worker until then; lets several server processes share the outbox.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public void Attach(string fileName, string contentType, byte[] content) =>
        Attachments.Add(new OutboxAttachment(Guid.NewGuid(), fileName, contentType, content));

    public void MarkDelivered(DateTimeOffset at)
    {
        Attempts++;
        DeliveredAt = at;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>Backs off exponentially: 30 s, 1 min, 2 min, ... capped at one hour.</summary>
    public void MarkFailed(DateTimeOffset at, string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        ClaimedUntil = null;
        NextAttemptAt = at + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Attempts - 1)));
    }
}

public sealed class OutboxAttachment(Guid id, string fileName, string contentType, byte[] content)
{
    public Guid Id { get; private set; } = id;

    public string FileName { get; private set; } = fileName;

    public string ContentType { get; private set; } = contentType;

    public byte[] Content { get; private set; } = content;
}
