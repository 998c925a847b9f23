import Testing
@testable import OTP

@Suite("HMAC-SHA1, HOTP and TOTP")
struct TOTPTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(hex)
        while chars.count >= 2 {
            out.append(UInt8(String(chars[0...1]), radix: 16) ?? 0)
            chars.removeFirst(2)
        }
        return out
    }

    @Test("SHA-1 gives the FIPS 180 example digests")
    func sha1Examples() {
        #expect(SHA1.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(SHA1.hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("HMAC-SHA1 gives the seven RFC 2202 test vectors")
    func hmacVectors() {
        let cases: [(key: [UInt8], data: [UInt8], digest: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b617318655057264e28bc0b6fb378c8ef146be00"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
            ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
            (Array(1...25), [UInt8](repeating: 0xcd, count: 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
            ([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
            ([UInt8](repeating: 0xaa, count: 80), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
            ([UInt8](repeating: 0xaa, count: 80),
             Array("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".utf8),
             "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
        ]
        for item in cases {
            #expect(SHA1.hex(SHA1.hmac(key: item.key, message: item.data)) == item.digest)
        }
    }

    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test("HOTP gives the RFC 4226 appendix D values for counters 0 to 9")
    func hotpVectors() {
        let expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
        for (counter, code) in expected.enumerated() {
            #expect(TOTP.hotp(secret: TOTPTests.rfcSecret, counter: UInt64(counter), digits: 6) == code)
        }
    }

    @Test("TOTP gives the RFC 6238 appendix B SHA-1 values with 8 digits, and their last 6 digits with 6")
    func totpVectors() {
        let expected: [(Int64, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
        let eight = TOTP(secret: TOTPTests.rfcSecret, digits: 8)
        let six = TOTP(secret: TOTPTests.rfcSecret)
        for (time, code) in expected {
            #expect(eight.code(at: time) == code)
            // Modulo 10^6 of the same truncated value: the last six digits.
            #expect(six.code(at: time) == String(code.suffix(6)))
        }
    }

    @Test("a code one step early or late is accepted, two steps off is refused")
    func drift() {
        let totp = TOTP(secret: TOTPTests.rfcSecret)
        let now: Int64 = 1_700_000_000
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(step: step), at: now) == step)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now) == nil)
        #expect(totp.matchingStep(totp.code(step: step + 2), at: now) == nil)
    }

    @Test("a code of an accepted step, or older, is refused the second time")
    func replay() {
        let totp = TOTP(secret: TOTPTests.rfcSecret)
        let now: Int64 = 1_700_000_000
        let step = totp.step(at: now)
        let code = totp.code(step: step)
        #expect(totp.matchingStep(code, at: now, after: step) == nil)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now, after: step) == nil)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now, after: step) == step + 1)
        #expect(totp.matchingStep(code, at: now, after: step - 1) == step)
    }

    @Test("codes of 5 or 7 digits, letters or spaces are refused before any comparison")
    func badInput() {
        let totp = TOTP(secret: TOTPTests.rfcSecret)
        let now: Int64 = 1_700_000_000
        let code = totp.code(at: now)
        for text in [String(code.prefix(5)), code + "0", "abcdef", "12 456", "", "１２３４５６", "-12345", code + "\n"] {
            #expect(!totp.isWellFormed(text))
            #expect(totp.matchingStep(text, at: now) == nil)
        }
        #expect(totp.isWellFormed(code))
    }

    @Test("the otpauth URI names the issuer and account, percent-encoded, with the unpadded secret")
    func uri() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.uri(issuer: "Plus IKC", account: "pl@example.org")
                == "otpauth://totp/Plus%20IKC:pl@example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Plus%20IKC")
    }
}

@Suite("Base32")
struct Base32Tests {
    @Test("encodes and decodes the RFC 4648 section 10 test vectors")
    func rfcVectors() {
        let vectors = [("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
                       ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.encode(Array("foobar".utf8), padding: false) == "MZXW6YTBOI")
    }

    @Test("decoding forgives lower case, spaces and hyphens, and refuses other characters")
    func lenientDecoding() {
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
        #expect(Base32.decode("MZXW0YTB") == nil)
        #expect(Base32.decode("M") == nil)
        #expect(Base32.decode("MY=A") == nil)
    }

    @Test("a random 20-byte secret survives a round trip as 32 characters")
    func roundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base32.encode(bytes, padding: false)
            #expect(text.count == 32)
            #expect(Base32.decode(text) == bytes)
        }
    }
}
