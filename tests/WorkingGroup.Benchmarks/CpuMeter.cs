using System.Diagnostics;
using System.Globalization;

namespace WorkingGroup.Benchmarks;

/// <summary>
/// CPU time per operation: this process (the engine or the raw ADO.NET code, and SQLite) and the PostgreSQL server's
/// processes; and the kilobytes this process allocated per operation.
/// </summary>
internal sealed record CpuCost(double ClientMs, double? ServerMs, double AllocatedKb)
{
    public double TotalMs => ClientMs + (ServerMs ?? 0);

    public static CpuCost? Median(IReadOnlyList<CpuCost> rounds) => rounds.Count == 0
        ? null
        : new CpuCost(
            Rate.Of([.. rounds.Select(r => r.ClientMs)]).Median,
            rounds.All(r => r.ServerMs is not null) ? Rate.Of([.. rounds.Select(r => r.ServerMs!.Value)]).Median : null,
            Rate.Of([.. rounds.Select(r => r.AllocatedKb)]).Median);
}

/// <summary>
/// Reads CPU time used so far: this process's, and (Linux, a PostgreSQL server on this machine) the postmaster's and
/// its children's from <c>/proc</c>, exited children included. On a busy machine wall-clock rates fall with the
/// load, but the CPU an operation costs stays about the same, so the CPU ratio of engine and raw is the steadier
/// estimate of the ratio of their rates on a quiet machine where both saturate the cores.
/// </summary>
internal static class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The PostgreSQL postmaster's process id, when the server runs on this machine and its data directory is readable.</summary>
    public static int? Postmaster { get; set; }

    public static (TimeSpan Client, TimeSpan? Server, long Allocated) Read()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, Postmaster is { } postmaster ? ServerTime(postmaster) : null, GC.GetTotalAllocatedBytes());
    }

    public static CpuCost Cost((TimeSpan Client, TimeSpan? Server, long Allocated) before, (TimeSpan Client, TimeSpan? Server, long Allocated) after, int operations) => new(
        (after.Client - before.Client).TotalMilliseconds / operations,
        after.Server is { } end && before.Server is { } start ? (end - start).TotalMilliseconds / operations : null,
        (after.Allocated - before.Allocated) / 1024.0 / operations);

    /// <summary>The postmaster's id from <c>postmaster.pid</c> in the server's data directory, or null.</summary>
    public static int? FindPostmaster(string dataDirectory)
    {
        try
        {
            var line = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is not null ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TimeSpan? ServerTime(int postmaster)
    {
        if (Stat(postmaster) is not { } main)
        {
            return null;
        }

        // The postmaster's own time and that of its exited children, plus each living child's.
        var ticks = main.UserTicks + main.SystemTicks + main.ChildrenTicks;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) &&
                pid != postmaster && Stat(pid) is { } child && child.Parent == postmaster)
            {
                ticks += child.UserTicks + child.SystemTicks;
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static (int Parent, long UserTicks, long SystemTicks, long ChildrenTicks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
            return ((int)Field(1), Field(11), Field(12), Field(13) + Field(14));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
