namespace WorkingGroup.Server.Components.Account;

/// <summary>Where the account pages may send a person back to: a path on this site only.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a path on this site, else "/": an open redirect would let a link send a
    /// signed-in person elsewhere ("//host" and "/\host" are other hosts to a browser).
    /// </summary>
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
