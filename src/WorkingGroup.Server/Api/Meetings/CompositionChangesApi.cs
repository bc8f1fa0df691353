using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// The composition of the working group and changes to it: a person of a side proposes that people
/// join or leave it; the change applies, whole, once that side's co-chair (or the deputy acting for them) approves.
/// The quorum of every meeting is counted on the composition of its date. The sign-in accounts follow an
/// approved change (their position roles and side), so that what the server lets a person try matches the composition.
/// </summary>
internal static class CompositionChangesApi
{
    private static readonly RoleOnSideRequirement CoChairOfSide = new([Roles.CoChair, Roles.DeputyCoChair]);

    public static IEndpointRouteBuilder MapCompositionChangesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/composition").WithTags("Composition")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", Current)
            .WithName("GetComposition")
            .WithSummary("The current composition of both sides, by side and position (R-3.1, R-1.3)")
            .RequireAuthorization(Policies.Participant);

        group.MapGet("/changes", Changes)
            .WithName("ListCompositionChanges")
            .WithSummary("Proposed, approved and rejected changes of the composition, newest first (R-1.5)")
            .RequireAuthorization(Policies.Participant);

        group.MapPost("/changes", Propose)
            .WithName("ProposeCompositionChange")
            .WithRequestExample("""{ "side": "RU", "items": [ { "kind": "Leave", "personId": "0b7e5d1a-2f3c-4e8a-9b1d-6c5a4f3e2d10" }, { "kind": "Join", "personId": "7d2f9c4b-1a3e-4b6d-8e5f-2c1b0a9d8e70", "fullName": "Новиков Пётр Ильич", "role": "Member" } ] }""")
            .WithSummary("A person of a side proposes that people join or leave that side (R-1.5)")
            .WithDescription("The composition after the change must keep one co-chair, one deputy and one secretary per side (R-3.1). "
                + "Raises CompositionChangeProposed {side} (correlation: the change id).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/changes/{changeId:guid}/approve", Approve)
            .WithName("ApproveCompositionChange")
            .WithSummary("That side's co-chair (or acting deputy) approves the change; it applies at once (R-1.5, R-3.3)")
            .WithDescription("A leaver's account loses its position role; a joiner's account (person id = account id) takes the new one. Raises CompositionChangeApproved.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/changes/{changeId:guid}/reject", Reject)
            .WithName("RejectCompositionChange")
            .WithRequestExample("""{ "reason": "Кандидатура не согласована" }""")
            .WithSummary("That side's co-chair (or acting deputy) rejects the change, with a reason (R-1.5)")
            .WithDescription("Raises CompositionChangeRejected {reason}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        return routes;
    }

    private static async Task<Results<Ok<CompositionResponse>, ProblemHttpResult>> Current(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var composition = await db.Compositions.AsNoTracking().CurrentAsync(ct);
        if (composition is null)
        {
            return Problems.NotFound("composition.not_established", "Состав рабочей группы ещё не утверждён. / The composition has not been established.");
        }

        var now = clock.GetUtcNow();
        return TypedResults.Ok(new CompositionResponse(
            [.. Enum.GetValues<Side>().Select(side => new CompositionSideResponse(
                side,
                [.. composition.MembersOf(side, now)
                    .OrderBy(m => m.Role)
                    .ThenBy(m => m.FullName, StringComparer.Ordinal)
                    .Select(m => new CompositionMemberResponse(m.PersonId, m.FullName, m.Role, m.Since))]))]));
    }

    private static async Task<Ok<List<CompositionChangeResponse>>> Changes(AppDbContext db, CancellationToken ct)
    {
        var composition = await db.Compositions.AsNoTracking().CurrentAsync(ct);
        return TypedResults.Ok(composition is null
            ? []
            : composition.Changes.OrderByDescending(c => c.ProposedAt).Select(CompositionChangeResponse.From).ToList());
    }

    private static async Task<Results<Created<CompositionChangeResponse>, ValidationProblem, ProblemHttpResult>> Propose(
        ProposeCompositionChangeRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct)
    {
        if (request.Validate() is { } invalid)
        {
            return invalid;
        }

        var side = request.Side!.Value;
        if (user.GetSide() != side)
        {
            return Problems.Forbidden("composition.proposer_not_of_side",
                $"Изменение состава стороны {side} может предложить только участник этой стороны (п. 1.5). / Only a member of side {side} may propose a change to its composition (R-1.5).");
        }

        var change = await commands.RunAsync(user, async cmd =>
        {
            var composition = await cmd.CompositionAsync();
            var proposed = composition.ProposeChange(side, request.ToItems(), cmd.PersonId, cmd.Clock);
            cmd.Raise(ProcedureEvents.CompositionChangeProposed, proposed.Id, MeetingCommands.Payload(("side", proposed.Side)));
            return CompositionChangeResponse.From(proposed);
        }, ct);
        return TypedResults.Created($"/api/composition/changes/{change.Id}", change);
    }

    private static Task<Results<Ok<CompositionChangeResponse>, ProblemHttpResult>> Approve(
        Guid changeId, ClaimsPrincipal user, ProcedureCommands commands, IAuthorizationService authorization, CancellationToken ct) =>
        DecideAsync(changeId, user, commands, authorization, async (cmd, composition) =>
        {
            composition.ApproveChange(changeId, cmd.PersonId, cmd.Clock);
            await FollowWithAccountsAsync(cmd.Db, composition.Changes.Single(c => c.Id == changeId), ct);
            cmd.Raise(ProcedureEvents.CompositionChangeApproved, changeId);
        }, ct);

    private static Task<Results<Ok<CompositionChangeResponse>, ProblemHttpResult>> Reject(
        Guid changeId, ReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, IAuthorizationService authorization, CancellationToken ct) =>
        DecideAsync(changeId, user, commands, authorization, (cmd, composition) =>
        {
            composition.RejectChange(changeId, cmd.PersonId, request.Reason.Trim(), cmd.Clock);
            cmd.Raise(ProcedureEvents.CompositionChangeRejected, changeId, MeetingCommands.Payload(("reason", request.Reason.Trim())));
            return Task.CompletedTask;
        }, ct);

    private static Task<Results<Ok<CompositionChangeResponse>, ProblemHttpResult>> DecideAsync(
        Guid changeId, ClaimsPrincipal user, ProcedureCommands commands, IAuthorizationService authorization,
        Func<ProcedureCommand, GroupComposition, Task> decide, CancellationToken ct) =>
        commands.RunAsync<Results<Ok<CompositionChangeResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var composition = await cmd.CompositionAsync();
            var change = composition.Changes.FirstOrDefault(c => c.Id == changeId);
            if (change is null)
            {
                return Problems.NotFound("composition_change.not_found", "Изменение состава не найдено. / The composition change was not found.");
            }

            if (!(await authorization.AuthorizeAsync(user, change.Side, CoChairOfSide)).Succeeded)
            {
                return Problems.Forbidden("composition.approver_not_side_co_chair",
                    $"Изменение состава стороны {change.Side} утверждает только сопредседатель этой стороны (п. 1.5). / "
                    + $"A change to side {change.Side}'s composition is approved only by that side's co-chair (R-1.5).");
            }

            await decide(cmd, composition);
            return TypedResults.Ok(CompositionChangeResponse.From(change));
        }, ct);

    /// <summary>
    /// The sign-in accounts follow the approved composition, in the same transaction: a leaver's account loses its
    /// position, a joiner's account (person id = account id) takes the new one and the side. A new security stamp
    /// makes the person sign in again with the new roles.
    /// </summary>
    private static async Task FollowWithAccountsAsync(AppDbContext db, CompositionChange change, CancellationToken ct)
    {
        var positions = await db.Roles.Where(r => Roles.Composition.Contains(r.Name!)).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var personId in change.Items.Select(i => i.PersonId).Distinct())
        {
            var account = await db.Users.FirstOrDefaultAsync(u => u.Id == personId.ToString(), ct);
            if (account is null)
            {
                continue;
            }

            var joined = change.Items.LastOrDefault(i => i.PersonId == personId && i.Kind == ChangeKind.Join);
            var newRoleId = joined is null ? null : positions[Roles.Of(joined.Role)];
            var held = await db.UserRoles.Where(r => r.UserId == account.Id && positions.Values.Contains(r.RoleId)).ToListAsync(ct);
            db.UserRoles.RemoveRange(held.Where(r => r.RoleId != newRoleId));
            if (newRoleId is not null && held.All(r => r.RoleId != newRoleId))
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = newRoleId });
            }

            if (joined is not null)
            {
                account.Side = change.Side;
            }

            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }
}

