namespace WorkingGroup.Domain.Common;

/// <summary>
/// Why a request was refused: it conflicts with the current state of an entity (the API answers 409)
/// or what it asks breaks a rule of the regulation (the API answers 422).
/// </summary>
public enum ErrorKind
{
    Conflict,
    RuleViolation,
}

/// <summary>
/// A refusal by the domain: a stable <paramref name="Code"/> the API and the workflows rely on,
/// and a message for people in Russian and in English.
/// </summary>
public sealed record DomainError(string Code, ErrorKind Kind, string MessageRu, string MessageEn);
