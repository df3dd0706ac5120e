using Mla.Api.Features.Documents;
using Mla.Api.Features.Progress;

namespace Mla.Api.Pages.Requests;

/// <summary>One request as the user's State sees it: details, status, the actions allowed now, documents, annexes, timeline.</summary>
public sealed class ShowModel : MlaPageModel
{
    public RequestDto Current { get; private set; } = null!;

    public TimelineDto Timeline { get; private set; } = null!;

    public IReadOnlyList<DocumentSummaryDto> Documents { get; private set; } = [];

    public IReadOnlyList<AttachmentDto> Annexes { get; private set; } = [];

    public IReadOnlyList<RelatedRequestDto> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Current = await Sender.Send(new GetRequestQuery(id), cancellationToken);
            Timeline = await Sender.Send(new GetTimelineQuery(id), cancellationToken);
            Documents = await Sender.Send(new ListRequestDocumentsQuery(id), cancellationToken);
            Annexes = await Sender.Send(new ListAttachmentsQuery(id), cancellationToken);
            Related = await Sender.Send(new GetRelatedRequestsQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFoundPage();
        }

        return Page();
    }

    /// <summary>Where the button of an allowed action leads: its own short form, or the drafting steps.</summary>
    public string ActionLink(RequestAction action) => action switch
    {
        RequestAction.UpdateDraft => $"/requests/{Current.Id}/draft/basics",
        RequestAction.Transmit => $"/requests/{Current.Id}/draft/review",
        RequestAction.AddAnnex => $"/requests/{Current.Id}/annexes/new",
        _ => $"/requests/{Current.Id}/{action.ToCode()}",
    };
}
