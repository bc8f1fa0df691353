using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Procedures;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Server.Storage;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Server.Persistence.Domain;

namespace WorkingGroup.Server.Persistence;

/// <summary>
/// The one EF Core model of the product. Each database provider has a sealed subclass so that
/// each keeps its own migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys: sign-in cookies and tokens survive restarts and work across processes.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // The aggregates of the regulation (src/WorkingGroup.Domain). Each loads whole, its owned parts included; a save
    // of a changed aggregate that someone else saved since it was read throws DbUpdateConcurrencyException (AggregateVersions).

    /// <summary>The composition; load it with <c>AsSplitQuery()</c>, it has several collections of parts.</summary>
    public DbSet<GroupComposition> Compositions => Set<GroupComposition>();

    /// <summary>Meetings; load one with <c>AsSplitQuery()</c>: agenda, attendance and opinions would otherwise multiply in one join.</summary>
    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Material> Materials => Set<Material>();

    public DbSet<Protocol> Protocols => Set<Protocol>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<GuestInvitation> GuestInvitations => Set<GuestInvitation>();

    public DbSet<ProcedureRelease> ProcedureReleases => Set<ProcedureRelease>();

    /// <summary>Uploaded files by content hash (materials).</summary>
    public DbSet<StoredFile> Files => Set<StoredFile>();

    /// <summary>In-app notifications.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AggregateVersions.Stamp(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AggregateVersions.Stamp(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Side).HasConversion<string>().HasMaxLength(2);
        });
        MailSetup.ConfigureOutbox(builder);
        DomainModel.Configure(builder);
        StoredFile.Configure(builder);
        Notification.Configure(builder);
        builder.ApplyWorkflowEngineModel();
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no type that orders DateTimeOffset; store UTC ticks so that due-time queries compare and sort.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantToBinaryConverter>();
    }

    /// <summary>
    /// EF Core's binary form (ticks above the offset's minutes), of the instant taken to UTC first: the binary form keeps
    /// the local ticks, so two instants given with different offsets (a due date from Almaty, one from Moscow) would
    /// otherwise compare and sort by their wall clocks. Values stored with an offset still read back as they were.
    /// </summary>
    private sealed class UtcInstantToBinaryConverter() : ValueConverter<DateTimeOffset, long>(
        v => (long)Binary.ConvertToProvider(v.ToUniversalTime())!,
        v => (DateTimeOffset)Binary.ConvertFromProvider(v)!)
    {
        private static readonly DateTimeOffsetToBinaryConverter Binary = new();
    }
}

/// <summary>The model on PostgreSQL, for production.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are DateTimeOffset; timestamptz takes only UTC, so an instant given with an offset is stored as UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
        // A DateTime of the model is a wall-clock time in a zone stored beside it (a meeting's local start, R-3.8), not an instant.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }

    private sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
