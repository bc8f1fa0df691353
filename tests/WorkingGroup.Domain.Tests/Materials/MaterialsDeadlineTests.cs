using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Materials;

public sealed class MaterialsDeadlineTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;
    private readonly Almaty _almaty = new();

    public MaterialsDeadlineTests()
    {
        _meeting = Support.Meetings.CollectingMaterials(_group);
    }

    /// <summary>Asia/Almaty is UTC+5 (tzdata 2024a and later); the server's clock is UTC.</summary>
    private sealed class Almaty
    {
        public DateTimeOffset At(int day, int hour, int minute, int second) => new(2026, 4, day, hour, minute, second, TimeSpan.FromHours(5));
    }

    private Material SubmitAt(DateTimeOffset at)
    {
        var material = Material.Draft(_meeting, "Draft protocol on occupational standards", null, "standards.docx", "h1", _group.As(_group.KzMembers[2]));
        _group.Clock.SetUtcNow(at);
        material.Submit(_meeting, _group.As(_group.KzMembers[2]));
        return material;
    }

    [Fact]
    public void Deadline_R3_9_is_the_end_of_the_day_ten_days_before_the_meeting_in_the_meeting_zone()
    {
        // Meeting on 15 April in Almaty: the last day is 5 April, late from local midnight, 19:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 19, 0, 0, TimeSpan.Zero), MaterialsDeadline.LateFrom(_meeting.Schedule!));
    }

    [Fact]
    public void Material_R3_9_submitted_at_23_59_59_local_on_the_last_day_is_on_time()
    {
        var material = SubmitAt(_almaty.At(5, 23, 59, 59));

        Assert.Equal(MaterialState.Submitted, material.State);
    }

    [Fact]
    public void Material_R3_9_submitted_at_00_00_local_the_next_day_is_late_though_the_server_date_is_still_the_5th()
    {
        var at = _almaty.At(6, 0, 0, 0);
        Assert.Equal(5, at.UtcDateTime.Day);

        var material = SubmitAt(at);

        Assert.Equal(MaterialState.Late, material.State);
        Assert.Equal(at, material.LateFrom);
    }

    [Fact]
    public void Deadline_R3_9_in_a_zone_behind_UTC_is_late_only_from_local_midnight()
    {
        var schedule = new MeetingSchedule(new DateTime(2026, 4, 15, 10, 0, 0), "America/New_York", MeetingFormat.Video, null, new Uri("https://v.example/"));
        var eastern = TimeSpan.FromHours(-4);

        Assert.False(MaterialsDeadline.IsLate(new DateTimeOffset(2026, 4, 5, 23, 59, 59, eastern), schedule));
        Assert.True(MaterialsDeadline.IsLate(new DateTimeOffset(2026, 4, 6, 0, 0, 0, eastern), schedule));
    }

    [Fact]
    public void Deadline_R3_9_days_are_a_procedure_parameter()
    {
        _meeting.FixMaterialsDeadline(3);

        var material = SubmitAt(_almaty.At(11, 23, 59, 59));

        Assert.Equal(MaterialState.Submitted, material.State);
        Assert.Equal(_almaty.At(13, 0, 0, 0), _meeting.MaterialsLateFrom);
        Assert.Equal(_almaty.At(13, 0, 0, 0), material.LateFrom);
    }

    [Fact]
    public void Deadline_R3_9_fixed_by_the_procedure_at_14_days_makes_a_material_11_days_before_late()
    {
        Assert.Equal(MaterialsDeadline.DefaultDaysBeforeMeeting, _meeting.MaterialsDeadlineDays);
        _meeting.FixMaterialsDeadline(14);

        var material = SubmitAt(_almaty.At(4, 12, 0, 0));

        Assert.Equal(MaterialState.Late, material.State);
        Assert.Equal(_almaty.At(2, 0, 0, 0), material.LateFrom);
    }

    [Fact]
    public void Deadline_R3_9_days_are_0_to_90()
    {
        Refusal.Expect("meeting.materials_deadline_days_out_of_range", () => _meeting.FixMaterialsDeadline(-1));
        Refusal.Expect("meeting.materials_deadline_days_out_of_range", () => _meeting.FixMaterialsDeadline(91));
        _meeting.FixMaterialsDeadline(0);
        _meeting.FixMaterialsDeadline(90);
        Assert.Equal(90, _meeting.MaterialsDeadlineDays);
    }

    [Fact]
    public void Deadline_R3_9_cannot_change_once_the_package_went_out()
    {
        MeetingPackage.Distribute(_meeting, [], _group.As(_group.RuSecretary));

        Refusal.Expect("meeting.materials_deadline_fixed", () => _meeting.FixMaterialsDeadline(14));
        Assert.Equal(MaterialsDeadline.DefaultDaysBeforeMeeting, _meeting.MaterialsDeadlineDays);
    }

    [Fact]
    public void Deadline_R3_9_parameter_cannot_be_negative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaterialsDeadline.LateFrom(_meeting.Schedule!, -1));
    }
}
