namespace Mla.Api.Web;

/// <summary>What the fields of one drafting step need (shared by the first step, which creates the draft, and the others).</summary>
public sealed record DraftFieldsView(string Step, RequestKind Kind, DraftInput Input, DraftChoices Choices, PageForm Form, PageText Text);
