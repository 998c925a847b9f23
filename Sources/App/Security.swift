import CCrypt
import Foundation
import Store

/// Random tokens from the system's secure generator (getrandom via SystemRandomNumberGenerator).
enum Tokens {
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: count)
        var index = 0
        while index < count {
            var word = generator.next()
            for _ in 0..<8 where index < count {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
        return bytes
    }

    /// 32 random bytes as URL-safe base64 without padding (43 characters): cookie values, links.
    static func newToken() -> String { base64URL(randomBytes(32)) }

    /// What the database stores of a token: its SHA-256 in hex.
    static func hash(_ token: String) -> String { Digest.sha256Hex(token) }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two strings in time that depends only on their lengths.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// Passwords are stored only as yescrypt hashes made by libxcrypt.
public enum PasswordHasher {
    public struct Failure: Error, CustomStringConvertible {
        public var call: String
        public var errno: Int32
        public var description: String { "\(call) failed (errno \(errno))" }
    }

    /// A new `$y$` hash of libxcrypt's default cost with a fresh salt from the system's generator.
    public static func hash(_ password: String) throws -> String {
        try hash(password, cost: 0)
    }

    /// A new `$y$` hash with a fresh salt from the system's generator.
    ///
    /// - Parameter cost: libxcrypt's yescrypt cost, 1 to 11; 0 is its default (5), which every
    ///   account of a real database gets. The tests' template databases seed their demo accounts
    ///   with cost 1 so that a log-in through the form does not cost a tenth of a second per test;
    ///   `verify` reads the cost from the stored hash, so both verify the same way.
    public static func hash(_ password: String, cost: UInt) throws -> String {
        let entropy = Tokens.randomBytes(32)
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let ok = entropy.withUnsafeBufferPointer { random -> Bool in
            random.withMemoryRebound(to: CChar.self) { chars in
                crypt_gensalt_rn("$y$", cost, chars.baseAddress, Int32(chars.count), &setting, Int32(setting.count)) != nil
            }
        }
        guard ok else { throw Failure(call: "crypt_gensalt_rn", errno: errno) }
        let prefix = String(cString: setting)
        guard let hashed = crypt(password, setting: prefix), hashed.hasPrefix("$y$") else {
            throw Failure(call: "crypt_r", errno: errno)
        }
        return hashed
    }

    /// Whether `password` matches `hash`; the comparison runs in constant time.
    public static func verify(_ password: String, hash: String) -> Bool {
        guard hash.hasPrefix("$y$"), let computed = crypt(password, setting: hash) else { return false }
        return Tokens.constantTimeEquals(computed, hash)
    }

    /// A fixed hash to verify against when an e-mail is unknown, so a log-in for an unknown
    /// address costs the same time as one for a known address.
    static let decoy: String = (try? hash("decoy password that never matches")) ?? "$y$j9T$decoy$"

    static func crypt(_ password: String, setting: String) -> String? {
        // struct crypt_data is 32 KiB: on the heap, zeroed as libxcrypt asks on first use.
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { data.deallocate() }
        memset(data, 0, MemoryLayout<crypt_data>.size)
        guard let result = crypt_r(password, setting, data) else { return nil }
        let text = String(cString: result)
        // Failures are reported as a string starting with '*'.
        return text.hasPrefix("*") ? nil : text
    }
}
