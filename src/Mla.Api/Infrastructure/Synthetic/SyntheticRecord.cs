using Mla.Domain.Timeline;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// The digest of a synthetic request's record, computed in memory exactly as
/// <see cref="RequestStore.ReadRecordAsync"/> reads it back from the database (same column maps, same field
/// names, same canonical text), so that each event seals what a reader of the stored record will find.
/// Synthetic requests have no documents nor annexes.
/// </summary>
public static class SyntheticRecord
{
    /// <summary>The fields of the request's content (its columns and child rows): the same after every step.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> ContentFields(RequestContent content)
    {
        List<KeyValuePair<string, object?>> fields = [];
        foreach (var (column, value) in RequestStore.ContentColumns.Values(content))
        {
            fields.Add(KeyValuePair.Create($"requests.{column}", value));
        }

        for (var i = 0; i < content.LegalBases.Count; i++)
        {
            fields.Add(KeyValuePair.Create<string, object?>($"request_legal_bases.{i}.legal_basis_code", content.LegalBases[i]));
        }

        AddChildren(fields, RequestStore.Offences, content.Offences);
        AddChildren(fields, RequestStore.Persons, content.Persons);
        AddChildren(fields, RequestStore.Assistance, content.Assistance);
        return fields;
    }

    /// <summary>The digest of the record once a step left <paramref name="row"/> (its head aside), with what the steps so far recorded.</summary>
    public static string Digest(
        RequestRow row,
        IReadOnlyList<KeyValuePair<string, object?>> contentFields,
        int assistanceItems,
        IReadOnlyList<ItemOutcome>? outcomes,
        (string AppliesTo, IReadOnlyList<string> Codes)? grounds)
    {
        var fields = new Dictionary<string, object?>(96, StringComparer.Ordinal);
        foreach (var (column, value) in RequestStore.RowColumns.Values(row with { LastEventHash = null }))
        {
            fields[$"requests.{column}"] = value;
        }

        // The content's columns after the row's, as the reader does: the columns both name hold the same value.
        foreach (var (name, value) in contentFields)
        {
            fields[name] = value;
        }

        for (var i = 0; i < assistanceItems; i++)
        {
            var outcome = outcomes?[i];
            fields.Add($"request_assistance_items.{i}.outcome", outcome?.Outcome.ToCode());
            fields.Add($"request_assistance_items.{i}.outcome_note", outcome?.Note);
        }

        if (grounds is { } refusal)
        {
            var codes = refusal.Codes.Distinct(StringComparer.Ordinal).Select(code => $"{refusal.AppliesTo}/{code}").Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < codes.Count; i++)
            {
                fields.Add($"request_refusal_grounds.{i}", codes[i]);
            }
        }

        return CanonicalText.Sha256(CanonicalText.OfFields(RequestRecord.FormatHeader, fields));
    }

    private static void AddChildren<T>(List<KeyValuePair<string, object?>> fields, RequestStore.ChildTable<T> table, IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (column, value) in table.Columns.Values(items[i]))
            {
                fields.Add(KeyValuePair.Create($"{table.Table}.{i}.{column}", value));
            }
        }
    }
}
