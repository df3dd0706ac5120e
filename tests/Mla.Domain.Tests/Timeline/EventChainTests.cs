using System.Security.Cryptography;
using System.Text;
using Mla.Domain.Access;
using Mla.Domain.Requests;
using Mla.Domain.Timeline;

namespace Mla.Domain.Tests.Timeline;

public sealed class EventChainTests
{
    private static readonly Guid RequestId = Guid.Parse("0b9c4b5e-6a57-4d1e-9f43-2f1d7c1a0e11");
    private static readonly Guid UserId = Guid.Parse("7d0e3a52-3c1f-4f6e-8a2b-5e9d2c4b1a00");

    private static readonly TimelineEvent Transmission = new(
        RequestId,
        SequenceNumber: 2,
        ActionCode: "transmit",
        FromStatus: RequestStatus.Draft,
        ToStatus: RequestStatus.Transmitted,
        ActorUserId: UserId,
        ActorRole: Role.CentralAuthority,
        ActorState: "SEN",
        OccurredOn: new DateOnly(2025, 3, 4),
        RecordedAt: new DateTimeOffset(2025, 3, 4, 11, 22, 33, TimeSpan.FromHours(1)).AddTicks(1_234_567),
        Note: "Sent by courier.\nCopy by e-mail.",
        Payload: """{"channel":"diplomatic"}""");

    [Test]
    public void Compute_NoPreviousAndEmptyContent_Sha256OfNewline()
    {
        Assert.That(EventChain.Compute(null, ""), Is.EqualTo("01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"));
    }

