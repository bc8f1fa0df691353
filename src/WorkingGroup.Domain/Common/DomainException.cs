namespace WorkingGroup.Domain.Common;

/// <summary>
/// The one way the domain refuses a request: every rejected transition and every broken rule of
/// REGULATION.md throws this, carrying a <see cref="DomainError"/> that the API maps to ProblemDetails.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error)
        : base(error?.MessageEn)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public DomainError Error { get; }

    public string Code => Error.Code;

    public ErrorKind Kind => Error.Kind;

    public string MessageRu => Error.MessageRu;

    public string MessageEn => Error.MessageEn;
}
