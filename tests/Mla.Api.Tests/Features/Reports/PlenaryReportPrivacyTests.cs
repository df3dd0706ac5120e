using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using UglyToad.PdfPig;

namespace Mla.Api.Tests.Features.Reports;

/// <summary>
/// No personal data and no free text in any export (issue 11, point 4): requests full of named persons, facts,
/// references and notes, then every format in every language searched for their words.
/// </summary>
public sealed class PlenaryReportPrivacyTests(DatabaseEngine engine) : PlenaryReportTest(engine)
{
    // Words that occur nowhere but in what users typed into the requests below.
    private static readonly string[] Secrets =
    [
        "Zebulon", "Vantablack", "Quokkafjord", "Wolframite", "ZX998877", "Zanzibarite", "Ottoline", "Marzipanova",
        "Quenumbra", "Pangolinade", "Xylocarpe", "SEN/QKF", "NER/QKF", "BFA/QKF",
    ];

    [Test]
    public async Task GetPlenaryReport_RequestsFullOfPersonalData_NoneOfItsWordsInAnyFormatOrLanguage()
    {
        var references = await BuildRequestsFullOfPersonalDataAsync();
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var json = await GetJsonReportAsync(secretariat, Period);
        Assert.That(json.Headline.Single(h => h.Figure == "requests").Current, Is.EqualTo(3), "the requests are in the report");

        var forbidden = Secrets.Concat(references).ToList();
        foreach (var language in new[] { "fr", "en", "pt" })
        {
            foreach (var format in new[] { "json", "csv", "xlsx", "pdf" })
            {
                var response = await GetReportAsync(secretariat, $"{Period}&format={format}&language={language}");
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var text = format switch
                {
                    "json" => System.Text.Encoding.UTF8.GetString(bytes),
                    "pdf" => PdfTextAndMetadata(bytes),
                    _ => ReportFileReaders.AllText(bytes),
                };
                Assert.That(text, Has.Length.GreaterThan(100), $"{format} {language} has content");
                foreach (var word in forbidden)
                {
                    Assert.That(text, Does.Not.Contain(word).IgnoreCase, $"{format} {language}");
                    Assert.That(ReportFileReaders.Squash(text), Does.Not.Contain(ReportFileReaders.Squash(word)).IgnoreCase, $"{format} {language}");
                }
            }
        }
    }

    private static string PdfTextAndMetadata(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var info = document.Information;
        return string.Join('\n', document.GetPages().Select(p => p.Text).Append($"{info.Title}\n{info.Subject}\n{info.Author}\n{info.Keywords}"));
    }

    /// <summary>An MLA request refused, an extradition request in execution, one registered on receipt and awaiting
    /// information: every free-text field and note holds one of <see cref="Secrets"/>. Returns the references Mla gave.</summary>
    private async Task<List<string>> BuildRequestsFullOfPersonalDataAsync()
    {
        var mla = MlaDraft("SEN");
        mla["subject"] = "Quokkafjord inquiry into Zebulon Vantablack";
        mla["investigatingAuthority"] = new { name = "Pôle Wolframite", function = "Juge Quenumbra" };
        mla["facts"] = "Zebulon Vantablack moved funds through Quokkafjord.";
        mla["offences"] = new[] { new { category = "money-laundering", description = "Vantablack laundering", legalProvision = "Art. Pangolinade", maxPenalty = "Zanzibarite years" } };
        mla["persons"] = new[] { new { role = "suspect", fullName = "Zebulon Vantablack", nationality = "MLI", dateOfBirth = "1970-01-02", location = "Quokkafjord harbour", identityDocument = "ZX998877" } };
        mla["assistance"] = new[] { new { type = "records", description = "Wolframite bank statements", procedure = (string?)"Xylocarpe procedure" } };
        mla["purpose"] = "Trace Vantablack's money";
        var r1 = await DraftAndTransmitAsync("mli.ca", mla, Day(2026, 1, 10));
        r1 = await StepAsync<AcknowledgeReceiptCommand>("sen.ca", r1, Day(2026, 1, 12), new { requestedSideReference = "SEN/QKF/1", note = "Zebulon called" });
        r1 = await StepAsync<AskForInformationCommand>("sen.ca", r1, Day(2026, 1, 14), new { informationNeeded = "Where is Quokkafjord?" });
        r1 = await StepAsync<ProvideInformationCommand>("mli.ca", r1, Day(2026, 1, 20), new { informationProvided = "Quokkafjord is north of Wolframite" });
        r1 = await StepAsync<RefuseRequestCommand>("sen.ca", r1, Day(2026, 2, 1), new { grounds = new[] { "essential-interests" }, reasons = "Vantablack is protected by Xylocarpe." });

        var extradition = ExtraditionDraft("NER");
        extradition["persons"] = new[] { new { role = "person-sought", fullName = "Ottoline Marzipanova", nationality = "MLI", dateOfBirth = "1990-05-06", location = "Pangolinade street", identityDocument = (string?)"ZX998877" } };
        extradition["facts"] = "Ottoline Marzipanova robbed the Quenumbra bank.";
        var r2 = await DraftAndTransmitAsync("mli.ca", extradition, Day(2026, 2, 3));
        r2 = await StepAsync<AcknowledgeReceiptCommand>("ner.ca", r2, Day(2026, 2, 4), new { requestedSideReference = "NER/QKF/2" });
        r2 = await StepAsync<StartExecutionCommand>("ner.ca", r2, Day(2026, 2, 5), new { executingAuthority = "Chambre Zanzibarite", note = "Marzipanova arrested" });

        var r3 = await SendIncomingAsync();
        Factory.Clock.Reset();
        return [r1.ReferenceNumber!, r2.ReferenceNumber!, r3.ReferenceNumber!];
    }

    private async Task<RequestDto> SendIncomingAsync()
    {
        var draft = MlaDraft("SEN");
        draft.Remove("requestedState");
        draft.Remove("confidential");
        draft.Remove("urgency");
        draft["requestingState"] = "BFA";
        draft["transmittedOn"] = "2026-03-01";
        draft["channel"] = "diplomatic";
        draft["requestingStateReference"] = "BFA/QKF/3";
        draft["requestedSideReference"] = "SEN/QKF/3";
        draft["persons"] = new[] { new { role = "witness", fullName = "Ottoline Quenumbra", nationality = "BFA", dateOfBirth = "1975-03-04", location = "Quokkafjord", identityDocument = "ZX998877" } };
        var registered = await RegisterIncomingAsync("sen.ca", draft, Day(2026, 3, 3));
        return await StepAsync<AskForInformationCommand>("sen.ca", registered, Day(2026, 3, 4), new { informationNeeded = "Zebulon's address", note = "Pangolinade" });
    }
}
