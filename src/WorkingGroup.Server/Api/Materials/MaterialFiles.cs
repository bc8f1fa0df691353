using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Storage;

namespace WorkingGroup.Server.Api.Materials;

/// <summary>
/// A material's file: checked against the configured limits, named by the SHA-256 of its bytes and stored once
/// in <see cref="StoredFile"/> however many versions or materials carry the same content.
/// </summary>
internal static class MaterialFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>A file read into memory: its sanitised name, the content type of its extension, bytes and hash.</summary>
    public sealed record Upload(string FileName, string ContentType, byte[] Content, string Hash);

    /// <summary>Reads and checks the uploaded file; on refusal returns the message for the field <c>file</c>.</summary>
    public static async Task<(Upload? Upload, string? Error)> ReadAsync(IFormFile? file, MaterialsOptions options, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "Приложите непустой файл. / Attach a non-empty file.");
        }

        if (file.Length > options.MaxFileBytes)
        {
            return (null, $"Файл больше допустимого ({options.MaxFileBytes} байт). / The file exceeds the limit of {options.MaxFileBytes} bytes.");
        }

        var fileName = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (fileName.Length is 0 or > 260 || !options.AllowedExtensions.Contains(extension))
        {
            var allowed = string.Join(", ", options.AllowedExtensions);
            return (null, $"Недопустимый тип файла; разрешены: {allowed}. / File type not allowed; allowed: {allowed}.");
        }

        // The type is that of the extension checked above, never the one the client claims.
        var contentType = ContentTypes.TryGetContentType(fileName, out var known) ? known : "application/octet-stream";
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        return (new Upload(fileName, contentType, content, StoredFile.HashOf(content)), null);
    }

    /// <summary>
    /// Adds the content to the command's unit of work unless a file with the same hash is stored already. When a
    /// simultaneous upload of the same bytes commits first, this save fails on the key and
    /// <see cref="Procedures.ProcedureCommands"/> runs the command again, which then finds the file.
    /// </summary>
    public static async Task StoreAsync(AppDbContext db, Upload upload, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Files.AnyAsync(f => f.Id == upload.Hash, ct) || db.Files.Local.Any(f => f.Id == upload.Hash))
        {
            return;
        }

        db.Files.Add(StoredFile.Create(upload.FileName, upload.ContentType, upload.Content, now));
    }
}
