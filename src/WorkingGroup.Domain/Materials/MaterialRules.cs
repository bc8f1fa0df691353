using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Materials;

/// <summary>R-3.9: materials are collected between scheduling and the package's distribution.</summary>
internal sealed record MaterialsAreBeingCollected(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Meeting.State is not (MeetingState.Scheduled or MeetingState.MaterialsCollection);

    public DomainError Error => new(
        "material.collection_closed", ErrorKind.Conflict,
        $"Материалы не принимаются в состоянии заседания «{Meeting.State}».",
        $"Materials are not collected while the meeting is {Meeting.State}.");
}

/// <summary>A material is revised and submitted by its author.</summary>
internal sealed record OnlyAuthor(Material Material, Guid PersonId) : IBusinessRule
{
    public bool IsBroken() => Material.AuthorId != PersonId;

    public DomainError Error => new(
        "material.not_author", ErrorKind.RuleViolation,
        "Материал изменяет и представляет только его автор.", "Only the author revises and submits a material.");
}

/// <summary>A material belongs to one meeting's package.</summary>
internal sealed record MaterialOfThisMeeting(Material Material, Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Material.MeetingId != Meeting.Id;

    public DomainError Error => new(
        "material.other_meeting", ErrorKind.RuleViolation,
        "Материал относится к другому заседанию.", "The material belongs to another meeting.");
}

/// <summary>R-3.9: the package goes out only when every submitted material has been accepted, returned, admitted or excluded.</summary>
internal sealed record NoMaterialAwaitsDecision(IReadOnlyCollection<Material> Materials) : IBusinessRule
{
    public bool IsBroken() => Materials.Any(m => m.State is MaterialState.Submitted or MaterialState.Late);

    public DomainError Error => new(
        "material.awaiting_decision", ErrorKind.Conflict,
        "Есть представленные материалы без решения (принять, вернуть, допустить или исключить).",
        "Some submitted materials still await a decision (accept, return, admit or exclude).");
}
