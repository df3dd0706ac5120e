using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests;

/// <summary>Assembly-wide set-up: tears down every engine's database at the end of the run.</summary>
[SetUpFixture]
public sealed class TestRunSetUp
{
    [OneTimeTearDown]
    public async Task DisposeEnvironments() => await EngineEnvironment.DisposeAllAsync();
}
