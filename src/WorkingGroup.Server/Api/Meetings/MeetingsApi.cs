using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// Meetings: drafting one and reading them. Every member of either side reads every meeting (R-1.3:
/// publicity); an invited guest reads only the meeting they are invited to, and of it the agenda and schedule.
/// </summary>
internal static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Meetings");

        group.MapPost("", Draft)
            .WithName("DraftMeeting")
            .WithRequestExample("""{ "title": "Заседание рабочей группы № 3" }""")
            .WithSummary("Draft a meeting (secretary or acting co-chair, R-3.4)")
            .WithDescription("Raises MeetingDrafted. 422 actor.not_secretary_or_co_chair when a deputy who is not acting tries.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Organisers));

        group.MapGet("", List)
            .WithName("ListMeetings")
            .WithSummary("The meetings, soonest first; optionally of one state")
            .WithDescription("Members and the administrator see every meeting (R-1.3); a guest sees the meetings they are invited to (R-3.11).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Readers));

        group.MapGet("/{meetingId:guid}", Get)
            .WithName("GetMeeting")
            .WithSummary("One meeting: state, schedule, agenda, proposals, approvals, attendance with the quorum per side now, written opinions")
            .WithDescription("A guest invited to the meeting gets its title, state, schedule and agenda only (R-3.11); other guests get 404.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Readers));

        return routes;
    }

    private static async Task<Results<Created<MeetingResponse>, ProblemHttpResult>> Draft(
        DraftMeetingRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct)
    {
        var meeting = await commands.RunAsync(user, async cmd =>
        {
            var caller = await cmd.CallerAsync();
            var drafted = Meeting.Draft(request.Title.Trim(), caller);
            cmd.Db.Meetings.Add(drafted);
            cmd.Raise(ProcedureEvents.MeetingDrafted, drafted.Id, MeetingCommands.Payload(("meetingId", drafted.Id), ("title", drafted.Title)));
            return MeetingResponse.From(drafted, caller.Composition, caller.Now, fullView: true);
        }, ct);
        return TypedResults.Created($"/api/meetings/{meeting.Id}", meeting);
    }

    private static async Task<Ok<List<MeetingSummaryResponse>>> List(
        MeetingState? state, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var meetings = db.Meetings.AsNoTracking();
        if (state is { } wanted)
        {
            meetings = meetings.Where(m => m.State == wanted);
        }

        if (IsGuestOnly(user))
        {
            var invited = await InvitedMeetingIdsAsync(db, ProcedureCommands.PersonIdOf(user), ct);
            meetings = meetings.Where(m => invited.Contains(m.Id));
        }

        var rows = await meetings.Select(m => new { m.Id, m.Title, m.State, m.Schedule }).ToListAsync(ct);
        return TypedResults.Ok(rows
            .Select(m => new MeetingSummaryResponse(m.Id, m.Title, m.State, m.Schedule?.StartsAt, m.Schedule?.TimeZoneId, m.Schedule?.Format))
            .OrderBy(m => m.StartsAt is null)
            .ThenBy(m => m.StartsAt)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .ToList());
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Get(
        Guid meetingId, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().WholeAsync(meetingId, ct);
        var composition = await db.Compositions.AsNoTracking().CurrentAsync(ct);
        if (meeting is null || composition is null)
        {
            return MeetingCommands.MeetingNotFound();
        }

        var now = clock.GetUtcNow();
        if (!IsGuestOnly(user))
        {
            return TypedResults.Ok(MeetingResponse.From(meeting, composition, now, fullView: true));
        }

        var personId = ProcedureCommands.PersonIdOf(user);
        var invitations = await db.GuestInvitations.AsNoTracking().Where(i => i.GuestPersonId == personId).ToListAsync(ct);
        return ReadAccess.CanReadAgendaAndMaterials(composition, personId, now, meetingId, invitations)
            ? TypedResults.Ok(MeetingResponse.From(meeting, composition, now, fullView: false))
            : MeetingCommands.MeetingNotFound();
    }

    /// <summary>A guest holds no place in the composition and is not the administrator.</summary>
    internal static bool IsGuestOnly(ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Administrator) && !Roles.Composition.Any(user.IsInRole);

    internal static Task<List<Guid>> InvitedMeetingIdsAsync(AppDbContext db, Guid personId, CancellationToken ct) =>
        db.GuestInvitations.AsNoTracking()
            .Where(i => i.GuestPersonId == personId && i.State == GuestInvitationState.Approved)
            .Select(i => i.MeetingId)
            .ToListAsync(ct);
}

/// <summary>A new meeting.</summary>
/// <param name="Title">The meeting's title, e.g. "Заседание рабочей группы № 3".</param>
public sealed record DraftMeetingRequest([Required, MinLength(1), MaxLength(500)] string Title);
