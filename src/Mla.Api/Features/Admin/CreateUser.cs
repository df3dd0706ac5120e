using Microsoft.AspNetCore.Identity;
using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.Audit;
using Mla.Domain.Access;

namespace Mla.Api.Features.Admin;

public sealed record CreateUserCommand : UserIdentity, ICommand<UserDto>
{
    public required string Password { get; init; }

    public string? FunctionTitle { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}

public sealed record UserDto : UserIdentity
{
    public Guid Id { get; init; }

    public string? FunctionTitle { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public bool IsDisabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public static UserDto From(UserAccount account) => new()
    {
        Id = account.Id,
        Username = account.Username,
        DisplayName = account.DisplayName,
        Role = account.Role,
        State = account.State,
        Network = account.Network,
        FunctionTitle = account.FunctionTitle,
        Email = account.Email,
        Phone = account.Phone,
        IsDisabled = account.IsDisabled,
        CreatedAt = account.CreatedAt,
    };
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public const int MinimumPasswordLength = 12;

    private const string StateExistsSql = "SELECT COUNT(*) FROM states WHERE iso3 = @code";

    private const string NetworkExistsSql = "SELECT COUNT(*) FROM networks WHERE code = @code";

    public CreateUserValidator(IDbSession session)
    {
        // A rule stops at its first failure: a code in the wrong form is reported, never looked up.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(command => command.Username).NotEmpty().MaximumLength(100)
            .Matches(@"\A[a-z0-9][a-z0-9._-]{1,99}\z").WithMessage("Use 2 to 100 lower-case letters, digits, dots, dashes or underscores.");
        RuleFor(command => command.DisplayName).NotEmpty().MaximumLength(200).MustBeSingleLineText();
        RuleFor(command => command.Password).NotEmpty().MinimumLength(MinimumPasswordLength).MaximumLength(500);
        RuleFor(command => command.Role).MustBeOneOf(KebabCode.AllCodes<Role>());
        RuleFor(command => command.FunctionTitle).MaximumLength(200).MustBeSingleLineText();
        RuleFor(command => command.Email).MaximumLength(200).MustBeSingleLineText().EmailAddress().When(command => !string.IsNullOrEmpty(command.Email));
        RuleFor(command => command.Phone).MaximumLength(100).MustBeSingleLineText();

        // Codes are accepted in the one form they are stored in (States upper-case, networks lower-case)
        // and stored as sent: normalising after an exact lookup would behave differently on an engine
        // whose comparisons ignore case.
        When(command => command.Role is "central-authority" or "focal-point" or "prosecutor", () =>
        {
            RuleFor(command => command.State).NotEmpty().WithMessage("This role belongs to a State: give its ISO3 code.")
                .MustBeStateCodeForm()
                .MustAsync(async (code, ct) => await session.ExecuteScalarAsync<long>(StateExistsSql, new { code }, ct) == 1)
                .WithMessage("Unknown State.");
            RuleFor(command => command.Network).Empty().WithMessage("Only a secretariat belongs to a network.");
        });
        When(command => command.Role == "secretariat", () =>
        {
            RuleFor(command => command.Network).NotEmpty().WithMessage("A secretariat belongs to a network.")
                .Matches(@"\A[a-z0-9-]{2,20}\z").WithMessage("Use the network's lower-case code, e.g. sjcp.")
                .MustAsync(async (code, ct) => await session.ExecuteScalarAsync<long>(NetworkExistsSql, new { code }, ct) == 1)
                .WithMessage("Unknown network.");
            RuleFor(command => command.State).Empty().WithMessage("A secretariat belongs to a network, not a State.");
        });
        When(command => command.Role == "admin", () =>
        {
            RuleFor(command => command.State).Empty().WithMessage("An administrator belongs to no State.");
            RuleFor(command => command.Network).Empty().WithMessage("An administrator belongs to no network.");
        });
    }
}

public sealed class CreateUserHandler(
    IDbSession session,
    IPasswordHasher<UserAccount> hasher,
    AuditTrail audit,
    TimeProvider time) : ICommandHandler<CreateUserCommand, UserDto>
{
    private const string UsernameTakenSql = "SELECT COUNT(*) FROM users WHERE username = @username";

    private const string InsertSql = """
        INSERT INTO users (id, username, display_name, function_title, email, phone, role, state_iso3, network_code, password_hash, created_at)
        VALUES (@Id, @Username, @DisplayName, @FunctionTitle, @Email, @Phone, @Role, @State, @Network, @PasswordHash, @CreatedAt)
        """;

    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>(UsernameTakenSql, new { username = command.Username }, cancellationToken) > 0)
        {
            throw new ConflictException($"The username {command.Username} is already taken.");
        }

        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            Username = command.Username,
            DisplayName = command.DisplayName.Trim(),
            FunctionTitle = command.FunctionTitle,
            Email = command.Email,
            Phone = command.Phone,
            Role = command.Role,
            State = command.State,
            Network = command.Network,
            CreatedAt = time.GetUtcNow(),
        };
        account = account with { PasswordHash = hasher.HashPassword(account, command.Password) };
        await session.ExecuteAsync(InsertSql, account, cancellationToken);
        await audit.RecordAsync("create-user", "user", account.Username, new { account.Role, account.State, account.Network }, cancellationToken);
        return UserDto.From(account);
    }
}
