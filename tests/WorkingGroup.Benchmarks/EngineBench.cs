using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Benchmarks;

/// <summary>One measured operation: its rate over the rounds, and per operation the SQL commands, commits and milliseconds waited on the database.</summary>
internal sealed record Measurement(string Name, int Workers, Rate Rate, double CommandsPerOp, double CommitsPerOp, double DatabaseMsPerOp, CpuCost? Cpu = null);

/// <summary>
/// Starts instances of the task workflow until their first bookmark (the RunTask), then completes each task so
/// the instance finishes. Each round starts and resumes <c>count</c> fresh instances; the first round warms up.
/// </summary>
internal static class EngineBench
{
    public static async Task<(Measurement Start, Measurement Resume, int StateLength)> RunAsync(BenchStore store, int workers, int count, int rounds)
    {
        await using var host = await EngineHost.StartAsync(store, runTimers: false, TimeSpan.FromSeconds(1), BenchDefinitions.Task());
        var starts = new List<double>();
        var resumes = new List<double>();
        var (startCpu, resumeCpu) = (new List<CpuCost>(), new List<CpuCost>());
        var (start, resume) = (new Totals(), new Totals());
        for (var round = 0; round <= rounds; round++)
        {
            var tasks = new ConcurrentDictionary<int, string>();
            host.Counter.Reset();
            var startRate = await Rounds.TimeAsync(count, workers, async i =>
            {
                var result = await host.Runtime.StartAsync(BenchDefinitions.TaskWorkflow);
                tasks[i] = Expect(result, WorkflowSubStatus.Suspended).Bookmarks.Single().TaskId!;
            }, round == 0 ? null : startCpu);
            var started = Totals.Of(host.Counter);
            host.Counter.Reset();
            var resumeRate = await Rounds.TimeAsync(count, workers, async i =>
                Expect(await host.Runtime.CompleteTaskAsync(tasks[i], actor: "bench"), WorkflowSubStatus.Finished), round == 0 ? null : resumeCpu);
            if (round == 0)
            {
                continue;
            }

            starts.Add(startRate);
            resumes.Add(resumeRate);
            start.Add(started);
            resume.Add(Totals.Of(host.Counter));
        }

        var ops = (double)count * rounds;
        await using var db = await host.CreateDbContextAsync();
        var stateLength = (int)await db.Set<WorkflowInstanceRecord>().AverageAsync(i => i.State.Length);
        return (
            start.Measure("start → first bookmark", workers, Rate.Of(starts), ops) with { Cpu = CpuCost.Median(startCpu) },
            resume.Measure("resume → finished", workers, Rate.Of(resumes), ops) with { Cpu = CpuCost.Median(resumeCpu) },
            stateLength);
    }

    private static WorkflowRunResult Expect(WorkflowRunResult result, WorkflowSubStatus expected) =>
        result.SubStatus == expected
            ? result
            : throw new InvalidOperationException($"Instance {result.InstanceId} is {result.SubStatus}, expected {expected}.");

    /// <summary>What the counter saw over the timed rounds of one operation.</summary>
    private sealed class Totals
    {
        private long commands;
        private long commits;
        private TimeSpan database;

        public static Totals Of(CommandCounter counter) =>
            new() { commands = counter.Commands, commits = counter.Commits, database = counter.DatabaseTime };

        public void Add(Totals other)
        {
            commands += other.commands;
            commits += other.commits;
            database += other.database;
        }

        public Measurement Measure(string name, int workers, Rate rate, double ops) =>
            new(name, workers, rate, commands / ops, commits / ops, database.TotalMilliseconds / ops);
    }
}
