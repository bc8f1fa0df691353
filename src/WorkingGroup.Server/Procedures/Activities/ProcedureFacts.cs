using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>The activities' category in the designer's toolbox.</summary>
internal static class WorkingGroupActivities
{
    public const string Namespace = "WorkingGroup";

    public const string Category = "Working group";

    /// <summary>The default meeting of a step: the instance's correlation id (meeting workflows correlate on the meeting).</summary>
    public static Guid MeetingIdOr(string? meetingId, ActivityContext context) =>
        Guid.TryParse(string.IsNullOrWhiteSpace(meetingId) ? context.CorrelationId : meetingId, out var id)
            ? id
            : throw new InvalidOperationException($"'{meetingId ?? context.CorrelationId}' is not a meeting id.");
}

/// <summary>
/// What the procedure activities read from the domain inside the step's transaction: the composition, a meeting,
/// the people an audience designates, their mailboxes.
/// </summary>
internal sealed class ProcedureFacts(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
{
    private GroupComposition? composition;

    public AppDbContext Db => db;

    public DateTimeOffset Now => now;

    public static ProcedureFacts Of(ActivityContext context) =>
        new(context.GetDbContext<AppDbContext>(), context.Now, context.CancellationToken);

    public async Task<GroupComposition> CompositionAsync() =>
        composition ??= await db.Compositions.CurrentAsync(cancellationToken)
            ?? throw new InvalidOperationException("The group has no composition yet.");

    public async Task<Meeting> MeetingAsync(Guid meetingId) =>
        await db.Meetings.WholeAsync(meetingId, cancellationToken)
            ?? throw new InvalidOperationException($"Meeting {meetingId} not found.");

    public Task<Meeting?> FindMeetingAsync(Guid meetingId) =>
        db.Meetings.WholeAsync(meetingId, cancellationToken);

    /// <summary>
    /// The people an audience designates, in a stable order. Several audiences may be given separated by commas or
    /// semicolons: <c>AllMembers</c>; a role (<c>CoChair</c>, <c>DeputyCoChair</c>, <c>ExecutiveSecretary</c>,
    /// <c>Member</c>: both sides); a role of a side (<c>ExecutiveSecretary:RU</c>); <c>ActingCoChair:KZ</c> (the co-chair,
    /// or the deputy acting for an absent one, R-3.3); <c>MembersWithoutMaterials</c> (members of the composition with no
    /// submitted material for the meeting); a person's id.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> PeopleAsync(string? audience, Guid? meetingId)
    {
        var people = new List<Guid>();
        foreach (var part in (audience ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var person in await ResolveAsync(part, meetingId))
            {
                if (!people.Contains(person))
                {
                    people.Add(person);
                }
            }
        }

        return people;
    }

    private async Task<IEnumerable<Guid>> ResolveAsync(string part, Guid? meetingId)
    {
        if (Guid.TryParse(part, out var personId))
        {
            return [personId];
        }

        var group = await CompositionAsync();
        var active = group.Memberships.Where(m => m.IsActiveAt(now)).OrderBy(m => m.Side).ThenBy(m => m.Role).ThenBy(m => m.FullName, StringComparer.Ordinal).ToList();
        if (part.Equals("AllMembers", StringComparison.OrdinalIgnoreCase))
        {
            return active.Select(m => m.PersonId);
        }

        if (part.Equals("MembersWithoutMaterials", StringComparison.OrdinalIgnoreCase))
        {
            var meeting = meetingId ?? throw new InvalidOperationException("'MembersWithoutMaterials' needs a meeting.");
            var authors = await db.Materials.Where(m => m.MeetingId == meeting && m.SubmittedAt != null).Select(m => m.AuthorId).Distinct().ToListAsync(cancellationToken);
            return active.Select(m => m.PersonId).Where(p => !authors.Contains(p));
        }

        var (role, side) = SplitRole(part);
        if (role == "ActingCoChair")
        {
            var sides = side is { } s ? [s] : new[] { Side.RU, Side.KZ };
            return sides.Select(x => group.ActingCoChair(x, now)?.PersonId).OfType<Guid>();
        }

        if (!Enum.TryParse<MemberRole>(role, ignoreCase: false, out var position))
        {
            throw new InvalidOperationException($"Unknown audience '{part}'.");
        }

        return active.Where(m => m.Role == position && (side is null || m.Side == side)).Select(m => m.PersonId);
    }

    /// <summary><c>Role</c> or <c>Role:Side</c>.</summary>
    public static (string Role, Side? Side) SplitRole(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (value, null);
        }

        return Enum.TryParse<Side>(value[(colon + 1)..], ignoreCase: true, out var side)
            ? (value[..colon], side)
            : throw new InvalidOperationException($"Unknown side in '{value}'.");
    }

    /// <summary>Display names and e-mail addresses of people with an account (people without one get in-app notices only).</summary>
    public async Task<Dictionary<Guid, (string Name, string? Email)>> MailboxesAsync(IReadOnlyCollection<Guid> people)
    {
        var ids = people.Select(p => p.ToString()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var names = (await CompositionAsync()).Memberships.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.First().FullName);
        return people.ToDictionary(
            p => p,
            p => users.FirstOrDefault(u => u.Id == p.ToString()) is { } user
                ? (user.DisplayName ?? names.GetValueOrDefault(p) ?? user.Email ?? p.ToString(), user.Email)
                : (names.GetValueOrDefault(p) ?? p.ToString(), (string?)null));
    }

    /// <summary>The meeting as message templates see it (<c>Meeting.Title</c>, <c>Meeting.Date</c>, <c>Meeting.Time</c>, …).</summary>
    public static Dictionary<string, object?> MeetingModel(Meeting meeting)
    {
        var model = new Dictionary<string, object?>
        {
            ["Id"] = meeting.Id.ToString(),
            ["Title"] = meeting.Title,
            ["State"] = meeting.State.ToString(),
            ["Revision"] = meeting.ScheduleRevision,
            ["CancellationReason"] = meeting.CancellationReason,
            ["PostponementReason"] = meeting.PostponementReason,
        };
        if (meeting.Schedule is { } schedule)
        {
            model["Date"] = schedule.LocalStart.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            model["Time"] = schedule.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture);
            model["TimeZone"] = schedule.TimeZoneId;
            model["StartsAt"] = schedule.StartsAt.ToString("O", CultureInfo.InvariantCulture);
            model["Format"] = schedule.Format.ToString();
            model["Place"] = schedule.Place;
            model["Link"] = schedule.VideoLink?.AbsoluteUri;
            model["Where"] = schedule.Place ?? schedule.VideoLink?.AbsoluteUri;
            model["MaterialsDeadline"] = Local(meeting.MaterialsLateFrom!.Value.AddTicks(-1), schedule.TimeZone);
        }

        return model;
    }

    /// <summary>An instant as the meeting's people read it: local date and time with the zone.</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
}

