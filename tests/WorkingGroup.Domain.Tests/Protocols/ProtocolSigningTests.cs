using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Protocols;

public sealed class ProtocolSigningTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;
    private readonly Protocol _protocol;

    public ProtocolSigningTests()
    {
        (_meeting, _protocol) = Support.Meetings.Signing(_group);
    }

    private Signature Sign(Guid person, Side side, SignatoryRole role, string? hash = null) =>
        _protocol.Sign(side, role, hash ?? _protocol.TextHash, _meeting, _group.As(person));

    [Fact]
    public void Protocol_R3_10_is_signed_with_the_four_signatures_in_any_order()
    {
        Sign(_group.KzSecretary, Side.KZ, SignatoryRole.Secretary);
        Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary);
        Sign(_group.KzCoChair, Side.KZ, SignatoryRole.CoChair);
        Assert.Equal(ProtocolState.Signing, _protocol.State);

        Sign(_group.RuCoChair, Side.RU, SignatoryRole.CoChair);

        Assert.Equal(ProtocolState.Signed, _protocol.State);
        Assert.Equal(4, _protocol.ValidSignatures.Count);
    }

    [Fact]
    public void Protocol_R3_10_signature_binds_the_hash_of_the_text()
    {
        var signature = Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary);

        Assert.Equal(ProtocolText.Hash(_protocol.Text), signature.TextHash);
        Assert.Equal((_group.RuSecretary, Side.RU, SignatoryRole.Secretary, (Guid?)null), (signature.PersonId, signature.Side, signature.Role, signature.ActingFor));
    }

    [Fact]
    public void Protocol_R3_10_any_edit_invalidates_every_collected_signature()
    {
        Sign(_group.RuCoChair, Side.RU, SignatoryRole.CoChair);
        Sign(_group.KzCoChair, Side.KZ, SignatoryRole.CoChair);
        Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary);

        _protocol.Edit("Corrected text", _meeting, _group.As(_group.KzSecretary));

        Assert.Empty(_protocol.ValidSignatures);
        Assert.Equal(3, _protocol.Signatures.Count);
        Assert.Equal((ProtocolState.Drafting, MeetingState.ProtocolDrafting), (_protocol.State, _meeting.State));
    }

    [Fact]
    public void Protocol_R3_10_signatures_on_an_earlier_text_do_not_count_towards_the_four()
    {
        Sign(_group.RuCoChair, Side.RU, SignatoryRole.CoChair);
        Sign(_group.KzCoChair, Side.KZ, SignatoryRole.CoChair);
        Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary);
        _protocol.Edit("Corrected text", _meeting, _group.As(_group.KzSecretary));
        _protocol.SubmitForReview(_meeting, _group.As(_group.KzSecretary));
        _protocol.OpenForSigning(_meeting, _group.As(_group.KzCoChair));

        Sign(_group.KzSecretary, Side.KZ, SignatoryRole.Secretary);

        Assert.Equal(ProtocolState.Signing, _protocol.State);
        Sign(_group.RuCoChair, Side.RU, SignatoryRole.CoChair);
        Assert.Equal(2, _protocol.ValidSignatures.Count);
    }

    [Fact]
    public void Protocol_R3_10_refuses_a_signature_on_a_text_the_signer_did_not_see()
    {
        Refusal.Expect("protocol.text_changed", () => Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary, ProtocolText.Hash("older text")));
        Assert.Empty(_protocol.Signatures);
    }

    [Fact]
    public void Protocol_R3_3_deputy_signs_for_the_co_chair_during_a_dated_absence_marked_acting_for()
    {
        var now = _group.Clock.GetUtcNow();
        _group.Composition.RecordAbsence(_group.KzCoChair, now, now.AddDays(10), _group.KzSecretary, _group.Clock);

        var signature = Sign(_group.KzDeputy, Side.KZ, SignatoryRole.CoChair);

        Assert.Equal((_group.KzDeputy, (Guid?)_group.KzCoChair), (signature.PersonId, signature.ActingFor));
    }

    [Fact]
    public void Protocol_R3_3_deputy_signs_for_a_co_chair_recorded_absent_at_the_meeting()
    {
        var group = new Group();
        var meeting = Support.Meetings.PackageDistributed(group);
        Support.Meetings.MarkAll(group, meeting, Side.RU, Presence.PresentInPerson);
        Support.Meetings.MarkAll(group, meeting, Side.KZ, Presence.PresentInPerson);
        meeting.RecordAttendance(group.RuCoChair, Presence.Absent, group.As(group.RuSecretary));
        meeting.Open(group.As(group.RuDeputy));
        meeting.CloseSession(group.As(group.RuDeputy));
        var protocol = Protocol.Draft(meeting, "text", group.As(group.RuSecretary));
        protocol.SubmitForReview(meeting, group.As(group.RuSecretary));
        protocol.OpenForSigning(meeting, group.As(group.KzCoChair));

        var signature = protocol.Sign(Side.RU, SignatoryRole.CoChair, protocol.TextHash, meeting, group.As(group.RuDeputy));

        Assert.Equal(group.RuCoChair, signature.ActingFor);
        Refusal.Expect("protocol.signer_not_entitled",
            () => protocol.Sign(Side.RU, SignatoryRole.CoChair, protocol.TextHash, meeting, group.As(group.RuCoChair)));
    }

    [Fact]
    public void Protocol_R3_3_deputy_is_refused_while_the_co_chair_is_present()
    {
        Refusal.Expect("protocol.signer_not_entitled", () => Sign(_group.KzDeputy, Side.KZ, SignatoryRole.CoChair));
    }

    [Fact]
    public void Protocol_R3_10_signer_cannot_sign_for_the_other_side()
    {
        Refusal.Expect("protocol.signer_other_side", () => Sign(_group.RuCoChair, Side.KZ, SignatoryRole.CoChair));
        Refusal.Expect("protocol.signer_other_side", () => Sign(_group.KzSecretary, Side.RU, SignatoryRole.Secretary));
    }

    [Fact]
    public void Protocol_R3_10_is_signed_by_co_chairs_and_secretaries_only_each_in_their_own_capacity()
    {
        Refusal.Expect("protocol.signer_not_entitled", () => Sign(_group.RuMembers[0], Side.RU, SignatoryRole.Secretary));
        Refusal.Expect("protocol.signer_not_entitled", () => Sign(_group.RuSecretary, Side.RU, SignatoryRole.CoChair));
        Refusal.Expect("protocol.signer_not_entitled", () => Sign(_group.RuCoChair, Side.RU, SignatoryRole.Secretary));
        Refusal.Expect("protocol.signer_not_entitled", () => Sign(_group.Outsider, Side.RU, SignatoryRole.Secretary));
    }

    [Fact]
    public void Protocol_R3_10_signer_cannot_sign_twice()
    {
        Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary);

        Refusal.Expect("protocol.already_signed", () => Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary));
        Assert.Single(_protocol.Signatures);
    }

    [Fact]
    public void Protocol_R3_10_a_place_signed_by_the_co_chair_is_not_signed_again_by_the_deputy_acting_later()
    {
        Sign(_group.RuCoChair, Side.RU, SignatoryRole.CoChair);
        var now = _group.Clock.GetUtcNow();
        _group.Composition.RecordAbsence(_group.RuCoChair, now, now.AddDays(3), _group.RuSecretary, _group.Clock);

        Refusal.Expect("protocol.place_already_signed", () => Sign(_group.RuDeputy, Side.RU, SignatoryRole.CoChair));
    }

    /// <summary>
    /// What the domain guarantees when two signers race: signatures prepared against the same protocol
    /// text (the same hash) are all accepted when they are for different places, and a second signature
    /// for a place already signed is refused. Two processes writing at the same moment are serialised by
    /// the database's optimistic concurrency on the protocol (tested at integration level); the loser
    /// re-reads the protocol and its retry is judged by these same rules.
    /// </summary>
    [Fact]
    public void Protocol_R3_10_two_signers_racing_on_the_same_text_for_different_places_are_both_accepted()
    {
        var seenByBoth = _protocol.TextHash;

        Sign(_group.RuSecretary, Side.RU, SignatoryRole.Secretary, seenByBoth);
        Sign(_group.KzSecretary, Side.KZ, SignatoryRole.Secretary, seenByBoth);

        Assert.Equal(2, _protocol.ValidSignatures.Count);
    }

    [Fact]
    public void Protocol_R3_10_two_requests_racing_for_the_same_place_leave_one_signature()
    {
        var seenByBoth = _protocol.TextHash;
        var now = _group.Clock.GetUtcNow();
        Sign(_group.KzCoChair, Side.KZ, SignatoryRole.CoChair, seenByBoth);
        _group.Composition.RecordAbsence(_group.KzCoChair, now, now.AddDays(1), _group.KzSecretary, _group.Clock);

        Refusal.Expect("protocol.place_already_signed", () => Sign(_group.KzDeputy, Side.KZ, SignatoryRole.CoChair, seenByBoth));
        Assert.Single(_protocol.ValidSignatures);
    }

    [Fact]
    public void Protocol_is_not_signed_outside_the_signing_stage()
    {
        var group = new Group();
        var (meeting, protocol) = Support.Meetings.Signed(group);

        Refusal.Expect("protocol.transition_not_allowed",
            () => protocol.Sign(Side.RU, SignatoryRole.Secretary, protocol.TextHash, meeting, group.As(group.RuSecretary)));
    }
}

