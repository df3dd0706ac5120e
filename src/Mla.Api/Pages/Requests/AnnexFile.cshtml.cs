using Mla.Api.Features.Documents;

namespace Mla.Api.Pages.Requests;

/// <summary>One annex, downloaded (never shown inline: it is the sender's file).</summary>
public sealed class AnnexFileModel : MlaPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        try
        {
            var file = await Sender.Send(new GetAttachmentQuery(id, attachmentId), cancellationToken);
            Response.Headers.CacheControl = "no-store";
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (NotFoundException)
        {
            return NotFoundPage();
        }
    }
}
