namespace WorkingGroup.Server.Identity;

/// <summary>The two sides of the working group: the Russian Federation and the Republic of Kazakhstan.</summary>
public enum Side
{
    RU,
    KZ,
}
