using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Mla.Api.Infrastructure.Validation;

/// <summary>
/// Runs beside every message's own validators (registered for every message type) and checks every
/// string the message carries, nested records and lists included, for the characters no text may hold
/// (<see cref="TextInput.Problem"/>): so a field cannot be forgotten, and a new one is covered the day
/// it is added. Line breaks and tabs are allowed here; a one-line field says so in its own validator
/// (<see cref="ValidationRules.MustBeSingleLineText{T}"/>). Secrets (a property named <c>Password</c>)
/// are hashed, never shown, and taken as typed.
/// </summary>
public sealed class TextInputValidator<T> : AbstractValidator<T>
{
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> InputProperties = new();

    public TextInputValidator() =>
        RuleFor(message => message).Custom((message, context) =>
        {
            foreach (var (path, problem) in Problems(message, "", 0))
            {
                context.AddFailure(new ValidationFailure(path, problem));
            }
        });

    private static IEnumerable<(string Path, string Problem)> Problems(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (TextInput.Problem(text, singleLine: false) is { } problem)
                {
                    yield return (path, problem);
                }

                yield break;
            case IEnumerable items when value is not byte[] && depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var found in Problems(item, $"{path}[{index}]", depth + 1))
                    {
                        yield return found;
                    }

                    index++;
                }

                yield break;
            default:
                if (depth >= MaxDepth || !IsRecordLike(value.GetType()))
                {
                    yield break;
                }

                foreach (var property in InputProperties.GetOrAdd(value.GetType(), Discover))
                {
                    var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    foreach (var found in Problems(property.GetValue(value), name, depth + 1))
                    {
                        yield return found;
                    }
                }

                yield break;
        }
    }

    // What a client can send: public properties with a setter (init included); computed ones are not input.
    private static PropertyInfo[] Discover(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is { IsPublic: true } && p.Name != "Password"),
    ];

    // Messages and the records they nest; never framework types (a Guid, a date, an enum has no text).
    private static bool IsRecordLike(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Mla.", StringComparison.Ordinal) == true;
}
