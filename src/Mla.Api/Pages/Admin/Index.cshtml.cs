using Mla.Api.Features.Admin;

namespace Mla.Api.Pages.Admin;

/// <summary>User accounts (the admin commands of the API): list, create, disable.</summary>
public sealed class IndexModel : MlaPageModel
{
    public IReadOnlyList<UserDto> Users { get; private set; } = [];

    public List<KeyValuePair<string, string>> States { get; private set; } = [];

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var command = new CreateUserCommand
        {
            Username = Input.Username ?? "",
            DisplayName = Input.DisplayName ?? "",
            Password = Input.Password ?? "",
            Role = Input.Role ?? "",
            State = DraftInput.Blank(Input.State),
            Network = DraftInput.Blank(Input.Network),
            FunctionTitle = DraftInput.Blank(Input.FunctionTitle),
            Email = DraftInput.Blank(Input.Email),
        };
        if (await TryAsync(() => Sender.Send(command, cancellationToken).AsTask()))
        {
            return Redirect("/admin");
        }

        Input.Password = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Sender.Send(new DisableUserCommand(userId), cancellationToken).AsTask(), prefix: ""))
        {
            return Redirect("/admin");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await Sender.Send(new ListUsersQuery(), cancellationToken);
        States = await new ReferenceOptions(Sender, Text).StatesAsync(cancellationToken);
    }

    public sealed class UserInput
    {
        public string? Username { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public string? Role { get; set; }

        public string? State { get; set; }

        public string? Network { get; set; }

        public string? FunctionTitle { get; set; }

        public string? Email { get; set; }
    }
}
