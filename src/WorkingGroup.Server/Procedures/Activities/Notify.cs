using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Documents;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Уведомить / Notify: an in-app notice and an e-mail to each person of an audience, rendered from Liquid templates with the
/// meeting's data (<c>{{ Meeting.Title }}</c>, <c>{{ Meeting.Date }}</c>, <c>{{ Meeting.Time }}</c>, <c>{{ Meeting.TimeZone }}</c>,
/// <c>{{ Meeting.Where }}</c>, <c>{{ Meeting.Link }}</c>, <c>{{ Deadline }}</c>, <c>{{ Data.x }}</c>, <c>{{ Person.Name }}</c>), Russian
/// first with the English text below it; optionally with the meeting's iCalendar invitation (SEQUENCE = the schedule's
/// revision; METHOD:CANCEL for a cancelled or postponed meeting). Written in the step's transaction.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Уведомить (Notify)")]
public sealed class Notify : Activity
{
    /// <summary>
    /// Who: <c>AllMembers</c>, a role (<c>CoChair</c>), a role of a side (<c>ExecutiveSecretary:RU</c>), <c>ActingCoChair:KZ</c>,
    /// <c>MembersWithoutMaterials</c> (members with no submitted material for the meeting), or a person's id; several separated by commas.
    /// </summary>
    [Input(IsRequired = true, Order = 1)]
    public string? Audience { get; set; }

    /// <summary>The meeting the notice is about; empty: the instance's correlation id (when it is a meeting's).</summary>
    [Input(Order = 2)]
    public string? MeetingId { get; set; }

    /// <summary>Subject in Russian (Liquid).</summary>
    [Input(Order = 3)]
    public string? Subject { get; set; } = "Рабочая группа: {{ Meeting.Title }}";

    /// <summary>Text in Russian (Liquid).</summary>
    [Input(Order = 4, UIHint = "multiline")]
    public string? Body { get; set; } = "Заседание «{{ Meeting.Title }}»{% if Meeting.Date %} — {{ Meeting.Date }} {{ Meeting.Time }} ({{ Meeting.TimeZone }}){% endif %}.";

    /// <summary>Subject in English (Liquid), the alternative shown after the Russian one; empty: none.</summary>
    [Input(Order = 5)]
    public string? SubjectEn { get; set; } = "Working group: {{ Meeting.Title }}";

    /// <summary>Text in English (Liquid); empty: none.</summary>
    [Input(Order = 6, UIHint = "multiline")]
    public string? BodyEn { get; set; } = "Meeting \"{{ Meeting.Title }}\"{% if Meeting.Date %} on {{ Meeting.Date }} at {{ Meeting.Time }} ({{ Meeting.TimeZone }}){% endif %}.";

    /// <summary>A deadline the text speaks of (<c>{{ Deadline }}</c>, local to the meeting's zone).</summary>
    [Input(Order = 7)]
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>More data for the templates, a JSON object (<c>{{ Data.reason }}</c>); e.g. the payload of the event that led here.</summary>
    [Input(Order = 8, DefaultSyntax = "Object")]
    public JsonNode? Data { get; set; }

    /// <summary>Where in the app the matter is (kept with the in-app notice).</summary>
    [Input(Order = 9)]
    public string? Link { get; set; }

    /// <summary>Attach the meeting's invitation as an iCalendar file (a request, or a cancellation for a cancelled or postponed meeting).</summary>
    [Input(Order = 10, UIHint = "checkbox")]
    public bool AttachInvitation { get; set; }

    /// <summary>Send only when true (e.g. an expression over a workflow variable); false skips the notice.</summary>
    [Input(Order = 11, UIHint = "checkbox")]
    public bool Enabled { get; set; } = true;

    /// <summary>How many people were notified.</summary>
    [Output]
    public int RecipientCount { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled)
        {
            context.Log("Skipped (Enabled is false).");
            return ActivityResult.Done;
        }

