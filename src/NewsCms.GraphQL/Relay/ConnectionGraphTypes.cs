using GraphQL.Types;
using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Relay;

/// <summary>A Relay connection over a <see cref="Page{T}"/>: edges with cursors, the bare nodes, and page info.</summary>
public class ConnectionGraphType<TNodeGraphType, TEdgeGraphType, T> : ObjectGraphType<Page<T>>
    where TNodeGraphType : IGraphType
    where TEdgeGraphType : IGraphType
{
    public ConnectionGraphType(string nodeName)
    {
        Name = $"{nodeName}Connection";
        Description = $"A page of {nodeName} objects, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>>("edges")
            .Description("The items of this page, each with its cursor.")
            .Resolve(c => c.Source.Items.Select(item => new Edge<T>(item, c.Source.CursorOf(item))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes")
            .Description("The items of this page, when cursors per item are not needed.")
            .Resolve(c => c.Source.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("How to continue from this page.")
            .Resolve(c => PageInfo.Of(c.Source));
    }
}

public sealed record Edge<T>(T Node, string Cursor);

public class EdgeGraphType<TNodeGraphType, T> : ObjectGraphType<Edge<T>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType(string nodeName)
    {
        Name = $"{nodeName}Edge";
        Description = $"A {nodeName} in a page, with its cursor.";
        Field<NonNullGraphType<TNodeGraphType>>("node").Description("The item.").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Where this item sits: pass it as `after` to continue behind it.").Resolve(c => c.Source.Cursor);
    }
}
