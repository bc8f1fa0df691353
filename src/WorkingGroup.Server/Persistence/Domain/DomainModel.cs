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

    private const string Ordinal = "Ordinal";

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
    /// The key of a part kept in a list (versions, agenda items, signatures, the history of extensions):
    /// a shadow number the database gives each row as it is inserted. EF Core loads an owned collection
    /// in key order, so the parts come back in the order they were added, as the domain keeps them
    /// (a material's current version is its last). A part's own Id, where it has one, is a unique index.
    /// </summary>
    public static void KeptInAddedOrder<TOwner, TPart>(this OwnedNavigationBuilder<TOwner, TPart> part)
        where TOwner : class
        where TPart : class
    {
        part.Property<int>(Ordinal).ValueGeneratedOnAdd();
        part.HasKey(Ordinal);
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
