namespace WorkingGroup.Domain.Common;

/// <summary>Rules about free text the regulation requires: reasons, titles, results.</summary>
internal sealed record TextIsGiven(string? Value, string Field) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Value);

    public DomainError Error => new(
        "request.text_required",
        ErrorKind.RuleViolation,
        $"Поле «{Field}» должно быть заполнено.",
        $"The field '{Field}' must be filled in.");
}
