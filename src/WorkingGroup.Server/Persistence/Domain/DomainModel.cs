using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>
/// The mapping of the domain's aggregates (src/WorkingGroup.Domain), kept out of the domain: one
/// configuration per aggregate beside this file. Each aggregate is one root with owned parts, so that
/// loading the root loads the whole aggregate and any change to a part is a change to the root
/// (<see cref="AggregateVersions"/>).
/// </summary>
internal static class DomainModel
{
    /// <summary>Enum values are stored by name; the longest name of the domain is well under this.</summary>
    private const int EnumNameLength = 32;

    public static void Configure(ModelBuilder builder)
    {
        builder.ApplyConfiguration(new GroupCompositionConfiguration());
        builder.ApplyConfiguration(new MeetingConfiguration());
        builder.ApplyConfiguration(new MaterialConfiguration());
        builder.ApplyConfiguration(new ProtocolConfiguration());
        builder.ApplyConfiguration(new DecisionConfiguration());
        builder.ApplyConfiguration(new GuestInvitationConfiguration());
        builder.ApplyConfiguration(new ProcedureReleaseConfiguration());
        StoreEnumsByName(builder);
    }

    /// <summary>
    /// The shadow key of an owned collection of records (approvals, signatures, versions): records carry
    /// no identity of their own, so the database gives each row one.
    /// </summary>
    public static void HasRowKey<TOwner, TRecord>(this OwnedNavigationBuilder<TOwner, TRecord> record)
        where TOwner : class
        where TRecord : class
    {
        record.Property<Guid>("Id");
        record.HasKey("Id");
    }

    /// <summary>Every enum of the domain, in every aggregate and part, is stored by its name: readable, and stable if members are reordered.</summary>
    private static void StoreEnumsByName(ModelBuilder builder)
    {
        var domain = typeof(Meeting).Assembly;
        var enums = builder.Model.GetEntityTypes()
            .Where(type => type.ClrType.Assembly == domain)
            .SelectMany(type => type.GetDeclaredProperties())
            .Where(property => (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum);
        foreach (var property in enums)
        {
            property.SetProviderClrType(typeof(string));
            property.SetMaxLength(EnumNameLength);
        }
    }
}
