using Microsoft.EntityFrameworkCore;

namespace WorkingGroup.Workflows.Persistence;

/// <summary>Gives the engine a fresh context of the host's DbContext type for each unit of work.</summary>
internal interface IWorkflowDbContextFactory
{
    Task<DbContext> CreateAsync(CancellationToken cancellationToken);
}

internal sealed class WorkflowDbContextFactory<TContext>(IDbContextFactory<TContext> factory) : IWorkflowDbContextFactory
    where TContext : DbContext
{
    public async Task<DbContext> CreateAsync(CancellationToken cancellationToken) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
