using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Documents;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Infrastructure.Validation;

/// <summary>
/// Text is normalised (NFC, CRLF as LF) and never holds control characters (but line breaks and tabs in
/// prose), line or paragraph separators or bidirectional formatting characters; one-line fields hold no
/// line break or tab. Refused input is a 400 naming the field, and nothing is stored.
/// </summary>
public sealed class TextInputTests(DatabaseEngine engine) : RequestTest(engine)
{
    // Fields of a request's content written on one line: names, titles, authorities, references.
    private static readonly string[] OneLineFields =
    [
        "subject", "bilateralTreatyName", "investigatingAuthority.name", "investigatingAuthority.function",
        "offences[0].maxPenalty", "persons[0].fullName", "persons[0].location", "persons[0].identityDocument",
        "sentenceRemaining", "warrant.issuingAuthority", "warrant.reference",
    ];

    // Prose: paragraphs and tabs are fine.
    private static readonly string[] ProseFields =
    [
        "facts", "purpose", "urgencyReason", "offences[0].description", "offences[0].legalProvision",
        "assistance[0].description", "assistance[0].procedure", "enforceableSentenceProof", "retrialAvailableInAbsentia",
    ];

    [TestCase("Two\nlines")]
    [TestCase("Two\r\nlines")]
    [TestCase("A\ttab")]
    [TestCase("Two\u2028lines")]
    public async Task CreateDraft_LineBreakOrTabInOneLineFields_Answers400NamingEachAndStoresNothing(string value)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = JsonBodies.From(MlaDraft(), Json);
        foreach (var field in OneLineFields)
        {
            body.With(field, value);
        }

        var response = await mali.PostAsJsonAsync("/api/requests", body);

        await AssertProblemNamesAsync(response, OneLineFields);
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [TestCase("invoice\u202Efdp.exe")]
    [TestCase("Isolated \u2067text\u2069")]
    [TestCase("Embedded \u202Atext\u202C")]
    [TestCase("Marked\u200F")]
    [TestCase("Bell\u0007")]
    [TestCase("Nul\u0000")]
    [TestCase("Escape\u001B[31m")]
    [TestCase("Next\u0085line")]
    [TestCase("Para\u2029graph")]
    public async Task CreateDraft_ControlOrBidiCharacterInAnyField_Answers400NamingEachAndStoresNothing(string value)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = JsonBodies.From(MlaDraft(), Json);
        foreach (var field in OneLineFields.Concat(ProseFields))
        {
            body.With(field, value);
        }

        var response = await mali.PostAsJsonAsync("/api/requests", body);

        await AssertProblemNamesAsync(response, [.. OneLineFields, .. ProseFields]);
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task CreateDraft_ProseWithParagraphsAndTabs_IsStoredWithLineFeeds()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = JsonBodies.From(MlaDraft(), Json)
            .With("facts", "First paragraph.\r\n\r\nSecond,\tindented.")
            .With("offences[0].description", "One\ntwo");

        var created = await CreateDraftAsync(mali, body);

        var read = await GetRequestAsync(mali, created.Id);
        Assert.That(read.Content.Facts, Is.EqualTo("First paragraph.\n\nSecond,\tindented."));
        Assert.That(read.Content.Offences[0].Description, Is.EqualTo("One\ntwo"));
    }

    [Test]
    public async Task CreateDraft_DecomposedText_IsStoredComposed()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        // "Amadou Touré" typed on a keyboard that sends e + combining acute accent (NFD).
        var body = JsonBodies.From(MlaDraft(), Json)
            .With("persons[0].fullName", "Amadou Toure\u0301")
            .With("subject", "Enque\u0302te");

        var created = await CreateDraftAsync(mali, body);

        await using var connection = await OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT full_name FROM request_persons WHERE request_id = @id", new { id = created.Id });
        Assert.That(stored, Is.EqualTo("Amadou Tour\u00E9"));
        var read = await GetRequestAsync(mali, created.Id);
        Assert.That(read.Content.Subject, Is.EqualTo("Enqu\u00EAte"));
    }

    [Test]
    public async Task AddNote_BidiOverride_Answers400AndRecordsNothing()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await PostStepAsync(mali, transmitted.Id, "notes", new { note = "Seen \u202Eton\u202C by the desk." }, transmitted.Version);

        await AssertProblemNamesAsync(response, "note");
        Assert.That((await GetRequestAsync(mali, transmitted.Id)).Version, Is.EqualTo(transmitted.Version));
    }

    [Test]
    public async Task AddNote_SeveralLines_IsRecordedAsTyped()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        await StepAsync(mali, transmitted, "notes", new { note = "Called the desk.\r\nCall again on Monday." });

        Assert.That((await GetTimelineAsync(mali, transmitted.Id)).Last().Note, Is.EqualTo("Called the desk.\nCall again on Monday."));
    }

    [Test]
    public async Task AcknowledgeReceipt_ReferenceOnTwoLines_Answers400AndChangesNothing()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var senegal = await CreateClientAsAsync("sen.ca");

        var response = await PostStepAsync(senegal, transmitted.Id, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2025/117\nSEN/CA/2025/118" }, transmitted.Version);

        await AssertProblemNamesAsync(response, "requestedSideReference");
        Assert.That((await GetRequestAsync(senegal, transmitted.Id)).Version, Is.EqualTo(transmitted.Version));
    }

    [Test]
    public async Task UploadAttachment_FileNameWithABidiOverride_Answers400AndStoresNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        // Shown as "invoiceexe.pdf", saved as an executable.
        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "invoice\u202Efdp.exe", Pdf(), null, isTranslation: false);

        await AssertProblemNamesAsync(response, "fileName");
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
    }

    [Test]
    public async Task RegisterIncoming_ReferenceWithAControlCharacter_Answers400AndStoresNothing()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        var body = JsonBodies.From(MlaDraft("SEN"), Json)
            .With("requestingState", "MLI")
            .With("occurredOn", TodayText)
            .With("channel", "diplomatic")
            .With("requestingStateReference", "MLI/PG/2025/\u001B[2J");

        var response = await senegal.PostAsJsonAsync("/api/requests/incoming", body);

        await AssertProblemNamesAsync(response, "requestingStateReference");
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task CreateUser_DisplayNameWithABidiOverride_Answers400AndStoresNothing()
    {
        using var admin = await CreateClientAsAsync("admin");
        var users = await CountAsync("users");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            username = "sen.ca2",
            displayName = "Awa \u202ENdiaye",
            password = TestPassword,
            role = "central-authority",
            state = "SEN",
        });

        await AssertProblemNamesAsync(response, "displayName");
        Assert.That(await CountAsync("users"), Is.EqualTo(users));
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        var problem = System.Text.Json.JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, Json)!;
        using (Assert.EnterMultipleScope())
        {
            foreach (var field in fields)
            {
                Assert.That(problem.Errors.Keys, Does.Contain(field), body);
                Assert.That(string.Join(" ", problem.Errors.TryGetValue(field, out var messages) ? messages : []), Does.Match("character|line"), field);
            }
        }
    }
}
