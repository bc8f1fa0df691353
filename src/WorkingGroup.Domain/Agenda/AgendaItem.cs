namespace WorkingGroup.Domain.Agenda;

/// <summary>A question on a meeting's agenda, with its task category, from an approved proposal .</summary>
public sealed class AgendaItem
{
    internal AgendaItem(Guid proposalId, string title, TaskCategory category, int number)
    {
        Id = Guid.NewGuid();
        ProposalId = proposalId;
        Title = title;
        Category = category;
        Number = number;
    }

    private AgendaItem()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ProposalId { get; private set; }

    public string Title { get; private set; }

    public TaskCategory Category { get; private set; }

    public int Number { get; private set; }
}
