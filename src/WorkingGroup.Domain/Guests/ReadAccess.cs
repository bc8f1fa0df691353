using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Guests;

/// <summary>
/// Who reads what. R-1.3 (publicity): every member of either side reads the agenda, materials, signed
/// protocol and decision register of every meeting.: an invited guest reads the agenda and
/// materials of the meeting they are invited to, and nothing else.
/// </summary>
public static class ReadAccess
{
    /// <summary>R-1.3, R-3.11: the agenda and materials of <paramref name="meetingId"/>.</summary>
    public static bool CanReadAgendaAndMaterials(
        GroupComposition composition, Guid personId, DateTimeOffset at, Guid meetingId, IEnumerable<GuestInvitation> invitations)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        return IsMember(composition, personId, at)
            || invitations.Any(i => i.GuestPersonId == personId && i.GrantsReadAccessTo(meetingId));
    }

    /// <summary>R-1.3: the signed protocol and the decision register are for members of either side.</summary>
    public static bool CanReadProtocolAndDecisions(GroupComposition composition, Guid personId, DateTimeOffset at) =>
        IsMember(composition, personId, at);

    private static bool IsMember(GroupComposition composition, Guid personId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return composition.MembershipOf(personId, at) is not null;
    }
}
