using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Materials;

/// <summary>
/// The meeting's package: the secretary distributes the accepted materials and the late ones a co-chair
/// admitted. Telling the members is the procedure's work: the event starts or resumes it (e.g. its notification step).
/// </summary>
internal static class PackageApi
{
    public static IEndpointRouteBuilder MapPackageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/meetings/{meetingId:guid}/package/distribute", Distribute)
            .WithTags("Materials")
            .WithName("DistributePackage")
            .WithSummary("The secretary distributes the meeting's package (R-3.4, R-3.9)")
            .WithDescription("Needs every submitted material decided (accepted, returned, admitted or excluded). " +
                             "Raises PackageDistributed {materialIds} (correlation: the meeting id).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));
        return routes;
    }

    private static Task<Results<Ok<PackageResponse>, ProblemHttpResult>> Distribute(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.RunAsync<Results<Ok<PackageResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var materials = await cmd.Db.Materials.Where(m => m.MeetingId == meetingId).ToListAsync(ct);
            var package = MeetingPackage.Distribute(meeting, materials, await cmd.CallerAsync());
            var ids = new JsonArray([.. package.Select(m => JsonValue.Create(m.Id.ToString()))]);
            cmd.Raise(ProcedureEvents.PackageDistributed, meeting.Id, MeetingCommands.Payload(("meetingId", meeting.Id), ("materialIds", ids)));
            return TypedResults.Ok(new PackageResponse(meeting.Id, await MaterialCommands.ResponsesAsync(cmd.Db, package, ct)));
        }, ct);
}
