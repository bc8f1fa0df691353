using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Protocols;

/// <summary>R-3.10: a signature binds the exact text; a signer who saw another version must read it again.</summary>
internal sealed record SignerSawCurrentText(Protocol Protocol, string TextHash) : IBusinessRule
{
    public bool IsBroken() => !string.Equals(Protocol.HashToSign, TextHash, StringComparison.Ordinal);

    public DomainError Error => new(
        "protocol.text_changed", ErrorKind.Conflict,
        "Текст протокола изменился после того, как подписант его открыл; подпишите актуальную редакцию (п. 3.10).",
        "The protocol text changed since the signer opened it; sign the current text (R-3.10).");
}

/// <summary>R-3.10: each side's signatories sign for their own side only.</summary>
internal sealed record SignerSignsForOwnSide(Actor Signer, Side Side) : IBusinessRule
{
    public bool IsBroken() => Signer.Side is { } own && own != Side;

    public DomainError Error => new(
        "protocol.signer_other_side", ErrorKind.RuleViolation,
        "Подписант не может подписывать за другую сторону (п. 3.10).",
        "A signatory cannot sign for the other side (R-3.10).");
}

/// <summary>
/// the co-chair's place is signed by the co-chair, or by the deputy only while the
/// co-chair is absent; the secretary's place by the secretary.
/// </summary>
internal sealed record SignerIsEntitled(Actor Signer, Side Side, SignatoryRole Role) : IBusinessRule
{
    public bool IsBroken() => Signer.Side != Side || Role switch
    {
        SignatoryRole.CoChair => !Signer.IsActingCoChair,
        _ => !Signer.IsSecretary,
    };

    public DomainError Error => new(
        "protocol.signer_not_entitled", ErrorKind.RuleViolation,
        "Подписант не вправе подписывать протокол в этом качестве; заместитель подписывает только в отсутствие сопредседателя (пп. 3.3, 3.10).",
        "The signer is not entitled to sign in this capacity; a deputy signs only while the co-chair is absent (R-3.3, R-3.10).");
}

/// <summary>R-3.10: a person signs a given text once.</summary>
internal sealed record SignerHasNotSignedYet(Protocol Protocol, Guid PersonId) : IBusinessRule
{
    public bool IsBroken() => Protocol.ValidSignatures.Any(s => s.PersonId == PersonId);

    public DomainError Error => new(
        "protocol.already_signed", ErrorKind.Conflict,
        "Подписант уже подписал эту редакцию протокола.", "The signer has already signed this text of the protocol.");
}

/// <summary>R-3.10: each of the four places is signed once; a second signature for a place is refused.</summary>
internal sealed record PlaceIsNotSignedYet(Protocol Protocol, Side Side, SignatoryRole Role) : IBusinessRule
{
    public bool IsBroken() => Protocol.ValidSignatures.Any(s => s.Side == Side && s.Role == Role);

    public DomainError Error => new(
        "protocol.place_already_signed", ErrorKind.Conflict,
        $"Место «{Role}, {Side}» уже подписано для этой редакции протокола.",
        $"The {Role} place of side {Side} is already signed for this text.");
}

/// <summary>R-3.10: those who sign the protocol may return it for rework.</summary>
internal sealed record OnlySignatory(Actor Actor) : IBusinessRule
{
    public bool IsBroken() => !(Actor.IsActingCoChair || Actor.IsSecretary);

    public DomainError Error => new(
        "protocol.not_a_signatory", ErrorKind.RuleViolation,
        "Вернуть протокол на доработку может сопредседатель или ответственный секретарь (п. 3.10).",
        "Only a co-chair or an executive secretary may return the protocol for rework (R-3.10).");
}

/// <summary>A protocol belongs to one meeting.</summary>
internal sealed record ProtocolOfThisMeeting(Protocol Protocol, Meetings.Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Protocol.MeetingId != Meeting.Id;

    public DomainError Error => new(
        "protocol.other_meeting", ErrorKind.RuleViolation,
        "Протокол относится к другому заседанию.", "The protocol belongs to another meeting.");
}
