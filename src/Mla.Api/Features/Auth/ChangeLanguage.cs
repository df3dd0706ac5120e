namespace Mla.Api.Features.Auth;

/// <summary>The signed-in user's language, for the interface and the e-mail notices; their own account only.</summary>
/// <param name="Language"><c>fr</c>, <c>en</c> or <c>pt</c>.</param>
public sealed record ChangeLanguageCommand(string Language) : ICommand<MeDto>;

public sealed class ChangeLanguageValidator : AbstractValidator<ChangeLanguageCommand>
{
    public ChangeLanguageValidator() => RuleFor(command => command.Language).NotEmpty().MustBeOneOf(UserLanguages.All);
}

public sealed class ChangeLanguageHandler(IDbSession session, ICurrentUser currentUser, MeReader reader) : ICommandHandler<ChangeLanguageCommand, MeDto>
{
    private const string ChangeSql = "UPDATE users SET language_code = @language WHERE id = @id";

    public async ValueTask<MeDto> Handle(ChangeLanguageCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(ChangeSql, new { id = currentUser.Id, language = command.Language }, cancellationToken);
        return await reader.ReadAsync(cancellationToken);
    }
}
