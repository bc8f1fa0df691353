namespace WorkingGroup.Domain.Meetings;

/// <summary>The stages of a meeting, from the first draft to the closed file, with the procedure's side exits.</summary>
public enum MeetingState
{
    Draft,
    AgendaForming,
    Scheduled,
    MaterialsCollection,
    PackageDistributed,
    InSession,
    Held,
    ProtocolDrafting,
    ProtocolSigning,
    Closed,
    Postponed,
    Cancelled,
}

internal enum MeetingTrigger
{
    FormAgenda,
    Schedule,
    CollectMaterials,
    DistributePackage,
    Open,
    CloseSession,
    DraftProtocol,
    SendProtocolForSigning,
    ReturnProtocolToDrafting,
    Close,
    Postpone,
    Reschedule,
    Cancel,
}
