using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Materials;

/// <summary>
/// the secretary compiles and distributes the meeting's package: the accepted materials
/// and the late ones a co-chair admitted; late ones not admitted stay out.
/// </summary>
public static class MeetingPackage
{
    /// <summary>Distributes the package of <paramref name="meeting"/> from all of its materials.</summary>
    public static IReadOnlyList<Material> Distribute(Meeting meeting, IReadOnlyCollection<Material> materials, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(materials);
        Rules.Check(new OnlySecretary(meeting.Identify(caller)));
        foreach (var material in materials)
        {
            Rules.Check(new MaterialOfThisMeeting(material, meeting));
        }

        meeting.DistributePackage(materials);
        var package = materials.Where(m => m.CanBeIncludedInPackage).ToList();
        package.ForEach(m => m.IncludeInPackage());
        return package;
    }
}
