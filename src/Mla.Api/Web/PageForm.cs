using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mla.Api.Web;

/// <summary>
/// Accessible form fields, written once: a label tied to its field, the hint and the error announced with it
/// (<c>aria-describedby</c>, <c>aria-invalid</c>), and the value as typed when the form comes back refused.
/// </summary>
public sealed class PageForm(ModelStateDictionary modelState, PageText text)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string IdOf(string name) => "f-" + new string([.. name.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).ToLowerInvariant();

    public IHtmlContent Text(string name, string labelKey, string? value, bool required = false, string? hintKey = null, string type = "text", string? autocomplete = null) =>
        Wrap(name, labelKey, hintKey, required, describedBy =>
            $"<input type=\"{type}\" id=\"{IdOf(name)}\" name=\"{E(name)}\" value=\"{E(value)}\"{Required(required)}{Invalid(name)}{describedBy}{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}>");

    public IHtmlContent Date(string name, string labelKey, string? value, bool required = false, string? hintKey = null) =>
        Text(name, labelKey, value, required, hintKey ?? "hint.date", "date");

    public IHtmlContent TextArea(string name, string labelKey, string? value, bool required = false, string? hintKey = null, int rows = 5) =>
        Wrap(name, labelKey, hintKey, required, describedBy =>
            $"<textarea id=\"{IdOf(name)}\" name=\"{E(name)}\" rows=\"{rows}\"{Required(required)}{Invalid(name)}{describedBy}>{E(value)}</textarea>");

    public IHtmlContent Select(string name, string labelKey, string? value, IEnumerable<KeyValuePair<string, string>> options, bool required = false, bool blank = true, string? hintKey = null) =>
        Wrap(name, labelKey, hintKey, required, describedBy =>
        {
            var html = new System.Text.StringBuilder();
            html.Append(CultureInfo.InvariantCulture, $"<select id=\"{IdOf(name)}\" name=\"{E(name)}\"{Required(required)}{Invalid(name)}{describedBy}>");
            if (blank)
            {
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{E(text["choose"])}</option>");
            }

            foreach (var (code, label) in options)
            {
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(code)}\"{(code == value ? " selected" : "")}>{E(label)}</option>");
            }

            return html.Append("</select>").ToString();
        });

    public IHtmlContent Checkbox(string name, string labelKey, bool value, string? hintKey = null)
    {
        var id = IdOf(name);
        var hint = hintKey is null ? "" : $"<span class=\"hint\" id=\"{id}-hint\">{E(text[hintKey])}</span>";
        var described = Described(name, hintKey);
        return new HtmlString($"<div class=\"field check{(HasError(name) ? " has-error" : "")}\"><input type=\"checkbox\" id=\"{id}\" name=\"{E(name)}\" value=\"true\"{(value ? " checked" : "")}{Invalid(name)}{described}>"
            + $"<label for=\"{id}\">{E(text[labelKey])}</label>{hint}{Error(name)}</div>");
    }

    /// <summary>A group of checkboxes sharing one name (a list of codes), in a fieldset with its legend.</summary>
    public IHtmlContent CheckboxList(string name, string legendKey, IEnumerable<string> selected, IEnumerable<KeyValuePair<string, string>> options, bool required = false)
    {
        var chosen = selected.ToHashSet(StringComparer.Ordinal);
        var id = IdOf(name);
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"field{(HasError(name) ? " has-error" : "")}\" id=\"{id}\"{(HasError(name) ? $" aria-describedby=\"{id}-error\"" : "")}><legend>{E(text[legendKey])}{(required ? RequiredMark() : "")}</legend>");
        var i = 0;
        foreach (var (code, label) in options)
        {
            var optionId = $"{id}-{i++}";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"check\"><input type=\"checkbox\" id=\"{optionId}\" name=\"{E(name)}\" value=\"{E(code)}\"{(chosen.Contains(code) ? " checked" : "")}><label for=\"{optionId}\">{E(label)}</label></div>");
        }

        return new HtmlString(html.Append(Error(name)).Append("</fieldset>").ToString());
    }

    /// <summary>Every error of the form, each a link to its field, announced when the page opens.</summary>
    public IHtmlContent ErrorSummary(string? problem, string? detail)
    {
        var errors = modelState.Where(entry => entry.Value?.Errors.Count > 0).ToList();
        if (errors.Count == 0 && problem is null)
        {
            return HtmlString.Empty;
        }

        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\"><h2>{E(text["errors.title"])}</h2>");
        if (problem is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">{E(problem)}</p>");
        }

        if (detail is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"problem-detail\" lang=\"en\">{E(detail)}</p>");
        }

        if (errors.Count > 0)
        {
            html.Append("<ul>");
            foreach (var (key, entry) in errors)
            {
                foreach (var error in entry!.Errors)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{IdOf(key)}\">{E(error.ErrorMessage)}</a></li>");
                }
            }

            html.Append("</ul>");
        }

        return new HtmlString(html.Append("</div>").ToString());
    }

    private HtmlString Wrap(string name, string labelKey, string? hintKey, bool required, Func<string, string> control)
    {
        var id = IdOf(name);
        var hint = hintKey is null ? "" : $"<span class=\"hint\" id=\"{id}-hint\">{E(text[hintKey])}</span>";
        return new HtmlString($"<div class=\"field{(HasError(name) ? " has-error" : "")}\"><label for=\"{id}\">{E(text[labelKey])}{(required ? RequiredMark() : "")}</label>{hint}{Error(name)}{control(Described(name, hintKey))}</div>");
    }

    private string RequiredMark() => $" <span class=\"required\">({E(text["required"])})</span>";

    private string Described(string name, string? hintKey)
    {
        var ids = new List<string>();
        if (hintKey is not null)
        {
            ids.Add($"{IdOf(name)}-hint");
        }

        if (HasError(name))
        {
            ids.Add($"{IdOf(name)}-error");
        }

        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    private bool HasError(string name) => modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;

    private string Invalid(string name) => HasError(name) ? " aria-invalid=\"true\"" : "";

    private static string Required(bool required) => required ? " aria-required=\"true\"" : "";

    private string Error(string name) => HasError(name)
        ? $"<span class=\"error\" id=\"{IdOf(name)}-error\">{E(text["error.prefix"])} {E(string.Join(" ", modelState[name]!.Errors.Select(e => e.ErrorMessage)))}</span>"
        : "";

    private static string E(string? value) => Encoder.Encode(value ?? "");
}
