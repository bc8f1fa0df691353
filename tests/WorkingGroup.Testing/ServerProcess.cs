using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WorkingGroup.Testing;

/// <summary>
/// The real server as a child process (<c>dotnet WorkingGroup.Server.dll --urls http://127.0.0.1:PORT</c>) with
/// the environment variables given, as a deployment would start it. It can be killed and started again.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    private ServerProcess(string dll, IReadOnlyDictionary<string, string> environment, int port)
    {
        Dll = dll;
        Environment = environment;
        Port = port;
    }

    public string Dll { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server built beside the tests (same configuration) and waits for <c>/health</c>.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var server = new ServerProcess(ServerDll(), environment, FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>(Re)starts the process on the same port and database.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Dll, "--urls", BaseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server did not become healthy:\n{Output}");
    }

    /// <summary>Kills the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>src/WorkingGroup.Server/bin/{Debug|Release}/net10.0/WorkingGroup.Server.dll of this checkout.</summary>
    private static string ServerDll()
    {
        var testDirectory = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = testDirectory.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "src", "WorkingGroup.Server", "bin", configuration, testDirectory.Name, "WorkingGroup.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first (dotnet build).", dll);
    }

    /// <summary>The folder holding WorkingGroup.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WorkingGroup.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("WorkingGroup.sln not found above " + AppContext.BaseDirectory);
    }
}
