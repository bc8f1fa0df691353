using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence;

/// <summary>
/// The one way to load each aggregate whole: with split queries (their several collections of parts would multiply in
/// one join). Add <c>AsNoTracking()</c> before them for a read; leave it off when a command changes what it loads.
/// </summary>
public static class AggregateQueries
{
    /// <summary>The group's composition (there is one), or null before it is established.</summary>
    public static Task<GroupComposition?> CurrentAsync(this IQueryable<GroupComposition> compositions, CancellationToken cancellationToken) =>
        compositions.AsSplitQuery().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>One meeting with its agenda, proposals, attendance and opinions, or null.</summary>
    public static Task<Meeting?> WholeAsync(this IQueryable<Meeting> meetings, Guid meetingId, CancellationToken cancellationToken) =>
        meetings.AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
}
