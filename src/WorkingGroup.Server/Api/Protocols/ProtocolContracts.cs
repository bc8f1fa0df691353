using System.ComponentModel.DataAnnotations;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Server.Api.Protocols;

/// <summary>The protocol's text as the secretary writes it .</summary>
/// <param name="Text">The proceedings; the document adds attendance, agenda, opinions, decisions and signature places.</param>
public sealed record ProtocolTextRequest([Required, MaxLength(200_000)] string Text);

/// <summary>Remarks with which a signatory returns the protocol .</summary>
/// <param name="Reason">What to change.</param>
public sealed record ProtocolReturnRequest([Required, MaxLength(2000)] string Reason);

/// <summary>A signature in one of the four places .</summary>
/// <param name="Side">The side signed for: the signer's own.</param>
/// <param name="Role">CoChair (the co-chair, or the deputy acting for an absent one, R-3.3) or Secretary.</param>
/// <param name="DocumentHash">The SHA-256 of the document the signer read (the ETag of GET …/protocol/document).</param>
public sealed record SignProtocolRequest([Required] Side? Side, [Required] SignatoryRole? Role, [Required, MaxLength(64)] string DocumentHash);

/// <summary>A meeting's protocol: its stage, text, the hash signatures bind, who signed and who still has to.</summary>
/// <param name="Id">The protocol's id.</param>
/// <param name="MeetingId">The meeting.</param>
/// <param name="State">Drafting, UnderReview, Returned, Signing, Signed or Distributed.</param>
/// <param name="Text">The proceedings as written.</param>
/// <param name="TextHash">SHA-256 of the text.</param>
/// <param name="DocumentHash">SHA-256 of the DOCX fixed when signing opened; null before, and after an edit or return.</param>
/// <param name="ReturnReason">The remarks of the last return.</param>
/// <param name="AttachedOpinionIds">Written opinions attached .</param>
/// <param name="Signatures">The valid signatures .</param>
/// <param name="AwaitingSignatures">The places not signed yet, each with the person entitled to sign it now.</param>
/// <param name="Deliveries">The logged deliveries of the signed protocol .</param>
public sealed record ProtocolResponse(
    Guid Id,
    Guid MeetingId,
    ProtocolState State,
    string Text,
    string TextHash,
    string? DocumentHash,
    string? ReturnReason,
    IReadOnlyList<Guid> AttachedOpinionIds,
    IReadOnlyList<SignatureResponse> Signatures,
    IReadOnlyList<SignaturePlaceResponse> AwaitingSignatures,
    IReadOnlyList<ProtocolDelivery> Deliveries);

/// <summary>A valid signature.</summary>
/// <param name="PersonId">Who signed.</param>
/// <param name="FullName">Their name in the composition.</param>
/// <param name="Side">For which side.</param>
/// <param name="Role">In which place.</param>
/// <param name="ActingFor">The absent co-chair a deputy signed for, or null.</param>
/// <param name="DocumentHash">The hash the signature binds.</param>
/// <param name="SignedAt">When.</param>
public sealed record SignatureResponse(
    Guid PersonId, string? FullName, Side Side, SignatoryRole Role, Guid? ActingFor, string DocumentHash, DateTimeOffset SignedAt);

/// <summary>A signature place still open, with the person entitled to sign it now (R-3.3: the deputy for an absent co-chair).</summary>
/// <param name="Side">The side.</param>
/// <param name="Role">The place.</param>
/// <param name="PersonId">Who may sign it now; null when nobody may (co-chair and deputy both absent).</param>
/// <param name="FullName">Their name.</param>
/// <param name="ActingFor">The absent co-chair the deputy acts for, or null.</param>
public sealed record SignaturePlaceResponse(Side Side, SignatoryRole Role, Guid? PersonId, string? FullName, Guid? ActingFor);

internal static class ProtocolResponses
{
    public static ProtocolResponse From(Protocol protocol, Meeting meeting, GroupComposition composition, DateTimeOffset now)
    {
        var valid = protocol.ValidSignatures;
        string? NameOf(Guid? personId) =>
            composition.Memberships.Where(m => m.PersonId == personId).OrderByDescending(m => m.Since).FirstOrDefault()?.FullName;

        var awaiting = new List<SignaturePlaceResponse>();
        foreach (var side in new[] { Side.RU, Side.KZ })
        {
            if (!valid.Any(s => s.Side == side && s.Role == SignatoryRole.CoChair))
            {
                var acting = composition.ActingCoChair(side, now, meeting.AbsentPersonIds);
                awaiting.Add(new SignaturePlaceResponse(side, SignatoryRole.CoChair, acting?.PersonId, NameOf(acting?.PersonId), acting?.ActingFor));
            }

            if (!valid.Any(s => s.Side == side && s.Role == SignatoryRole.Secretary))
            {
                var secretary = composition.MembersOf(side, now).FirstOrDefault(m => m.Role == MemberRole.ExecutiveSecretary);
                awaiting.Add(new SignaturePlaceResponse(side, SignatoryRole.Secretary, secretary?.PersonId, secretary?.FullName, null));
            }
        }

        return new ProtocolResponse(
            protocol.Id, protocol.MeetingId, protocol.State, protocol.Text, protocol.TextHash, protocol.DocumentHash, protocol.ReturnReason,
            protocol.AttachedOpinionIds,
            [.. valid.Select(s => new SignatureResponse(s.PersonId, NameOf(s.PersonId), s.Side, s.Role, s.ActingFor, s.TextHash, s.SignedAt))],
            awaiting,
            protocol.Deliveries);
    }
}
