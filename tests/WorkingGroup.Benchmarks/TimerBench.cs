using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Benchmarks;

/// <summary>Timer fire lag: how long after its due time a Delay resumes, with the timer service polling on the real clock.</summary>
internal sealed record TimerLag(int Timers, TimeSpan PollInterval, double MedianMs, double P95Ms, double MaxMs);

internal static class TimerBench
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    /// <summary>Starts <paramref name="count"/> delayed instances spread over several poll intervals, so due times fall anywhere between two polls.</summary>
    public static async Task<TimerLag> RunAsync(BenchStore store, int count, TimeSpan pollInterval)
    {
        await using var host = await EngineHost.StartAsync(store, runTimers: true, pollInterval, BenchDefinitions.Timer(Delay));
        var due = new ConcurrentDictionary<string, DateTimeOffset>();
        var spacing = pollInterval / 7;
        for (var i = 0; i < count; i++)
        {
            var result = await host.Runtime.StartAsync(BenchDefinitions.TimerWorkflow);
            due[result.InstanceId] = result.Bookmarks.Single().ResumeAt!.Value;
            await Task.Delay(spacing);
        }

        var deadline = DateTimeOffset.UtcNow + Delay + pollInterval * 4 + spacing * count;
        List<(string Id, DateTimeOffset? FinishedAt)> finished;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            await using var db = await host.CreateDbContextAsync();
            finished = [.. (await db.Set<WorkflowInstanceRecord>().Where(i => i.FinishedAt != null).Select(i => new { i.Id, i.FinishedAt }).ToListAsync())
                .Select(i => (i.Id, i.FinishedAt))];
        }
        while (finished.Count < count && DateTimeOffset.UtcNow < deadline);

        if (finished.Count < count)
        {
            throw new InvalidOperationException($"Only {finished.Count} of {count} timers fired before {deadline:O}.");
        }

        var lags = finished.Select(f => (f.FinishedAt!.Value - due[f.Id]).TotalMilliseconds).ToList();
        return new TimerLag(count, pollInterval, Rounds.Percentile(lags, 50), Rounds.Percentile(lags, 95), lags.Max());
    }
}
