using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace WorkingGroup.Server.Storage;

/// <summary>
/// An uploaded file's bytes, stored once per content: the id is the lowercase hex SHA-256 of the content, so two
/// uploads of the same bytes share one row and a material's <c>ContentHash</c> finds its file.
/// </summary>
public sealed class StoredFile
{
    private StoredFile()
    {
    }

    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/>.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>The name the file was first uploaded with.</summary>
    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new stored file for <paramref name="content"/>; its id is the content's hash.</summary>
    public static StoredFile Create(string fileName, string contentType, byte[] content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new StoredFile
        {
            Id = HashOf(content),
            FileName = fileName,
            ContentType = contentType,
            Length = content.LongLength,
            Content = content,
            CreatedAt = now,
        };
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="content"/>.</summary>
    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    internal static void Configure(ModelBuilder builder) =>
        builder.Entity<StoredFile>(file =>
        {
            file.ToTable("StoredFiles");
            file.HasKey(f => f.Id);
            file.Property(f => f.Id).HasMaxLength(64);
            file.Property(f => f.FileName).HasMaxLength(260);
            file.Property(f => f.ContentType).HasMaxLength(200);
        });
}
