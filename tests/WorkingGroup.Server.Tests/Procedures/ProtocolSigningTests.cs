using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>protocol-signing.json: drafting, review with the return loop, one task per signatory place, distribution.</summary>
public abstract class ProtocolSigningTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> DraftedProtocolAsync(string? absentEmail = null)
    {
        var meetingId = await _host.MeetingInSessionAsync(absentEmail);
        await _host.CommandAsync("kz.cochair@example.org", async (cmd, caller) =>
        {
            (await ProcedureHost.MeetingAsync(cmd, meetingId)).CloseSession(caller);
            return true;
        });
        await _host.CommandAsync("ru.secretary@example.org", async (cmd, caller) =>
        {
            var protocol = Protocol.Draft(await ProcedureHost.MeetingAsync(cmd, meetingId), "Протокол № 1: группа рекомендует …", caller);
            cmd.Db.Protocols.Add(protocol);
            cmd.Raise(ProcedureEvents.ProtocolDrafted, meetingId, new JsonObject { ["protocolId"] = protocol.Id.ToString() });
            return true;
        });
        return meetingId;
    }

    private Task OnProtocolAsync(string email, Guid meetingId, Func<Protocol, Domain.Meetings.Meeting, Domain.Composition.Caller, IEnumerable<(string Event, JsonObject Payload)>> act) =>
        _host.CommandAsync(email, async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            var protocol = await cmd.Db.Protocols.SingleAsync(p => p.MeetingId == meetingId);
            foreach (var (name, payload) in act(protocol, meeting, caller).ToList())
            {
                payload["protocolId"] = protocol.Id.ToString();
                cmd.Raise(name, meetingId, payload);
            }

            return true;
        });

    private Task SignAsync(string email, Guid meetingId, Domain.Composition.Side side, SignatoryRole role) =>
        OnProtocolAsync(email, meetingId, (p, m, c) =>
        {
            var signature = p.Sign(side, role, p.HashToSign, m, c);
            var events = new List<(string, JsonObject)>
            {
                (ProcedureEvents.ProtocolSignatureAdded, new JsonObject { ["side"] = side.ToString(), ["role"] = role.ToString(), ["personId"] = signature.PersonId.ToString() }),
            };
            if (p.State == ProtocolState.Signed)
            {
                events.Add((ProcedureEvents.ProtocolSigned, new JsonObject { ["documentHash"] = p.HashToSign }));
            }

            return events;
        });

    [Fact]
    public async Task R3_10_each_signatory_place_gets_its_task_a_signature_closes_its_own_and_the_fourth_asks_for_distribution()
    {
        var meetingId = await DraftedProtocolAsync();
        var correlation = meetingId.ToString();
        Assert.Equal("ExecutiveSecretary", Assert.Single(await _host.OpenTasksAsync("protocol-signing", correlation)).Assignee);
        await OnProtocolAsync("ru.secretary@example.org", meetingId, (p, m, c) =>
        {
            p.SubmitForReview(m, c);
            return [(ProcedureEvents.ProtocolSubmittedForReview, new JsonObject())];
        });
        Assert.Equal("CoChair", Assert.Single(await _host.OpenTasksAsync("protocol-signing", correlation)).Assignee);

        await OnProtocolAsync("kz.cochair@example.org", meetingId, (p, m, c) =>
        {
            p.OpenForSigning(m, c);
            return [(ProcedureEvents.ProtocolOpenedForSigning, new JsonObject { ["documentHash"] = p.HashToSign })];
        });

        var places = await _host.OpenTasksAsync("protocol-signing", correlation);
        var ruCoChair = (await _host.PersonAsync("ru.cochair@example.org")).ToString();
        var kzCoChair = (await _host.PersonAsync("kz.cochair@example.org")).ToString();
        Assert.Equal(
            new[] { "ExecutiveSecretary:KZ", "ExecutiveSecretary:RU", kzCoChair, ruCoChair }.Order(StringComparer.Ordinal),
            places.Select(t => t.Assignee!).Order(StringComparer.Ordinal));

        await SignAsync("ru.secretary@example.org", meetingId, Domain.Composition.Side.RU, SignatoryRole.Secretary);
        var left = await _host.OpenTasksAsync("protocol-signing", correlation);
        Assert.Equal(3, left.Count);
        Assert.DoesNotContain(left, t => t.Assignee == "ExecutiveSecretary:RU");
        Assert.Equal(WorkflowTaskStatus.Completed, (await _host.TaskAsync(places.Single(t => t.Assignee == "ExecutiveSecretary:RU").Id)).Status);

        await SignAsync("kz.secretary@example.org", meetingId, Domain.Composition.Side.KZ, SignatoryRole.Secretary);
        await SignAsync("ru.cochair@example.org", meetingId, Domain.Composition.Side.RU, SignatoryRole.CoChair);
        await SignAsync("kz.cochair@example.org", meetingId, Domain.Composition.Side.KZ, SignatoryRole.CoChair);

        var distribute = Assert.Single(await _host.OpenTasksAsync("protocol-signing", correlation));
        Assert.StartsWith("Разослать подписанный протокол", distribute.TaskName, StringComparison.Ordinal);
        await OnProtocolAsync("ru.secretary@example.org", meetingId, (p, m, c) =>
        {
            p.Distribute(m, c);
            return [(ProcedureEvents.ProtocolDistributed, new JsonObject())];
        });
        Assert.Equal(18, (await _host.NotificationsAsync("Протокол подписан: Заседание для процедур")).Count);
        Assert.Equal("Finished", (await _host.InstanceAsync("protocol-signing", correlation)).Status);
    }

    [Fact]
    public async Task A_protocol_returned_at_review_goes_back_to_the_secretaries_with_a_notice()
    {
        var meetingId = await DraftedProtocolAsync();
        await OnProtocolAsync("ru.secretary@example.org", meetingId, (p, m, c) =>
        {
            p.SubmitForReview(m, c);
            return [(ProcedureEvents.ProtocolSubmittedForReview, new JsonObject())];
        });

        await OnProtocolAsync("ru.cochair@example.org", meetingId, (p, m, c) =>
        {
            p.ReturnForRework("Уточнить формулировку решения 2", m, c);
            return [(ProcedureEvents.ProtocolReturned, new JsonObject { ["reason"] = "Уточнить формулировку решения 2" })];
        });

        Assert.Equal(2, (await _host.NotificationsAsync("Протокол возвращён: Заседание для процедур")).Count);
        var again = Assert.Single(await _host.OpenTasksAsync("protocol-signing", meetingId.ToString()));
        Assert.Equal("ExecutiveSecretary", again.Assignee);
        Assert.StartsWith("Подготовить протокол", again.TaskName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R3_3_the_deputy_gets_the_co_chairs_signing_task_when_the_co_chair_is_absent_from_the_meeting()
    {
        var meetingId = await DraftedProtocolAsync(absentEmail: "ru.cochair@example.org");
        await OnProtocolAsync("ru.secretary@example.org", meetingId, (p, m, c) =>
        {
            p.SubmitForReview(m, c);
            return [(ProcedureEvents.ProtocolSubmittedForReview, new JsonObject())];
        });
        await OnProtocolAsync("kz.cochair@example.org", meetingId, (p, m, c) =>
        {
            p.OpenForSigning(m, c);
            return [(ProcedureEvents.ProtocolOpenedForSigning, new JsonObject { ["documentHash"] = p.HashToSign })];
        });

        var places = await _host.OpenTasksAsync("protocol-signing", meetingId.ToString());
        var deputy = await _host.PersonAsync("ru.deputy@example.org");
        var coChair = await _host.PersonAsync("ru.cochair@example.org");
        var ruCoChairPlace = Assert.Single(places, t => t.Assignee == deputy.ToString());
        Assert.Contains($"\"actingFor\":\"{coChair}\"", ruCoChairPlace.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(places, t => t.Assignee == coChair.ToString());
    }
}

public sealed class ProtocolSigningTestsOnSqlite(SqliteApp app) : ProtocolSigningTests(app), IClassFixture<SqliteApp>;

public sealed class ProtocolSigningTestsOnPostgres(PostgresApp app) : ProtocolSigningTests(app), IClassFixture<PostgresApp>;
