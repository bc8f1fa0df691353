using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Notifications;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Timers;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>
/// The server with the shipped <c>workflows/</c> definitions on a fake clock (its timers fired by the test, not by the
/// timer service): commands run through <see cref="ProcedureCommands"/> as the demo people, the clock moves, and the
/// test reads the tasks, notifications and e-mails the procedures produced.
/// </summary>
public sealed class ProcedureHost : IAsyncDisposable
{
    private static readonly string[] Definitions =
        ["meeting-lifecycle", "material-submission", "protocol-signing", "decision-control", "agenda-proposal", "guest-invitation", "composition-change"];

    private readonly WebApplicationFactory<Program> _parent;

    private ProcedureHost(WebApplicationFactory<Program> parent, WebApplicationFactory<Program> server, FakeTimeProvider clock)
    {
        _parent = parent;
        Server = server;
        Clock = clock;
    }

    public WebApplicationFactory<Program> Server { get; }

    public FakeTimeProvider Clock { get; }

    public WorkflowRuntime Runtime => Server.Services.GetRequiredService<WorkflowRuntime>();

    /// <summary>Starts the server with the shipped definitions; <paramref name="settings"/> as appsettings would (e.g. an SMTP server).</summary>
    public static async Task<ProcedureHost> StartAsync(AppFixture app, params (string Key, string? Value)[] settings)
    {
        // Whole seconds: the stored ticks and the clock compare exactly.
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddMinutes(1));
        var parent = await app.CreateFactoryAsync("Development", [("Workflows:RunTimerService", "false"), .. settings]);
        var factory = parent.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var host = new ProcedureHost(parent, factory, clock);
        var store = factory.Services.GetRequiredService<WorkflowDefinitionStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in Definitions)
        {
            while (await store.FindPublishedAsync(id) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{id} was not imported.");
                await Task.Delay(100);
            }
        }

        // Tests of a class share their database: each host sees only the notices and e-mails written after it started.
        host._before = await host.InScopeAsync(async db =>
            (await db.Notifications.Select(n => n.Id).ToListAsync()).Concat(await db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync()).ToHashSet());
        return host;
    }

    private HashSet<Guid> _before = [];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _parent.DisposeAsync();
    }

    public async Task<T> InScopeAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The person id of a demo account.</summary>
    public async Task<Guid> PersonAsync(string email) =>
        Guid.Parse(await InScopeAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));

    /// <summary>Runs a command as <paramref name="email"/>'s person: the domain change and the events it raises, in one transaction.</summary>
    public async Task<T> CommandAsync<T>(string email, Func<ProcedureCommand, Caller, Task<T>> command)
    {
        var person = await PersonAsync(email);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.ToString())], "test"));
        return await Server.Services.GetRequiredService<ProcedureCommands>().RunAsync(user, async cmd => await command(cmd, await cmd.CallerAsync()), CancellationToken.None);
    }

    public Task CommandAsync(string email, Action<ProcedureCommand, Caller> command) =>
        CommandAsync(email, (cmd, caller) =>
        {
            command(cmd, caller);
            return Task.FromResult(true);
        });

    /// <summary>Loads a meeting in a command (tracked, saved with it).</summary>
    public static Task<Meeting> MeetingAsync(ProcedureCommand cmd, Guid id) => cmd.Db.Meetings.AsSplitQuery().SingleAsync(m => m.Id == id);

    /// <summary>Moves the clock and fires every timer that fell due, as the timer service would.</summary>
    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(instant);
        }

        var timers = Server.Services.GetRequiredService<WorkflowTimerService>();
        while (await timers.FireDueTimersAsync() > 0)
        {
        }
    }

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Clock.GetUtcNow() + by);

    /// <summary>The open to-dos of an instance, as <c>GET /api/tasks</c> lists them.</summary>
    public Task<List<WorkflowTaskRecord>> OpenTasksAsync(string? definitionId = null, string? correlationId = null) =>
        InScopeAsync(db => db.Set<WorkflowTaskRecord>().AsNoTracking()
            .Where(t => t.Status == WorkflowTaskStatus.Open)
            .Where(t => db.Set<WorkflowInstanceRecord>().Any(i => i.Id == t.InstanceId
                && (definitionId == null || i.DefinitionId == definitionId) && (correlationId == null || i.CorrelationId == correlationId)))
            .OrderBy(t => t.CreatedAt).ToListAsync());

    public Task<WorkflowTaskRecord> TaskAsync(string id) =>
        InScopeAsync(db => db.Set<WorkflowTaskRecord>().AsNoTracking().SingleAsync(t => t.Id == id));

    public Task<WorkflowInstanceRecord> InstanceAsync(string definitionId, string correlationId) =>
        InScopeAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.DefinitionId == definitionId && i.CorrelationId == correlationId));

    /// <summary>The in-app notices whose subject contains <paramref name="subject"/>.</summary>
    public Task<List<Notification>> NotificationsAsync(string subject) =>
        InScopeAsync(async db => (await db.Notifications.AsNoTracking().ToListAsync()).Where(n => !_before.Contains(n.Id) && n.Subject.Contains(subject, StringComparison.Ordinal)).ToList());

    /// <summary>The e-mails whose subject contains <paramref name="subject"/>, with their attachments.</summary>
    public Task<List<OutboxMessage>> MailsAsync(string subject) =>
        InScopeAsync(async db => (await db.Set<OutboxMessage>().AsNoTracking().Include(m => m.Attachments).ToListAsync())
            .Where(m => !_before.Contains(m.Id) && m.Subject.Contains(subject, StringComparison.Ordinal)).ToList());

    public Task<List<WorkflowJournalRecord>> JournalAsync(string instanceId) =>
        InScopeAsync(db => db.Set<WorkflowJournalRecord>().AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync());

    private readonly Dictionary<string, (string Token, DateTimeOffset SignedInAt)> _tokens = [];

    /// <summary>
    /// A client with <paramref name="email"/>'s bearer token. A token lives an hour of the server's clock: one signed in
    /// more than half an hour ago (or "later", before the clock moved) is replaced by a new sign-in.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string email)
    {
        var now = Clock.GetUtcNow();
        if (!_tokens.TryGetValue(email, out var signedIn) || now - signedIn.SignedInAt > TimeSpan.FromMinutes(30) || now < signedIn.SignedInAt)
        {
            signedIn = (await AppFixture.SignInAsync(Server, email), now);
            _tokens[email] = signedIn;
        }

        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.Token);
        return client;
    }

    /// <summary>Publishes an event straight to the engine (for procedures whose domain commands are not needed by the test).</summary>
    public Task PublishAsync(string eventName, Guid correlationId, JsonObject payload, string actorEmail) =>
        PublishAsync(eventName, correlationId.ToString(), payload, actorEmail);

    public async Task PublishAsync(string eventName, string correlationId, JsonObject payload, string actorEmail) =>
        await Runtime.PublishEventAsync(eventName, correlationId, payload, (await PersonAsync(actorEmail)).ToString());

    // ----- the domain, driven as the REST commands do (the commands themselves are tested with the API)

    /// <summary>A meeting in Almaty (UTC+5) at 10:00 local, <paramref name="daysAhead"/> days from the clock.</summary>
    public MeetingSchedule ScheduleIn(int daysAhead)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var local = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone).Date.AddDays(daysAhead).AddHours(10);
        return new MeetingSchedule(local, "Asia/Almaty", MeetingFormat.InPerson, "Астана, Мәңгілік Ел 8", null);
    }

    /// <summary>Drafts a meeting (starting meeting-lifecycle) and returns its id.</summary>
    public Task<Guid> DraftMeetingAsync(string title) =>
        CommandAsync("ru.secretary@example.org", (cmd, caller) =>
        {
            var meeting = Meeting.Draft(title, caller);
            cmd.Db.Meetings.Add(meeting);
            cmd.Raise(ProcedureEvents.MeetingDrafted, meeting.Id, new JsonObject { ["meetingId"] = meeting.Id.ToString(), ["title"] = title });
            return Task.FromResult(meeting.Id);
        });

    public Task StartAgendaFormingAsync(Guid meetingId) =>
        CommandAsync("ru.cochair@example.org", async (cmd, caller) =>
        {
            (await MeetingAsync(cmd, meetingId)).StartAgendaForming(caller);
            cmd.Raise(ProcedureEvents.AgendaFormingStarted, meetingId);
            return true;
        });

    /// <summary>A member proposes an item and both co-chairs approve it (without raising the proposal's events).</summary>
    public async Task AddApprovedItemAsync(Guid meetingId)
    {
        var proposalId = await CommandAsync("ru.member1@example.org", async (cmd, caller) =>
            (await MeetingAsync(cmd, meetingId)).ProposeAgendaItem("Взаимное признание квалификаций", TaskCategory.Harmonisation, caller).Id);
        foreach (var coChair in new[] { "ru.cochair@example.org", "kz.cochair@example.org" })
        {
            await CommandAsync(coChair, async (cmd, caller) =>
            {
                (await MeetingAsync(cmd, meetingId)).ApproveAgendaProposal(proposalId, caller);
                return true;
            });
        }
    }

    public Task SetScheduleAsync(Guid meetingId, MeetingSchedule schedule) =>
        CommandAsync("ru.cochair@example.org", async (cmd, caller) =>
        {
            (await MeetingAsync(cmd, meetingId)).SetSchedule(schedule, caller);
            return true;
        });

    public Task ApproveAgendaAsync(Guid meetingId, string coChairEmail, Side side, bool byBoth) =>
        CommandAsync(coChairEmail, async (cmd, caller) =>
        {
            (await MeetingAsync(cmd, meetingId)).ApproveAgenda(caller);
            cmd.Raise(ProcedureEvents.AgendaApproved, meetingId, new JsonObject { ["side"] = side.ToString(), ["approvedByBoth"] = byBoth });
            return true;
        });

    public Task ScheduleAsync(Guid meetingId) =>
        CommandAsync("kz.cochair@example.org", async (cmd, caller) =>
        {
            var meeting = await MeetingAsync(cmd, meetingId);
            meeting.ScheduleMeeting(caller);
            cmd.Raise(ProcedureEvents.MeetingScheduled, meetingId, new JsonObject { ["revision"] = meeting.ScheduleRevision });
            return true;
        });

    public Task StartMaterialsCollectionAsync(Guid meetingId) =>
        CommandAsync("ru.secretary@example.org", async (cmd, caller) =>
        {
            (await MeetingAsync(cmd, meetingId)).StartMaterialsCollection(caller);
            cmd.Raise(ProcedureEvents.MaterialsCollectionStarted, meetingId);
            return true;
        });

    public Task DistributePackageAsync(Guid meetingId) =>
        CommandAsync("kz.secretary@example.org", async (cmd, caller) =>
        {
            MeetingPackage.Distribute(await MeetingAsync(cmd, meetingId), [], caller);
            cmd.Raise(ProcedureEvents.PackageDistributed, meetingId);
            return true;
        });

    /// <summary>A meeting scheduled <paramref name="daysAhead"/> days from now with one approved item (no lifecycle events raised).</summary>
    public async Task<Guid> ScheduledMeetingAsync(int daysAhead, bool collecting = true)
    {
        var id = await CommandAsync("ru.secretary@example.org", (cmd, caller) =>
        {
            var meeting = Meeting.Draft("Заседание для процедур", caller);
            cmd.Db.Meetings.Add(meeting);
            meeting.StartAgendaForming(caller);
            return Task.FromResult(meeting.Id);
        });
        await AddApprovedItemAsync(id);
        await SetScheduleAsync(id, ScheduleIn(daysAhead));
        foreach (var coChair in new[] { "ru.cochair@example.org", "kz.cochair@example.org" })
        {
            await CommandAsync(coChair, async (cmd, caller) =>
            {
                (await MeetingAsync(cmd, id)).ApproveAgenda(caller);
                return true;
            });
        }

        await CommandAsync("kz.cochair@example.org", async (cmd, caller) =>
        {
            (await MeetingAsync(cmd, id)).ScheduleMeeting(caller);
            return true;
        });
        if (collecting)
        {
            await CommandAsync("ru.secretary@example.org", async (cmd, caller) =>
            {
                (await MeetingAsync(cmd, id)).StartMaterialsCollection(caller);
                return true;
            });
        }

        return id;
    }

    /// <summary>Everyone of the composition present (but <paramref name="absentEmail"/>); the clock at the meeting's start; opened by the KZ co-chair.</summary>
    public async Task<Guid> MeetingInSessionAsync(string? absentEmail = null)
    {
        var id = await ScheduledMeetingAsync(20);
        var absent = absentEmail is null ? (Guid?)null : await PersonAsync(absentEmail);
        await CommandAsync("kz.secretary@example.org", async (cmd, caller) =>
        {
            var meeting = await MeetingAsync(cmd, id);
            MeetingPackage.Distribute(meeting, [], caller);
            var composition = await cmd.CompositionAsync();
            foreach (var member in composition.Memberships.Where(m => m.IsActiveAt(caller.Now)))
            {
                meeting.RecordAttendance(member.PersonId, member.PersonId == absent ? Presence.Absent : Presence.PresentInPerson, caller);
            }

            return true;
        });
        Clock.SetUtcNow(await InScopeAsync(async db => (await db.Meetings.SingleAsync(m => m.Id == id)).Schedule!.StartsAt));
        await CommandAsync("kz.cochair@example.org", async (cmd, caller) =>
        {
            (await MeetingAsync(cmd, id)).Open(caller);
            return true;
        });
        return id;
    }
}
