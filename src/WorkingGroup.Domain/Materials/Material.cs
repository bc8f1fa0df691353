using Stateless;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Materials;

/// <summary>The stages of a material for a meeting .</summary>
public enum MaterialState
{
    Draft,
    Submitted,
    Accepted,
    Returned,
    Late,
    Admitted,
    Excluded,
    InPackage,
}

internal enum MaterialTrigger
{
    Revise,
    Submit,
    Accept,
    Return,
    Admit,
    Exclude,
    IncludeInPackage,
}

/// <summary>
/// A material for a meeting, proposed by a member, checked by the secretary, late
/// after the deadline of and then out of the package unless a co-chair admits it with a reason.
/// Every version is kept.
/// </summary>
public sealed class Material
{
    private readonly List<MaterialVersion> _versions = [];
    private StateMachine<MaterialState, MaterialTrigger>? _machine;
    private StateMachine<MaterialState, MaterialTrigger>.TriggerWithParameters<bool>? _submit;

    private Material()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid? AgendaItemId { get; private set; }

    public string Title { get; private set; }

    public Guid AuthorId { get; private set; }

    public MaterialState State { get; private set; }

    public IReadOnlyList<MaterialVersion> Versions => _versions;

    public MaterialVersion CurrentVersion => _versions[^1];

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The first late instant that applied at submission .</summary>
    public DateTimeOffset? LateFrom { get; private set; }

    /// <summary>Why the secretary returned it, or why a co-chair admitted or excluded it .</summary>
    public string? DecisionReason { get; private set; }

    public Guid? DecidedBy { get; private set; }

    private StateMachine<MaterialState, MaterialTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<MaterialState, MaterialTrigger> Describe() => new Material().Configure();

    /// <summary>R-3.5: a member drafts a material for a meeting whose materials are being collected.</summary>
    public static Material Draft(Meeting meeting, string title, Guid? agendaItemId, string fileName, string contentHash, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new MaterialsAreBeingCollected(meeting));
        Rules.Check(new OnlyMember(meeting.Identify(caller)), new TextIsGiven(title, "title"), new TextIsGiven(fileName, "fileName"));
        if (agendaItemId is { } itemId)
        {
            meeting.FindAgendaItem(itemId);
        }

        var material = new Material
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            AgendaItemId = agendaItemId,
            Title = title,
            AuthorId = caller.PersonId,
        };
        material._versions.Add(new MaterialVersion(1, fileName, contentHash, caller.PersonId, caller.Now));
        return material;
    }

    /// <summary>The author uploads a new version, of a draft or of a returned material; earlier versions stay.</summary>
    public void Revise(string fileName, string contentHash, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new OnlyAuthor(this, caller.PersonId), new TextIsGiven(fileName, "fileName"));
        Machine.Fire(MaterialTrigger.Revise);
        _versions.Add(new MaterialVersion(_versions.Count + 1, fileName, contentHash, caller.PersonId, caller.Now));
    }

    /// <summary>
    /// the author submits; at or after local midnight following the last day it is Late. The days are the
    /// meeting's (<see cref="Meeting.MaterialsDeadlineDays"/>: 10, or what its procedure fixed).
    /// </summary>
    public void Submit(Meeting meeting, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new MaterialOfThisMeeting(this, meeting), new MaterialsAreBeingCollected(meeting));
        Rules.Check(new OnlyAuthor(this, caller.PersonId));
        var now = caller.Now;
        var lateFrom = meeting.MaterialsLateFrom!.Value;
        Machine.Fire(_submit!, now >= lateFrom);
        SubmittedAt = now;
        LateFrom = lateFrom;
    }

    /// <summary>R-3.4: the secretary accepts a material submitted on time.</summary>
    public void Accept(Caller caller) => DecideAsSecretary(MaterialTrigger.Accept, null, caller);

    /// <summary>R-3.4: the secretary returns a material to its author for rework, with a reason.</summary>
    public void Return(string reason, Caller caller) => DecideAsSecretary(MaterialTrigger.Return, reason, caller);

    /// <summary>R-3.9: a co-chair admits a late material into the package, with a reason.</summary>
    public void Admit(string reason, Meeting meeting, Caller caller) => DecideAsCoChair(MaterialTrigger.Admit, reason, meeting, caller);

    /// <summary>R-3.9: a co-chair keeps a late material out of the package, with a reason.</summary>
    public void Exclude(string reason, Meeting meeting, Caller caller) => DecideAsCoChair(MaterialTrigger.Exclude, reason, meeting, caller);

    internal bool CanBeIncludedInPackage => Machine.CanFire(MaterialTrigger.IncludeInPackage);

    internal void IncludeInPackage() => Machine.Fire(MaterialTrigger.IncludeInPackage);

    private void DecideAsSecretary(MaterialTrigger trigger, string? reason, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(trigger);
        Rules.Check(new OnlySecretary(caller.Composition.Identify(caller.PersonId, caller.Now)));
        if (trigger == MaterialTrigger.Return)
        {
            Rules.Check(new TextIsGiven(reason, "reason"));
        }

        Machine.Fire(trigger);
        DecisionReason = reason;
        DecidedBy = caller.PersonId;
    }

    private void DecideAsCoChair(MaterialTrigger trigger, string reason, Meeting meeting, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        Rules.Check(new MaterialOfThisMeeting(this, meeting));
        Machine.EnsureCanFire(trigger);
        Rules.Check(new OnlyActingCoChair(meeting.Identify(caller)), new TextIsGiven(reason, "reason"));
        Machine.Fire(trigger);
        DecisionReason = reason;
        DecidedBy = caller.PersonId;
    }

    private StateMachine<MaterialState, MaterialTrigger> Configure()
    {
        var machine = StateMachines.Create<MaterialState, MaterialTrigger>("material", () => State, s => State = s);
        var submit = machine.SetTriggerParameters<bool>(MaterialTrigger.Submit);
        _submit = submit;

        machine.Configure(MaterialState.Draft)
            .PermitReentry(MaterialTrigger.Revise)
            .PermitIf(submit, MaterialState.Submitted, isLate => !isLate, "on time (R-3.9)")
            .PermitIf(submit, MaterialState.Late, isLate => isLate, "after the deadline (R-3.9)");
        machine.Configure(MaterialState.Submitted)
            .Permit(MaterialTrigger.Accept, MaterialState.Accepted)
            .Permit(MaterialTrigger.Return, MaterialState.Returned);
        machine.Configure(MaterialState.Returned)
            .Permit(MaterialTrigger.Revise, MaterialState.Draft);
        machine.Configure(MaterialState.Late)
            .Permit(MaterialTrigger.Admit, MaterialState.Admitted)
            .Permit(MaterialTrigger.Exclude, MaterialState.Excluded);
        machine.Configure(MaterialState.Accepted)
            .Permit(MaterialTrigger.IncludeInPackage, MaterialState.InPackage);
        machine.Configure(MaterialState.Admitted)
            .Permit(MaterialTrigger.IncludeInPackage, MaterialState.InPackage);

        return machine;
    }
}