/// <summary>A proposed change to one side's composition .</summary>
/// <param name="Side">The side whose composition changes: RU or KZ; the proposer must belong to it.</param>
/// <param name="Items">Who joins (with name and position) and who leaves; a change of position is a Leave and a Join of the same person.</param>
public sealed record ProposeCompositionChangeRequest([Required] Side? Side, [Required] IReadOnlyList<CompositionChangeItemRequest>? Items)
{
    internal ValidationProblem? Validate()
    {
        if (Items is not { Count: > 0 })
        {
            return Problems.Validation("items", "Укажите хотя бы одно изменение. / Give at least one change.");
        }

        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var problem = item switch
            {
                null => ($"items[{i}]", "Пустая строка изменения. / An empty change line."),
                { Kind: null } => ($"items[{i}].kind", "Укажите Join или Leave. / Give Join or Leave."),
                { PersonId: null } => ($"items[{i}].personId", "Укажите участника. / Give the person's id."),
                { Kind: ChangeKind.Join, FullName: var name } when string.IsNullOrWhiteSpace(name) || name.Length > 200 =>
                    ($"items[{i}].fullName", "Укажите ФИО нового участника (до 200 знаков). / Give the joiner's full name (up to 200 characters)."),
                { Kind: ChangeKind.Join, Role: null } => ($"items[{i}].role", "Укажите должность нового участника. / Give the joiner's position."),
                _ => ((string, string)?)null,
            };
            if (problem is var (field, message))
            {
                return Problems.Validation(field, message);
            }
        }

