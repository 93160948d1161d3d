using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace NewsCms.GraphQL;

internal static class ResolveFieldContextExtensions
{
    /// <summary>A service of the current request's scope: loaders are per request, core services singletons.</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}
