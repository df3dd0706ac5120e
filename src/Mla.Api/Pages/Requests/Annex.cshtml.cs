using Mla.Api.Features.Documents;

namespace Mla.Api.Pages.Requests;

/// <summary>Adds an annex to a request (the upload command of the API, with the version shown and an idempotency key).</summary>
public sealed class AnnexModel : MlaPageModel
{
    public RequestDto Current { get; private set; } = null!;

    [BindProperty]
    public AnnexInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindRequestAsync(id, cancellationToken) is not { } current)
        {
            return NotFoundPage();
        }

        Current = current;

        Input = new AnnexInput { Version = Current.Version, IdempotencyKey = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await FindRequestAsync(id, cancellationToken) is not { } current)
        {
            return NotFoundPage();
        }

        Current = current;

        byte[] content = [];
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var command = new UploadAttachmentCommand(id, file?.FileName ?? "", content, string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description, Input.IsTranslation)
        {
            ExpectedVersion = Input.Version,
            IdempotencyKey = Input.IdempotencyKey,
        };
        if (await TryAsync(() => Sender.Send(command, cancellationToken).AsTask(), prefix: "Input"))
        {
            return Redirect($"/requests/{id}");
        }

        // The file itself cannot be kept by the browser: its field names it so the user picks it again.
        foreach (var key in new[] { "Input.FileName", "Input.Content" })
        {
            if (ModelState.TryGetValue(key, out var entry))
            {
                foreach (var error in entry.Errors)
                {
                    ModelState.AddModelError("file", error.ErrorMessage);
                }
            }
        }

        return Page();
    }

    public sealed class AnnexInput
    {
        public int Version { get; set; }

        public string? IdempotencyKey { get; set; }

        public string? Description { get; set; }

        public bool IsTranslation { get; set; }
    }
}
