using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures.Activities;
using WorkingGroup.Workflows;

namespace WorkingGroup.Server.Workflows;

/// <summary>Settings of the procedures. Section <c>Workflows</c>.</summary>
public sealed class WorkflowsOptions
{
    public const string SectionName = "Workflows";

    /// <summary>
    /// The Elsa 3 JSON definitions imported and published at start-up (new versions imported, unchanged ones left).
    /// Default: the <c>workflows</c> folder shipped beside the server (a copy of the repository's top-level folder).
    /// </summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>Fire due timers in this process (default true); tests that move a fake clock fire them themselves.</summary>
    public bool RunTimerService { get; set; } = true;
}

internal static class WorkflowsSetup
{
    public static IServiceCollection AddWorkingGroupWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkflowsOptions.SectionName).Get<WorkflowsOptions>() ?? new WorkflowsOptions();
        var folder = string.IsNullOrWhiteSpace(options.DefinitionsFolder)
            ? Path.Combine(AppContext.BaseDirectory, "workflows")
            : Path.GetFullPath(options.DefinitionsFolder);

        services.AddWorkflowEngine<AppDbContext>(engine =>
        {
            engine.DefinitionsFolder = Directory.Exists(folder) ? folder : null;
            engine.RunTimerService = options.RunTimerService;
            // The procedures' activities (category "Working group" in the designer).
            engine.AddActivity<AwaitAction>();
            engine.AddActivity<ComputeDeadline>();
            engine.AddActivity<FixMaterialsDeadline>();
            engine.AddActivity<WaitUntil>();
            engine.AddActivity<CheckQuorum>();
            engine.AddActivity<CollectSignatures>();
            engine.AddActivity<Notify>();
            engine.AddActivity<Escalate>();
        });
        services.AddHostedService<WorkflowMailRelay>();
        services.AddSingleton<WorkingGroup.Server.Procedures.ProcedureCommands>();
        return services;
    }
}
