using Microsoft.EntityFrameworkCore;

namespace WorkingGroup.Server.Notifications;

/// <summary>A message to one person shown in the app (the in-app twin of an e-mail); read when the person opens it.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The recipient (a person's id).</summary>
    public Guid PersonId { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>Where in the app (or API) the matter is, e.g. <c>/api/meetings/{id}</c>; optional.</summary>
    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid personId, string subject, string body, string? link, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        PersonId = personId,
        Subject = subject,
        Body = body,
        Link = link,
        CreatedAt = now,
    };

    /// <summary>Marks the notification read (once; a later call keeps the first time).</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    internal static void Configure(ModelBuilder builder) =>
        builder.Entity<Notification>(notification =>
        {
            notification.ToTable("Notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Id).ValueGeneratedNever();
            notification.Property(n => n.Subject).HasMaxLength(500);
            notification.Property(n => n.Link).HasMaxLength(500);
            notification.HasIndex(n => new { n.PersonId, n.CreatedAt });
        });
}
