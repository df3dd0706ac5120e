using Mla.Api.Features.Documents;

namespace Mla.Api.Pages.Requests;

/// <summary>The request's PDF: a DRAFT preview for a draft (in the page's language), the frozen document afterwards.</summary>
public sealed class DocumentModel : MlaPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? language, CancellationToken cancellationToken)
    {
        try
        {
            var file = await Sender.Send(new GetRequestDocumentQuery(id, language), cancellationToken);
            Response.Headers.CacheControl = "no-store";
            return File(file.Content, "application/pdf", file.FileName);
        }
        catch (NotFoundException)
        {
            return NotFoundPage();
        }
    }
}
