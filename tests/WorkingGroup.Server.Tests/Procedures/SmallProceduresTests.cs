using System.Text;
using System.Text.Json.Nodes;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>agenda-proposal.json, guest-invitation.json, composition-change.json .</summary>
public abstract class SmallProceduresTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Guid MeetingId, Guid ProposalId)> ProposeAsync(string title)
    {
        var meetingId = await _host.DraftMeetingAsync("Заседание с предложениями");
        await _host.StartAgendaFormingAsync(meetingId);
        var proposer = await _host.PersonAsync("kz.member1@example.org");
        var proposalId = await _host.CommandAsync("kz.member1@example.org", async (cmd, caller) =>
        {
            var proposal = (await ProcedureHost.MeetingAsync(cmd, meetingId)).ProposeAgendaItem(title, TaskCategory.Harmonisation, caller);
            cmd.Raise(ProcedureEvents.AgendaItemProposed, proposal.Id, new JsonObject
            {
                ["meetingId"] = meetingId.ToString(), ["proposerId"] = proposer.ToString(), ["title"] = title, ["category"] = "Harmonisation",
            });
            return proposal.Id;
        });
        return (meetingId, proposalId);
    }

    private Task DecideAsync(string coChair, Guid meetingId, Guid proposalId, Side side, string? rejectReason = null) =>
        _host.CommandAsync(coChair, async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            if (rejectReason is null)
            {
                meeting.ApproveAgendaProposal(proposalId, caller);
                var byBoth = meeting.AgendaItems.Any(i => i.Id == proposalId);
                cmd.Raise(ProcedureEvents.AgendaProposalApproved, proposalId, new JsonObject { ["meetingId"] = meetingId.ToString(), ["side"] = side.ToString(), ["approvedByBoth"] = byBoth });
            }
            else
            {
                meeting.RejectAgendaProposal(proposalId, rejectReason, caller);
                cmd.Raise(ProcedureEvents.AgendaProposalRejected, proposalId, new JsonObject { ["meetingId"] = meetingId.ToString(), ["reason"] = rejectReason });
            }

            return true;
        });

    [Fact]
    public async Task R1_3_an_agenda_proposal_asks_each_sides_co_chair_and_is_included_only_when_both_approve()
    {
        var (meetingId, proposalId) = await ProposeAsync("Цифровые сертификаты");
        var tasks = await _host.OpenTasksAsync("agenda-proposal", proposalId.ToString());
        var ru = (await _host.PersonAsync("ru.cochair@example.org")).ToString();
        var kz = (await _host.PersonAsync("kz.cochair@example.org")).ToString();
        Assert.Equal(new[] { ru, kz }.Order(StringComparer.Ordinal), tasks.Select(t => t.Assignee!).Order(StringComparer.Ordinal));

        await DecideAsync("ru.cochair@example.org", meetingId, proposalId, Side.RU);
        Assert.Equal(kz, Assert.Single(await _host.OpenTasksAsync("agenda-proposal", proposalId.ToString())).Assignee);
        Assert.Empty(await _host.NotificationsAsync("Вопрос включён в повестку: Цифровые сертификаты"));

        await DecideAsync("kz.cochair@example.org", meetingId, proposalId, Side.KZ);
        var told = Assert.Single(await _host.NotificationsAsync("Вопрос включён в повестку: Цифровые сертификаты"));
        Assert.Equal(await _host.PersonAsync("kz.member1@example.org"), told.PersonId);
        Assert.Empty(await _host.NotificationsAsync("Предложение отклонено"));
        Assert.Equal("Finished", (await _host.InstanceAsync("agenda-proposal", proposalId.ToString())).Status);
    }

    [Fact]
    public async Task An_agenda_proposal_rejected_by_one_co_chair_closes_both_tasks_and_the_proposer_hears_why()
    {
        var (meetingId, proposalId) = await ProposeAsync("Обмен данными");

        await DecideAsync("kz.cochair@example.org", meetingId, proposalId, Side.KZ, "Вне компетенции группы");

        var told = Assert.Single(await _host.NotificationsAsync("Предложение отклонено: Обмен данными"));
        Assert.Contains("Вне компетенции группы", told.Body, StringComparison.Ordinal);
        Assert.Empty(await _host.OpenTasksAsync("agenda-proposal", proposalId.ToString()));
        Assert.Equal("Finished", (await _host.InstanceAsync("agenda-proposal", proposalId.ToString())).Status);
    }

    [Fact]
    public async Task R3_11_an_approved_guest_gets_the_invitation_with_the_iCal_file_and_the_proposer_is_told()
    {
        var meetingId = await _host.ScheduledMeetingAsync(30);
        var invitationId = Guid.NewGuid();
        var guest = await _host.PersonAsync("expert@example.org");
        var proposer = await _host.PersonAsync("ru.member3@example.org");
        await _host.PublishAsync(ProcedureEvents.GuestProposed, invitationId,
            new JsonObject { ["meetingId"] = meetingId.ToString(), ["guestPersonId"] = guest.ToString(), ["proposedBy"] = proposer.ToString() }, "ru.member3@example.org");
        Assert.Equal("CoChair", Assert.Single(await _host.OpenTasksAsync("guest-invitation", invitationId.ToString())).Assignee);

        await _host.PublishAsync(ProcedureEvents.GuestApproved, invitationId, new JsonObject { ["meetingId"] = meetingId.ToString() }, "kz.cochair@example.org");

        Assert.Equal(proposer, Assert.Single(await _host.NotificationsAsync("Гость приглашён")).PersonId);
        var mail = Assert.Single(await _host.MailsAsync("Приглашение на заседание: Заседание для процедур"));
        Assert.Equal("expert@example.org", mail.To);
        Assert.Contains("METHOD:REQUEST", Encoding.UTF8.GetString(Assert.Single(mail.Attachments).Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R1_5_a_composition_change_waits_for_the_co_chair_of_that_side_and_everyone_hears_of_the_approval()
    {
        var changeId = Guid.NewGuid();
        await _host.PublishAsync(ProcedureEvents.CompositionChangeProposed, changeId, new JsonObject { ["side"] = "KZ" }, "kz.secretary@example.org");
        var task = Assert.Single(await _host.OpenTasksAsync("composition-change", changeId.ToString()));
        Assert.Equal("CoChair:KZ", task.Assignee);

        await _host.PublishAsync(ProcedureEvents.CompositionChangeApproved, changeId, [], "kz.cochair@example.org");

        Assert.Equal(18, (await _host.NotificationsAsync("Изменён состав рабочей группы (KZ)")).Count);
        Assert.Equal(WorkflowTaskStatus.Completed, (await _host.TaskAsync(task.Id)).Status);
    }
}

public sealed class SmallProceduresTestsOnSqlite(SqliteApp app) : SmallProceduresTests(app), IClassFixture<SqliteApp>;

public sealed class SmallProceduresTestsOnPostgres(PostgresApp app) : SmallProceduresTests(app), IClassFixture<PostgresApp>;
