using Mla.Api.Features.Reference;

namespace Mla.Api.Web;

/// <summary>The choices of the forms (States, legal bases, codes), from the reference queries the API answers, named in the user's language.</summary>
public sealed class ReferenceOptions(ISender sender, PageText text)
{
    /// <summary>Languages a request may be written in (the API's language codes).</summary>
    public static readonly IReadOnlyList<string> RequestLanguages = ["fr", "en", "pt", "ar"];

    public async Task<List<KeyValuePair<string, string>>> StatesAsync(CancellationToken cancellationToken) =>
        [.. (await sender.Send(new GetStatesQuery(), cancellationToken))
            .Select(state => Pair(state.Iso3, Name("state", state.Iso3, state.Name, state.NameFr)))
            .OrderBy(pair => pair.Value, StringComparer.Create(text.Culture, ignoreCase: true))];

    public async Task<List<KeyValuePair<string, string>>> LegalBasesAsync(CancellationToken cancellationToken) =>
        [.. (await sender.Send(new GetLegalBasesQuery(), cancellationToken))
            .Where(basis => basis.IsActive)
            .Select(basis => Pair(basis.Code, Name("legalBasis", basis.Code, basis.Name, basis.NameFr)))];

    public async Task<List<KeyValuePair<string, string>>> CodesAsync(CodeList list, CancellationToken cancellationToken)
    {
        var group = list switch
        {
            CodeList.OffenceCategories => "offence",
            CodeList.AssistanceTypes => "assistance",
            _ => "role",
        };
        return [.. (await sender.Send(new GetCodeListQuery(list), cancellationToken)).Select(code => Pair(code.Code, Name(group, code.Code, code.Name, code.NameFr)))];
    }

    public async Task<List<KeyValuePair<string, string>>> RefusalGroundsAsync(string appliesTo, CancellationToken cancellationToken) =>
        [.. (await sender.Send(new GetRefusalGroundsQuery(), cancellationToken))
            .Where(ground => ground.AppliesTo == appliesTo)
            .Select(ground => Pair(ground.Code, Name("ground", ground.Code, ground.Name, ground.NameFr)))];

    public List<KeyValuePair<string, string>> Languages() =>
        [.. RequestLanguages.Select(code => Pair(code, text[$"requestLanguage.{code}"]))];

    private string Name(string group, string code, string english, string french)
    {
        var named = text.Code(group, code);
        return named != code ? named : text.Language == "fr" ? french : english;
    }

    private static KeyValuePair<string, string> Pair(string code, string name) => new(code, name);
}
