using System.Text;
using Stateless.Graph;
using Stateless.Reflection;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Procedures;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Domain.Diagrams;

/// <summary>
/// Renders every state machine of the domain as Mermaid, from the Stateless definitions themselves,
/// into the text of docs/state-machines.md; a test keeps the file equal to this output.
/// </summary>
public static class StateMachineDiagrams
{
    private static readonly (string Title, string Rules, Func<StateMachineInfo> Info)[] Machines =
    [
        ("Meeting", "R-3.2, R-3.6, R-3.7, R-3.8, R-3.10", () => Meeting.Describe().GetInfo()),
        ("Agenda proposal", "R-1.3, R-3.5", () => AgendaProposal.Describe().GetInfo()),
        ("Material", "R-3.4, R-3.5, R-3.9", () => Material.Describe().GetInfo()),
        ("Protocol", "R-3.3, R-3.4, R-3.10", () => Protocol.Describe().GetInfo()),
        ("Assignment", "R-3.2, R-3.4", () => Assignment.Describe().GetInfo()),
        ("Guest invitation", "R-3.11", () => GuestInvitation.Describe().GetInfo()),
        ("Composition change", "R-1.5, R-3.1", () => CompositionChange.Describe().GetInfo()),
        ("Procedure release", "R-1.4", () => ProcedureRelease.Describe().GetInfo()),
    ];

    /// <summary>The full markdown of docs/state-machines.md.</summary>
    public static string RenderMarkdown()
    {
        var text = new StringBuilder();
        text.Append("# State machines\n\n");
        text.Append("Generated from the Stateless definitions in `src/WorkingGroup.Domain` by `StateMachineDiagrams.RenderMarkdown()`.\n");
        text.Append("Do not edit by hand: run `UPDATE_DOCS=1 dotnet test tests/WorkingGroup.Domain.Tests` to regenerate.\n");
        text.Append("Guards in brackets are rules of the regulation the transition checks; who may fire each trigger is listed in `docs/regulation-traceability.md`.\n");
        foreach (var (title, rules, info) in Machines)
        {
            text.Append($"\n## {title} ({rules})\n\n```mermaid\n");
            text.Append(MermaidGraph.Format(info()).ReplaceLineEndings("\n").TrimEnd());
            text.Append("\n```\n");
        }

        return text.ToString();
    }
}
