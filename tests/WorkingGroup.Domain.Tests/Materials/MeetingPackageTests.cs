using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Materials;

public sealed class MeetingPackageTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public MeetingPackageTests()
    {
        _meeting = Support.Meetings.CollectingMaterials(_group);
    }

    private Material Make(string title, bool late = false)
    {
        var material = Material.Draft(_meeting, title, null, $"{title}.pdf", title, _group.As(_group.KzMembers[0]));
        var lateFrom = MaterialsDeadline.LateFrom(_meeting.Schedule!);
        if (late && _group.Clock.GetUtcNow() < lateFrom)
        {
            _group.Clock.SetUtcNow(lateFrom);
        }

        material.Submit(_meeting, _group.As(_group.KzMembers[0]));
        return material;
    }

    [Fact]
    public void Package_R3_9_holds_accepted_and_admitted_materials_and_leaves_out_excluded_returned_and_drafts()
    {
        var accepted = Make("accepted");
        accepted.Accept(_group.As(_group.KzSecretary));
        var returned = Make("returned");
        returned.Return("Incomplete", _group.As(_group.KzSecretary));
        var draft = Material.Draft(_meeting, "draft", null, "d.pdf", "d", _group.As(_group.KzMembers[1]));
        var admitted = Make("admitted", late: true);
        admitted.Admit("Key input", _meeting, _group.As(_group.KzCoChair));
        var excluded = Make("excluded", late: true);
        excluded.Exclude("Too late", _meeting, _group.As(_group.KzCoChair));

        var package = MeetingPackage.Distribute(_meeting, [accepted, admitted, excluded, returned, draft], _group.As(_group.KzSecretary));

        Assert.Equal([accepted, admitted], package);
        Assert.All(package, m => Assert.Equal(MaterialState.InPackage, m.State));
        Assert.Equal(
            [MaterialState.Excluded, MaterialState.Returned, MaterialState.Draft],
            new[] { excluded, returned, draft }.Select(m => m.State));
        Assert.Equal(MeetingState.PackageDistributed, _meeting.State);
    }

    [Fact]
    public void Package_R3_9_is_not_distributed_while_a_material_awaits_a_decision()
    {
        var submitted = Make("submitted");
        var late = Make("late", late: true);

        Refusal.Expect("material.awaiting_decision", () => MeetingPackage.Distribute(_meeting, [submitted], _group.As(_group.KzSecretary)));
        Refusal.Expect("material.awaiting_decision", () => MeetingPackage.Distribute(_meeting, [late], _group.As(_group.KzSecretary)));
        Assert.Equal(MeetingState.MaterialsCollection, _meeting.State);
    }

    [Fact]
    public void Package_R3_4_is_distributed_by_a_secretary()
    {
        Refusal.Expect("actor.not_secretary", () => MeetingPackage.Distribute(_meeting, [], _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Package_holds_materials_of_its_own_meeting_only()
    {
        var otherGroup = new Group();
        var other = Support.Meetings.CollectingMaterials(otherGroup);
        var foreign = Material.Draft(other, "x", null, "x.pdf", "x", otherGroup.As(otherGroup.RuMembers[0]));

        Refusal.Expect("material.other_meeting", () => MeetingPackage.Distribute(_meeting, [foreign], _group.As(_group.KzSecretary)));
    }

    [Fact]
    public void Package_is_distributed_once_materials_are_being_collected()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("meeting.transition_not_allowed", () => MeetingPackage.Distribute(meeting, [], _group.As(_group.KzSecretary)));
    }
}
