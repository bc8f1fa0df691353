using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Materials;

public sealed class MaterialTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public MaterialTests()
    {
        _meeting = Support.Meetings.CollectingMaterials(_group);
    }

    private Guid Author => _group.RuMembers[0];

    private Material Drafted() =>
        Material.Draft(_meeting, "Comparison of classifiers", _meeting.AgendaItems[0].Id, "v1.pdf", "hash-1", _group.As(Author));

    private Material Submitted()
    {
        var material = Drafted();
        material.Submit(_meeting, _group.As(Author));
        return material;
    }

    private Material Late()
    {
        var material = Drafted();
        _group.Clock.SetUtcNow(MaterialsDeadline.LateFrom(_meeting.Schedule!));
        material.Submit(_meeting, _group.As(Author));
        return material;
    }

    [Fact]
    public void Material_R3_5_is_drafted_by_a_member_with_its_first_version()
    {
        var material = Drafted();

        Assert.Equal(MaterialState.Draft, material.State);
        Assert.Equal(new MaterialVersion(1, "v1.pdf", "hash-1", Author, Group.Start), Assert.Single(material.Versions));
    }

    [Fact]
    public void Material_is_not_drafted_by_someone_outside_the_composition()
    {
        Refusal.Expect("actor.not_member", () => Material.Draft(_meeting, "x", null, "x.pdf", "h", _group.As(_group.Outsider)));
    }

    [Fact]
    public void Material_for_an_unknown_agenda_item_is_refused()
    {
        Refusal.Expect("agenda.item_not_found", () => Material.Draft(_meeting, "x", Guid.NewGuid(), "x.pdf", "h", _group.As(Author)));
    }

    [Fact]
    public void Material_is_not_drafted_before_the_meeting_is_scheduled()
    {
        var meeting = Support.Meetings.FormingAgenda(_group);

        Refusal.Expect("material.collection_closed", () => Material.Draft(meeting, "x", null, "x.pdf", "h", _group.As(Author)));
    }

    [Fact]
    public void Material_draft_is_revised_by_its_author_keeping_every_version()
    {
        var material = Drafted();

        material.Revise("v2.pdf", "hash-2", _group.As(Author));

        Assert.Equal(MaterialState.Draft, material.State);
        Assert.Equal([1, 2], material.Versions.Select(v => v.Number));
        Assert.Equal("v2.pdf", material.CurrentVersion.FileName);
    }

    [Fact]
    public void Material_is_revised_and_submitted_by_its_author_only()
    {
        var material = Drafted();

        Refusal.Expect("material.not_author", () => material.Revise("v2.pdf", "h", _group.As(_group.RuMembers[1])));
        Refusal.Expect("material.not_author", () => material.Submit(_meeting, _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Material_R3_9_submitted_on_time_is_submitted_and_remembers_when()
    {
        var material = Submitted();

        Assert.Equal(MaterialState.Submitted, material.State);
        Assert.Equal(Group.Start, material.SubmittedAt);
    }

    [Fact]
    public void Material_R3_4_submitted_is_accepted_by_a_secretary()
    {
        var material = Submitted();

        Refusal.Expect("actor.not_secretary", () => material.Accept(_group.As(_group.RuCoChair)));
        material.Accept(_group.As(_group.KzSecretary));

        Assert.Equal(MaterialState.Accepted, material.State);
        Assert.Equal(_group.KzSecretary, material.DecidedBy);
    }

    [Fact]
    public void Material_R3_4_is_returned_by_a_secretary_with_a_reason_then_revised_to_draft()
    {
        var material = Submitted();

        Refusal.Expect("request.text_required", () => material.Return(" ", _group.As(_group.RuSecretary)));
        material.Return("Attach the annex", _group.As(_group.RuSecretary));
        Assert.Equal((MaterialState.Returned, "Attach the annex"), (material.State, material.DecisionReason));

        material.Revise("v2.pdf", "hash-2", _group.As(Author));

        Assert.Equal(MaterialState.Draft, material.State);
        Assert.Equal(2, material.Versions.Count);
    }

    [Fact]
    public void Material_returned_cannot_be_submitted_without_a_new_version()
    {
        var material = Submitted();
        material.Return("Attach the annex", _group.As(_group.RuSecretary));

        Refusal.Expect("material.transition_not_allowed", () => material.Submit(_meeting, _group.As(Author)));
    }

    [Fact]
    public void Material_submitted_cannot_be_revised_or_submitted_again()
    {
        var material = Submitted();

        Refusal.Expect("material.transition_not_allowed", () => material.Revise("v2.pdf", "h", _group.As(Author)));
        Refusal.Expect("material.transition_not_allowed", () => material.Submit(_meeting, _group.As(Author)));
    }

    [Fact]
    public void Material_R3_9_late_is_admitted_by_a_co_chair_with_a_reason()
    {
        var material = Late();

        material.Admit("Needed for item 1", _meeting, _group.As(_group.KzCoChair));

        Assert.Equal((MaterialState.Admitted, "Needed for item 1", (Guid?)_group.KzCoChair), (material.State, material.DecisionReason, material.DecidedBy));
    }

    [Fact]
    public void Material_R3_9_late_is_excluded_by_a_co_chair_with_a_reason()
    {
        var material = Late();

        material.Exclude("Too late to study", _meeting, _group.As(_group.RuCoChair));

        Assert.Equal(MaterialState.Excluded, material.State);
    }

    [Fact]
    public void Material_R3_9_late_is_not_admitted_by_a_secretary_nor_without_a_reason()
    {
        var material = Late();

        Refusal.Expect("actor.not_acting_co_chair", () => material.Admit("reason", _meeting, _group.As(_group.RuSecretary)));
        Refusal.Expect("request.text_required", () => material.Admit("", _meeting, _group.As(_group.RuCoChair)));
        Refusal.Expect("request.text_required", () => material.Exclude("", _meeting, _group.As(_group.RuCoChair)));
        Assert.Equal(MaterialState.Late, material.State);
    }

    [Fact]
    public void Material_R3_9_late_cannot_be_accepted_by_the_secretary()
    {
        var material = Late();

        Refusal.Expect("material.transition_not_allowed", () => material.Accept(_group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Material_on_time_cannot_be_admitted_or_excluded()
    {
        var material = Submitted();

        Refusal.Expect("material.transition_not_allowed", () => material.Admit("reason", _meeting, _group.As(_group.RuCoChair)));
        Refusal.Expect("material.transition_not_allowed", () => material.Exclude("reason", _meeting, _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Material_is_decided_with_its_own_meeting_only()
    {
        var material = Late();
        var other = Support.Meetings.Drafted(_group);

        Refusal.Expect("material.other_meeting", () => material.Admit("reason", other, _group.As(_group.RuCoChair)));
        Refusal.Expect("material.other_meeting", () => material.Submit(other, _group.As(Author)));
    }

    [Fact]
    public void Material_is_not_submitted_after_the_package_is_distributed()
    {
        var material = Drafted();
        MeetingPackage.Distribute(_meeting, [material], _group.As(_group.RuSecretary));

        Refusal.Expect("material.collection_closed", () => material.Submit(_meeting, _group.As(Author)));
    }
}
