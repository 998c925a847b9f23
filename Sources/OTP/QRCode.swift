/// A QR code (ISO/IEC 18004) in byte mode with error correction level M, versions 1 to 10:
/// enough for an otpauth URI with a 160-bit secret and a long e-mail address (up to 213 bytes).
public struct QRCode: Sendable {
    public enum Failure: Error, Equatable {
        /// The text does not fit in version 10 at level M.
        case tooLong(bytes: Int)
    }

    public let version: Int
    /// The mask pattern (0-7) chosen by the lowest penalty.
    public let mask: Int
    /// modules[y][x]: true is dark. Without the quiet zone.
    public let modules: [[Bool]]
    public var size: Int { modules.count }

    /// Per version (index 0 is version 1) at level M: data codewords per block, by block group.
    static let blocksM: [[(count: Int, data: Int)]] = [
        [(1, 16)], [(1, 28)], [(1, 44)], [(2, 32)], [(2, 43)],
        [(4, 27)], [(4, 31)], [(2, 38), (2, 39)], [(3, 36), (2, 37)], [(4, 43), (1, 44)],
    ]
    /// Error-correction codewords per block at level M (table 9), versions 1-10.
    static let eccPerBlockM = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]

    /// Encodes `text` (UTF-8 bytes) in the smallest version that holds it.
    public init(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { QRCode.fits(bytes.count, version: $0) }) else {
            throw Failure.tooLong(bytes: bytes.count)
        }
        let codewords = QRCode.codewords(bytes, version: version)
        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(codewords)
        // Section 7.8.3: try all eight masks and keep the one with the lowest penalty.
        var best = 0, bestPenalty = Int.max
        for mask in 0..<8 {
            var candidate = matrix
            candidate.apply(mask: mask)
            candidate.drawFormatBits(mask: mask)
            let penalty = candidate.penalty()
            if penalty < bestPenalty { best = mask; bestPenalty = penalty }
        }
        matrix.apply(mask: best)
        matrix.drawFormatBits(mask: best)
        self.version = version
        self.mask = best
        self.modules = matrix.modules
    }

    static func dataCodewords(version: Int) -> Int {
        blocksM[version - 1].reduce(0) { $0 + $1.count * $1.data }
    }

    /// Byte mode's character count field: 8 bits up to version 9, 16 from version 10 (table 3).
    static func countBits(version: Int) -> Int { version < 10 ? 8 : 16 }

    static func fits(_ count: Int, version: Int) -> Bool {
        let bits = countBits(version: version)
        return count < (1 << bits) && 4 + bits + 8 * count <= dataCodewords(version: version) * 8
    }

    /// The final codeword sequence (section 7.6): the data bit stream cut into blocks, each
    /// with its error-correction codewords, interleaved.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let capacity = dataCodewords(version: version)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)  // byte mode indicator
        bits.append(bytes.count, count: countBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))  // terminator
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }

        let eccCount = eccPerBlockM[version - 1]
        let generator = ReedSolomon.generator(degree: eccCount)
        var dataBlocks: [[UInt8]] = [], eccBlocks: [[UInt8]] = []
        var offset = 0
        for group in blocksM[version - 1] {
            for _ in 0..<group.count {
                let block = Array(data[offset..<offset + group.data])
                offset += group.data
                dataBlocks.append(block)
                eccBlocks.append(ReedSolomon.remainder(block, generator: generator))
            }
        }
        var result: [UInt8] = []
        let longest = dataBlocks.map(\.count).max() ?? 0
        for i in 0..<longest {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<eccCount {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }

    /// The code as an SVG image: one path of unit squares on a white background, with the quiet
    /// zone of four modules (section 6.3.8) inside the viewBox. Only digits and fixed letters.
    public func svg(moduleSize: Int = 6) -> String {
        let quiet = 4
        let full = size + 2 * quiet
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] {
                path += "M\(x + quiet) \(y + quiet)h1v1h-1z"
            }
        }
        let pixels = full * moduleSize
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(full) \(full)\" width=\"\(pixels)\" height=\"\(pixels)\""
            + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR-code\">"
            + "<rect width=\"\(full)\" height=\"\(full)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        guard count > 0 else { return }
        for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }

    var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (i, bit) in bits.enumerated() where bit { out[i / 8] |= 0x80 >> UInt8(i % 8) }
        return out
    }
}
