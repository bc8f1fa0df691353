using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Decisions;

/// <summary>Who carries out an assignment: a member, or a named body of one side; the side decides who verifies.</summary>
public sealed record Executor(Side Side, Guid? PersonId, string? BodyName);

/// <summary>A co-chair's extension of an assignment's due date, with the reason.</summary>
public sealed record Extension(DateTimeOffset PreviousDueAt, DateTimeOffset NewDueAt, string Reason, Guid ExtendedBy, DateTimeOffset ExtendedAt);
