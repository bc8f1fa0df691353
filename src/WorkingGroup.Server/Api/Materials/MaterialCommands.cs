using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Materials;

/// <summary>
/// What the material commands share: the material and its meeting are loaded in the command's transaction (404 when
/// either is missing), the domain judges, the command raises its event, and the answer is the material as it now is.
/// </summary>
internal static class MaterialCommands
{
    /// <summary>Runs a command on one material; the command may answer a problem instead (nothing is then raised).</summary>
    public static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> OnMaterialAsync(
        this ProcedureCommands commands,
        ClaimsPrincipal user,
        Guid materialId,
        Func<ProcedureCommand, Material, Meeting, Caller, Task<ProblemHttpResult?>> act,
        CancellationToken cancellationToken) =>
        commands.RunAsync<Results<Ok<MaterialResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var material = await cmd.Db.Materials.FirstOrDefaultAsync(m => m.Id == materialId, cancellationToken);
            var meeting = material is null ? null : await MeetingCommands.LoadAsync(cmd.Db, material.MeetingId, cancellationToken);
            if (material is null || meeting is null)
            {
                return MaterialNotFound();
            }

            var caller = await cmd.CallerAsync();
            if (await act(cmd, material, meeting, caller) is { } problem)
            {
                return problem;
            }

            return TypedResults.Ok(await ResponseAsync(cmd.Db, material, cancellationToken));
        }, cancellationToken);

    /// <summary>The payload every material event carries (see <see cref="ProcedureEvents"/>), plus the event's own.</summary>
    public static System.Text.Json.Nodes.JsonObject Payload(Material material, params (string Name, object? Value)[] more) =>
        MeetingCommands.Payload([("meetingId", material.MeetingId), ("authorId", material.AuthorId), .. more]);

    public static ProblemHttpResult MaterialNotFound() =>
        Problems.NotFound("material.not_found", "Материал не найден. / The material was not found.");

    /// <summary>
    /// members (and the administrator) read the materials of every meeting; an invited guest only
    /// those of the meeting they are invited to.
    /// </summary>
    public static async Task<bool> MayReadAsync(AppDbContext db, ClaimsPrincipal user, Guid meetingId, DateTimeOffset now, CancellationToken ct)
    {
        if (!MeetingsApi.IsGuestOnly(user))
        {
            return true;
        }

        var personId = ProcedureCommands.PersonIdOf(user);
        var composition = await db.Compositions.AsNoTracking().CurrentAsync(ct);
        var invitations = await db.GuestInvitations.AsNoTracking().Where(i => i.GuestPersonId == personId).ToListAsync(ct);
        return composition is not null && ReadAccess.CanReadAgendaAndMaterials(composition, personId, now, meetingId, invitations);
    }

    public static async Task<MaterialResponse> ResponseAsync(AppDbContext db, Material material, CancellationToken ct) =>
        (await ResponsesAsync(db, [material], ct))[0];

    /// <summary>The materials with the type and size of each version's stored file.</summary>
    public static async Task<List<MaterialResponse>> ResponsesAsync(AppDbContext db, IReadOnlyCollection<Material> materials, CancellationToken ct)
    {
        var hashes = materials.SelectMany(m => m.Versions).Select(v => v.ContentHash).Distinct().ToList();
        var files = await db.Files.AsNoTracking()
            .Where(f => hashes.Contains(f.Id))
            .Select(f => new { f.Id, f.ContentType, f.Length })
            .ToDictionaryAsync(f => f.Id, ct);
        foreach (var added in db.Files.Local.Where(f => !files.ContainsKey(f.Id)))
        {
            files[added.Id] = new { added.Id, added.ContentType, added.Length };
        }

        return
        [
            .. materials.Select(m => new MaterialResponse(
                m.Id, m.MeetingId, m.AgendaItemId, m.Title, m.AuthorId, m.State, m.SubmittedAt, m.LateFrom, m.DecisionReason, m.DecidedBy,
                [.. m.Versions.Select(v => new MaterialVersionResponse(
                    v.Number, v.FileName, v.ContentHash,
                    files.GetValueOrDefault(v.ContentHash)?.ContentType, files.GetValueOrDefault(v.ContentHash)?.Length,
                    v.UploadedBy, v.UploadedAt))])),
        ];
    }
}
