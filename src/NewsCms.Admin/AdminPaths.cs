namespace NewsCms.Admin;

/// <summary>Where the admin lives; the host mounts it here and the cookie handler sends strangers to sign in.</summary>
public static class AdminPaths
{
    public const string Home = "/admin";
    public const string Account = "/admin/account";
    public const string SignIn = "/admin/account/sign-in";
    public const string SignOut = "/admin/account/sign-out";
    public const string Setup = "/admin/account/setup";
    public const string NotFound = "/admin/not-found";
    public const string Security = "/admin/security";

    /// <summary>The WebAuthn ceremony's endpoints, called by admin.js: options out, the browser's credential in.</summary>
    public const string PasskeyCreationOptions = "/admin/account/passkeys/creation-options";
    public const string PasskeyRegistration = "/admin/account/passkeys";
    public const string PasskeyRequestOptions = "/admin/account/passkeys/request-options";

    /// <summary>The sign-in page that brings the editor back to <paramref name="relativePath"/> afterwards.</summary>
    public static string SignInReturningTo(string relativePath) =>
        $"{SignIn}?returnUrl={Uri.EscapeDataString("/" + relativePath.TrimStart('/'))}";

    /// <summary>
    /// Only paths inside the admin are followed after sign-in: a link that returns to another site would let anyone
    /// borrow our sign-in page for phishing.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null
        && returnUrl.StartsWith(Home, StringComparison.Ordinal)
        && !returnUrl.StartsWith(Account, StringComparison.Ordinal)
        && !returnUrl.Contains("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : Home;
}
