using GraphQL.Types;

namespace NewsCms.GraphQL.Relay;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id that can be fetched again through `node(id:)`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global id: opaque, stable, unique across types.");
    }
}
