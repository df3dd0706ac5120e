using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Templates;

/// <summary>Turns a request into the blocks of its document, in the order its kind requires.</summary>
internal interface IRequestTemplate
{
    string Kind { get; }

    LayoutDocument Compose(RequestDocumentModel model, Wording wording);
}