    [Test]
    public void Compute_PreviousAndContent_LowercaseHexSha256OfPreviousNewlineContent()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(EventChain.Compute("abc", "hello"), Is.EqualTo("e8c6624dfaa51fefeb9c3178deae0b6aba0cbfbb20eab2bec0d42da222977eeb"));
            Assert.That(
                EventChain.Compute("abc", "héllo"),
                Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("abc\nhéllo")))));
        }
    }

    private const string TransmissionCanonical = """
        mla-timeline-event/v1
        request-id=0b9c4b5e-6a57-4d1e-9f43-2f1d7c1a0e11
        sequence-number=2
        action=transmit
        from-status=draft
        to-status=transmitted
        actor-user-id=7d0e3a52-3c1f-4f6e-8a2b-5e9d2c4b1a00
        actor-role=central-authority
        actor-state=SEN
        occurred-on=2025-03-04
        recorded-at=2025-03-04T10:22:33.123456Z
        note=Sent by courier.\nCopy by e-mail.
        payload={"channel":"diplomatic"}
        """;

    [Test]
    public void Canonicalize_Event_OneEscapedLinePerFieldInFixedOrder()
    {
        Assert.That(EventChain.Canonicalize(Transmission), Is.EqualTo(TransmissionCanonical.ReplaceLineEndings("\n")));
    }

    // Arabic (Saudi Arabia) formats with another calendar and its own digits by default.
    [Test]
    [SetCulture("ar-SA")]
    public void Canonicalize_ArabicCulture_SameText()
    {
        Assert.That(EventChain.Canonicalize(Transmission), Is.EqualTo(TransmissionCanonical.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Canonicalize_NullAndEmptyValues_Differ()
    {
        Assert.That(EventChain.Canonicalize(Transmission with { Note = null }), Is.Not.EqualTo(EventChain.Canonicalize(Transmission with { Note = "" })));
    }

    [Test]
    public void Canonicalize_NoteFakingAPayloadLine_DiffersFromTheRealPayload()
    {
        var faked = Transmission with { Note = "x\npayload=y", Payload = null };
        var real = Transmission with { Note = "x", Payload = "y" };

        Assert.That(EventChain.Canonicalize(faked), Is.Not.EqualTo(EventChain.Canonicalize(real)));
    }

    [Test]
    public void Canonicalize_FirstEventWithoutFromStatusOrState_BareNames()
    {
        var text = EventChain.Canonicalize(Transmission with { FromStatus = null, ActorState = null });

        Assert.That(text, Does.Contain("\nfrom-status\n").And.Contain("\nactor-state\n"));
    }

    private const string RecordDigest = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

    [Test]
    public void Canonicalize_EventWithARecordDigest_Format2HeaderAndTheDigestLast()
    {
        var text = EventChain.Canonicalize(Transmission with { RecordSha256 = RecordDigest });

        var expected = TransmissionCanonical.ReplaceLineEndings("\n").Replace("mla-timeline-event/v1", "mla-timeline-event/v2", StringComparison.Ordinal)
            + "\nrecord-sha256=" + RecordDigest;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Is.EqualTo(expected));
            Assert.That(EventChain.FormatOf(Transmission with { RecordSha256 = RecordDigest }), Is.EqualTo(EventChain.RecordFormat));
            Assert.That(EventChain.FormatOf(Transmission), Is.EqualTo(EventChain.EventOnlyFormat));
        }
    }

    [Test]
    public void Verify_Format1EventsThenFormat2Events_Holds()
    {
        var chain = BuildChain(sealRecordFrom: 3);

        Assert.That(EventChain.Verify(chain), Is.Null);
    }

    [Test]
    public void Verify_RecordDigestAltered_BrokenAtThatEvent()
    {
        var chain = BuildChain(sealRecordFrom: 1);
        chain[2] = chain[2] with { Event = chain[2].Event with { RecordSha256 = new string('0', 64) } };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(3));
    }

    // Stripping an event of its record digest and rehashing it in format 1 would hide a change of the
    // record from the check of the last event: a format never goes down within a chain.
    [Test]
    public void Verify_LastEventDowngradedToFormat1AndRehashed_BrokenAtThatEvent()
    {
        var chain = BuildChain(sealRecordFrom: 1);
        var downgraded = chain[3].Event with { RecordSha256 = null };
        chain[3] = chain[3] with { Event = downgraded, Hash = EventChain.Hash(chain[2].Hash, downgraded) };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(4));
    }

    [Test]
    public void NormalizeRecordedAt_OffsetAndTicks_UtcTruncatedToMicroseconds()
    {
        var normalized = EventChain.NormalizeRecordedAt(Transmission.RecordedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(normalized.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(normalized, Is.EqualTo(new DateTimeOffset(2025, 3, 4, 10, 22, 33, TimeSpan.Zero).AddTicks(1_234_560)));
        }
    }

    [Test]
    public void Append_Events_LinksEachToThePreviousHashAndNormalizesRecordedAt()
    {
        var chain = BuildChain();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chain[0].PreviousHash, Is.Null);
            Assert.That(chain[1].PreviousHash, Is.EqualTo(chain[0].Hash));
            Assert.That(chain[2].Hash, Is.EqualTo(EventChain.Compute(chain[1].Hash, EventChain.Canonicalize(chain[2].Event))));
            Assert.That(chain[2].Hash, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(chain[1].Event.RecordedAt.Ticks % TimeSpan.TicksPerMicrosecond, Is.Zero);
        }
    }

    [Test]
    public void Verify_IntactChain_Null()
    {
        Assert.That(EventChain.Verify(BuildChain()), Is.Null);
    }

    [Test]
    public void Verify_EmptyChain_Null()
    {
        Assert.That(EventChain.Verify([]), Is.Null);
    }

    private static IEnumerable<TestCaseData> Alterations()
    {
        var other = Guid.Parse("11111111-2222-3333-4444-555555555555");
        yield return Case("RequestId", e => e with { RequestId = other });
        yield return Case("ActionCode", e => e with { ActionCode = "refuse" });
        yield return Case("FromStatus", e => e with { FromStatus = RequestStatus.Received });
        yield return Case("ToStatus", e => e with { ToStatus = RequestStatus.Refused });
        yield return Case("ActorUserId", e => e with { ActorUserId = other });
        yield return Case("ActorRole", e => e with { ActorRole = Role.FocalPoint });
        yield return Case("ActorState", e => e with { ActorState = "MLI" });
        yield return Case("OccurredOn", e => e with { OccurredOn = e.OccurredOn.AddDays(-1) });
        yield return Case("RecordedAt", e => e with { RecordedAt = e.RecordedAt.AddTicks(TimeSpan.TicksPerMicrosecond) });
        yield return Case("Note", e => e with { Note = e.Note + "." });
        yield return Case("Payload", e => e with { Payload = """{"channel":"interpol"}""" });

        static TestCaseData Case(string field, Func<TimelineEvent, TimelineEvent> alter)
            => new TestCaseData(alter).SetName($"Verify_{field}AlteredOnSecondEvent_BrokenAtSecondEvent");
    }

    [TestCaseSource(nameof(Alterations))]
    public void Verify_FieldAltered_BrokenAtThatEvent(Func<TimelineEvent, TimelineEvent> alter)
    {
        var chain = BuildChain();
        chain[1] = chain[1] with { Event = alter(chain[1].Event) };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(2));
    }

    [Test]
    public void Verify_SequenceNumberAltered_BrokenAtThatEvent()
    {
        var chain = BuildChain();
        chain[1] = chain[1] with { Event = chain[1].Event with { SequenceNumber = 7 } };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(7));
    }

    [Test]
    public void Verify_AlteredEventWithRecomputedHash_BrokenAtTheNextEvent()
    {
        var chain = BuildChain();
        var altered = chain[1].Event with { Note = "rewritten" };
        chain[1] = chain[1] with { Event = altered, Hash = EventChain.Hash(chain[0].Hash, altered) };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(3));
    }

    [Test]
    public void Verify_HashAltered_BrokenAtThatEvent()
    {
        var chain = BuildChain();
        chain[2] = chain[2] with { Hash = new string('0', 64) };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(3));
    }

    [Test]
    public void Verify_PreviousHashAltered_BrokenAtThatEvent()
    {
        var chain = BuildChain();
        chain[1] = chain[1] with { PreviousHash = null };

        Assert.That(EventChain.Verify(chain), Is.EqualTo(2));
    }

    [Test]
    public void Verify_MiddleEventRemoved_BrokenAtTheEventAfterIt()
    {
        var chain = BuildChain();
        chain.RemoveAt(1);

        Assert.That(EventChain.Verify(chain), Is.EqualTo(3));
    }

    [Test]
    public void Verify_FirstEventRemoved_BrokenAtTheNewFirst()
    {
        var chain = BuildChain();
        chain.RemoveAt(0);

        Assert.That(EventChain.Verify(chain), Is.EqualTo(2));
    }

    [Test]
    public void Verify_EventsSwapped_BrokenAtTheFirstOutOfPlace()
    {
        var chain = BuildChain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.That(EventChain.Verify(chain), Is.EqualTo(3));
    }

    // Created, transmitted, received, then a note; from event sealRecordFrom on, each seals a record digest.
    private static List<ChainedEvent> BuildChain(int sealRecordFrom = int.MaxValue)
    {
        TimelineEvent[] events =
        [
            Transmission with { SequenceNumber = 1, ActionCode = "create", FromStatus = null, ToStatus = RequestStatus.Draft, Note = null, Payload = null },
            Transmission,
            Transmission with
            {
                SequenceNumber = 3, ActionCode = "acknowledge-receipt", FromStatus = RequestStatus.Transmitted, ToStatus = RequestStatus.Received,
                ActorRole = Role.FocalPoint, ActorState = "MLI", OccurredOn = new DateOnly(2025, 3, 20), RecordedAt = Transmission.RecordedAt.AddDays(16),
            },
            Transmission with
            {
                SequenceNumber = 4, ActionCode = "add-note", FromStatus = RequestStatus.Received, ToStatus = RequestStatus.Received,
                ActorRole = Role.Prosecutor, OccurredOn = new DateOnly(2025, 4, 1), RecordedAt = Transmission.RecordedAt.AddDays(28), Note = "Hearing set.",
            },
        ];

        var chain = new List<ChainedEvent>();
        foreach (var e in events)
        {
            var sealedEvent = e.SequenceNumber >= sealRecordFrom ? e with { RecordSha256 = RecordDigest } : e;
            chain.Add(EventChain.Append(chain.LastOrDefault(), sealedEvent));
        }

        return chain;
    }
}
