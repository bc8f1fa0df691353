using Microsoft.AspNetCore.Identity;

namespace WorkingGroup.Server.Identity;

/// <summary>A sign-in account of a person of the working group.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Full name as shown in documents, in Russian (e.g. "Иванов Иван Иванович").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The side the person belongs to; empty only for guests (experts and observers).</summary>
    public Side? Side { get; set; }
}
