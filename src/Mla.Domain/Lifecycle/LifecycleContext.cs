using Mla.Domain.Requests;

namespace Mla.Domain.Lifecycle;

/// <summary>Facts about the request, beyond its status, that some rows of the lifecycle depend on.</summary>
/// <param name="HasGrantedExtraditionDecision">
/// True once an extradition decision <c>granted</c> or <c>partly-granted</c> has been recorded: a person
/// can only be surrendered after that.
/// </param>
/// <param name="Origin">
/// How the request came into Mla (see <see cref="RequestOrigin"/>): on a request the requested State
/// registered, the requesting State's users follow but do not act, and the requested central authority
/// records the requesting State's withdrawal and information.
/// </param>
public sealed record LifecycleContext(bool HasGrantedExtraditionDecision = false, RequestOrigin Origin = RequestOrigin.Drafted);
