using System.Buffers.Binary;
using System.IO.Compression;

namespace WorkingGroup.Server.Documents;

/// <summary>
/// Rewrites an Open XML package as a ZIP whose bytes depend only on its parts' content: parts in a
/// fixed order ([Content_Types].xml, then _rels/.rels, then by name), every timestamp 1980-01-01,
/// no platform field, and entries stored uncompressed so no deflate implementation or level can
/// change a byte. A signature binds the SHA-256 of these bytes, so re-rendering the same
/// protocol on another machine or runtime must reproduce them exactly.
/// </summary>
internal static class DeterministicPackage
{
    private const ushort Version20 = 20;
    private const ushort DosDate1980January1 = (1 << 5) | 1;

    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Normalise(byte[] package)
    {
        var parts = ReadParts(package);
        using var output = new MemoryStream();
        var offsets = new List<uint>(parts.Count);
        foreach (var (name, content) in parts)
        {
            offsets.Add(checked((uint)output.Position));
            WriteLocalHeader(output, name, content);
            output.Write(content);
        }

        var directoryStart = checked((uint)output.Position);
        for (var i = 0; i < parts.Count; i++)
        {
            WriteCentralHeader(output, parts[i].Name, parts[i].Content, offsets[i]);
        }

        WriteEndOfDirectory(output, (ushort)parts.Count, checked((uint)output.Position) - directoryStart, directoryStart);
        return output.ToArray();
    }

    private static List<(string Name, byte[] Content)> ReadParts(byte[] package)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var parts = new List<(string Name, byte[] Content)>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var content = new MemoryStream();
            stream.CopyTo(content);
            parts.Add((entry.FullName, content.ToArray()));
        }

        return [.. parts.OrderBy(p => Rank(p.Name)).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    };

    private static void WriteLocalHeader(Stream output, string name, byte[] content)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        Span<byte> header = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version20);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], DosDate1980January1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], Crc32(content));
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)content.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)content.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)nameBytes.Length);
        output.Write(header);
        output.Write(nameBytes);
    }

    private static void WriteCentralHeader(Stream output, string name, byte[] content, uint localHeaderOffset)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        Span<byte> header = stackalloc byte[46];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version20);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], Version20);
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], DosDate1980January1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Crc32(content));
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)content.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)content.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], localHeaderOffset);
        output.Write(header);
        output.Write(nameBytes);
    }

    private static void WriteEndOfDirectory(Stream output, ushort entries, uint directorySize, uint directoryStart)
    {
        Span<byte> record = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(record[8..], entries);
        BinaryPrimitives.WriteUInt16LittleEndian(record[10..], entries);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(record[16..], directoryStart);
        output.Write(record);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
