using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

/// <summary>
/// The figures a request's deadlines are computed with, for its legal bases: declared here so that
/// <see cref="RequestStore"/> keeps the stored schedule in step without knowing the Progress area
/// (implemented by its <c>DeadlineOptions</c>).
/// </summary>
public interface IDeadlineFigures
{
    DeadlineFigures FiguresFor(IEnumerable<string> legalBasisCodes);
}
