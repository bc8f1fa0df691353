using Microsoft.EntityFrameworkCore;

namespace WorkingGroup.Server.Mail;

internal static class MailSetup
{
    public static IServiceCollection AddWorkingGroupMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(options);
        services.AddSingleton<MailDeliverySignal>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<IMailTransport>(string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? new PickupDirectoryTransport(Path.GetFullPath(options.PickupDirectory, environment.ContentRootPath))
            : new SmtpMailTransport(options));
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }

    public static void ConfigureOutbox(ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("OutboxMessages");
            message.HasKey(m => m.Id);
            message.Property(m => m.MessageId).HasMaxLength(100);
            message.Property(m => m.To).HasMaxLength(320);
            message.Property(m => m.Subject).HasMaxLength(500);
            message.HasIndex(m => new { m.DeliveredAt, m.NextAttemptAt });
            message.HasMany(m => m.Attachments).WithOne().HasForeignKey("OutboxMessageId").OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OutboxAttachment>(attachment =>
        {
            attachment.ToTable("OutboxAttachments");
            attachment.HasKey(a => a.Id);
            attachment.Property(a => a.FileName).HasMaxLength(260);
            attachment.Property(a => a.ContentType).HasMaxLength(200);
        });
    }
}
