using System.ComponentModel.DataAnnotations;
using WorkingGroup.Domain.Materials;

namespace WorkingGroup.Server.Api.Materials;

/// <summary>A material of a meeting and every version of its file .</summary>
/// <param name="Id">The material's id.</param>
/// <param name="MeetingId">The meeting it is for.</param>
/// <param name="AgendaItemId">The agenda item it supports, if any.</param>
/// <param name="Title">Its title.</param>
/// <param name="AuthorId">The member who proposed it .</param>
/// <param name="State">Draft, Submitted, Accepted, Returned, Late, Admitted, Excluded or InPackage.</param>
/// <param name="SubmittedAt">When the author submitted it.</param>
/// <param name="LateFrom">The first late instant that applied at submission .</param>
/// <param name="DecisionReason">Why the secretary returned it, or why a co-chair admitted or excluded it.</param>
/// <param name="DecidedBy">Who took that decision.</param>
/// <param name="Versions">Every uploaded version, oldest first; the last is current.</param>
public sealed record MaterialResponse(
    Guid Id,
    Guid MeetingId,
    Guid? AgendaItemId,
    string Title,
    Guid AuthorId,
    MaterialState State,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? LateFrom,
    string? DecisionReason,
    Guid? DecidedBy,
    IReadOnlyList<MaterialVersionResponse> Versions);

/// <summary>One version of a material's file.</summary>
/// <param name="Number">1 for the first upload, then 2, 3, ...</param>
/// <param name="FileName">The name it was uploaded under.</param>
/// <param name="ContentHash">SHA-256 of the bytes, lower-case hex; also the download's ETag.</param>
/// <param name="ContentType">The media type of the file's extension.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="UploadedBy">Who uploaded it.</param>
/// <param name="UploadedAt">When.</param>
public sealed record MaterialVersionResponse(
    int Number, string FileName, string ContentHash, string? ContentType, long? Length, Guid UploadedBy, DateTimeOffset UploadedAt);

/// <summary>A decision on a material that needs a reason: a return by the secretary, an admission or exclusion by a co-chair.</summary>
/// <param name="Reason">Why, in words the author will read.</param>
public sealed record MaterialReasonRequest([Required, MaxLength(2000)] string Reason);

/// <summary>The package as distributed: the accepted materials and the late ones a co-chair admitted.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Materials">The materials in the package.</param>
public sealed record PackageResponse(Guid MeetingId, IReadOnlyList<MaterialResponse> Materials);
