using System.Globalization;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Documents;

/// <summary>
/// The regulation's words in Russian for the protocol. Month names and number formats are spelled
/// out here rather than taken from the platform's ru-RU culture, whose data differs between ICU
/// versions and would change the rendered bytes that signatures bind.
/// </summary>
internal static class RussianWording
{
    private static readonly string[] MonthsGenitive =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    /// <summary>The six tasks of as the regulation names them, with their letters.</summary>
    public static string Category(TaskCategory category) => category switch
    {
        TaskCategory.DevelopmentSupport => "а) содействие развитию национальных систем квалификаций",
        TaskCategory.LegislationProposals => "б) выработка предложений по совершенствованию законодательства",
        TaskCategory.Harmonisation => "в) гармонизация национальных систем квалификаций и классификаторов занятий",
        TaskCategory.StandardsAndEducationActs => "г) профессиональные стандарты и нормативные правовые акты в сфере образования",
        TaskCategory.Coordination => "д) координация действий",
        TaskCategory.OtherByCoChairs => "е) другие задачи по предложению сопредседателей",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>"Российской Федерации" / "Республики Казахстан", as in "от ...".</summary>
    public static string SideGenitive(Side side) => side switch
    {
        Side.RU => "Российской Федерации",
        Side.KZ => "Республики Казахстан",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static string SideShort(Side side) => side switch
    {
        Side.RU => "РФ",
        Side.KZ => "РК",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static string Role(MemberRole role) => role switch
    {
        MemberRole.CoChair => "сопредседатель",
        MemberRole.DeputyCoChair => "заместитель сопредседателя",
        MemberRole.ExecutiveSecretary => "ответственный секретарь",
        MemberRole.Member => "член рабочей группы",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Presence(Presence presence) => presence switch
    {
        Domain.Attendance.Presence.PresentInPerson => "очно",
        Domain.Attendance.Presence.PresentRemotely => "дистанционно",
        Domain.Attendance.Presence.Absent => "отсутствует",
        _ => throw new ArgumentOutOfRangeException(nameof(presence), presence, null),
    };

    /// <summary>R-3.8: how the meeting is held.</summary>
    public static string Format(MeetingFormat format) => format switch
    {
        MeetingFormat.InPerson => "очно",
        MeetingFormat.Video => "видеоконференция",
        MeetingFormat.Hybrid => "смешанный (очно и по видеоконференции)",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>R-3.7 per side: "присутствуют 5 из 6, кворум есть".</summary>
    public static string Quorum(SideAttendance side) =>
        $"присутствуют {Number(side.Present)} из {Number(side.Members)}, "
        + (side.IsQuorate ? "кворум есть" : "кворума нет")
        + $" (необходимо не менее {Number(side.Required)}, п. 3.7)";

    /// <summary>"15 апреля 2026 г."</summary>
    public static string Date(DateOnly date) => $"{Number(date.Day)} {MonthsGenitive[date.Month - 1]} {Number(date.Year)} г.";

    /// <summary>"15.04.2026", for tables.</summary>
    public static string ShortDate(DateOnly date) =>
        $"{Number(date.Day, 2)}.{Number(date.Month, 2)}.{Number(date.Year, 4)}";

    /// <summary>"15 апреля 2026 г., 10:00 (Asia/Almaty, UTC+05:00)": local time, with the zone it is counted in.</summary>
    public static string DateAndTime(DateTime localStart, string timeZoneId, TimeSpan utcOffset)
    {
        var sign = utcOffset < TimeSpan.Zero ? "−" : "+";
        var offset = utcOffset.Duration();
        return $"{Date(DateOnly.FromDateTime(localStart))}, {Number(localStart.Hour, 2)}:{Number(localStart.Minute, 2)} "
            + $"({timeZoneId}, UTC{sign}{Number(offset.Hours, 2)}:{Number(offset.Minutes, 2)})";
    }

    private static string Number(int value, int digits = 1) =>
        value.ToString(new string('0', digits), CultureInfo.InvariantCulture);
}
