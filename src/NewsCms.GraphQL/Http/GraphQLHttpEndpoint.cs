using System.Diagnostics;
using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsCms.Core.Media;
using NewsCms.GraphQL.Execution;

namespace NewsCms.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (the GraphQL Foundation's spec): POST with JSON, GET for queries, both response media types with
/// the status codes each asks for, persisted document ids, bounded bodies. The rest is the executer's job.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<NewsCmsSchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLEndpointOptions> options,
    IOptions<MediaOptions> mediaOptions)
{
    /// <summary>Headers a browser only sends after a CORS preflight, which a cross-site form cannot trigger.</summary>
    public static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "Apollo-Require-Preflight"];

    private static readonly IValidationRule[] GetRules = [QueriesOnlyOverGetRule.Instance];

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteProblemAsync(http, ResponseMediaType.Json, new RequestProblem("Use GET or POST.", StatusCodes.Status405MethodNotAllowed));
            return;
        }

        if (ResponseMediaTypes.Negotiate(request) is not { } mediaType)
        {
            await WriteProblemAsync(http, ResponseMediaType.Json, new RequestProblem(
                $"Accept {ResponseMediaTypes.GraphQLResponseJson} or {ResponseMediaTypes.Json}.", StatusCodes.Status406NotAcceptable));
            return;
        }

        if (HttpMethods.IsPost(request.Method) && MultipartRequestReader.IsMultipart(request))
        {
            await HandleMultipartAsync(http, mediaType);
            return;
        }

        var limit = http.User.Identity?.IsAuthenticated == true ? options.Value.MaxStaffRequestBytes : options.Value.MaxRequestBytes;
        var (graphQLRequest, problem) = await GraphQLHttpRequestReader.ReadAsync(request, limit);
        if (problem is not null)
        {
            await WriteProblemAsync(http, mediaType, problem);
            return;
        }

        await ExecuteAsync(http, mediaType, graphQLRequest!);
    }

    /// <summary>
    /// Uploads. Only staff may send them, so anonymous callers are turned away before a byte of the body is read. A
    /// form on another site can post multipart/form-data with the staff cookie, so a header no form can set is
    /// required too (as Apollo Server does).
    /// </summary>
    private async Task HandleMultipartAsync(HttpContext http, ResponseMediaType mediaType)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(http, mediaType, new RequestProblem(
                "Uploads are for signed-in staff: sign in or send an API token.", StatusCodes.Status401Unauthorized, "UNAUTHENTICATED"));
            return;
        }

        if (!PreflightHeaders.Any(header => !string.IsNullOrWhiteSpace(http.Request.Headers[header])))
        {
            await WriteProblemAsync(http, mediaType, new RequestProblem(
                "A multipart/form-data request must carry a non-empty 'GraphQL-Preflight' (or 'Apollo-Require-Preflight') header, "
                + "which a cross-site form cannot send."));
            return;
        }

        var limit = MaxMultipartBytes;
        if (http.Request.ContentLength > limit)
        {
            await WriteProblemAsync(http, mediaType, GraphQLHttpRequestReader.TooLarge(limit));
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        var files = new UploadedFiles();
        http.Response.RegisterForDisposeAsync(files);
        (GraphQLHttpRequest? Request, RequestProblem? Problem) read;
        try
        {
            http.Request.Body = new BoundedReadStream(http.Request.Body, limit);
            read = await MultipartRequestReader.ReadAsync(http.Request, options.Value.MaxStaffRequestBytes, files, http.RequestAborted);
        }
        catch (Exception e) when (e is BoundedReadStream.TooLongException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            read = (null, GraphQLHttpRequestReader.TooLarge(limit));
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && !http.RequestAborted.IsCancellationRequested))
        {
            read = (null, new RequestProblem($"The multipart/form-data body is malformed: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return; // the client hung up mid-file: nobody to answer, and its spooled files go with the request
        }

        if (read.Problem is not null)
        {
            await WriteProblemAsync(http, mediaType, read.Problem);
            return;
        }

        await ExecuteAsync(http, mediaType, read.Request!);
    }

    /// <summary>The largest file the media library takes, and room for the operations and map beside it.</summary>
    private long MaxMultipartBytes
    {
        get
        {
            var media = mediaOptions.Value;
            return Math.Max(media.MaxImageBytes, Math.Max(media.MaxVideoBytes, media.MaxDocumentBytes)) + options.Value.MaxStaffRequestBytes + 64 * 1024;
        }
    }

    private async Task ExecuteAsync(HttpContext http, ResponseMediaType mediaType, GraphQLHttpRequest graphQLRequest)
    {
        ExecutionOptions execution;
        try
        {
            execution = ExecutionOptionsFor(http, graphQLRequest);
        }
        catch (InvalidUploadPathException e)
        {
            await WriteProblemAsync(http, mediaType, new RequestProblem(e.Message));
            return;
        }

        var result = await executer.ExecuteAsync(execution);
        await WriteResultAsync(http, mediaType, graphQLRequest, result, PrivateResponses.IsMarked(execution.UserContext));
    }

    private ExecutionOptions ExecutionOptionsFor(HttpContext http, GraphQLHttpRequest request)
    {
        var execution = new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = UploadVariables.Place(request.Variables is { } variables ? serializer.ReadNode<Inputs>(variables) : null, request.Uploads),
            Extensions = request.Extensions is { } extensions ? serializer.ReadNode<Inputs>(extensions) : null,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        };
        execution.UserContext[UnhandledExceptionHandler.TraceIdKey] = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        ClientAddress.Remember(execution.UserContext, http);
        if (request.IsGet)
        {
            execution.ValidationRules = DocumentValidator.CoreRules.Concat(GetRules);
            execution.CachedDocumentValidationRules = GetRules;
        }

        return execution;
    }

    private async Task WriteResultAsync(HttpContext http, ResponseMediaType mediaType, GraphQLHttpRequest request, ExecutionResult result, bool isPrivate)
    {
        var response = http.Response;
        // GraphQL.NET files every validation error under the code VALIDATION_ERROR; the rule's own code is its number.
        if (request.IsGet && result.Errors?.Any(e => e is ValidationError { Number: QueriesOnlyOverGetRule.Code }) == true)
        {
            response.Headers.Allow = "POST";
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        }
        else
        {
            // Only the newer media type may say with a status code that the request never executed.
            response.StatusCode = !result.Executed && mediaType == ResponseMediaType.GraphQLResponseJson
                ? StatusCodes.Status400BadRequest
                : StatusCodes.Status200OK;
        }

        var maxAge = options.Value.GetCacheMaxAgeSeconds;
        response.Headers.CacheControl = request.IsGet && maxAge > 0 && response.StatusCode == 200 && result.Errors is null
            && http.User.Identity?.IsAuthenticated != true && !isPrivate
            ? $"public, max-age={maxAge}"
            : "no-store";
        response.Headers.Vary = HeaderNames.Accept;
        response.ContentType = ResponseMediaTypes.ContentTypeOf(mediaType);
        await serializer.WriteAsync(response.Body, result, http.RequestAborted);
    }

    private async Task WriteProblemAsync(HttpContext http, ResponseMediaType mediaType, RequestProblem problem)
    {
        var response = http.Response;
        // A request we could not even read is the client's fault whatever it accepts; only executed documents use 200.
        response.StatusCode = problem.FixedStatusCode ?? StatusCodes.Status400BadRequest;
        response.Headers.CacheControl = "no-store";
        response.ContentType = ResponseMediaTypes.ContentTypeOf(mediaType);
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(problem.Message) { Code = problem.Code });
        await serializer.WriteAsync(response.Body, result, http.RequestAborted);
    }
}
