namespace NewsCms.Core.Data;

/// <summary>
/// A key the server makes once and every server process sharing the database then uses, such as the key that signs
/// preview links. Kept in the database so a second process verifies what the first one signed.
/// </summary>
public sealed class ServerSecret
{
    public const int NameMaxLength = 100;

    public required string Name { get; set; }
    public required byte[] Value { get; set; }
    public DateTime CreatedAt { get; set; }
}
