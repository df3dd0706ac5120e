using System.Buffers.Text;
using System.Text;
using Dapper;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Where a page of the list ended: the sort, its direction, and the last request's sort value and id.
/// Given back as <c>after</c>, it asks for the requests that come after that one in the same order,
/// whatever was added or changed since, so a user paging through the newest requests while others arrive
/// never sees one twice nor misses one; and each page is read from the index where the last one ended,
/// however deep. Opaque to callers (base64url); a cursor of another sort or order is refused.
/// </summary>
public sealed record PageCursor(RequestSort Sort, bool Ascending, object? Value, Guid Id)
{
    /// <summary>The cursor of <paramref name="last"/>, the last request of a page sorted by <paramref name="sort"/>.</summary>
    public static PageCursor After(RequestSummaryDto last, RequestSort sort, bool ascending)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new PageCursor(sort, ascending, RequestSearch.SortValue(sort, last), last.Id);
    }

    public string Encode()
    {
        var value = Value switch
        {
            null => "",
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string reference => reference,
            _ => throw new InvalidOperationException($"No text for a sort value of type {Value.GetType().Name}."),
        };
        var cursor = string.Join('|', Sort.ToCode(), Ascending ? "asc" : "desc", Value is null ? "-" : "+", Id.ToString("N"), value);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(cursor));
    }

    /// <summary>The cursor in <paramref name="text"/>, or null when it is not one Mla wrote.</summary>
    public static PageCursor? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 400)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|', 5);
            if (parts is not [var sortCode, var order, var hasValue, var id, var value]
                || !KebabCode.AllCodes<RequestSort>().Contains(sortCode) || order is not ("asc" or "desc") || hasValue is not ("+" or "-")
                || !Guid.TryParseExact(id, "N", out var requestId))
            {
                return null;
            }

            var sort = KebabCode.Parse<RequestSort>(sortCode);
            if (hasValue == "-")
            {
                return sort is RequestSort.Created or RequestSort.Updated ? null : new PageCursor(sort, order == "asc", null, requestId);
            }

            object? parsed = sort switch
            {
                RequestSort.Created or RequestSort.Updated =>
                    DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null,
                RequestSort.Reference => value.Length is > 0 and <= 40 ? value : null,
                _ => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            };
            return parsed is null ? null : new PageCursor(sort, order == "asc", parsed, requestId);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The condition "comes after this cursor" on the request aliased <c>r</c>, in the order of
    /// <see cref="RequestSearch.Order(ListRequestsQuery)"/>: the sort column, requests without it last, ties by id.
    /// </summary>
    public string Condition(string column, DynamicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var beyond = Ascending ? ">" : "<";
        parameters.Add("after_id", Id);
        if (Value is null)
        {
            return $"({column} IS NULL AND r.id {beyond} @after_id)";
        }

        parameters.Add("after_value", Value);
        // The first term is a range an index on (State, column, id) serves; the rest breaks the ties.
        var afterValue = $"{column} {beyond}= @after_value AND ({column} {beyond} @after_value OR r.id {beyond} @after_id)";
        return Sort is RequestSort.Created or RequestSort.Updated ? $"({afterValue})" : $"(({afterValue}) OR {column} IS NULL)";
    }
}
