using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Validation;

namespace WorkingGroup.Workflows.Versioning;

/// <summary>
/// Definition versions, following Elsa's publisher: saving changes the latest draft or adds a version;
/// publishing validates and makes the latest version the only published one. Running instances keep theirs.
/// A version's document never changes once it has been published (a later save adds a version), so parsed
/// published documents are kept by version id and finding them reads only the version's flags, not its JSON.
/// </summary>
public sealed class WorkflowDefinitionStore
{
    private static readonly string[] VersionProperties = ["id", "version", "isLatest", "isPublished", "createdAt"];
    private readonly ConcurrentDictionary<string, WorkflowDefinition> publishedDocuments = new();
    private readonly IWorkflowDbContextFactory contexts;
    private readonly WorkflowValidator validator;
    private readonly TimeProvider clock;

    internal WorkflowDefinitionStore(IWorkflowDbContextFactory contexts, WorkflowValidator validator, TimeProvider clock)
    {
        this.contexts = contexts;
        this.validator = validator;
        this.clock = clock;
    }

    /// <summary>Saves a draft: replaces the latest version if it is unpublished, else adds version last+1.</summary>
    public async Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var versions = await Versions(db, definition.DefinitionId).ToListAsync(cancellationToken);
        var latest = versions.FirstOrDefault(v => v.IsLatest);
        WorkflowDefinitionRecord record;
        if (latest is { IsPublished: false })
        {
            record = latest;
        }
        else
        {
            if (latest is not null)
            {
                latest.IsLatest = false;
            }

            var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
            record = new WorkflowDefinitionRecord
            {
                Id = $"{definition.DefinitionId}:v{version}",
                DefinitionId = definition.DefinitionId,
                Version = version,
                Json = string.Empty,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Add(record);
        }

        record.IsLatest = true;
        record.Name = definition.Name;
        record.Json = WorkflowDefinitionJson.Write(definition);
        await db.SaveChangesAsync(cancellationToken);
        return ToDefinition(record);
    }

    /// <summary>Publishes the latest version after validation; throws <see cref="WorkflowValidationException"/> when it has errors.</summary>
    public async Task<WorkflowDefinition> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var versions = await Versions(db, definitionId).ToListAsync(cancellationToken);
        var latest = versions.FirstOrDefault(v => v.IsLatest)
            ?? throw new KeyNotFoundException($"Workflow definition '{definitionId}' not found.");
        validator.ThrowIfInvalid(ToDefinition(latest));
        foreach (var version in versions)
        {
            version.IsPublished = false;
            version.IsLatest = false;
        }

        latest.IsPublished = true;
        latest.IsLatest = true;
        await db.SaveChangesAsync(cancellationToken);
        return ToDefinition(latest);
    }

    /// <summary>Imports a definition from a file: publishes it as a new version unless the published one has the same content.</summary>
    public async Task<WorkflowDefinition?> ImportAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        validator.ThrowIfInvalid(definition);
        if (await FindPublishedAsync(definition.DefinitionId, cancellationToken) is { } published && SameContent(published, definition))
        {
            return null;
        }

        await SaveDraftAsync(definition, cancellationToken);
        return await PublishAsync(definition.DefinitionId, cancellationToken);
    }

    /// <summary>Every published version (one per definition).</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await LoadAsync(db, db.Set<WorkflowDefinitionRecord>().Where(v => v.IsPublished), cancellationToken);
    }

    public async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await FindAsync(definitionId, v => v.IsPublished, cancellationToken);

    public async Task<WorkflowDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await FindAsync(definitionId, v => v.IsLatest, cancellationToken);

    public async Task<WorkflowDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        await FindAsync(definitionId, v => v.Version == version, cancellationToken);

    /// <summary>A version by its version id (<c>id</c> in Elsa's JSON).</summary>
    public async Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return (await LoadAsync(db, db.Set<WorkflowDefinitionRecord>().Where(v => v.Id == versionId), cancellationToken)).SingleOrDefault();
    }

    private async Task<WorkflowDefinition?> FindAsync(
        string definitionId, System.Linq.Expressions.Expression<Func<WorkflowDefinitionRecord, bool>> filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await FindAsync(db, definitionId, filter, cancellationToken);
    }

    /// <summary>The published version, or the given one, read in the caller's context (a start reads and saves on one connection).</summary>
    internal async Task<WorkflowDefinition?> FindForStartAsync(DbContext db, string definitionId, int? version, CancellationToken cancellationToken) =>
        version is { } number
            ? await FindAsync(db, definitionId, v => v.Version == number, cancellationToken)
            : await FindAsync(db, definitionId, v => v.IsPublished, cancellationToken);

    private async Task<WorkflowDefinition?> FindAsync(
        DbContext db, string definitionId, System.Linq.Expressions.Expression<Func<WorkflowDefinitionRecord, bool>> filter, CancellationToken cancellationToken)
    {
        var newest = Versions(db, definitionId).Where(filter).OrderByDescending(v => v.Version).Take(1);
        return (await LoadAsync(db, newest, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The versions a query selects: their flags always, their JSON only for documents not parsed before.</summary>
    private async Task<List<WorkflowDefinition>> LoadAsync(DbContext db, IQueryable<WorkflowDefinitionRecord> query, CancellationToken cancellationToken)
    {
        var headers = await query
            .Select(v => new VersionHeader(v.Id, v.Version, v.IsLatest, v.IsPublished))
            .ToListAsync(cancellationToken);
        var missing = headers.Where(h => !publishedDocuments.ContainsKey(h.Id)).Select(h => h.Id).ToList();
        var documents = missing.Count == 0
            ? []
            : await db.Set<WorkflowDefinitionRecord>().Where(v => missing.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Json, cancellationToken);
        var definitions = new List<WorkflowDefinition>();
        foreach (var header in headers)
        {
            if (!publishedDocuments.TryGetValue(header.Id, out var document))
            {
                if (!documents.TryGetValue(header.Id, out var json))
                {
                    continue;
                }

                document = WorkflowDefinitionJson.Parse(json);
                if (header.IsPublished)
                {
                    publishedDocuments.TryAdd(header.Id, document);
                }
            }

            definitions.Add(document with { Id = header.Id, Version = header.Version, IsLatest = header.IsLatest, IsPublished = header.IsPublished });
        }

        return definitions;
    }

    private static IQueryable<WorkflowDefinitionRecord> Versions(DbContext db, string definitionId) =>
        db.Set<WorkflowDefinitionRecord>().Where(v => v.DefinitionId == definitionId);

    /// <summary>The stored document with the version fields the store owns.</summary>
    private static WorkflowDefinition ToDefinition(WorkflowDefinitionRecord record) =>
        WorkflowDefinitionJson.Parse(record.Json) with
        {
            Id = record.Id,
            Version = record.Version,
            IsLatest = record.IsLatest,
            IsPublished = record.IsPublished,
        };

    private static bool SameContent(WorkflowDefinition a, WorkflowDefinition b) =>
        JsonNode.DeepEquals(WithoutVersionFields(a), WithoutVersionFields(b));

    private static JsonNode WithoutVersionFields(WorkflowDefinition definition)
    {
        var json = JsonNode.Parse(WorkflowDefinitionJson.Write(definition))!.AsObject();
        foreach (var name in VersionProperties)
        {
            json.Remove(name);
        }

        return json;
    }
}

/// <summary>What the store reads of a version whose document it has parsed before.</summary>
internal sealed record VersionHeader(string Id, int Version, bool IsLatest, bool IsPublished);
