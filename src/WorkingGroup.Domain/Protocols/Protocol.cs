using Stateless;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Protocols;

/// <summary>The stages of a meeting's protocol .</summary>
public enum ProtocolState
{
    Drafting,
    UnderReview,
    Returned,
    Signing,
    Signed,
    Distributed,
}

internal enum ProtocolTrigger
{
    Edit,
    SubmitForReview,
    ReturnForRework,
    OpenForSigning,
    Sign,
    Distribute,
    LogDelivery,
}

/// <summary>
/// The protocol of a meeting: drafted by the secretary, with the written opinions attached
/// Signed only with four valid signatures — co-chair or acting deputy and secretary of each
/// side, in any order — each binding the text's hash, so any edit invalidates them all.
/// </summary>
public sealed class Protocol
{
    private readonly List<Signature> _signatures = [];
    private readonly List<Guid> _attachedOpinionIds = [];
    private readonly List<ProtocolDelivery> _deliveries = [];
    private StateMachine<ProtocolState, ProtocolTrigger>? _machine;

    private Protocol()
    {
        Text = string.Empty;
        TextHash = ProtocolText.Hash(string.Empty);
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public ProtocolState State { get; private set; }

    public string Text { get; private set; }

    public string TextHash { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>
    /// The SHA-256 of the rendered protocol document the signatories read, fixed when signing opens;
    /// null until then, and again after an edit or a return.
    /// </summary>
    public string? DocumentHash { get; private set; }

    /// <summary>When signing was last opened; only signatures given since count.</summary>
    public DateTimeOffset? SigningOpenedAt { get; private set; }

    /// <summary>What a signature binds: the rendered document's hash when signing opened with one, else the text's.</summary>
    public string HashToSign => DocumentHash ?? TextHash;

    /// <summary>Every signature ever given, including those an edit invalidated.</summary>
    public IReadOnlyList<Signature> Signatures => _signatures;

    /// <summary>
    /// The signatures that bind the current document: given since signing last opened, for
    /// <see cref="HashToSign"/>. An edit or a return therefore clears them all.
    /// </summary>
    public IReadOnlyList<Signature> ValidSignatures =>
        [.. _signatures.Where(s => s.TextHash == HashToSign && (SigningOpenedAt is not { } opened || s.SignedAt >= opened))];

    /// <summary>The written opinions of absent members attached to the protocol .</summary>
    public IReadOnlyList<Guid> AttachedOpinionIds => _attachedOpinionIds;

    public IReadOnlyList<ProtocolDelivery> Deliveries => _deliveries;

    private bool HasFourValidSignatures =>
        ValidSignatures.Select(s => (s.Side, s.Role)).Distinct().Count() == 4;

    private StateMachine<ProtocolState, ProtocolTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<ProtocolState, ProtocolTrigger> Describe() => new Protocol().Configure();

    /// <summary>R-3.4, R-3.5: the secretary drafts the protocol of a held meeting; its written opinions are attached.</summary>
    public static Protocol Draft(Meeting meeting, string text, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(text);
        Rules.Check(new OnlySecretary(meeting.Identify(caller)));
        meeting.EnsureCanStartProtocol();
        var protocol = new Protocol { Id = Guid.NewGuid(), MeetingId = meeting.Id, Text = text, TextHash = ProtocolText.Hash(text) };
        protocol._attachedOpinionIds.AddRange(meeting.WrittenOpinions.Select(o => o.Id));
        meeting.ProtocolStarted();
        return protocol;
    }

    /// <summary>R-3.4, R-3.10: the secretary edits the text; every signature collected so far stops being valid.</summary>
    public void Edit(string text, Meeting meeting, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(text);
        Rules.Check(new ProtocolOfThisMeeting(this, meeting), new OnlySecretary(meeting.Identify(caller)));
        var wasSigning = State == ProtocolState.Signing;
        Machine.Fire(ProtocolTrigger.Edit);
        Text = text;
        TextHash = ProtocolText.Hash(text);
        DocumentHash = null;
        if (wasSigning)
        {
            meeting.ProtocolReturnedToDrafting();
        }
    }

    /// <summary>R-3.4: the secretary puts the draft to the co-chairs for review.</summary>
    public void SubmitForReview(Meeting meeting, Caller caller)
    {
        Rules.Check(new ProtocolOfThisMeeting(this, meeting), new OnlySecretary(meeting.Identify(caller)));
        Machine.Fire(ProtocolTrigger.SubmitForReview);
    }

    /// <summary>R-3.10: a signatory returns the protocol for rework, with remarks.</summary>
    public void ReturnForRework(string reason, Meeting meeting, Caller caller)
    {
        Rules.Check(new ProtocolOfThisMeeting(this, meeting));
        Machine.EnsureCanFire(ProtocolTrigger.ReturnForRework);
        Rules.Check(new OnlySignatory(meeting.Identify(caller)), new TextIsGiven(reason, "reason"));
        var wasSigning = State == ProtocolState.Signing;
        Machine.Fire(ProtocolTrigger.ReturnForRework);
        ReturnReason = reason;
        DocumentHash = null;
        if (wasSigning)
        {
            meeting.ProtocolReturnedToDrafting();
        }
    }

    /// <summary>
    /// a co-chair (or acting deputy) approves the reviewed text for signing. With
    /// <paramref name="documentHash"/> (the SHA-256 of the rendered document) the signatures bind that document;
    /// without it, the text's hash. Signatures given before this opening no longer count.
    /// </summary>
    public void OpenForSigning(Meeting meeting, Caller caller, string? documentHash = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new ProtocolOfThisMeeting(this, meeting), new OnlyActingCoChair(meeting.Identify(caller)));
        if (documentHash is not null)
        {
            Rules.Check(new TextIsGiven(documentHash, "documentHash"));
        }

        Machine.Fire(ProtocolTrigger.OpenForSigning);
        meeting.ProtocolSentForSigning();
        DocumentHash = documentHash;
        SigningOpenedAt = caller.Now;
    }

    /// <summary>
    /// the caller signs the <paramref name="textHash"/> they read (<see cref="HashToSign"/>), in the place of
    /// <paramref name="role"/> for <paramref name="side"/>. The fourth valid signature makes the protocol Signed.
    /// </summary>
    public Signature Sign(Side side, SignatoryRole role, string textHash, Meeting meeting, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new ProtocolOfThisMeeting(this, meeting));
        Machine.EnsureCanFire(ProtocolTrigger.Sign);
        var signer = meeting.Identify(caller);
        Rules.Check(
            new SignerSawCurrentText(this, textHash),
            new SignerSignsForOwnSide(signer, side),
            new SignerIsEntitled(signer, side, role),
            new SignerHasNotSignedYet(this, signer.PersonId),
            new PlaceIsNotSignedYet(this, side, role));
        var signature = new Signature(
            signer.PersonId, side, role, role == SignatoryRole.CoChair ? signer.ActingFor : null, HashToSign, caller.Now);
        _signatures.Add(signature);
        Machine.Fire(ProtocolTrigger.Sign);
        return signature;
    }

