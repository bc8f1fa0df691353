using Microsoft.Data.Sqlite;

namespace WorkingGroup.Testing;

/// <summary>The SQLite database file of one test, with the server's mail pickup folder beside it.</summary>
public sealed class TestSqliteFile(string prefix)
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"wg-{prefix}-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={FilePath}";

    public string MailFolder => FilePath + ".mail";

    /// <summary>Deletes the file with its WAL companions and the mail folder (pooled connections are closed first).</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(FilePath + suffix);
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
