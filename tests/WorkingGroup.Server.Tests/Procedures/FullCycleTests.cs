using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Api.Decisions;
using WorkingGroup.Server.Api.Materials;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Api.Protocols;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Server.Workflows;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>
/// The whole cycle of a meeting as its people live it, on the real PostgreSQL: every action is an HTTP call with that
/// person's own token, the procedures are the shipped <c>workflows/</c> definitions, the clock is fake (its timers fired
/// as the timer service would), and every e-mail goes to a real SMTP server on loopback, where the test reads it.
/// </summary>
public sealed class FullCycleTests(PostgresApp app) : IClassFixture<PostgresApp>, IAsyncLifetime
{
    private const string RuCoChair = "ru.cochair@example.org";
    private const string RuDeputy = "ru.deputy@example.org";
    private const string RuSecretary = "ru.secretary@example.org";
    private const string RuMember1 = "ru.member1@example.org";
    private const string RuMember2 = "ru.member2@example.org";
    private const string KzCoChair = "kz.cochair@example.org";
    private const string KzSecretary = "kz.secretary@example.org";
    private const string KzMember1 = "kz.member1@example.org";
    private const string KzMember2 = "kz.member2@example.org";
    private const string KzLeaver = "kz.member6@example.org";

    private readonly SmtpSink _smtp = new();
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(
        app,
        ("Mail:Smtp:Host", "127.0.0.1"),
        ("Mail:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture)),
        ("Mail:Smtp:Security", "None"),
        ("Mail:PollInterval", "00:00:00.200"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_meeting_from_draft_to_signed_protocol_and_its_assignments_through_HTTP_with_each_persons_token()
    {
        // a KZ member leaves; the KZ side now has 8 members, so 4 present is exactly half.
        var leaver = await _host.PersonAsync(KzLeaver);
        var change = await OkAsync<CompositionChangeResponse>(KzSecretary, HttpMethod.Post, "/api/composition/changes",
            new { side = "KZ", items = new[] { new { kind = "Leave", personId = leaver } } });
        await OkAsync<CompositionChangeResponse>(KzCoChair, HttpMethod.Post, $"/api/composition/changes/{change.Id}/approve");
        var members = await MembersAsync();
        Assert.Equal(17, members.Count);
        await MailsAsync("Изменён состав рабочей группы (KZ)", members.Count);

        // The meeting is drafted and its agenda formed: a question from each side, each approved by both co-chairs (R-1.3,
        // ); then it is scheduled, in person in Astana.
        var meeting = await ScheduledMeetingAsync("Заседание № 7", new { format = "InPerson", place = "Астана, пр. Мәңгілік Ел, 8" },
            (RuMember1, "О взаимном признании квалификаций"), (KzMember1, "О гармонизации профессиональных стандартов"));
        var id = meeting.Id;
        Assert.Equal((MeetingState.Scheduled, 2), (meeting.State, meeting.AgendaItems.Count));
        var items = meeting.AgendaItems.OrderBy(i => i.Number).Select(i => i.Id).ToList();
        var startsAt = meeting.Schedule!.StartsAt;

        // Invitations: every member, each with the iCal file.
        var invitations = await MailsAsync("Приглашение на заседание: Заседание № 7", members.Count);
        Assert.Equal(members.Values.Order(), invitations.Select(m => m.To).Order());
        Assert.All(invitations, m => Assert.Contains(m.Message.BodyParts, p => p.ContentType.IsMimeType("text", "calendar")));

        // Materials: two on time, accepted by the secretary of the author's side.
        await OkAsync<MeetingResponse>(RuSecretary, HttpMethod.Post, $"/api/meetings/{id}/materials-collection/start");
        foreach (var (author, secretary) in new[] { (RuMember1, RuSecretary), (KzMember1, KzSecretary) })
        {
            var material = await OkAsync<MaterialResponse>(author, HttpMethod.Post, $"/api/meetings/{id}/materials", Upload("Доклад", "report.docx"));
            await OkAsync<MaterialResponse>(author, HttpMethod.Post, $"/api/materials/{material.Id}/submit");
            Assert.Equal(MaterialState.Accepted, (await OkAsync<MaterialResponse>(secretary, HttpMethod.Post, $"/api/materials/{material.Id}/accept")).State);
        }

        // The window closes: the reminders went by e-mail only to members who had submitted nothing.
        await _host.AdvanceToAsync(meeting.MaterialsDeadline!.Value.AddMinutes(1));
        var reminders = await MailsAsync("Напоминание о материалах: Заседание № 7", 2 * (members.Count - 2));
        Assert.Contains(reminders, m => m.To == RuMember2);
        Assert.DoesNotContain(reminders, m => m.To is RuMember1 or KzMember1);

        // One late material, admitted by a co-chair; then the package goes out.
        var late = await OkAsync<MaterialResponse>(RuMember2, HttpMethod.Post, $"/api/meetings/{id}/materials", Upload("Справка", "annex.xlsx"));
        Assert.Equal(MaterialState.Late, (await OkAsync<MaterialResponse>(RuMember2, HttpMethod.Post, $"/api/materials/{late.Id}/submit")).State);
        Assert.Equal(MaterialState.Admitted, (await OkAsync<MaterialResponse>(RuCoChair, HttpMethod.Post, $"/api/materials/{late.Id}/admit",
            new { reason = "Существенно для вопроса 1" })).State);
        var package = await OkAsync<PackageResponse>(KzSecretary, HttpMethod.Post, $"/api/meetings/{id}/package/distribute");
        Assert.Equal(3, package.Materials.Count);
        await MailsAsync("Пакет материалов: Заседание № 7", members.Count);

        // Attendance: the RU co-chair is absent (the deputy acts, R-3.3); KZ has 3 of 8 present.
        var composition = await OkAsync<CompositionResponse>(RuMember1, HttpMethod.Get, "/api/composition");
        var ruCoChair = await _host.PersonAsync(RuCoChair);
        foreach (var person in composition.Sides.Single(s => s.Side == Side.RU).Members)
        {
            await OkAsync<MeetingResponse>(RuSecretary, HttpMethod.Put, $"/api/meetings/{id}/attendance/{person.PersonId}",
                new { presence = person.PersonId == ruCoChair ? "Absent" : "PresentInPerson" });
        }

        foreach (var email in new[] { KzCoChair, KzSecretary, KzMember1 })
        {
            await OkAsync<MeetingResponse>(KzSecretary, HttpMethod.Put, $"/api/meetings/{id}/attendance/{await _host.PersonAsync(email)}", new { presence = "PresentInPerson" });
        }

        // The start time: the procedure checks the quorum and tells the co-chairs and secretaries there is none.
        await _host.AdvanceToAsync(startsAt);
        Assert.Equal(
            [KzCoChair, KzSecretary, RuCoChair, RuSecretary],
            (await MailsAsync("Нет кворума: Заседание № 7", 4)).Select(m => m.To).Order(StringComparer.Ordinal));

        // Refused: opening without quorum on the KZ side — 409, the meeting and the procedures untouched.
        var refusal = await RefusedAsync(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/open", HttpStatusCode.Conflict, $"/api/meetings/{id}");
        Assert.Equal("quorum.not_reached", refusal.GetProperty("code").GetString());

        // A fourth KZ member arrives: exactly half of the KZ side, and the meeting opens.
        var attendance = await OkAsync<MeetingResponse>(KzSecretary, HttpMethod.Put, $"/api/meetings/{id}/attendance/{await _host.PersonAsync(KzMember2)}",
            new { presence = "PresentInPerson" });
        Assert.Equal((8, 4, true), (attendance.Attendance!.Quorum.Kz.Members, attendance.Attendance.Quorum.Kz.Present, attendance.Attendance.Quorum.Kz.IsReached));
        var opened = await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/open");
        Assert.Equal(MeetingState.InSession, opened.State);
        Assert.Equal(4, opened.QuorumAtOpening!.Kz.Present);

        // Two decisions, each with an assignment: one to an RU member, one to a KZ member, due in 20 days.
        var dueAt = startsAt.AddDays(20);
        var ruAssignment = await DecideAsync(id, items[0], "Подготовить перечень взаимно признаваемых квалификаций", RuMember2, dueAt);
        var kzAssignment = await DecideAsync(id, items[1], "Представить заключение по проекту стандарта", KzMember1, dueAt);
        await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/close-session");

        // The protocol: drafted, returned once at review, corrected, opened for signing.
        var protocolUrl = $"/api/meetings/{id}/protocol";
        await OkAsync<ProtocolResponse>(RuSecretary, HttpMethod.Post, protocolUrl, new { text = "Заслушали доклады. Решили: рекомендовать сторонам." });
        await OkAsync<ProtocolResponse>(RuSecretary, HttpMethod.Post, $"{protocolUrl}/submit-for-review");
        var returned = await OkAsync<ProtocolResponse>(KzCoChair, HttpMethod.Post, $"{protocolUrl}/return", new { reason = "Уточнить формулировку решения" });
        Assert.Equal(ProtocolState.Returned, returned.State);
        await MailsAsync("Протокол возвращён: Заседание № 7", 1);
        await OkAsync<ProtocolResponse>(RuSecretary, HttpMethod.Put, $"{protocolUrl}/text", new { text = "Заслушали доклады Смирновой Е. И. и Ахметовой Д. Б. Решили: рекомендовать сторонам." });
        await OkAsync<ProtocolResponse>(RuSecretary, HttpMethod.Post, $"{protocolUrl}/submit-for-review");
        await OkAsync<ProtocolResponse>(KzCoChair, HttpMethod.Post, $"{protocolUrl}/open-for-signing");

        // Each signatory finds the signature in their tasks; the RU deputy has the absent co-chair's place.
        var protocol = await OkAsync<ProtocolResponse>(RuMember1, HttpMethod.Get, protocolUrl);
        var hash = protocol.DocumentHash!;
        var deputy = await _host.PersonAsync(RuDeputy);
        Assert.Contains(protocol.AwaitingSignatures, p => (p.Side, p.Role, p.PersonId, p.ActingFor) == (Side.RU, SignatoryRole.CoChair, deputy, ruCoChair));
        var signing = await _host.InstanceAsync("protocol-signing", id.ToString());
        foreach (var signatory in new[] { RuDeputy, KzCoChair, RuSecretary, KzSecretary })
        {
            Assert.Single(await TasksAsync(signatory), t => t.InstanceId == signing.Id);
        }

        // Refused: a member signing — 403, no signature and no procedure step.
        await RefusedAsync(RuMember1, HttpMethod.Post, $"{protocolUrl}/signatures", HttpStatusCode.Forbidden, protocolUrl,
            new { side = "RU", role = "Secretary", documentHash = hash });

        foreach (var (signatory, side, role) in new[] { (RuDeputy, "RU", "CoChair"), (KzCoChair, "KZ", "CoChair"), (RuSecretary, "RU", "Secretary"), (KzSecretary, "KZ", "Secretary") })
        {
            protocol = await OkAsync<ProtocolResponse>(signatory, HttpMethod.Post, $"{protocolUrl}/signatures", new { side, role, documentHash = hash });
        }

        Assert.Equal(ProtocolState.Signed, protocol.State);
        Assert.Equal(ruCoChair, protocol.Signatures.Single(s => s.PersonId == deputy).ActingFor);

        // Distribution: every member receives the signed DOCX by e-mail, each delivery logged.
        protocol = await OkAsync<ProtocolResponse>(RuSecretary, HttpMethod.Post, $"{protocolUrl}/distribute");
        var copies = await MailsAsync("Протокол заседания «Заседание № 7»", members.Count);
        Assert.Equal(members.Values.Order(), copies.Select(m => m.To).Order());
        Assert.All(copies, m => Assert.Equal(hash, Sha256(Assert.Single(m.Message.Attachments.OfType<MimePart>()))));
        Assert.Equal(members.Keys.Order(), protocol.Deliveries.Where(d => d.Channel == DeliveryChannel.Email).Select(d => d.RecipientId).Order());
        Assert.Equal(MeetingState.Closed, (await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/close")).State);
        Assert.Equal("Finished", (await _host.InstanceAsync("meeting-lifecycle", id.ToString())).Status);
        Assert.Equal("Finished", (await _host.InstanceAsync("protocol-signing", id.ToString())).Status);

        // The RU assignment is reported; refused: the KZ secretary verifying it — 403, nothing changed.
        await OkAsync<AssignmentResponse>(RuMember2, HttpMethod.Post, $"/api/assignments/{ruAssignment}/start");
        await OkAsync<AssignmentResponse>(RuMember2, HttpMethod.Post, $"/api/assignments/{ruAssignment}/report", new { report = "Перечень подготовлен и направлен сторонам" });
        await RefusedAsync(KzSecretary, HttpMethod.Post, $"/api/assignments/{ruAssignment}/verify", HttpStatusCode.Forbidden, "/api/assignments?side=RU");
        Assert.Equal(AssignmentState.Verified, (await OkAsync<AssignmentResponse>(RuSecretary, HttpMethod.Post, $"/api/assignments/{ruAssignment}/verify")).State);
        Assert.Equal("Finished", (await _host.InstanceAsync("decision-control", ruAssignment.ToString())).Status);

        // The clock moves: the KZ executor is reminded 7 and 1 days before, the KZ secretary told at the due date, and
        // after the grace period the KZ co-chair receives the escalation.
        await _host.AdvanceToAsync(dueAt.AddDays(-7));
        Assert.Equal(KzMember1, Assert.Single(await MailsAsync("Срок поручения", 1)).To);
        await _host.AdvanceToAsync(dueAt.AddDays(-1));
        Assert.All(await MailsAsync("Срок поручения", 2), m => Assert.Equal(KzMember1, m.To));
        await _host.AdvanceToAsync(dueAt.AddMinutes(1));
        Assert.Equal(KzSecretary, Assert.Single(await MailsAsync("Поручение просрочено", 1)).To);
        var overdue = await OkAsync<List<AssignmentResponse>>(KzSecretary, HttpMethod.Get, "/api/assignments?overdue=true");
        Assert.Equal(kzAssignment, Assert.Single(overdue, a => a.MeetingId == id).Id);
        await _host.AdvanceToAsync(dueAt.AddDays(3));
        Assert.Equal(KzCoChair, Assert.Single(await MailsAsync("Просрочено:", 1)).To);
        Assert.Equal(2, (await MailsAsync("Срок поручения", 2)).Count); // none for the verified RU assignment
    }

    [PostgresFact]
    public async Task A_submission_to_a_cancelled_meeting_is_refused_with_409_and_nothing_is_written()
    {
        var id = (await ScheduledMeetingAsync("Заседание № 8", new { format = "Video", videoLink = "https://meet.example.org/wg-8" },
            (RuMember1, "О цифровых сертификатах"))).Id;
        await OkAsync<MeetingResponse>(RuSecretary, HttpMethod.Post, $"/api/meetings/{id}/materials-collection/start");
        var draft = await OkAsync<MaterialResponse>(RuMember1, HttpMethod.Post, $"/api/meetings/{id}/materials", Upload("Доклад", "report.pdf"));

        var cancelled = await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/cancel", new { reason = "Перенос на следующий квартал" });
        Assert.Equal(MeetingState.Cancelled, cancelled.State);
        await MailsAsync("Заседание отменено: Заседание № 8", (await MembersAsync()).Count);

        var materials = $"/api/meetings/{id}/materials";
        var upload = await RefusedAsync(RuMember2, HttpMethod.Post, materials, HttpStatusCode.Conflict, materials, Upload("Поздний доклад", "late.docx"));
        Assert.Equal("material.collection_closed", upload.GetProperty("code").GetString());
        var submit = await RefusedAsync(RuMember1, HttpMethod.Post, $"/api/materials/{draft.Id}/submit", HttpStatusCode.Conflict, materials);
        Assert.Equal("material.collection_closed", submit.GetProperty("code").GetString());
        Assert.Equal(MaterialState.Draft, Assert.Single(await OkAsync<List<MaterialResponse>>(RuMember1, HttpMethod.Get, materials)).State);
    }

    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    /// <summary>
    /// The RU secretary drafts a meeting, a co-chair opens agenda forming, each question is proposed by its member and
    /// approved by both co-chairs, the RU co-chair sets the date (30 days ahead, 10:00 in Almaty) with
    /// <paramref name="format"/>'s fields, both approve the agenda and the KZ co-chair schedules it.
    /// </summary>
    private async Task<MeetingResponse> ScheduledMeetingAsync(string title, object format, params (string Proposer, string Title)[] questions)
    {
        var id = (await OkAsync<MeetingResponse>(RuSecretary, HttpMethod.Post, "/api/meetings", new { title })).Id;
        var lifecycle = await _host.InstanceAsync("meeting-lifecycle", id.ToString());
        Assert.Contains(await TasksAsync(RuCoChair), t => t.InstanceId == lifecycle.Id);
        await OkAsync<MeetingResponse>(RuCoChair, HttpMethod.Post, $"/api/meetings/{id}/agenda/start");
        foreach (var (proposer, question) in questions)
        {
            var proposal = await OkAsync<AgendaProposalResponse>(proposer, HttpMethod.Post, $"/api/meetings/{id}/proposals",
                new { title = question, category = "Harmonisation" });
            await OkAsync<MeetingResponse>(RuCoChair, HttpMethod.Post, $"/api/meetings/{id}/proposals/{proposal.Id}/approve");
            await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/proposals/{proposal.Id}/approve");
        }

        var schedule = JsonSerializer.SerializeToNode(format, Json.Options)!.AsObject();
        schedule["localStart"] = TimeZoneInfo.ConvertTime(_host.Clock.GetUtcNow(), Almaty).Date.AddDays(30).AddHours(10)
            .ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        schedule["timeZoneId"] = "Asia/Almaty";
        await OkAsync<MeetingResponse>(RuCoChair, HttpMethod.Put, $"/api/meetings/{id}/schedule", schedule);
        await OkAsync<MeetingResponse>(RuCoChair, HttpMethod.Post, $"/api/meetings/{id}/agenda/approve");
        await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/agenda/approve");
        return await OkAsync<MeetingResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{id}/schedule/confirm");
    }

    /// <summary>A co-chair records a decision with one assignment to <paramref name="executorEmail"/>; returns the assignment's id.</summary>
    private async Task<Guid> DecideAsync(Guid meetingId, Guid agendaItemId, string text, string executorEmail, DateTimeOffset dueAt)
    {
        var decision = await OkAsync<DecisionResponse>(KzCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/decisions", new
        {
            agendaItemId, text, assignments = new[] { new { executorPersonId = await _host.PersonAsync(executorEmail), dueAt, expectedResult = text } },
        });
        return Assert.Single(decision.Assignments).Id;
    }

    /// <summary>The composition's members now, by person id, with their e-mail addresses.</summary>
    private async Task<Dictionary<Guid, string>> MembersAsync()
    {
        var composition = await OkAsync<CompositionResponse>(RuMember1, HttpMethod.Get, "/api/composition");
        var people = composition.Sides.SelectMany(s => s.Members).Select(m => m.PersonId.ToString()).ToList();
        return await _host.InScopeAsync(db => db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => Guid.Parse(u.Id), u => u.Email!));
    }

    private async Task<List<TaskResponse>> TasksAsync(string email) => await OkAsync<List<TaskResponse>>(email, HttpMethod.Get, "/api/tasks");

    private async Task<T> OkAsync<T>(string email, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(email, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path} as {email}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json.Options)!;
    }

    /// <summary>
    /// Expects a refusal with <paramref name="status"/> and a ProblemDetails body, and that it changed nothing: what
    /// <paramref name="view"/> shows, and the procedures' instances, journal, open tasks, notices and e-mails.
    /// </summary>
    private async Task<JsonElement> RefusedAsync(string email, HttpMethod method, string path, HttpStatusCode status, string view, object? body = null)
    {
        var before = (await ViewAsync(view), await FootprintAsync());
        using var response = await SendAsync(email, method, path, body);
        var problem = await Json.ProblemAsync(response, status);
        Assert.Equal(before, (await ViewAsync(view), await FootprintAsync()));
        return problem;
    }

    private async Task<string> ViewAsync(string path)
    {
        using var client = await _host.ClientAsync(RuSecretary);
        return await client.GetStringAsync(path);
    }

    private Task<(int Instances, int Journal, int OpenTasks, int Notices, int Mails)> FootprintAsync() =>
        _host.InScopeAsync(async db => (
            await db.Set<WorkflowInstanceRecord>().CountAsync(),
            await db.Set<WorkflowJournalRecord>().CountAsync(),
            await db.Set<WorkflowTaskRecord>().CountAsync(t => t.Status == WorkflowTaskStatus.Open),
            await db.Notifications.CountAsync(),
            await db.Set<Mail.OutboxMessage>().CountAsync()));

    private async Task<HttpResponseMessage> SendAsync(string email, HttpMethod method, string path, object? body)
    {
        using var client = await _host.ClientAsync(email);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                HttpContent content => content,
                _ => JsonContent.Create(body, options: Json.Options),
            },
        };
        return await client.SendAsync(request);
    }

    private static MultipartFormDataContent Upload(string title, string fileName)
    {
        var bytes = Encoding.UTF8.GetBytes($"{title} {Guid.NewGuid():N}");
        return new MultipartFormDataContent { { new StringContent(title), "title" }, { new ByteArrayContent(bytes), "file", fileName } };
    }

    /// <summary>
    /// The messages the SMTP server received whose subject contains <paramref name="subject"/>, once there are at least
    /// <paramref name="atLeast"/> (delivery is asynchronous), with the recipient of each.
    /// </summary>
    private async Task<List<(string To, MimeMessage Message)>> MailsAsync(string subject, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = new List<(string, MimeMessage)>();
            foreach (var mail in _smtp.Messages)
            {
                using var data = new MemoryStream(Encoding.Latin1.GetBytes(mail.Data));
                var message = await MimeMessage.LoadAsync(data);
                if (message.Subject?.Contains(subject, StringComparison.Ordinal) == true)
                {
                    found.Add((Assert.Single(mail.To), message));
                }
            }

            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count >= atLeast, $"Expected {atLeast} e-mail(s) \"{subject}\", the SMTP server received {found.Count}.");
                return found;
            }

            await Task.Delay(100);
        }
    }

    private static string Sha256(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Convert.ToHexStringLower(SHA256.HashData(content.ToArray()));
    }
}
