using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Materials;

/// <summary>
/// Materials of a meeting: a member uploads and submits one, the secretary of the author's side
/// accepts or returns it, a co-chair admits or excludes a late one; every version's file is kept, stored once by its
/// SHA-256, and downloadable with that hash as its ETag.
/// </summary>
internal static class MaterialsApi
{
    /// <summary>Room for the form's other fields beside the file itself.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>R-3.4: a material is accepted or returned by the executive secretary of its author's side.</summary>
    private static readonly RoleOnSideRequirement SecretaryOfSide = new([Roles.ExecutiveSecretary]);

    public static IEndpointRouteBuilder MapMaterialsApi(this IEndpointRouteBuilder routes)
    {
        var options = MaterialsOptions.From(routes.ServiceProvider.GetRequiredService<IConfiguration>());
        var limit = options.MaxFileBytes + FormOverhead;
        var group = routes.MapGroup("/api").WithTags("Materials")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Uploads come from API clients with a bearer token; the sign-in cookie is SameSite=Lax, so a cross-site form
        // post carries none, and there is no antiforgery token for such a client to send.
        group.MapPost("/meetings/{meetingId:guid}/materials", (Guid meetingId, IFormFile? file, [FromForm] string? title, [FromForm] Guid? agendaItemId,
                ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
                Upload(meetingId, file, title, agendaItemId, options, user, commands, ct))
            .WithName("UploadMaterial")
            .WithSummary("A member uploads a material for a meeting whose materials are being collected (R-3.5)")
            .WithDescription("multipart/form-data: file, title, optional agendaItemId. The file's size and type are limited by the " +
                             "Materials settings (400 naming `file`). Raises MaterialDrafted (correlation: the material id). " +
                             "409 material.collection_closed when the meeting does not collect materials (e.g. cancelled).")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/materials/{materialId:guid}/revise", (Guid materialId, IFormFile? file, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
                Revise(materialId, file, options, user, commands, ct))
            .WithName("ReviseMaterial")
            .WithSummary("The author uploads a new version of a draft or returned material; earlier versions stay")
            .WithDescription("multipart/form-data: file. Raises MaterialRevised {contentHash}.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/materials/{materialId:guid}/submit", (Guid materialId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
                Submit(materialId, user, commands, ct))
            .WithName("SubmitMaterial")
            .WithSummary("The author submits the material; after the deadline it is late (R-3.9)")
            .WithDescription("Raises MaterialSubmitted {late}. The deadline is the end of the day (meeting date − the meeting's materials deadline days: 10, or what its procedure fixed) in the meeting's zone.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/materials/{materialId:guid}/accept", Accept)
            .WithName("AcceptMaterial")
            .WithSummary("The secretary of the author's side accepts a material submitted on time (R-3.4)")
            .WithDescription("Raises MaterialAccepted. 403 for anyone but the executive secretary of the author's side.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(Roles.ExecutiveSecretary));

        group.MapPost("/materials/{materialId:guid}/return", Return)
            .WithRequestExample("""{ "reason": "Добавьте ссылки на источники статистических данных" }""")
            .WithName("ReturnMaterial")
            .WithSummary("The secretary of the author's side returns a material for rework, with a reason (R-3.4)")
            .WithDescription("Raises MaterialReturned {reason}. 403 for anyone but the executive secretary of the author's side.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(Roles.ExecutiveSecretary));

        group.MapPost("/materials/{materialId:guid}/admit", Admit)
            .WithRequestExample("""{ "reason": "Существенно для вопроса 1 повестки" }""")
            .WithName("AdmitMaterial")
            .WithSummary("A co-chair (or acting deputy) admits a late material into the package, with a reason (R-3.9)")
            .WithDescription("Raises MaterialAdmitted {reason}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/materials/{materialId:guid}/exclude", Exclude)
            .WithRequestExample("""{ "reason": "Поступил после срока и не относится к вопросам повестки" }""")
            .WithName("ExcludeMaterial")
            .WithSummary("A co-chair (or acting deputy) keeps a late material out of the package, with a reason (R-3.9)")
            .WithDescription("Raises MaterialExcluded {reason}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapGet("/meetings/{meetingId:guid}/materials", List)
            .WithName("ListMaterials")
            .WithSummary("The materials of a meeting with their versions (R-1.3; an invited guest: of their meeting only, R-3.11)")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Readers));

        group.MapGet("/materials/{materialId:guid}", Get)
            .WithName("GetMaterial")
            .WithSummary("One material with its versions")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Readers));

        group.MapGet("/materials/{materialId:guid}/content", Content)
            .WithName("DownloadMaterial")
            .WithSummary("The file of a material's current version, or of ?version=n; ETag is its SHA-256")
            .WithDescription("Answers with the stored content type and the version's file name; If-None-Match with the hash gives 304.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Readers));

        return routes.MapPackageApi();
    }

    private static async Task<Results<Created<MaterialResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid meetingId, IFormFile? file, string? title, Guid? agendaItemId, MaterialsOptions options,
        ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct)
    {
        var (upload, error) = await MaterialFiles.ReadAsync(file, options, ct);
        if (upload is null)
        {
            return Problems.Validation("file", error!);
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 500)
        {
            return Problems.Validation("title", "Укажите название материала (до 500 знаков). / Give the material a title (up to 500 characters).");
        }

        return await commands.RunAsync<Results<Created<MaterialResponse>, ValidationProblem, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var caller = await cmd.CallerAsync();
            var material = Material.Draft(meeting, title.Trim(), agendaItemId, upload.FileName, upload.Hash, caller);
            await MaterialFiles.StoreAsync(cmd.Db, upload, caller.Now, ct);
            cmd.Db.Materials.Add(material);
            var side = caller.Composition.MembershipOf(caller.PersonId, caller.Now)?.Side;
            cmd.Raise(ProcedureEvents.MaterialDrafted, material.Id, MaterialCommands.Payload(material, ("title", material.Title), ("side", side)));
            return TypedResults.Created($"/api/materials/{material.Id}", await MaterialCommands.ResponseAsync(cmd.Db, material, ct));
        }, ct);
    }

    private static async Task<Results<Ok<MaterialResponse>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid materialId, IFormFile? file, MaterialsOptions options, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct)
    {
        var (upload, error) = await MaterialFiles.ReadAsync(file, options, ct);
        if (upload is null)
        {
            return Problems.Validation("file", error!);
        }

        return (await commands.OnMaterialAsync(user, materialId, async (cmd, material, _, caller) =>
        {
            material.Revise(upload.FileName, upload.Hash, caller);
            await MaterialFiles.StoreAsync(cmd.Db, upload, caller.Now, ct);
            cmd.Raise(ProcedureEvents.MaterialRevised, material.Id, MaterialCommands.Payload(material, ("contentHash", upload.Hash)));
            return null;
        }, ct)).Result switch
        {
            Ok<MaterialResponse> ok => ok,
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    private static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Submit(
        Guid materialId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMaterialAsync(user, materialId, (cmd, material, meeting, caller) =>
        {
            material.Submit(meeting, caller);
            cmd.Raise(ProcedureEvents.MaterialSubmitted, material.Id, MaterialCommands.Payload(material, ("late", material.State == MaterialState.Late)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Accept(
        Guid materialId, ClaimsPrincipal user, IAuthorizationService authorization, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMaterialAsync(user, materialId, async (cmd, material, _, caller) =>
        {
            if (await NotSecretaryOfAuthorSideAsync(authorization, user, material, caller) is { } forbidden)
            {
                return forbidden;
            }

            material.Accept(caller);
            cmd.Raise(ProcedureEvents.MaterialAccepted, material.Id, MaterialCommands.Payload(material));
            return null;
        }, ct);

    private static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Return(
        Guid materialId, MaterialReasonRequest request, ClaimsPrincipal user, IAuthorizationService authorization,
        ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMaterialAsync(user, materialId, async (cmd, material, _, caller) =>
        {
            if (await NotSecretaryOfAuthorSideAsync(authorization, user, material, caller) is { } forbidden)
            {
                return forbidden;
            }

            material.Return(request.Reason.Trim(), caller);
            cmd.Raise(ProcedureEvents.MaterialReturned, material.Id, MaterialCommands.Payload(material, ("reason", material.DecisionReason)));
            return null;
        }, ct);

    private static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Admit(
        Guid materialId, MaterialReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMaterialAsync(user, materialId, (cmd, material, meeting, caller) =>
        {
            material.Admit(request.Reason.Trim(), meeting, caller);
            cmd.Raise(ProcedureEvents.MaterialAdmitted, material.Id, MaterialCommands.Payload(material, ("reason", material.DecisionReason)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Exclude(
        Guid materialId, MaterialReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMaterialAsync(user, materialId, (cmd, material, meeting, caller) =>
        {
            material.Exclude(request.Reason.Trim(), meeting, caller);
            cmd.Raise(ProcedureEvents.MaterialExcluded, material.Id, MaterialCommands.Payload(material, ("reason", material.DecisionReason)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static async Task<Results<Ok<List<MaterialResponse>>, ProblemHttpResult>> List(
        Guid meetingId, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct) || !await MaterialCommands.MayReadAsync(db, user, meetingId, clock.GetUtcNow(), ct))
        {
            return MeetingCommands.MeetingNotFound();
        }

        var materials = await db.Materials.AsNoTracking().Where(m => m.MeetingId == meetingId).ToListAsync(ct);
        var ordered = materials.OrderBy(m => m.Versions[0].UploadedAt).ThenBy(m => m.Title, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(await MaterialCommands.ResponsesAsync(db, ordered, ct));
    }

    private static async Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> Get(
        Guid materialId, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (material is null || !await MaterialCommands.MayReadAsync(db, user, material.MeetingId, clock.GetUtcNow(), ct))
        {
            return MaterialCommands.MaterialNotFound();
        }

        return TypedResults.Ok(await MaterialCommands.ResponseAsync(db, material, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Content(
        Guid materialId, int? version, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (material is null || !await MaterialCommands.MayReadAsync(db, user, material.MeetingId, clock.GetUtcNow(), ct))
        {
            return MaterialCommands.MaterialNotFound();
        }

        var wanted = version is { } number ? material.Versions.FirstOrDefault(v => v.Number == number) : material.CurrentVersion;
        var file = wanted is null ? null : await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == wanted.ContentHash, ct);
        if (wanted is null || file is null)
        {
            return Problems.NotFound("material.version_not_found", "Версия материала не найдена. / The material's version was not found.");
        }

        return TypedResults.File(
            file.Content, file.ContentType, wanted.FileName, lastModified: wanted.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{file.Id}\""));
    }

    /// <summary>R-3.4: only the executive secretary of the author's side decides on a material (403 for the other side's).</summary>
    private static async Task<ProblemHttpResult?> NotSecretaryOfAuthorSideAsync(
        IAuthorizationService authorization, ClaimsPrincipal user, Material material, Caller caller)
    {
        var author = caller.Composition.MembershipOf(material.AuthorId, caller.Now)
            ?? caller.Composition.Memberships.Where(m => m.PersonId == material.AuthorId).OrderByDescending(m => m.Since).FirstOrDefault();
        if (author is not null && (await authorization.AuthorizeAsync(user, author.Side, SecretaryOfSide)).Succeeded)
        {
            return null;
        }

        return Problems.Forbidden("material.not_author_side_secretary",
            "Материал принимает или возвращает ответственный секретарь стороны автора (п. 3.4). / " +
            "A material is accepted or returned by the executive secretary of its author's side (R-3.4).");
    }
}
