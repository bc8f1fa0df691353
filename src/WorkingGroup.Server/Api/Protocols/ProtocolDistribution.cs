using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Documents;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Protocols;

/// <summary>
/// a copy of the signed protocol goes to every member of the composition, by e-mail (the DOCX attached) and in
/// the app, and each delivery is logged with the protocol, all in the command's transaction: the outbox sends the mail
/// after the commit, so a refused or failed distribution sends nothing.
/// </summary>
internal static class ProtocolDistribution
{
    /// <summary>Russian text stays text in the HTML part, not &amp;#x...; escapes.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Queues the e-mails and notifications and logs the deliveries; returns how many members were reached.</summary>
    public static async Task<int> SendAsync(
        ProcedureCommand cmd, Meeting meeting, Protocol protocol, GroupComposition composition,
        ProtocolDocuments.Document document, MailDeliverySignal signal)
    {
        var now = cmd.Clock.GetUtcNow();
        var members = composition.Memberships.Where(m => m.IsActiveAt(now)).OrderBy(m => m.Side).ThenBy(m => m.Role).ToList();
        var accountIds = members.Select(m => m.PersonId.ToString()).ToList();
        var emails = await cmd.Db.Users.AsNoTracking()
            .Where(u => accountIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cmd.CancellationToken);

        var outbox = new MailOutbox(cmd.Db, cmd.Clock, signal);
        var letter = Letter(meeting);
        var link = $"/api/meetings/{meeting.Id}/protocol/document";
        foreach (var member in members)
        {
            if (emails.TryGetValue(member.PersonId.ToString(), out var email))
            {
                outbox.Enqueue(email, letter.Subject, letter.Text, letter.Html)
                    .Attach(document.FileName, ProtocolDocument.ContentType, document.Content);
                protocol.RecordDelivery(member.PersonId, DeliveryChannel.Email, cmd.Clock);
            }

            cmd.Db.Notifications.Add(Notification.Create(member.PersonId, letter.Subject, letter.Text, link, now));
            protocol.RecordDelivery(member.PersonId, DeliveryChannel.InApp, cmd.Clock);
        }

        return members.Count;
    }

    /// <summary>The covering letter: Russian first, the English alternative below.</summary>
    internal static (string Subject, string Text, string Html) Letter(Meeting meeting)
    {
        var date = meeting.Schedule?.LocalDate;
        var ru = date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";
        var en = date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "—";
        var subject = $"Протокол заседания «{meeting.Title}» от {ru} / Minutes of the meeting \"{meeting.Title}\" of {en}";
        string[] russian =
        [
            "Уважаемые коллеги!",
            $"Направляем подписанный протокол заседания межгосударственной рабочей группы «{meeting.Title}», состоявшегося {ru}. " +
            "Протокол приложен к письму (DOCX) и доступен в приложении рабочей группы.",
        ];
        string[] english =
        [
            "Dear colleagues,",
            $"Please find attached the signed minutes of the meeting of the interstate working group \"{meeting.Title}\" held on {en}. " +
            "The minutes are attached (DOCX) and available in the working group's app.",
        ];
        var text = string.Join("\n\n", [.. russian, "—", .. english]);
        var html = string.Concat(
            string.Concat(russian.Select(p => $"<p>{Html.Encode(p)}</p>")),
            "<hr>",
            string.Concat(english.Select(p => $"<p lang=\"en\">{Html.Encode(p)}</p>")));
        return (subject, text, html);
    }
}