        RecipientCount = await SendAsync(context, Audience, MeetingId, Text(Subject, SubjectEn), Text(Body, BodyEn), Deadline, Data, Link, AttachInvitation);
        return ActivityResult.Done;
    }

    private static (string Ru, string? En) Text(string? ru, string? en) => (ru ?? string.Empty, string.IsNullOrWhiteSpace(en) ? null : en);

    /// <summary>Renders and writes the notices and e-mails; returns how many people got them.</summary>
    internal static async Task<int> SendAsync(
        ActivityContext context, string? audience, string? meetingId, (string Ru, string? En) subject, (string Ru, string? En) body,
        DateTimeOffset? deadline, JsonNode? data, string? link, bool attachInvitation)
    {
        var facts = ProcedureFacts.Of(context);
        Meeting? meeting = null;
        if (Guid.TryParse(string.IsNullOrWhiteSpace(meetingId) ? context.CorrelationId : meetingId, out var id))
        {
            meeting = await facts.FindMeetingAsync(id);
            if (meeting is null && !string.IsNullOrWhiteSpace(meetingId))
            {
                throw new InvalidOperationException($"Meeting {meetingId} not found.");
            }
        }

        var people = await facts.PeopleAsync(audience, meeting?.Id);
        var mailboxes = await facts.MailboxesAsync(people);
        var zone = meeting?.Schedule?.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var model = new Dictionary<string, object?>
        {
            ["Meeting"] = meeting is null ? new Dictionary<string, object?>() : ProcedureFacts.MeetingModel(meeting),
            ["Deadline"] = deadline is { } d ? ProcedureFacts.Local(d, zone) : null,
            ["Data"] = MessageTemplate.ToClr(data) ?? new Dictionary<string, object?>(),
            ["CorrelationId"] = context.CorrelationId,
        };

        (string Text, string ContentType)? invitation = attachInvitation && meeting?.Schedule is not null ? Invitation(meeting, mailboxes, context.Now) : null;
        var outbox = new MailOutbox(facts.Db, context.Services.GetRequiredService<TimeProvider>(), context.Services.GetRequiredService<MailDeliverySignal>());
        foreach (var person in people)
        {
            var (name, email) = mailboxes[person];
            model["Person"] = new Dictionary<string, object?> { ["Id"] = person.ToString(), ["Name"] = name };
            var subjectText = await Join(subject, model, " / ");
            var bodyText = await Join(body, model, "\n\n—\n\n");
            facts.Db.Notifications.Add(Notification.Create(person, Cut(subjectText, 500), bodyText, link ?? (meeting is null ? null : $"/api/meetings/{meeting.Id}"), context.Now));
            if (email is not null)
            {
                var message = outbox.Enqueue(email, subjectText, bodyText, Html(bodyText));
                if (invitation is { } file)
                {
                    message.Attach("invitation.ics", file.ContentType, Encoding.UTF8.GetBytes(file.Text));
                }
            }
        }

        context.Log($"Notified {people.Count}: {Cut(await Join(subject, model, " / "), 200)}");
        return people.Count;
    }

    private static async Task<string> Join((string Ru, string? En) text, Dictionary<string, object?> model, string separator)
    {
        var ru = (await MessageTemplate.RenderAsync(text.Ru, model)).Trim();
        return text.En is null ? ru : ru + separator + (await MessageTemplate.RenderAsync(text.En, model)).Trim();
    }

    private static (string Text, string ContentType) Invitation(Meeting meeting, Dictionary<Guid, (string Name, string? Email)> people, DateTimeOffset now)
    {
        var attendees = people.Values.Where(p => p.Email is not null).Select(p => new Mailbox(p.Email!, p.Name)).ToList();
        var organizer = new Mailbox("secretariat@workinggroup.local", "Секретариат рабочей группы");
        var parties = new InvitationParties(organizer, attendees);
        return meeting.State is MeetingState.Cancelled or MeetingState.Postponed
            ? (MeetingInvitation.Cancel(meeting, parties, meeting.ScheduleRevision, now), MeetingInvitation.ContentTypeCancel)
            : (MeetingInvitation.Request(meeting, parties, meeting.ScheduleRevision, now), MeetingInvitation.ContentTypeRequest);
    }

    private static string Html(string text) =>
        "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    internal static string Invariant(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
