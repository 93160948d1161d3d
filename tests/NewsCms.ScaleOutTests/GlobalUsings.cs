global using NewsCms.ScaleOutTests.Infrastructure;
global using NewsCms.Testing;
global using Xunit;

// The failover test kills a replica, so it runs after every test that needs all three (see FailoverRunsLast).
[assembly: TestClassOrderer(typeof(FailoverRunsLast))]
