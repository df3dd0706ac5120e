using Mla.Api.Features.Admin;
using Mla.Api.Features.Reference;

namespace Mla.Api.Pages.Admin;

/// <summary>The legal bases (the reference query) and a new one, e.g. a bilateral treaty, through the API's <see cref="AddLegalBasisCommand"/>.</summary>
public sealed class LegalBasesModel : MlaPageModel
{
    public IReadOnlyList<LegalBasisDto> LegalBases { get; private set; } = [];

    [BindProperty]
    public LegalBasisInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        LegalBases = await Sender.Send(new GetLegalBasesQuery(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new AddLegalBasisCommand
        {
            Code = Input.Code ?? "",
            Name = Input.Name ?? "",
            NameFr = Input.NameFr ?? "",
            Category = Input.Category ?? "",
            AppliesToMla = Input.AppliesToMla,
            AppliesToExtradition = Input.AppliesToExtradition,
        };
        if (await TryAsync(() => Sender.Send(command, cancellationToken).AsTask()))
        {
            return Redirect("/admin/legal-bases");
        }

        // The rule on the whole message (MLA, extradition or both) belongs next to the first of its two boxes;
        // a code already taken belongs next to the code.
        MoveErrorsTo("Input.AppliesToMla", "Input");
        if (ProblemStatus == StatusCodes.Status409Conflict)
        {
            ModelState.AddModelError("Input.Code", Text["admin.codeTaken"]);
            (Problem, ProblemDetail) = (Text["problem.invalid"], null);
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public sealed class LegalBasisInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? NameFr { get; set; }

        public string? Category { get; set; }

        public bool AppliesToMla { get; set; }

        public bool AppliesToExtradition { get; set; }
    }
}
