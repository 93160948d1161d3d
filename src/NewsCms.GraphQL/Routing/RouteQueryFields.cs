using GraphQL;
using GraphQL.Types;
using NewsCms.Core.Routing;

namespace NewsCms.GraphQL.Routing;

internal static class RouteQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<RouteGraphType>("route")
            .Description("What the site shows at a URL path, for a frontend serving any URL; null when the path names nothing a reader may see (answer 404).")
            .Argument<NonNullGraphType<StringGraphType>>("path", a => a.Description = "The URL path, such as `/articles/rates-hold`; a query string, a fragment and one trailing slash are ignored.")
            .ResolveAsync(async c => await c.Service<RouteResolver>().ResolveAsync(c.GetArgument<string>("path"), c.CancellationToken));
}
