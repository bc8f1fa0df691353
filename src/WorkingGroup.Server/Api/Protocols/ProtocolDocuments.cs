using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Documents;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Storage;

namespace WorkingGroup.Server.Api.Protocols;

/// <summary>
/// The protocol's DOCX (R-3.10): rendered deterministically from the meeting, the protocol, the meeting's decisions and
/// the composition; when signing opens its bytes are stored under their SHA-256, which the signatures then bind, so the
/// document signed is the document downloaded and distributed.
/// </summary>
internal static class ProtocolDocuments
{
    /// <summary>A rendered or stored document.</summary>
    public sealed record Document(byte[] Content, string Hash, string FileName);

    public static async Task<Document> RenderAsync(
        AppDbContext db, Meeting meeting, Protocol protocol, GroupComposition composition, CancellationToken ct)
    {
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id).ToListAsync(ct);
        var content = ProtocolDocument.Render(ProtocolDocumentMapper.Map(meeting, protocol, decisions, composition));
        return new Document(content, ProtocolDocument.Sha256(content), FileNameOf(meeting));
    }

    /// <summary>Renders the document and stores it (once per hash) in the command's unit of work.</summary>
    public static async Task<Document> RenderAndStoreAsync(
        AppDbContext db, Meeting meeting, Protocol protocol, GroupComposition composition, DateTimeOffset now, CancellationToken ct)
    {
        var document = await RenderAsync(db, meeting, protocol, composition, ct);
        if (!await db.Files.AnyAsync(f => f.Id == document.Hash, ct))
        {
            db.Files.Add(StoredFile.Create(document.FileName, ProtocolDocument.ContentType, document.Content, now));
        }

        return document;
    }

    /// <summary>The document as it stands: the stored one signatures bind once signing opened, else rendered from the current text.</summary>
    public static async Task<Document> CurrentAsync(
        AppDbContext db, Meeting meeting, Protocol protocol, GroupComposition composition, CancellationToken ct)
    {
        if (protocol.DocumentHash is { } hash
            && await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == hash, ct) is { } stored)
        {
            return new Document(stored.Content, stored.Id, FileNameOf(meeting));
        }

        return await RenderAsync(db, meeting, protocol, composition, ct);
    }

    /// <summary>e.g. <c>protocol-2026-04-15.docx</c>, by the meeting's local date.</summary>
    public static string FileNameOf(Meeting meeting) =>
        meeting.Schedule is { } schedule
            ? $"protocol-{schedule.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.docx"
            : "protocol.docx";
}
