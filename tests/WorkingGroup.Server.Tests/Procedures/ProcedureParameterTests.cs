using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>
/// A procedure parameter changed by an administrator (a new published version of meeting-lifecycle with another
/// <c>MaterialsDeadlineDays</c>) governs the meetings drafted from then on — their deadline, and whether a material is
/// late — while a meeting drafted before keeps the value of its version. A class of its own: it publishes a version,
/// which the other procedure tests of a shared database must not see.
/// </summary>
public abstract class ProcedureParameterTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task R3_9_the_materials_deadline_days_are_those_of_the_procedure_version_the_meeting_started_with()
    {
        var before = await _host.DraftMeetingAsync("Заседание до изменения");
        await PublishMaterialsDeadlineDaysAsync(14);
        var after = await _host.DraftMeetingAsync("Заседание после изменения");

        var schedule = _host.ScheduleIn(30);
        foreach (var meetingId in new[] { before, after })
        {
            await _host.StartAgendaFormingAsync(meetingId);
            await _host.AddApprovedItemAsync(meetingId);
            await _host.SetScheduleAsync(meetingId, schedule);
            await _host.ApproveAgendaAsync(meetingId, "ru.cochair@example.org", Side.RU, byBoth: false);
            await _host.ApproveAgendaAsync(meetingId, "kz.cochair@example.org", Side.KZ, byBoth: true);

            await _host.ScheduleAsync(meetingId);
            await _host.StartMaterialsCollectionAsync(meetingId);
        }

        // Both lifecycles ran their materials-window step (the days fixed again, the deadline taken from the meeting) cleanly.
        foreach (var meetingId in new[] { before, after })
        {
            var lifecycle = await _host.InstanceAsync("meeting-lifecycle", meetingId.ToString());
            Assert.Equal(0, lifecycle.IncidentCount);
            Assert.Contains(await _host.JournalAsync(lifecycle.Id), j => j.ActivityId == "deadline");
        }

        var days = await _host.InScopeAsync(db => db.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.MaterialsDeadlineDays));
        Assert.Equal((10, 14), (days[before], days[after]));
        using var member = await _host.ClientAsync("ru.member1@example.org");
        var shownBefore = await DeadlineShownAsync(member, before);
        var shownAfter = await DeadlineShownAsync(member, after);
        Assert.Equal(MaterialsDeadline.LateFrom(schedule), shownBefore);
        Assert.Equal(MaterialsDeadline.LateFrom(schedule, 14), shownAfter);

        // Twelve days before the meeting: on time for the first meeting, late for the second.
        await _host.AdvanceToAsync(shownAfter.AddDays(1));
        Assert.Equal(MaterialState.Submitted, await SubmitAsync(before));
        Assert.Equal(MaterialState.Late, await SubmitAsync(after));
    }

    /// <summary>What an administrator does in the designer: the same definition with another parameter, saved and published.</summary>
    private async Task PublishMaterialsDeadlineDaysAsync(int days)
    {
        var store = _host.Server.Services.GetRequiredService<WorkflowDefinitionStore>();
        var published = (await store.FindPublishedAsync("meeting-lifecycle"))!;
        var changed = published with
        {
            Variables = [.. published.Variables.Select(v => v.Name == "MaterialsDeadlineDays" ? v with { Value = JsonSerializer.SerializeToElement($"{days}") } : v)],
        };
        await store.SaveDraftAsync(changed);
        Assert.Equal(published.Version + 1, (await store.PublishAsync("meeting-lifecycle")).Version);
    }

    private static async Task<DateTimeOffset> DeadlineShownAsync(HttpClient client, Guid meetingId)
    {
        using var meeting = JsonDocument.Parse(await client.GetStringAsync($"/api/meetings/{meetingId}"));
        return meeting.RootElement.GetProperty("materialsDeadline").GetDateTimeOffset();
    }

    private Task<MaterialState> SubmitAsync(Guid meetingId) =>
        _host.CommandAsync("ru.member1@example.org", async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            var material = Material.Draft(meeting, "Доклад", null, "report.docx", "hash", caller);
            cmd.Db.Materials.Add(material);
            material.Submit(meeting, caller);
            return material.State;
        });
}

public sealed class ProcedureParameterTestsOnSqlite(SqliteApp app) : ProcedureParameterTests(app), IClassFixture<SqliteApp>;

public sealed class ProcedureParameterTestsOnPostgres(PostgresApp app) : ProcedureParameterTests(app), IClassFixture<PostgresApp>;
