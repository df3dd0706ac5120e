namespace Mla.Domain.Lifecycle;

/// <summary>Facts about the request, beyond its status, that some rows of the lifecycle depend on.</summary>
/// <param name="HasGrantedExtraditionDecision">
/// True once an extradition decision <c>granted</c> or <c>partly-granted</c> has been recorded: a person
/// can only be surrendered after that.
/// </param>
public sealed record LifecycleContext(bool HasGrantedExtraditionDecision = false);
