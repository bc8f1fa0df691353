using System.Globalization;

namespace WorkingGroup.Benchmarks;

/// <summary>
/// Collects the measurements and prints them as Markdown tables, with the ratio raw / engine resume. "Rest" is
/// a worker's time per operation not spent waiting on the database: EF Core, the engine, JSON, scheduling.
/// </summary>
internal sealed class Report
{
    private readonly List<(Provider Provider, Measurement Measurement)> measurements = [];
    private readonly List<(Provider Provider, TimerLag Lag)> lags = [];

    public void Add(Provider provider, Measurement measurement) => measurements.Add((provider, measurement));

    public void Add(Provider provider, TimerLag lag) => lags.Add((provider, lag));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| Provider | Workers | Operation | Median ops/s | Min–max ops/s | SQL commands/op | Commits/op | DB wait ms/op | Rest ms/op | CPU ms/op: client + server | KB allocated/op |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (provider, m) in measurements)
        {
            output.WriteLine(Invariant(
                $"| {provider} | {m.Workers} | {m.Name} | {m.Rate.Median:F0} | {m.Rate.Min:F0}–{m.Rate.Max:F0} | {m.CommandsPerOp:F1} | {m.CommitsPerOp:F1} | {Milliseconds(m.DatabaseMsPerOp)} | {Milliseconds((m.Workers * 1000 / m.Rate.Median) - m.DatabaseMsPerOp)} | {Cpu(m.Cpu)} | {(m.Cpu is { } cpu ? Invariant($"{cpu.AllocatedKb:F0}") : "–")} |"));
        }

        output.WriteLine();
        output.WriteLine("| Provider | Workers | Raw UPDATE + INSERT tx/s ÷ engine resumes/s | Raw resume's rows/s ÷ engine resumes/s | CPU/op: engine resume ÷ raw tx | CPU/op: engine resume ÷ raw resume's rows | Raw one-round-trip tx/s ÷ engine resumes/s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in measurements.GroupBy(m => (m.Provider, m.Measurement.Workers)))
        {
            var resume = Median(group, "resume");
            output.WriteLine(Invariant(
                $"| {group.Key.Provider} | {group.Key.Workers} | {Median(group, "raw UPDATE") / resume:F1}x | {Median(group, "raw, the resume") / resume:F1}x | {CpuRatio(group, "resume", "raw UPDATE")} | {CpuRatio(group, "resume", "raw, the resume")} | {(group.Any(m => m.Measurement.Name == RawBench.OneRoundTripName) ? Invariant($"{Median(group, RawBench.OneRoundTripName) / resume:F1}x") : "–")} |"));
        }

        output.WriteLine();
        output.WriteLine("| Provider | Timers | Poll interval | Lag median | Lag p95 | Lag max |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (provider, lag) in lags)
        {
            output.WriteLine(Invariant(
                $"| {provider} | {lag.Timers} | {lag.PollInterval.TotalMilliseconds:F0} ms | {lag.MedianMs:F0} ms | {lag.P95Ms:F0} ms | {lag.MaxMs:F0} ms |"));
        }
    }

    private static string Cpu(CpuCost? cpu) => cpu is null
        ? "–"
        : cpu.ServerMs is { } server ? Invariant($"{cpu.ClientMs:F2} + {server:F2} = {cpu.TotalMs:F2}") : Invariant($"{cpu.ClientMs:F2}");

    private static string CpuRatio(IEnumerable<(Provider Provider, Measurement Measurement)> group, string engine, string raw) =>
        Find(group, engine).Cpu is { } e && Find(group, raw).Cpu is { } r ? Invariant($"{e.TotalMs / r.TotalMs:F1}x") : "–";

    private static Measurement Find(IEnumerable<(Provider Provider, Measurement Measurement)> group, string namePrefix) =>
        group.Single(m => m.Measurement.Name.StartsWith(namePrefix, StringComparison.Ordinal)).Measurement;

    private static double Median(IEnumerable<(Provider Provider, Measurement Measurement)> group, string namePrefix) =>
        group.Single(m => m.Measurement.Name.StartsWith(namePrefix, StringComparison.Ordinal)).Measurement.Rate.Median;

    /// <summary>Blank for the raw transaction, which EF Core's interceptor does not see.</summary>
    private static string Milliseconds(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