    /// <summary>R-3.4, R-3.10: the secretary sends the signed protocol to every member.</summary>
    public void Distribute(Meeting meeting, Caller caller)
    {
        Rules.Check(new ProtocolOfThisMeeting(this, meeting), new OnlySecretary(meeting.Identify(caller)));
        Machine.Fire(ProtocolTrigger.Distribute);
    }

    /// <summary>R-3.10: logs that a copy reached a member, by e-mail or in the app.</summary>
    public void RecordDelivery(Guid recipientId, DeliveryChannel channel, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Machine.Fire(ProtocolTrigger.LogDelivery);
        _deliveries.Add(new ProtocolDelivery(recipientId, channel, clock.GetUtcNow()));
    }

    private StateMachine<ProtocolState, ProtocolTrigger> Configure()
    {
        var machine = StateMachines.Create<ProtocolState, ProtocolTrigger>("protocol", () => State, s => State = s);

        machine.Configure(ProtocolState.Drafting)
            .PermitReentry(ProtocolTrigger.Edit)
            .Permit(ProtocolTrigger.SubmitForReview, ProtocolState.UnderReview);
        machine.Configure(ProtocolState.UnderReview)
            .Permit(ProtocolTrigger.ReturnForRework, ProtocolState.Returned)
            .Permit(ProtocolTrigger.OpenForSigning, ProtocolState.Signing);
        machine.Configure(ProtocolState.Returned)
            .Permit(ProtocolTrigger.Edit, ProtocolState.Drafting);
        machine.Configure(ProtocolState.Signing)
            .InternalTransitionIf(ProtocolTrigger.Sign, _ => !HasFourValidSignatures, _ => { }, "signatures still missing (R-3.10)")
            .PermitIf(ProtocolTrigger.Sign, ProtocolState.Signed, () => HasFourValidSignatures, "four valid signatures (R-3.10)")
            .Permit(ProtocolTrigger.Edit, ProtocolState.Drafting)
            .Permit(ProtocolTrigger.ReturnForRework, ProtocolState.Returned);
        machine.Configure(ProtocolState.Signed)
            .Permit(ProtocolTrigger.Distribute, ProtocolState.Distributed);
        machine.Configure(ProtocolState.Distributed)
            .PermitReentry(ProtocolTrigger.LogDelivery);

        return machine;
    }
}
