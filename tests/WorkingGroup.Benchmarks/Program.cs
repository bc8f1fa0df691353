using System.Globalization;
using WorkingGroup.Benchmarks;

// Measures the engine against the raw storage limit on SQLite and PostgreSQL; see docs/performance.md.
var quick = args.Contains("--quick");
var providers = Option("--providers", "sqlite,postgres").Split(',').Select(p => Enum.Parse<Provider>(p, ignoreCase: true)).ToList();
var workerCounts = Option("--workers", "1,4").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
var count = int.Parse(Option("--count", quick ? "100" : "400"), CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--rounds", quick ? "3" : "5"), CultureInfo.InvariantCulture);
var timers = quick ? 14 : 42;
var pollInterval = TimeSpan.FromSeconds(1);
var settings = new HostSettings(args.Contains("--pooled"), args.Contains("--auto-prepare"));

if (providers.Contains(Provider.Postgres))
{
    _ = BenchStore.PostgresServer;
}

Console.WriteLine($"{count} operations per round, {rounds} timed rounds after one warm-up round; workers {string.Join(", ", workerCounts)}; {settings}.");
var report = new Report();
foreach (var provider in providers)
{
    foreach (var workers in workerCounts)
    {
        Console.WriteLine($"{provider}, {workers} worker(s) …");
        int stateLength;
        await using (var store = await BenchStore.CreateAsync(provider, settings))
        {
            var (start, resume, length) = await EngineBench.RunAsync(store, workers, count, rounds);
            stateLength = length;
            Console.WriteLine($"  the engine's instance state averages {length} characters; the raw transactions write as much.");
            report.Add(provider, start);
            report.Add(provider, resume);
        }

        await using (var store = await BenchStore.CreateAsync(provider, settings))
        {
            report.Add(provider, await RawBench.RunAsync(store, workers, count, rounds, stateLength));
        }

        await using (var store = await BenchStore.CreateAsync(provider, settings))
        {
            report.Add(provider, await RawEngineStepBench.RunAsync(store, workers, count, rounds, stateLength));
        }

        if (provider == Provider.Postgres)
        {
            await using var store = await BenchStore.CreateAsync(provider, settings);
            report.Add(provider, await RawBench.RunAsync(store, workers, count, rounds, stateLength, oneRoundTrip: true));
        }
    }

    Console.WriteLine($"{provider}, timer lag …");
    await using (var store = await BenchStore.CreateAsync(provider, settings))
    {
        report.Add(provider, await TimerBench.RunAsync(store, timers, pollInterval));
    }
}

report.Print(Console.Out);

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
