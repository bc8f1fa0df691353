namespace WorkingGroup.Domain.Materials;

/// <summary>One version of a material's file; every version is kept .</summary>
public sealed record MaterialVersion(int Number, string FileName, string ContentHash, Guid UploadedBy, DateTimeOffset UploadedAt);
