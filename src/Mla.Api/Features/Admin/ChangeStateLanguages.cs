using FluentValidation;
using Mediator;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Audit;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Api.Infrastructure.Validation;

namespace Mla.Api.Features.Admin;

/// <summary>Replaces the languages in which a State accepts requests, in order of preference.</summary>
public sealed record ChangeStateLanguagesCommand(string State, IReadOnlyList<string> Languages) : ICommand<StateDto>;

public sealed class ChangeStateLanguagesValidator : AbstractValidator<ChangeStateLanguagesCommand>
{
    private const string LanguageExistsSql = "SELECT COUNT(*) FROM languages WHERE code = @code";

    public ChangeStateLanguagesValidator(IDbSession session)
    {
        // A rule stops at its first failure: a null list is reported, never read, and a code in another
        // form than the stored one (lower-case) is refused rather than looked up.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(command => command.Languages).NotEmpty().WithMessage("A State accepts at least one language.")
            .Must(languages => languages.Distinct().Count() == languages.Count).WithMessage("A language is listed twice.");
        RuleForEach(command => command.Languages).NotEmpty().MustBeLanguageCode()
            .MustAsync(async (code, ct) => await session.ExecuteScalarAsync<long>(LanguageExistsSql, new { code }, ct) == 1)
            .WithMessage("Unknown language code.");
    }
}

public sealed class ChangeStateLanguagesHandler(IDbSession session, AuditTrail audit, ISender sender)
    : ICommandHandler<ChangeStateLanguagesCommand, StateDto>
{
    private const string StateExistsSql = "SELECT COUNT(*) FROM states WHERE iso3 = @state";

    private const string CurrentSql = "SELECT language_code FROM state_languages WHERE state_iso3 = @state ORDER BY preference";

    private const string DeleteSql = "DELETE FROM state_languages WHERE state_iso3 = @state";

    private const string InsertSql = "INSERT INTO state_languages (state_iso3, language_code, preference) VALUES (@state, @language, @preference)";

    public async ValueTask<StateDto> Handle(ChangeStateLanguagesCommand command, CancellationToken cancellationToken)
    {
        var state = command.State.ToUpperInvariant();
        if (await session.ExecuteScalarAsync<long>(StateExistsSql, new { state }, cancellationToken) == 0)
        {
            throw new NotFoundException($"No State {state}.");
        }

        var before = await session.QueryAsync<string>(CurrentSql, new { state }, cancellationToken);
        await session.ExecuteAsync(DeleteSql, new { state }, cancellationToken);
        for (var i = 0; i < command.Languages.Count; i++)
        {
            await session.ExecuteAsync(InsertSql, new { state, language = command.Languages[i], preference = i + 1 }, cancellationToken);
        }

        await audit.RecordAsync("change-state-languages", "state", state, new { before, after = command.Languages }, cancellationToken);
        var states = await sender.Send(new GetStatesQuery(), cancellationToken);
        return states.Single(dto => dto.Iso3 == state);
    }
}
