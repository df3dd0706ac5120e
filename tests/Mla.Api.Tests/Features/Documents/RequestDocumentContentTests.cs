using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Features.Documents;

/// <summary>
/// What a central authority reads on the request document (issue 13): addressed to the requested State's
/// central authority by name and address, placed in the requesting authority's city, with a contact officer,
/// legal bases with their articles, nationality adjectives, names and titles in the letter's language,
/// numbered annexes, the extradition details of the person sought, the text of the law, and for a
/// provisional arrest the period within which the extradition request follows.
/// </summary>
public sealed class RequestDocumentContentTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task Transmit_MlaFromMali_PlacedInBamakoAddressedToSenegalsCentralAuthorityWithTheContactOfficer()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var transmitted = await StepAsync(mali, await CreateDraftAsync(mali), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(Squeeze("Bamako, le")).And.Not.Contain(Squeeze("Mali, le")));
            Assert.That(text, Does.Contain(Squeeze("Destinataire Autorité centrale — Ministère de la Justice (Sénégal)")));
            Assert.That(text, Does.Contain(Squeeze("(A/P1/7/92, 1992), art. 2")));
            Assert.That(text, Does.Contain(Squeeze("criminalité transnationale organisée (2000), art. 18")));
            Assert.That(text, Does.Contain(Squeeze("Nationalité malienne")));
            Assert.That(text, Does.Contain(Squeeze("Agent chargé du suivi de la demande Nom Test user mli.ca Fonction Function of mli.ca")));
            Assert.That(text.IndexOf(Squeeze("Agent chargé du suivi"), StringComparison.Ordinal),
                Is.LessThan(text.IndexOf(Squeeze("haute considération"), StringComparison.Ordinal)), "the contact officer comes before the closing formula");
        }
    }

    // The articles checked against the conventions' texts (docs/DOCUMENTS.md, "Legal bases and their articles"):
    // the one obliging States to assist, for MLA, and to extradite, for extradition and provisional arrest.
    [TestCase("mla", "(A/P1/7/92, 1992), art. 2", "corruption (2003), art. 46", "psychotropes (1988), art. 7", "organisée (2000), art. 18")]
    [TestCase("extradition", "(A/P1/8/94, 1994), art. 2", "corruption (2003), art. 44", "psychotropes (1988), art. 6", "organisée (2000), art. 16")]
    [TestCase("provisional-arrest", "(A/P1/8/94, 1994), art. 2", "corruption (2003), art. 44", "psychotropes (1988), art. 6", "organisée (2000), art. 16")]
    public async Task Transmit_EachKind_PrintsTheArticleOfEachConventionThatAppliesToIt(string kind, string ecowas, string uncac, string vienna, string untoc)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = kind == "mla" ? MlaDraft() : ExtraditionDraft();
        body["legalBases"] = new[] { kind == "mla" ? "ecowas-mla-1992" : "ecowas-extradition-1994", "uncac-2003", "un-drugs-1988", "untoc-2000" };
        if (kind == "provisional-arrest")
        {
            body["kind"] = kind;
            body.Remove("extraditionPurpose");
            body["extraditionWillBeRequested"] = true;
        }

        var transmitted = await StepAsync(mali, await CreateDraftAsync(mali, body), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync()));
        Assert.That(text, Does.Contain(Squeeze(ecowas)).And.Contain(Squeeze(uncac)).And.Contain(Squeeze(vienna)).And.Contain(Squeeze(untoc)));
    }

    [Test]
    public async Task GetDocument_EnglishPreviewOfAFrenchDraft_StatesFrenchAsTheRequestLanguageAndCarriesNoFrenchTitles()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{draft.Id}/document?language=en")).Content.ReadAsByteArrayAsync()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(Squeeze("Language of the request French")).And.Not.Contain(Squeeze("Language of the request English")));
            Assert.That(text, Does.Contain(Squeeze("Central Authority — Ministry of Justice (Mali)")));
            Assert.That(text, Does.Contain(Squeeze("Central Authority — Ministry of Justice (Senegal)")));
            Assert.That(text, Does.Contain(Squeeze("Transnational Organized Crime (2000), art. 18")));
            Assert.That(text, Does.Contain(Squeeze("Nationality Malian")));
            Assert.That(text, Does.Not.Contain(Squeeze("Ministère de la Justice (Mali)")), "no French authority name");
            Assert.That(text, Does.Not.Contain(Squeeze("Function of mli.ca")), "the account's title is in Mali's language, French");
        }
    }

    [Test]
    public async Task Transmit_ExtraditionWithoutTheTextOfTheLaw_Answers422NamingIt()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = ExtraditionDraft();
        body.Remove("legalProvisionsText");
        var draft = await CreateDraftAsync(mali, body);

        var response = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" }, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await MissingPathsAsync(response), Is.EqualTo(new[] { "legalProvisionsText" }));
        Assert.That((await GetRequestAsync(mali, draft.Id)).Status, Is.EqualTo(Mla.Domain.Requests.RequestStatus.Draft));
    }

    [Test]
    public async Task Transmit_ExtraditionWithTheLawAnnexed_TransmittedAndTheAnnexListedByItsType()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = ExtraditionDraft();
        body.Remove("legalProvisionsText");
        var draft = await CreateDraftAsync(mali, body);
        var upload = await UploadTypedAsync(mali, draft, "code-penal-art-252.pdf", description: null, annexType: "legal-provisions");
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());

        var transmitted = await StepAsync(mali, await GetRequestAsync(mali, draft.Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var annexes = (await mali.GetFromJsonAsync<List<AttachmentDto>>($"/api/requests/{transmitted.Id}/attachments", Json))!;
        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(annexes.Single().AnnexType, Is.EqualTo("legal-provisions"));
            Assert.That(annexes.Single().Title, Is.EqualTo("Annexe 1\u00A0: Texte des dispositions légales applicables (code-penal-art-252.pdf)"));
            Assert.That(text, Does.Contain(Squeeze("Annexe 1 : Texte des dispositions légales applicables (code-penal-art-252.pdf)")));
        }
    }

    [Test]
    public async Task CreateDraft_PersonSoughtDetails_ReturnedAndPrintedWithTheTextOfTheLaw()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = ExtraditionDraft();
        body["persons"] = new[]
        {
            new
            {
                role = "person-sought", fullName = "Test Person Two", nationality = "SEN", dateOfBirth = "1990-05-06", location = "Niamey",
                placeOfBirth = "Kaolack", aliases = "Le Grand; T. P. Deux", parentsNames = "Son of Test Father and Test Mother",
                physicalDescription = "1.82 m, slim, scar above the left eyebrow",
            },
        };
        var draft = await CreateDraftAsync(mali, body);

        var person = draft.Content.Persons.Single();
        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{draft.Id}/document?language=fr")).Content.ReadAsByteArrayAsync()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(person.PlaceOfBirth, Is.EqualTo("Kaolack"));
            Assert.That(person.Aliases, Is.EqualTo("Le Grand; T. P. Deux"));
            Assert.That(person.ParentsNames, Is.EqualTo("Son of Test Father and Test Mother"));
            Assert.That(person.PhysicalDescription, Is.EqualTo("1.82 m, slim, scar above the left eyebrow"));
            Assert.That(text, Does.Contain(Squeeze("Nationalité sénégalaise")));
            Assert.That(text, Does.Contain(Squeeze("Lieu de naissance Kaolack")));
            Assert.That(text, Does.Contain(Squeeze("Filiation (noms des parents) Son of Test Father and Test Mother")));
            Assert.That(text, Does.Contain(Squeeze("Signalement 1.82 m, slim, scar above the left eyebrow")));
            Assert.That(text, Does.Contain(Squeeze("Texte des dispositions légales applicables")));
            Assert.That(text, Does.Contain(Squeeze("(A/P1/8/94, 1994), art. 2")));
        }
    }

    [Test]
    public async Task CreateDraft_PersonAliasesOnTwoLines_Answers400AndStoresNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = ExtraditionDraft();
        body["persons"] = new[] { new { role = "person-sought", fullName = "Test Person Two", aliases = "One\nTwo" } };

        var response = await mali.PostAsJsonAsync("/api/requests", body, Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("persons[0].aliases"));
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task GetDocument_ProvisionalArrestPreview_StatesTheExtraditionRequestFollowsWithinThePeriodOfItsLegalBasis()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = ExtraditionDraft("SEN");
        body["kind"] = "provisional-arrest";
        body.Remove("extraditionPurpose");
        body["extraditionWillBeRequested"] = true;
        var draft = await CreateDraftAsync(mali, body);

        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{draft.Id}/document?language=fr")).Content.ReadAsByteArrayAsync()));
        var english = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{draft.Id}/document?language=en")).Content.ReadAsByteArrayAsync()));

        // 40 days: DeadlineOptions' default, the figure the provisional-arrest deadline uses too.
        Assert.That(text, Does.Contain(Squeeze("sera présentée dans un délai de 40 jours à compter de son arrestation provisoire")));
        Assert.That(english, Does.Contain(Squeeze("will be submitted within 40 days of the provisional arrest")));
    }

    [Test]
    public async Task UploadAttachment_UnknownAnnexType_Answers400AndStoresNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await UploadTypedAsync(mali, draft, "photo.pdf", description: null, annexType: "selfie");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("annexType"));
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
    }

    [Test]
    public async Task UploadAttachment_WithADescription_TitledAnnexeOneByItsDescription()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await UploadTypedAsync(mali, draft, "translation-en.pdf", "Traduction en anglais de la demande", annexType: "translation");

        var annex = (await response.Content.ReadFromJsonAsync<AttachmentDto>(Json))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(annex.Title, Is.EqualTo("Annexe 1\u00A0: Traduction en anglais de la demande"));
            Assert.That(annex.IsTranslation, Is.True, "a translation annex lets the request go out in another language");
        }
    }

    private static async Task<HttpResponseMessage> UploadTypedAsync(HttpClient client, RequestDto request, string fileName, string? description, string annexType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf("Annex"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        form.Add(new StringContent(annexType), "annexType");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{request.Id}/attachments") { Content = form };
        message.Headers.TryAddWithoutValidation("If-Match", $"\"{request.Version}\"");
        return await client.SendAsync(message);
    }

    private static async Task<List<string>> MissingPathsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("path").GetString()!)];
    }
}
