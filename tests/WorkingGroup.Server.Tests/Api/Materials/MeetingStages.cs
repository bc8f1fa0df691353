using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Tests.Api;

/// <summary>
/// Brings a meeting of the demo composition to the stage a test starts from, by the domain's own methods on the
/// server's database (the meetings API is another engineer's and is tested there). The meeting is 30 days ahead, at
/// 10:00 in Almaty, with one agenda item.
/// </summary>
internal static class MeetingStages
{
    public const string RuCoChair = "ru.cochair@example.org";
    public const string RuDeputy = "ru.deputy@example.org";
    public const string RuSecretary = "ru.secretary@example.org";
    public const string RuMember1 = "ru.member1@example.org";
    public const string RuMember2 = "ru.member2@example.org";
    public const string KzCoChair = "kz.cochair@example.org";
    public const string KzSecretary = "kz.secretary@example.org";
    public const string KzMember1 = "kz.member1@example.org";

    public enum Stage
    {
        CollectingMaterials,
        Cancelled,
        InSession,
        Held,
    }

    /// <summary>A meeting at <paramref name="stage"/>; with <paramref name="absentCoChair"/> that side's co-chair is recorded absent .</summary>
    public static async Task<Meeting> MeetingAsync(this ProcedureServer server, Stage stage, Side? absentCoChair = null)
    {
        var people = await server.InScopeAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => Guid.Parse(u.Id)));
        var meeting = await server.InScopeAsync(async db =>
        {
            var composition = await db.Compositions.AsSplitQuery().OrderBy(c => c.Id).FirstAsync();
            Caller As(string email) => new(people[email], composition, server.Clock);

            var drafted = Meeting.Draft($"Заседание {Guid.NewGuid():N}", As(RuSecretary));
            drafted.StartAgendaForming(As(RuSecretary));
            var proposal = drafted.ProposeAgendaItem("Взаимное признание квалификаций", TaskCategory.Harmonisation, As(RuMember1));
            drafted.ApproveAgendaProposal(proposal.Id, As(RuCoChair));
            drafted.ApproveAgendaProposal(proposal.Id, As(KzCoChair));
            drafted.SetSchedule(ScheduleFor(server.Clock.GetUtcNow()), As(RuCoChair));
            drafted.ApproveAgenda(As(RuCoChair));
            drafted.ApproveAgenda(As(KzCoChair));
            drafted.ScheduleMeeting(As(KzCoChair));
            if (stage == Stage.Cancelled)
            {
                drafted.Cancel("Перенос на следующий квартал", As(KzCoChair));
            }
            else
            {
                drafted.StartMaterialsCollection(As(RuSecretary));
            }

            db.Meetings.Add(drafted);
            await db.SaveChangesAsync();
            return drafted;
        });

        return stage is Stage.InSession or Stage.Held ? await server.HoldAsync(meeting.Id, stage, absentCoChair, people) : meeting;
    }

    /// <summary>30 days after <paramref name="now"/>, 10:00 in Almaty (UTC+5), in person.</summary>
    public static MeetingSchedule ScheduleFor(DateTimeOffset now) =>
        new(DateTime.SpecifyKind(now.UtcDateTime.Date.AddDays(30).AddHours(10), DateTimeKind.Unspecified), "Asia/Almaty", MeetingFormat.InPerson, "Астана, пр. Мангилик Ел, 8", null);

    private static async Task<Meeting> HoldAsync(
        this ProcedureServer server, Guid meetingId, Stage stage, Side? absentCoChair, Dictionary<string, Guid> people) =>
        await server.InScopeAsync(async db =>
        {
            var composition = await db.Compositions.AsSplitQuery().OrderBy(c => c.Id).FirstAsync();
            var meeting = await db.Meetings.AsSplitQuery().SingleAsync(m => m.Id == meetingId);
            Caller As(string email) => new(people[email], composition, server.Clock);

            MeetingPackage.Distribute(meeting, [], As(RuSecretary));
            foreach (var side in new[] { Side.RU, Side.KZ })
            {
                var secretary = As(side == Side.RU ? RuSecretary : KzSecretary);
                foreach (var member in composition.MembersOf(side, server.Clock.GetUtcNow()))
                {
                    var absent = side == absentCoChair && member.Role == MemberRole.CoChair;
                    meeting.RecordAttendance(member.PersonId, absent ? Presence.Absent : Presence.PresentInPerson, secretary);
                }
            }

            server.Clock.SetUtcNow(meeting.Schedule!.StartsAt);
            meeting.Open(As(absentCoChair == Side.KZ ? RuCoChair : KzCoChair));
            if (stage == Stage.Held)
            {
                meeting.CloseSession(As(absentCoChair == Side.KZ ? RuCoChair : KzCoChair));
            }

            await db.SaveChangesAsync();
            return meeting;
        });
}
