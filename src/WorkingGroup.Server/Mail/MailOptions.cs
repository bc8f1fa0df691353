using MailKit.Security;

namespace WorkingGroup.Server.Mail;

/// <summary>
/// Outgoing mail. Section <c>Mail</c> (env <c>Mail__Smtp__Host</c>, <c>Mail__Smtp__Port</c>, ...).
/// With no SMTP host configured, messages are written as .eml files to <see cref="PickupDirectory"/>.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The sender, e.g. <c>Рабочая группа РФ–РК &lt;noreply@workinggroup.example&gt;</c>.</summary>
    public string From { get; set; } = "Рабочая группа РФ–РК <noreply@workinggroup.local>";

    /// <summary>Where messages go when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>How often the delivery worker looks for messages due (it is also woken on every new message).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a worker owns a message it is sending. A process that dies mid-send leaves its claim; another
    /// (or the restarted) worker sends the message again once the claim has run out, under the same Message-ID.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message is given up and left for an operator (its last error is kept).</summary>
    public int MaxAttempts { get; set; } = 10;

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>SMTP server; empty means "use the pickup folder".</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect or StartTls (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
