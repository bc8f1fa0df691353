namespace WorkingGroup.Domain.Composition;

/// <summary>The positions a person holds in one side's composition .</summary>
public enum MemberRole
{
    CoChair,
    DeputyCoChair,
    ExecutiveSecretary,
    Member,
}
