using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Documents;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Protocols;

/// <summary>
/// The protocol of a meeting: the secretary drafts and edits it, submits it for review; a
/// signatory may return it; a co-chair opens signing on the rendered DOCX, whose SHA-256 every signature binds; the
/// four places sign (a deputy for an absent co-chair); the secretary distributes the signed copy to every member.
/// </summary>
internal static class ProtocolsApi
{
    private static readonly string[] Signatories = [Roles.CoChair, Roles.DeputyCoChair, Roles.ExecutiveSecretary];

    private static readonly RoleOnSideRequirement CoChairPlace = new([Roles.CoChair, Roles.DeputyCoChair]);

    private static readonly RoleOnSideRequirement SecretaryPlace = new([Roles.ExecutiveSecretary]);

    public static IEndpointRouteBuilder MapProtocolsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}/protocol").WithTags("Protocol")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("", Draft)
            .WithRequestExample("""{ "text": "1. О взаимном признании квалификаций. Заслушали доклад Смирновой Е. И. Решили: рекомендовать сторонам гармонизировать перечни квалификаций." }""")
            .WithName("DraftProtocol")
            .WithSummary("The secretary drafts the protocol of a held meeting; its written opinions are attached (R-3.4, R-3.5)")
            .WithDescription("Raises ProtocolDrafted (correlation: the meeting id).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        group.MapPut("/text", Edit)
            .WithRequestExample("""{ "text": "1. О взаимном признании квалификаций. Заслушали доклад Смирновой Е. И. Решили: рекомендовать сторонам гармонизировать перечни квалификаций до 1 марта." }""")
            .WithName("EditProtocol")
            .WithSummary("The secretary edits the text; signatures given so far no longer count (R-3.10)")
            .WithDescription("Raises ProtocolEdited.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        group.MapPost("/submit-for-review", SubmitForReview)
            .WithName("SubmitProtocolForReview")
            .WithSummary("The secretary puts the draft to the co-chairs for review (R-3.4)")
            .WithDescription("Raises ProtocolSubmittedForReview.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        group.MapPost("/return", Return)
            .WithRequestExample("""{ "reason": "Уточнить формулировку решения по вопросу 1" }""")
            .WithName("ReturnProtocol")
            .WithSummary("A co-chair or secretary returns the protocol for rework, with remarks (R-3.10)")
            .WithDescription("Raises ProtocolReturned {reason}; signatures given so far no longer count.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(Signatories));

        group.MapPost("/open-for-signing", OpenForSigning)
            .WithName("OpenProtocolForSigning")
            .WithSummary("A co-chair (or acting deputy) opens signing: the DOCX is rendered and its SHA-256 fixed (R-3.2, R-3.10)")
            .WithDescription("Raises ProtocolOpenedForSigning {documentHash}.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapGet("", Get)
            .WithName("GetProtocol")
            .WithSummary("The protocol: state, text, document hash, valid signatures and the places still to sign with who may sign them now")
            .RequireAuthorization(Policies.Participant);

        group.MapGet("/document", Document)
            .WithName("DownloadProtocolDocument")
            .WithSummary("The protocol as DOCX; ETag is its SHA-256, the hash a signature names")
            .WithDescription("Once signing is open, the document fixed then; before, rendered from the current text (the same bytes each time).")
            .Produces(StatusCodes.Status200OK, contentType: ProtocolDocument.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .RequireAuthorization(Policies.Participant);

        group.MapPost("/signatures", Sign)
            .WithRequestExample("""{ "side": "RU", "role": "CoChair", "documentHash": "9f2c4a7e1b3d5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7" }""")
            .WithName("SignProtocol")
            .WithSummary("Sign one of the four places with the hash of the document read (R-3.10, R-3.3)")
            .WithDescription("403 unless the caller holds that place's role on that side. 409 protocol.text_changed for a stale hash. " +
                             "Raises ProtocolSignatureAdded {side, role, personId, actingFor}, and ProtocolSigned {documentHash} with the fourth.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(Signatories));

        group.MapPost("/distribute", Distribute)
            .WithName("DistributeProtocol")
            .WithSummary("The secretary sends the signed protocol to every member: e-mail with the DOCX and in the app (R-3.4, R-3.10)")
            .WithDescription("Each delivery is logged with the protocol. Raises ProtocolDistributed {recipients}.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        return routes;
    }

    private static Task<Results<Created<ProtocolResponse>, ProblemHttpResult>> Draft(
        Guid meetingId, ProtocolTextRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.RunAsync<Results<Created<ProtocolResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var caller = await cmd.CallerAsync();
            var protocol = Protocol.Draft(meeting, request.Text, caller);
            cmd.Db.Protocols.Add(protocol);
            cmd.Raise(ProcedureEvents.ProtocolDrafted, meeting.Id, Payload(protocol));
            return TypedResults.Created($"/api/meetings/{meeting.Id}/protocol", ProtocolResponses.From(protocol, meeting, caller.Composition, caller.Now));
        }, ct);

    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> Edit(
        Guid meetingId, ProtocolTextRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnProtocolAsync(user, meetingId, (cmd, meeting, protocol, caller) =>
        {
            protocol.Edit(request.Text, meeting, caller);
            cmd.Raise(ProcedureEvents.ProtocolEdited, meeting.Id, Payload(protocol));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> SubmitForReview(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnProtocolAsync(user, meetingId, (cmd, meeting, protocol, caller) =>
        {
            protocol.SubmitForReview(meeting, caller);
            cmd.Raise(ProcedureEvents.ProtocolSubmittedForReview, meeting.Id, Payload(protocol));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> Return(
        Guid meetingId, ProtocolReturnRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnProtocolAsync(user, meetingId, (cmd, meeting, protocol, caller) =>
        {
            protocol.ReturnForRework(request.Reason.Trim(), meeting, caller);
            cmd.Raise(ProcedureEvents.ProtocolReturned, meeting.Id, Payload(protocol, ("reason", protocol.ReturnReason)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> OpenForSigning(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnProtocolAsync(user, meetingId, async (cmd, meeting, protocol, caller) =>
        {
            var document = await ProtocolDocuments.RenderAndStoreAsync(cmd.Db, meeting, protocol, caller.Composition, caller.Now, ct);
            protocol.OpenForSigning(meeting, caller, document.Hash);
            cmd.Raise(ProcedureEvents.ProtocolOpenedForSigning, meeting.Id, Payload(protocol, ("documentHash", document.Hash)));
            return null;
        }, ct);

    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> Sign(
        Guid meetingId, SignProtocolRequest request, ClaimsPrincipal user, IAuthorizationService authorization,
        ProcedureCommands commands, CancellationToken ct) =>
        commands.OnProtocolAsync(user, meetingId, async (cmd, meeting, protocol, caller) =>
        {
            var side = request.Side!.Value;
            var role = request.Role!.Value;
            if (!(await authorization.AuthorizeAsync(user, side, role == SignatoryRole.CoChair ? CoChairPlace : SecretaryPlace)).Succeeded)
            {
                return Problems.Forbidden("protocol.not_entitled_to_place",
                    $"Место «{role}, {side}» подписывает сопредседатель (или замещающий его заместитель) либо ответственный секретарь этой стороны (п. 3.10). / " +
                    $"The {role} place of side {side} is signed by that side's co-chair (or acting deputy) or executive secretary (R-3.10).");
            }

            var signature = protocol.Sign(side, role, request.DocumentHash.Trim(), meeting, caller);
            cmd.Raise(ProcedureEvents.ProtocolSignatureAdded, meeting.Id, Payload(protocol,
                ("side", signature.Side), ("role", signature.Role), ("personId", signature.PersonId), ("actingFor", signature.ActingFor)));
            if (protocol.State == ProtocolState.Signed)
            {
                cmd.Raise(ProcedureEvents.ProtocolSigned, meeting.Id, Payload(protocol, ("documentHash", protocol.HashToSign)));
            }

            return null;
        }, ct);

    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> Distribute(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, MailDeliverySignal signal, CancellationToken ct) =>
        commands.OnProtocolAsync(user, meetingId, async (cmd, meeting, protocol, caller) =>
        {
            protocol.Distribute(meeting, caller);
            var document = await ProtocolDocuments.CurrentAsync(cmd.Db, meeting, protocol, caller.Composition, ct);
            var recipients = await ProtocolDistribution.SendAsync(cmd, meeting, protocol, caller.Composition, document, signal);
            cmd.Raise(ProcedureEvents.ProtocolDistributed, meeting.Id, Payload(protocol, ("recipients", recipients)));
            return null;
        }, ct);

    private static async Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> Get(
        Guid meetingId, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (meeting, protocol, composition) = await ReadAsync(db, meetingId, ct);
        return meeting is null || protocol is null || composition is null
            ? ProtocolNotFound()
            : TypedResults.Ok(ProtocolResponses.From(protocol, meeting, composition, clock.GetUtcNow()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(Guid meetingId, AppDbContext db, CancellationToken ct)
    {
        var (meeting, protocol, composition) = await ReadAsync(db, meetingId, ct);
        if (meeting is null || protocol is null || composition is null)
        {
            return ProtocolNotFound();
        }

        var document = await ProtocolDocuments.CurrentAsync(db, meeting, protocol, composition, ct);
        return TypedResults.File(document.Content, ProtocolDocument.ContentType, document.FileName, entityTag: new EntityTagHeaderValue($"\"{document.Hash}\""));
    }

    /// <summary>Runs a command on the protocol of one meeting, loaded with the meeting; the command may answer a problem instead (nothing is then raised).</summary>
    private static Task<Results<Ok<ProtocolResponse>, ProblemHttpResult>> OnProtocolAsync(
        this ProcedureCommands commands,
        ClaimsPrincipal user,
        Guid meetingId,
        Func<ProcedureCommand, Meeting, Protocol, Caller, Task<ProblemHttpResult?>> act,
        CancellationToken ct) =>
        commands.RunAsync<Results<Ok<ProtocolResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            var protocol = meeting is null ? null : await cmd.Db.Protocols.FirstOrDefaultAsync(p => p.MeetingId == meetingId, ct);
            if (meeting is null || protocol is null)
            {
                return ProtocolNotFound();
            }

            var caller = await cmd.CallerAsync();
            if (await act(cmd, meeting, protocol, caller) is { } problem)
            {
                return problem;
            }

            return TypedResults.Ok(ProtocolResponses.From(protocol, meeting, caller.Composition, caller.Now));
        }, ct);

    private static async Task<(Meeting? Meeting, Protocol? Protocol, GroupComposition? Composition)> ReadAsync(
        AppDbContext db, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().WholeAsync(meetingId, ct);
        var protocol = meeting is null ? null : await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.MeetingId == meetingId, ct);
        var composition = await db.Compositions.AsNoTracking().CurrentAsync(ct);
        return (meeting, protocol, composition);
    }

    private static System.Text.Json.Nodes.JsonObject Payload(Protocol protocol, params (string Name, object? Value)[] more) =>
        MeetingCommands.Payload([("protocolId", protocol.Id), ("meetingId", protocol.MeetingId), .. more]);

    private static ProblemHttpResult ProtocolNotFound() =>
        Problems.NotFound("protocol.not_found", "Протокол заседания не найден. / The meeting's protocol was not found.");
}
