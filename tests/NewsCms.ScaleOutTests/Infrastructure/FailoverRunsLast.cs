using Xunit.Sdk;
using Xunit.v3;

namespace NewsCms.ScaleOutTests.Infrastructure;

/// <summary>
/// Runs <see cref="FailoverTests"/> after every other class: it kills a replica for good, and the others need all
/// three. The rest run in name order, so a failure is reproduced in the same sequence.
/// </summary>
public sealed class FailoverRunsLast : ITestClassOrderer
{
    public IReadOnlyCollection<TTestClass?> OrderTestClasses<TTestClass>(IReadOnlyCollection<TTestClass?> testClasses)
        where TTestClass : ITestClass =>
        [.. testClasses
            .OrderBy(c => c?.TestClassName == typeof(FailoverTests).FullName)
            .ThenBy(c => c?.TestClassName, StringComparer.Ordinal)];
}