        return null;
    }

    internal IReadOnlyList<CompositionChangeItem> ToItems() =>
        [.. Items!.Select(i => i.Kind == ChangeKind.Join
            ? CompositionChangeItem.Join(i.PersonId!.Value, i.FullName!.Trim(), i.Role!.Value)
            : CompositionChangeItem.Leave(i.PersonId!.Value))];
}

/// <summary>One line of a composition change.</summary>
/// <param name="Kind">Join or Leave.</param>
/// <param name="PersonId">The person (their account id).</param>
/// <param name="FullName">For a Join: the full name as in documents.</param>
/// <param name="Role">For a Join: CoChair, DeputyCoChair, ExecutiveSecretary or Member.</param>
public sealed record CompositionChangeItemRequest(ChangeKind? Kind, Guid? PersonId, string? FullName, MemberRole? Role);

/// <summary>The composition of both sides now.</summary>
/// <param name="Sides">RU, then KZ.</param>
public sealed record CompositionResponse(IReadOnlyList<CompositionSideResponse> Sides);

/// <summary>One side's composition .</summary>
/// <param name="Side">The side.</param>
/// <param name="Members">Its people by position: co-chair, deputy, secretary, members.</param>
public sealed record CompositionSideResponse(Side Side, IReadOnlyList<CompositionMemberResponse> Members);

/// <summary>A place in a side's composition.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="FullName">The full name as in documents.</param>
/// <param name="Role">The position.</param>
/// <param name="Since">Since when the person holds it.</param>
public sealed record CompositionMemberResponse(Guid PersonId, string FullName, MemberRole Role, DateTimeOffset Since);

/// <summary>A composition change and its decision.</summary>
/// <param name="Id">The change's id.</param>
/// <param name="Side">The side it changes.</param>
/// <param name="State">Pending, Approved or Rejected.</param>
/// <param name="Items">Its lines.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="DecidedBy">The co-chair who decided.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="RejectionReason">Why it was rejected.</param>
public sealed record CompositionChangeResponse(
    Guid Id, Side Side, CompositionChangeState State, IReadOnlyList<CompositionChangeItemResponse> Items,
    Guid ProposedBy, DateTimeOffset ProposedAt, Guid? DecidedBy, DateTimeOffset? DecidedAt, string? RejectionReason)
{
    internal static CompositionChangeResponse From(CompositionChange c) => new(
        c.Id, c.Side, c.State,
        [.. c.Items.Select(i => new CompositionChangeItemResponse(i.Kind, i.PersonId, i.Kind == ChangeKind.Join ? i.FullName : null, i.Kind == ChangeKind.Join ? i.Role : null))],
        c.ProposedBy, c.ProposedAt, c.DecidedBy, c.DecidedAt, c.RejectionReason);
}

/// <summary>One line of a change.</summary>
/// <param name="Kind">Join or Leave.</param>
/// <param name="PersonId">The person.</param>
/// <param name="FullName">For a Join, the name.</param>
/// <param name="Role">For a Join, the position.</param>
public sealed record CompositionChangeItemResponse(ChangeKind Kind, Guid PersonId, string? FullName, MemberRole? Role);
