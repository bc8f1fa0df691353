using Stateless;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Guests;

/// <summary>Who a guest represents .</summary>
public enum GuestCategory
{
    CisBody,
    Business,
    IndependentExpert,
    Other,
}

/// <summary>How a guest takes part; the names match <see cref="Roles.Expert"/> and <see cref="Roles.Observer"/>.</summary>
public enum GuestRole
{
    Expert,
    Observer,
}

/// <summary>The stages of a guest invitation .</summary>
public enum GuestInvitationState
{
    Proposed,
    Approved,
    Rejected,
}

internal enum GuestInvitationTrigger
{
    Approve,
    Reject,
}

/// <summary>
/// a member proposes a guest for one meeting; a co-chair approves; the guest then reads that
/// meeting's agenda and materials, and nothing else.
/// </summary>
public sealed class GuestInvitation
{
    private StateMachine<GuestInvitationState, GuestInvitationTrigger>? _machine;

    private GuestInvitation()
    {
        FullName = string.Empty;
        Email = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    /// <summary>The person id the server maps the guest's sign-in to.</summary>
    public Guid GuestPersonId { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    public GuestCategory Category { get; private set; }

    public GuestRole Role { get; private set; }

    public Guid ProposedBy { get; private set; }

    public GuestInvitationState State { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    public string RoleName => Role == GuestRole.Expert ? Roles.Expert : Roles.Observer;

    private StateMachine<GuestInvitationState, GuestInvitationTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<GuestInvitationState, GuestInvitationTrigger> Describe() => new GuestInvitation().Configure();

    /// <summary>R-3.11: a member proposes a guest, with category, for a meeting not yet over.</summary>
    public static GuestInvitation Propose(
        Meeting meeting, string fullName, string email, GuestCategory category, GuestRole role, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new MeetingIsAhead(meeting));
        Rules.Check(new OnlyMember(meeting.Identify(caller)), new TextIsGiven(fullName, "fullName"), new TextIsGiven(email, "email"));
        return new GuestInvitation
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            GuestPersonId = Guid.NewGuid(),
            FullName = fullName,
            Email = email,
            Category = category,
            Role = role,
            ProposedBy = caller.PersonId,
        };
    }

    /// <summary>R-3.11: a co-chair (or acting deputy) invites the proposed guest.</summary>
    public void Approve(Meeting meeting, Caller caller) => Decide(GuestInvitationTrigger.Approve, null, meeting, caller);

    /// <summary>R-3.11: a co-chair (or acting deputy) declines the proposal, with a reason.</summary>
    public void Reject(string reason, Meeting meeting, Caller caller) => Decide(GuestInvitationTrigger.Reject, reason, meeting, caller);

    /// <summary>R-3.11: read access to a meeting's agenda and materials: only the invited meeting, only once approved.</summary>
    public bool GrantsReadAccessTo(Guid meetingId) => State == GuestInvitationState.Approved && meetingId == MeetingId;

    private void Decide(GuestInvitationTrigger trigger, string? reason, Meeting meeting, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(caller);
        if (meeting.Id != MeetingId)
        {
            throw Rules.Refuse(
                "guest.other_meeting", ErrorKind.RuleViolation,
                "Приглашение относится к другому заседанию.", "The invitation is for another meeting.");
        }

        Machine.EnsureCanFire(trigger);
        Rules.Check(new OnlyActingCoChair(meeting.Identify(caller)));
        if (trigger == GuestInvitationTrigger.Reject)
        {
            Rules.Check(new TextIsGiven(reason, "reason"));
        }

        Machine.Fire(trigger);
        DecidedBy = caller.PersonId;
        RejectionReason = reason;
    }

    private StateMachine<GuestInvitationState, GuestInvitationTrigger> Configure()
    {
        var machine = StateMachines.Create<GuestInvitationState, GuestInvitationTrigger>("guest_invitation", () => State, s => State = s);

        machine.Configure(GuestInvitationState.Proposed)
            .Permit(GuestInvitationTrigger.Approve, GuestInvitationState.Approved)
            .Permit(GuestInvitationTrigger.Reject, GuestInvitationState.Rejected);

        return machine;
    }

    /// <summary>R-3.11: guests are invited to a meeting still to be held.</summary>
    private sealed record MeetingIsAhead(Meeting Meeting) : IBusinessRule
    {
        public bool IsBroken() => Meeting.State is MeetingState.Held or MeetingState.ProtocolDrafting
            or MeetingState.ProtocolSigning or MeetingState.Closed or MeetingState.Cancelled;

        public DomainError Error => new(
            "guest.meeting_over", ErrorKind.Conflict,
            "Гостей приглашают только на предстоящее заседание (п. 3.11).",
            "Guests are invited only to a meeting still to be held (R-3.11).");
    }
}
