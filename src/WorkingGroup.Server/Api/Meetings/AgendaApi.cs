using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// The agenda: a secretary or co-chair opens it to proposals, members propose questions, the
/// co-chairs of both sides approve each question and then the agenda as a whole.
/// </summary>
internal static class AgendaApi
{
    public static IEndpointRouteBuilder MapAgendaApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}").WithTags("Agenda")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/agenda/start", StartAgendaForming)
            .WithName("StartAgendaForming")
            .WithSummary("Open the agenda to members' proposals (R-3.5)")
            .WithDescription("Secretary or acting co-chair; the meeting must be a draft. Raises AgendaFormingStarted.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Organisers));

        group.MapPost("/proposals", Propose)
            .WithName("ProposeAgendaItem")
            .WithRequestExample("""{ "title": "О взаимном признании квалификаций", "category": "Harmonisation" }""")
            .WithSummary("A member proposes a question for the agenda, with its task category (R-3.5, R-2.1)")
            .WithDescription("Raises AgendaItemProposed (correlation: the proposal id). OtherByCoChairs only on a co-chair's proposal (R-2.1 е).")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/proposals/{proposalId:guid}/approve", ApproveProposal)
            .WithName("ApproveAgendaProposal")
            .WithSummary("A co-chair approves a proposal for their side; with both sides it joins the agenda (R-1.3)")
            .WithDescription("Raises AgendaProposalApproved {side, approvedByBoth}.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/proposals/{proposalId:guid}/reject", RejectProposal)
            .WithName("RejectAgendaProposal")
            .WithRequestExample("""{ "reason": "Вопрос рассмотрен на прошлом заседании" }""")
            .WithSummary("A co-chair rejects a proposal, with a reason (R-1.3)")
            .WithDescription("Raises AgendaProposalRejected {reason}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/agenda/approve", ApproveAgenda)
            .WithName("ApproveAgenda")
            .WithSummary("A co-chair approves the agenda as a whole for their side (R-1.3, R-3.2)")
            .WithDescription("Needs at least one question and no proposal awaiting a decision. Raises AgendaApproved {side, approvedByBoth}.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        return routes;
    }

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> StartAgendaForming(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.StartAgendaForming(caller);
            cmd.Raise(ProcedureEvents.AgendaFormingStarted, meeting.Id);
            return null;
        }, ct);

    private static async Task<Results<Created<AgendaProposalResponse>, ProblemHttpResult>> Propose(
        Guid meetingId, ProposeAgendaItemRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        await commands.RunAsync<Results<Created<AgendaProposalResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var proposal = meeting.ProposeAgendaItem(request.Title.Trim(), request.Category!.Value, await cmd.CallerAsync());
            cmd.Raise(ProcedureEvents.AgendaItemProposed, proposal.Id, MeetingCommands.Payload(
                ("meetingId", meeting.Id), ("proposerId", proposal.ProposedBy), ("title", proposal.Title), ("category", proposal.Category)));
            return TypedResults.Created($"/api/meetings/{meeting.Id}", AgendaProposalResponse.From(proposal));
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> ApproveProposal(
        Guid meetingId, Guid proposalId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            if (FindProposal(meeting, proposalId) is not { } proposal)
            {
                return ProposalNotFound();
            }

            meeting.ApproveAgendaProposal(proposalId, caller);
            var side = proposal.Approvals[^1].Side;
            cmd.Raise(ProcedureEvents.AgendaProposalApproved, proposalId, MeetingCommands.Payload(
                ("meetingId", meeting.Id), ("side", side), ("approvedByBoth", proposal.State == AgendaProposalState.Approved)));
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> RejectProposal(
        Guid meetingId, Guid proposalId, ReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            if (FindProposal(meeting, proposalId) is null)
            {
                return ProposalNotFound();
            }

            meeting.RejectAgendaProposal(proposalId, request.Reason.Trim(), caller);
            cmd.Raise(ProcedureEvents.AgendaProposalRejected, proposalId, MeetingCommands.Payload(
                ("meetingId", meeting.Id), ("reason", request.Reason.Trim())));
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> ApproveAgenda(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.ApproveAgenda(caller);
            var approval = meeting.AgendaApprovals[^1];
            var byBoth = meeting.AgendaApprovals.Select(a => a.Side).Distinct().Count() == 2;
            cmd.Raise(ProcedureEvents.AgendaApproved, meeting.Id, MeetingCommands.Payload(("side", approval.Side), ("approvedByBoth", byBoth)));
            return null;
        }, ct);

    private static AgendaProposal? FindProposal(Meeting meeting, Guid proposalId) =>
        meeting.AgendaProposals.FirstOrDefault(p => p.Id == proposalId);

    private static ProblemHttpResult ProposalNotFound() =>
        Problems.NotFound("agenda_proposal.not_found", "Предложение в повестку не найдено. / The agenda proposal was not found.");
}

/// <summary>A question proposed for the agenda .</summary>
/// <param name="Title">The question, e.g. "О взаимном признании квалификаций".</param>
/// <param name="Category">The task of it serves: DevelopmentSupport, LegislationProposals, Harmonisation, StandardsAndEducationActs, Coordination, OtherByCoChairs.</param>
public sealed record ProposeAgendaItemRequest([Required, MaxLength(500)] string Title, [Required] TaskCategory? Category);

/// <summary>The reason for a refusal, postponement or cancellation; it is recorded.</summary>
/// <param name="Reason">Why, in a sentence or two.</param>
public sealed record ReasonRequest([Required, MaxLength(2000)] string Reason);
