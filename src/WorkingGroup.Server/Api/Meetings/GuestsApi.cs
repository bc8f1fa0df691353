using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// Guests of a meeting: a member proposes an expert or observer with a category, a co-chair invites or
/// declines. The invitation is for the guest's sign-in account: an existing expert or observer account with the
/// e-mail, or, when there is none, one created on approval without a password (the guest sets it by "forgot password").
/// The guest then reads that meeting's agenda and schedule, and no other meeting.
/// </summary>
internal static class GuestsApi
{
    public static IEndpointRouteBuilder MapGuestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}/guests").WithTags("Guests")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("", List)
            .WithName("ListGuests")
            .WithSummary("The guests proposed for a meeting and the co-chairs' decisions (R-3.11)")
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition, Roles.Administrator]));

        group.MapPost("", Propose)
            .WithName("ProposeGuest")
            .WithRequestExample("""{ "fullName": "Петров Пётр Петрович", "email": "petrov@example.org", "category": "IndependentExpert", "role": "Expert" }""")
            .WithSummary("A member proposes an expert or observer for a meeting still to be held (R-3.11)")
            .WithDescription("Raises GuestProposed {meetingId, guestPersonId, proposedBy} (correlation: the invitation id). "
                + "422 guest.is_participant when the e-mail belongs to a member or the administrator.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/{invitationId:guid}/approve", Approve)
            .WithName("ApproveGuest")
            .WithSummary("A co-chair (or acting deputy) invites the proposed guest (R-3.11)")
            .WithDescription("Raises GuestApproved {meetingId}.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/{invitationId:guid}/reject", Reject)
            .WithName("RejectGuest")
            .WithRequestExample("""{ "reason": "Участие не требуется" }""")
            .WithSummary("A co-chair (or acting deputy) declines the proposal, with a reason (R-3.11)")
            .WithDescription("Raises GuestRejected {meetingId, reason}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        return routes;
    }

    private static async Task<Results<Ok<List<GuestInvitationResponse>>, ProblemHttpResult>> List(
        Guid meetingId, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
        {
            return MeetingCommands.MeetingNotFound();
        }

        var invitations = await db.GuestInvitations.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        return TypedResults.Ok(invitations.OrderBy(i => i.FullName, StringComparer.Ordinal).Select(GuestInvitationResponse.From).ToList());
    }

    private static async Task<Results<Created<GuestInvitationResponse>, ProblemHttpResult>> Propose(
        Guid meetingId, ProposeGuestRequest request, ClaimsPrincipal user, ProcedureCommands commands, ILookupNormalizer normalizer, CancellationToken ct) =>
        await commands.RunAsync<Results<Created<GuestInvitationResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var invitation = GuestInvitation.Propose(
                meeting, request.FullName.Trim(), request.Email.Trim(), request.Category!.Value, request.Role!.Value, await cmd.CallerAsync());
            cmd.Db.GuestInvitations.Add(invitation);
            await BindToAccountAsync(cmd.Db, invitation, normalizer, createMissing: false, ct);

            cmd.Raise(ProcedureEvents.GuestProposed, invitation.Id, MeetingCommands.Payload(
                ("meetingId", meeting.Id), ("guestPersonId", invitation.GuestPersonId), ("proposedBy", invitation.ProposedBy)));
            return TypedResults.Created($"/api/meetings/{meeting.Id}/guests", GuestInvitationResponse.From(invitation));
        }, ct);

    private static Task<Results<Ok<GuestInvitationResponse>, ProblemHttpResult>> Approve(
        Guid meetingId, Guid invitationId, ClaimsPrincipal user, ProcedureCommands commands, ILookupNormalizer normalizer, CancellationToken ct) =>
        DecideAsync(user, commands, meetingId, invitationId, async (cmd, meeting, invitation) =>
        {
            invitation.Approve(meeting, await cmd.CallerAsync());
            await BindToAccountAsync(cmd.Db, invitation, normalizer, createMissing: true, ct);
            cmd.Raise(ProcedureEvents.GuestApproved, invitation.Id, MeetingCommands.Payload(("meetingId", meeting.Id)));
        }, ct);

    private static Task<Results<Ok<GuestInvitationResponse>, ProblemHttpResult>> Reject(
        Guid meetingId, Guid invitationId, ReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        DecideAsync(user, commands, meetingId, invitationId, async (cmd, meeting, invitation) =>
        {
            invitation.Reject(request.Reason.Trim(), meeting, await cmd.CallerAsync());
            cmd.Raise(ProcedureEvents.GuestRejected, invitation.Id, MeetingCommands.Payload(("meetingId", meeting.Id), ("reason", invitation.RejectionReason)));
        }, ct);

    private static Task<Results<Ok<GuestInvitationResponse>, ProblemHttpResult>> DecideAsync(
        ClaimsPrincipal user, ProcedureCommands commands, Guid meetingId, Guid invitationId,
        Func<ProcedureCommand, Meeting, GuestInvitation, Task> decide, CancellationToken ct) =>
        commands.RunAsync<Results<Ok<GuestInvitationResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var invitation = await cmd.Db.GuestInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.MeetingId == meetingId, ct);
            if (invitation is null)
            {
                return Problems.NotFound("guest.not_found", "Приглашение гостя не найдено. / The guest invitation was not found.");
            }

            await decide(cmd, meeting, invitation);
            return TypedResults.Ok(GuestInvitationResponse.From(invitation));
        }, ct);

    /// <summary>
    /// Makes the invitation's person the guest's sign-in account: an existing expert or observer account with the
    /// e-mail, or (on approval) a new account of the invitation's role. A member's or the administrator's e-mail is
    /// refused by throwing, so that the command writes nothing.
    /// </summary>
    private static async Task BindToAccountAsync(
        AppDbContext db, GuestInvitation invitation, ILookupNormalizer normalizer, bool createMissing, CancellationToken ct)
    {
        var email = normalizer.NormalizeEmail(invitation.Email);
        var account = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email, ct);
        if (account is not null)
        {
            var roles = await (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where userRole.UserId == account.Id
                               select role.Name).ToListAsync(ct);
            if (!roles.All(r => r is not null && Roles.IsGuest(r)))
            {
                throw new DomainException(new DomainError(
                    "guest.is_participant", ErrorKind.RuleViolation,
                    "Этот адрес принадлежит участнику рабочей группы или администратору, а не гостю (п. 3.11).",
                    "The e-mail belongs to a member of the working group or the administrator, not a guest (R-3.11)."));
            }

            db.Entry(invitation).Property(i => i.GuestPersonId).CurrentValue = Guid.Parse(account.Id);
            return;
        }

        if (createMissing)
        {
            var guest = new AppUser
            {
                Id = invitation.GuestPersonId.ToString(),
                UserName = invitation.Email,
                NormalizedUserName = normalizer.NormalizeName(invitation.Email),
                Email = invitation.Email,
                NormalizedEmail = email,
                EmailConfirmed = true,
                DisplayName = invitation.FullName,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            var roleId = await db.Roles.Where(r => r.Name == invitation.RoleName).Select(r => r.Id).SingleAsync(ct);
            db.Users.Add(guest);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = guest.Id, RoleId = roleId });
        }
    }
}

