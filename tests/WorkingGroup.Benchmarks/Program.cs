Console.WriteLine("WorkingGroup benchmarks: see docs/performance.md");
