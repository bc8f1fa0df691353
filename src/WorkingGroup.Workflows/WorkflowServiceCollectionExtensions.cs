using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Expressions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Timers;
using WorkingGroup.Workflows.Validation;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Workflows;

/// <summary>Registers the workflow engine.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine, storing its data through the host's <typeparamref name="TContext"/>, whose model must call
    /// <see cref="WorkflowModelBuilderExtensions.ApplyWorkflowEngineModel"/>. The host registers
    /// <c>IDbContextFactory&lt;TContext&gt;</c> (AddDbContextFactory); a <see cref="TimeProvider"/> is used if registered.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine<TContext>(this IServiceCollection services, Action<WorkflowEngineOptions>? configure = null)
        where TContext : DbContext
    {
        var options = new WorkflowEngineOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IWorkflowDbContextFactory, WorkflowDbContextFactory<TContext>>();
        services.AddSingleton(_ =>
        {
            var registry = new ActivityRegistry();
            foreach (var type in options.Activities)
            {
                registry.Register(type);
            }

            return registry;
        });
        services.AddSingleton(sp => new WorkflowValidator(sp.GetRequiredService<ActivityRegistry>()));
        services.AddSingleton(_ => new ExpressionEvaluator(new JavaScriptEvaluator(options.Expressions), new LiquidEvaluator(options.Expressions)));
        services.AddSingleton(sp => new WorkflowDefinitionStore(
            sp.GetRequiredService<IWorkflowDbContextFactory>(), sp.GetRequiredService<WorkflowValidator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<IWorkflowDbContextFactory>(), sp.GetRequiredService<WorkflowDefinitionStore>(),
            sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<ExpressionEvaluator>(), sp,
            sp.GetRequiredService<TimeProvider>(), options, sp.GetRequiredService<ILogger<WorkflowRuntime>>()));
        services.AddSingleton(sp => new WorkflowTimerService(
            sp.GetRequiredService<IWorkflowDbContextFactory>(), sp.GetRequiredService<WorkflowRuntime>(), sp.GetRequiredService<TimeProvider>(),
            options, sp.GetRequiredService<ILogger<WorkflowTimerService>>()));
        services.AddSingleton(sp => new WorkflowDefinitionLoader(sp.GetRequiredService<WorkflowDefinitionStore>(), sp.GetRequiredService<ILogger<WorkflowDefinitionLoader>>()));
        if (options.DefinitionsFolder is not null)
        {
            services.AddHostedService<WorkflowDefinitionStartup>();
        }

        if (options.RunTimerService)
        {
            services.AddHostedService(sp => sp.GetRequiredService<WorkflowTimerService>());
        }

        return services;
    }
}
