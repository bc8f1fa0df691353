using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// What every meeting command shares: the meeting is loaded whole in the command's transaction (404 when there is
/// none), the domain judges the caller, the command raises its events, and the answer is the meeting as it now is.
/// </summary>
internal static class MeetingCommands
{
    /// <summary>Who may prepare a meeting: the domain then checks that a co-chair is the acting one.</summary>
    public static readonly string[] Organisers = [Roles.ExecutiveSecretary, Roles.CoChair, Roles.DeputyCoChair];

    /// <summary>Co-chair powers; a deputy holds them only while acting for the co-chair, which the domain checks.</summary>
    public static readonly string[] CoChairs = [Roles.CoChair, Roles.DeputyCoChair];

    public static readonly string[] Secretaries = [Roles.ExecutiveSecretary];

    /// <summary>Everyone who may read a meeting: the composition, the administrator and guests (filtered by their invitations).</summary>
    public static readonly string[] Readers = [.. Roles.All];

    /// <summary>Runs a command on one meeting and answers the meeting after it.</summary>
    public static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> OnMeetingAsync(
        this ProcedureCommands commands,
        ClaimsPrincipal user,
        Guid meetingId,
        Func<ProcedureCommand, Meeting, Caller, ProblemHttpResult?> act,
        CancellationToken cancellationToken) =>
        commands.RunOnMeetingAsync(user, meetingId, (cmd, meeting, caller) => Task.FromResult(act(cmd, meeting, caller)), cancellationToken);

    /// <summary>
    /// Runs a command on one meeting and answers the meeting after it. The command may answer a problem instead, but
    /// only before it changes anything: the runner saves whatever changed; a refusal after a change must throw.
    /// </summary>
    public static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> RunOnMeetingAsync(
        this ProcedureCommands commands,
        ClaimsPrincipal user,
        Guid meetingId,
        Func<ProcedureCommand, Meeting, Caller, Task<ProblemHttpResult?>> act,
        CancellationToken cancellationToken) =>
        commands.RunAsync<Results<Ok<MeetingResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await LoadAsync(cmd.Db, meetingId, cancellationToken);
            if (meeting is null)
            {
                return MeetingNotFound();
            }

            var caller = await cmd.CallerAsync();
            if (await act(cmd, meeting, caller) is { } problem)
            {
                return problem;
            }

            return TypedResults.Ok(MeetingResponse.From(meeting, caller.Composition, caller.Now, fullView: true));
        }, cancellationToken);

    /// <summary>One meeting, whole (tracked: a command changes it).</summary>
    public static Task<Meeting?> LoadAsync(AppDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings.WholeAsync(meetingId, cancellationToken);

    public static ProblemHttpResult MeetingNotFound() =>
        Problems.NotFound("meeting.not_found", "Заседание не найдено. / The meeting was not found.");

    /// <summary>The payload of an event: camelCase properties, ids as strings, times ISO 8601 UTC (see <see cref="ProcedureEvents"/>).</summary>
    public static JsonObject Payload(params (string Name, object? Value)[] properties)
    {
        var payload = new JsonObject();
        foreach (var (name, value) in properties)
        {
            payload[name] = value switch
            {
                null => null,
                Guid id => id.ToString(),
                DateTimeOffset at => at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                Enum e => e.ToString(),
                bool b => b,
                int i => i,
                string s => s,
                JsonNode node => node,
                _ => throw new ArgumentOutOfRangeException(nameof(properties), value, "Unsupported payload value."),
            };
        }

        return payload;
    }
}
