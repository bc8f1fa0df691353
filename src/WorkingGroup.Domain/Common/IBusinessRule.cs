namespace WorkingGroup.Domain.Common;

/// <summary>One rule of the regulation, named in its words, with the error it gives when broken.</summary>
internal interface IBusinessRule
{
    bool IsBroken();

    DomainError Error { get; }
}

/// <summary>Checks rules in the order an aggregate lists them; the first broken one refuses the request.</summary>
internal static class Rules
{
    public static void Check(params ReadOnlySpan<IBusinessRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.IsBroken())
            {
                throw new DomainException(rule.Error);
            }
        }
    }

    public static DomainException Refuse(string code, ErrorKind kind, string messageRu, string messageEn) =>
        new(new DomainError(code, kind, messageRu, messageEn));
}
