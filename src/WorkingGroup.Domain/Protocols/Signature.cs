using System.Security.Cryptography;
using System.Text;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Protocols;

/// <summary>The two kinds of signatory per side .</summary>
public enum SignatoryRole
{
    CoChair,
    Secretary,
}

/// <summary>
/// A signature on a protocol: who, for which side and role, acting for whom, and the
/// hash of the exact text signed. It is valid only while the protocol's text has that hash.
/// </summary>
public sealed record Signature(Guid PersonId, Side Side, SignatoryRole Role, Guid? ActingFor, string TextHash, DateTimeOffset SignedAt);

/// <summary>How a signed protocol reached a member; each delivery is logged.</summary>
public enum DeliveryChannel
{
    Email,
    InApp,
}

/// <summary>One logged delivery of the signed protocol to a member .</summary>
public sealed record ProtocolDelivery(Guid RecipientId, DeliveryChannel Channel, DateTimeOffset DeliveredAt);

/// <summary>The hash a signature binds: SHA-256 of the protocol text in UTF-8, lower-case hex.</summary>
public static class ProtocolText
{
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
