using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Base of the functional tests whose outcome depends on the database: the fixture runs once per engine
/// (<see cref="TestEngines.All"/>).
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.All))]
public abstract class ApiTest(DatabaseEngine engine) : ApiTestBase(engine);
