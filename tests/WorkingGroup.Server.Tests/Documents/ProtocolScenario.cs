using Microsoft.Extensions.Time.Testing;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Server.Tests.Documents;

/// <summary>
/// A realistic meeting driven through the domain's public API: six per side, a hybrid meeting in
/// Astana on 15 April 2026 at 10:00 Almaty time, the RU co-chair and one member of each side absent
/// (the RU deputy acts, R-3.3), a written opinion read out, two recommendations with assignments.
/// </summary>
internal sealed class ProtocolScenario
{
    public static readonly Uri VideoLink = new("https://vks.example.kz/room/wg-3");

    public ProtocolScenario()
    {
        Composition = GroupComposition.Establish(
        [
            new(RuCoChair, "Иванов Сергей Петрович", Side.RU, MemberRole.CoChair),
            new(RuDeputy, "Смирнова Елена Викторовна", Side.RU, MemberRole.DeputyCoChair),
            new(RuSecretary, "Кузнецов Андрей Олегович", Side.RU, MemberRole.ExecutiveSecretary),
            new(RuMembers[0], "Попова Мария Ивановна", Side.RU, MemberRole.Member),
            new(RuMembers[1], "Васильев Игорь Николаевич", Side.RU, MemberRole.Member),
            new(RuMembers[2], "Новикова Ольга Сергеевна", Side.RU, MemberRole.Member),
            new(KzCoChair, "Нурланов Ерлан Серикович", Side.KZ, MemberRole.CoChair),
            new(KzDeputy, "Ахметова Айгуль Маратовна", Side.KZ, MemberRole.DeputyCoChair),
            new(KzSecretary, "Сейтказиев Даурен Болатович", Side.KZ, MemberRole.ExecutiveSecretary),
            new(KzMembers[0], "Жумабаева Алия Кайратовна", Side.KZ, MemberRole.Member),
            new(KzMembers[1], "Омаров Тимур Ерболович", Side.KZ, MemberRole.Member),
            new(KzMembers[2], "Касымова Динара Асхатовна", Side.KZ, MemberRole.Member),
        ],
        Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public GroupComposition Composition { get; }

    public Guid RuCoChair { get; } = Guid.NewGuid();

    public Guid RuDeputy { get; } = Guid.NewGuid();

    public Guid RuSecretary { get; } = Guid.NewGuid();

    public Guid[] RuMembers { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public Guid KzCoChair { get; } = Guid.NewGuid();

    public Guid KzDeputy { get; } = Guid.NewGuid();

    public Guid KzSecretary { get; } = Guid.NewGuid();

    public Guid[] KzMembers { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public static MeetingSchedule Hybrid() => new(
        new DateTime(2026, 4, 15, 10, 0, 0), "Asia/Almaty", MeetingFormat.Hybrid, "г. Астана, пр. Мангилик Ел, 8", VideoLink);

    public Caller As(Guid personId) => new(personId, Composition, Clock);

    /// <summary>Drafted, agenda of two questions approved by both co-chairs, and scheduled .</summary>
    public Meeting Scheduled(MeetingSchedule schedule)
    {
        var meeting = Meeting.Draft("Заседание № 3", As(RuSecretary));
        meeting.StartAgendaForming(As(RuSecretary));
        Approve(meeting, meeting.ProposeAgendaItem(
            "О взаимном признании квалификаций в сфере строительства", TaskCategory.Harmonisation, As(RuMembers[0])));
        Approve(meeting, meeting.ProposeAgendaItem(
            "О плане разработки профессиональных стандартов на 2026–2027 годы", TaskCategory.StandardsAndEducationActs, As(KzMembers[0])));
        meeting.SetSchedule(schedule, As(RuCoChair));
        meeting.ApproveAgenda(As(RuCoChair));
        meeting.ApproveAgenda(As(KzCoChair));
        meeting.ScheduleMeeting(As(KzCoChair));
        return meeting;
    }

    /// <summary>The meeting held and its protocol drafted, with the decisions recorded at it.</summary>
    public (Meeting Meeting, Protocol Protocol, IReadOnlyList<Decision> Decisions) Held()
    {
        var meeting = Scheduled(Hybrid());
        meeting.StartMaterialsCollection(As(RuSecretary));
        MeetingPackage.Distribute(meeting, [], As(KzSecretary));
        foreach (var person in new[] { RuDeputy, RuSecretary, RuMembers[0], RuMembers[1] })
        {
            meeting.RecordAttendance(person, Presence.PresentInPerson, As(RuSecretary));
        }

        meeting.RecordAttendance(KzCoChair, Presence.PresentInPerson, As(KzSecretary));
        foreach (var person in new[] { KzDeputy, KzSecretary, KzMembers[0], KzMembers[1] })
        {
            meeting.RecordAttendance(person, Presence.PresentRemotely, As(KzSecretary));
        }

        foreach (var person in new[] { RuCoChair, RuMembers[2], KzMembers[2] })
        {
            meeting.RecordAttendance(person, Presence.Absent, As(RuSecretary));
        }

        var opinion = meeting.FileWrittenOpinion(
            meeting.AgendaItems[0].Id, "Поддерживаю проект соглашения при условии пилотной апробации.", As(RuMembers[2]));
        Clock.SetUtcNow(meeting.Schedule!.StartsAt);
        meeting.Open(As(RuDeputy));
        meeting.MarkOpinionReadOut(opinion.Id, As(RuSecretary));
        Clock.Advance(TimeSpan.FromHours(1));
        var decisions = new[] { First(meeting), Second(meeting) };
        meeting.CloseSession(As(KzCoChair));
        var protocol = Protocol.Draft(
            meeting,
            "Открыла заседание заместитель сопредседателя от Российской Федерации Смирнова Е. В.\nОглашено письменное мнение Новиковой О. С.",
            As(RuSecretary));
        return (meeting, protocol, decisions);
    }

    private void Approve(Meeting meeting, AgendaProposal proposal)
    {
        meeting.ApproveAgendaProposal(proposal.Id, As(RuCoChair));
        meeting.ApproveAgendaProposal(proposal.Id, As(KzCoChair));
    }

    private Decision First(Meeting meeting)
    {
        var decision = Decision.Record(
            meeting, meeting.AgendaItems[0].Id,
            "Рекомендовать сторонам подготовить проект соглашения о взаимном признании квалификаций в строительстве.",
            As(RuSecretary));
        decision.AssignToMember(
            RuMembers[0], new DateTimeOffset(2026, 6, 30, 18, 0, 0, TimeSpan.FromHours(5)), "Проект соглашения", As(KzCoChair));
        decision.AssignToBody(
            Side.KZ, "Министерство труда и социальной защиты населения РК",
            new DateTimeOffset(2026, 9, 1, 18, 0, 0, TimeSpan.FromHours(5)), "Заключение по проекту", As(KzCoChair));
        return decision;
    }

    private Decision Second(Meeting meeting)
    {
        var decision = Decision.Record(
            meeting, meeting.AgendaItems[1].Id,
            "Одобрить план разработки профессиональных стандартов на 2026–2027 годы.", As(KzSecretary));
        decision.AssignToMember(
            KzMembers[0], new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero), "Отчёт о выполнении плана", As(KzCoChair));
        return decision;
    }
}
