using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Guests;

public sealed class ReadAccessTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;
    private readonly GuestInvitation _invitation;

    public ReadAccessTests()
    {
        _meeting = Support.Meetings.Scheduled(_group);
        _invitation = GuestInvitation.Propose(_meeting, "Observer", "o@example.org", GuestCategory.CisBody, GuestRole.Observer, _group.As(_group.KzMembers[0]));
    }

    private DateTimeOffset Now => _group.Clock.GetUtcNow();

    [Fact]
    public void Read_access_R1_3_every_member_of_either_side_reads_every_meeting()
    {
        Assert.True(ReadAccess.CanReadAgendaAndMaterials(_group.Composition, _group.RuMembers[2], Now, Guid.NewGuid(), []));
        Assert.True(ReadAccess.CanReadProtocolAndDecisions(_group.Composition, _group.KzMembers[2], Now));
    }

    [Fact]
    public void Read_access_R3_11_an_approved_guest_reads_the_agenda_and_materials_of_their_meeting_only()
    {
        _invitation.Approve(_meeting, _group.As(_group.RuCoChair));

        Assert.True(ReadAccess.CanReadAgendaAndMaterials(_group.Composition, _invitation.GuestPersonId, Now, _meeting.Id, [_invitation]));
        Assert.False(ReadAccess.CanReadAgendaAndMaterials(_group.Composition, _invitation.GuestPersonId, Now, Guid.NewGuid(), [_invitation]));
        Assert.False(ReadAccess.CanReadProtocolAndDecisions(_group.Composition, _invitation.GuestPersonId, Now));
    }

    [Fact]
    public void Read_access_R3_11_a_guest_not_yet_approved_reads_nothing()
    {
        Assert.False(ReadAccess.CanReadAgendaAndMaterials(_group.Composition, _invitation.GuestPersonId, Now, _meeting.Id, [_invitation]));
    }
}