/// <summary>A guest proposed for one meeting .</summary>
/// <param name="FullName">The guest's full name, e.g. "Петров Пётр Петрович".</param>
/// <param name="Email">The guest's e-mail; it is the guest's sign-in name.</param>
/// <param name="Category">Whom the guest represents: CisBody, Business, IndependentExpert, Other.</param>
/// <param name="Role">Expert or Observer.</param>
public sealed record ProposeGuestRequest(
    [Required, MaxLength(200)] string FullName,
    [Required, EmailAddress, MaxLength(256)] string Email,
    [Required] GuestCategory? Category,
    [Required] GuestRole? Role);

/// <summary>A guest invitation.</summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="MeetingId">The one meeting it is for.</param>
/// <param name="GuestPersonId">The guest's account id (person id).</param>
/// <param name="FullName">The guest's full name.</param>
/// <param name="Email">The guest's e-mail.</param>
/// <param name="Category">Whom the guest represents.</param>
/// <param name="Role">Expert or Observer.</param>
/// <param name="ProposedBy">The proposing member.</param>
/// <param name="State">Proposed, Approved or Rejected.</param>
/// <param name="DecidedBy">The co-chair who decided.</param>
/// <param name="RejectionReason">Why it was declined.</param>
public sealed record GuestInvitationResponse(
    Guid Id, Guid MeetingId, Guid GuestPersonId, string FullName, string Email, GuestCategory Category, GuestRole Role,
    Guid ProposedBy, GuestInvitationState State, Guid? DecidedBy, string? RejectionReason)
{
    internal static GuestInvitationResponse From(GuestInvitation i) =>
        new(i.Id, i.MeetingId, i.GuestPersonId, i.FullName, i.Email, i.Category, i.Role, i.ProposedBy, i.State, i.DecidedBy, i.RejectionReason);
}
