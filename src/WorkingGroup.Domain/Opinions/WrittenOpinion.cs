namespace WorkingGroup.Domain.Opinions;

/// <summary>
/// The written opinion of a member absent from a meeting on one agenda item: read out at the
/// meeting by the secretary and attached to the protocol.
/// </summary>
public sealed class WrittenOpinion
{
    internal WrittenOpinion(Guid personId, Guid agendaItemId, string text, DateTimeOffset filedAt)
    {
        Id = Guid.NewGuid();
        PersonId = personId;
        AgendaItemId = agendaItemId;
        Text = text;
        FiledAt = filedAt;
    }

    private WrittenOpinion()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AgendaItemId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset? ReadOutAt { get; private set; }

    public Guid? ReadOutBy { get; private set; }

    public bool IsReadOut => ReadOutAt is not null;

    internal void MarkReadOut(Guid by, DateTimeOffset at)
    {
        ReadOutBy = by;
        ReadOutAt = at;
    }
}
