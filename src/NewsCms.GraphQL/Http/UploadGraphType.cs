using GraphQL.Types;
using GraphQLParser.AST;
using NewsCms.Core.Common;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// The file of a multipart request (the GraphQL multipart request spec). Its value can only come from the request's
/// <c>map</c>: a literal in the document or a JSON value in the variables is not a file, and is refused before
/// anything runs.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public const string NotAFileMessage =
        "An Upload is a file sent as a part of a multipart/form-data request and named in its 'map'; it cannot be written in the document or in JSON variables.";

    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent with the request as a part of a `multipart/form-data` body (the GraphQL multipart request spec): "
            + "declare a variable of this type, send `null` for it in `operations` and name the file part in `map`.";
    }

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue ? null : throw NewsCmsException.Invalid("file", NotAFileMessage);

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        Upload upload => upload,
        _ => throw NewsCmsException.Invalid("file", NotAFileMessage),
    };

    public override bool CanParseValue(object? value) => value is null or Upload;

    /// <summary>Files go in, never out.</summary>
    public override object? Serialize(object? value) => null;
}
