using Mla.Api.Features.Reference;

namespace Mla.Api.Web;

/// <summary>The reference lists the drafting forms offer, loaded once per page.</summary>
public sealed class DraftChoices
{
    public List<KeyValuePair<string, string>> States { get; init; } = [];

    public List<KeyValuePair<string, string>> LegalBases { get; init; } = [];

    public List<KeyValuePair<string, string>> OffenceCategories { get; init; } = [];

    public List<KeyValuePair<string, string>> AssistanceTypes { get; init; } = [];

    public List<KeyValuePair<string, string>> PersonRoles { get; init; } = [];

    public List<KeyValuePair<string, string>> Languages { get; init; } = [];

    public static async Task<DraftChoices> LoadAsync(ISender sender, PageText text, CancellationToken cancellationToken)
    {
        var options = new ReferenceOptions(sender, text);
        return new DraftChoices
        {
            States = await options.StatesAsync(cancellationToken),
            LegalBases = await options.LegalBasesAsync(cancellationToken),
            OffenceCategories = await options.CodesAsync(CodeList.OffenceCategories, cancellationToken),
            AssistanceTypes = await options.CodesAsync(CodeList.AssistanceTypes, cancellationToken),
            PersonRoles = await options.CodesAsync(CodeList.PersonRoles, cancellationToken),
            Languages = options.Languages(),
        };
    }
}
