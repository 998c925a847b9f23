import SQLite

/// What the database keeps of a secret token (a session cookie, a link): its SHA-256 in hex.
public enum Digest {
    public static func sha256Hex(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }
}
