using System.Diagnostics;

namespace WorkingGroup.Benchmarks;

/// <summary>Several timed rounds of one operation: the median rate and the spread (slowest and fastest round).</summary>
internal sealed record Rate(double Median, double Min, double Max)
{
    public static Rate Of(IReadOnlyList<double> rounds)
    {
        var sorted = rounds.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Rate(median, sorted[0], sorted[^1]);
    }
}

internal static class Rounds
{
    /// <summary>Runs <paramref name="operation"/> for items 0..count-1 on <paramref name="workers"/> concurrent workers; returns operations per second.</summary>
    /// <remarks>When <paramref name="cpu"/> is given, the round's CPU time per operation is added to it.</remarks>
    public static async Task<double> TimeAsync(int count, int workers, Func<int, Task> operation, List<CpuCost>? cpu = null)
    {
        var next = -1;
        var before = CpuMeter.Read();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await operation(i);
            }
        })));
        stopwatch.Stop();
        cpu?.Add(CpuMeter.Cost(before, CpuMeter.Read(), count));
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