public sealed class ProtocolDocumentSigningTests
{
    private const string Document = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
    private readonly Group _group = new();
    private readonly Meeting _meeting;
    private readonly Protocol _protocol;

    public ProtocolDocumentSigningTests()
    {
        (_meeting, _protocol) = Support.Meetings.UnderReview(_group);
        _protocol.OpenForSigning(_meeting, _group.As(_group.RuCoChair), Document);
    }

    [Fact]
    public void Protocol_R3_10_signatures_bind_the_rendered_document_when_signing_opens_with_one()
    {
        Refusal.Expect("protocol.text_changed", () =>
            _protocol.Sign(Side.RU, SignatoryRole.Secretary, _protocol.TextHash, _meeting, _group.As(_group.RuSecretary)));

        var signature = _protocol.Sign(Side.RU, SignatoryRole.Secretary, Document, _meeting, _group.As(_group.RuSecretary));

        Assert.Equal((Document, Document), (signature.TextHash, _protocol.HashToSign));
        Assert.Single(_protocol.ValidSignatures);
    }

    [Fact]
    public void Protocol_R3_10_a_return_clears_the_signatures_even_when_the_same_document_is_signed_again()
    {
        _protocol.Sign(Side.RU, SignatoryRole.Secretary, Document, _meeting, _group.As(_group.RuSecretary));
        _protocol.ReturnForRework("Уточнить формулировку", _meeting, _group.As(_group.KzCoChair));
        Assert.Null(_protocol.DocumentHash);
        _protocol.Edit(_protocol.Text, _meeting, _group.As(_group.RuSecretary));
        _protocol.SubmitForReview(_meeting, _group.As(_group.RuSecretary));
        _group.Clock.Advance(TimeSpan.FromMinutes(5));

        _protocol.OpenForSigning(_meeting, _group.As(_group.RuCoChair), Document);

        Assert.Empty(_protocol.ValidSignatures);
        _protocol.Sign(Side.RU, SignatoryRole.Secretary, Document, _meeting, _group.As(_group.RuSecretary));
        Assert.Single(_protocol.ValidSignatures);
    }
}
