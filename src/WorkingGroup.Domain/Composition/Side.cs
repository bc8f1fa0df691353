namespace WorkingGroup.Domain.Composition;

/// <summary>The two sides of the working group, a closed set: the Russian Federation and the Republic of Kazakhstan.</summary>
public enum Side
{
    RU,
    KZ,
}