/// <summary>
/// The to-dos of the activities that wait for a person's action (<see cref="AwaitAction"/>, <see cref="CollectSignatures"/>).
/// They are rows of the engine's task table, so <c>GET /api/tasks</c> lists them; each is anchored on a bookmark of its
/// activity and closed by the activity itself when the action's event arrives (<c>Completed</c>, by the event's publisher,
/// with its payload) or when the step ends otherwise (<c>Cancelled</c>); when the activity is dropped without being
/// resumed (its branch ended, the instance was cancelled), the engine cancels the tasks anchored on its bookmark. They cannot be completed through <c>POST /api/tasks/{id}/complete</c>: the action's REST command is
/// the one way to do them (its domain checks run there).
/// </summary>
internal static class ActionTasks
{
    /// <summary>The payload marker <c>TasksApi</c> refuses to complete directly.</summary>
    public const string CompleteByProperty = "completeBy";

    public static string Anchor(ActivityContext context, string name) =>
        context.CreateBookmark(new BookmarkRequest(name, new JsonObject { ["ActivityInstanceId"] = context.ActivityInstanceId }));

    public static WorkflowTaskRecord Open(
        ActivityContext context, string anchorId, string taskName, string assignee, string? endpoint, JsonObject? payload)
    {
        var body = payload ?? [];
        body[CompleteByProperty] = endpoint ?? "the procedure's command";
        body["activityInstanceId"] = context.ActivityInstanceId;
        var task = new WorkflowTaskRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            InstanceId = context.WorkflowInstanceId,
            BookmarkId = anchorId,
            ActivityId = context.ActivityId,
            TaskName = taskName,
            Assignee = assignee,
            Payload = body.ToJsonString(),
            Status = WorkflowTaskStatus.Open,
            CreatedAt = context.Now,
        };
        context.GetDbContext<AppDbContext>().Add(task);
        return task;
    }

    /// <summary>The open tasks of this execution of the activity.</summary>
    public static async Task<List<WorkflowTaskRecord>> OpenOfAsync(ActivityContext context)
    {
        var db = context.GetDbContext<AppDbContext>();
        var tasks = await db.Set<WorkflowTaskRecord>()
            .Where(t => t.InstanceId == context.WorkflowInstanceId && t.ActivityId == context.ActivityId && t.Status == WorkflowTaskStatus.Open)
            .ToListAsync(context.CancellationToken);
        var marker = $"\"activityInstanceId\":\"{context.ActivityInstanceId}\"";
        return [.. tasks.Where(t => t.Payload?.Contains(marker, StringComparison.Ordinal) == true)];
    }

    public static void Close(WorkflowTaskRecord task, ActivityContext context, bool completed, JsonNode? result)
    {
        task.Status = completed ? WorkflowTaskStatus.Completed : WorkflowTaskStatus.Cancelled;
        task.CompletedAt = context.Now;
        task.CompletedBy = context.Actor;
        task.Result = result?.ToJsonString();
    }
}
