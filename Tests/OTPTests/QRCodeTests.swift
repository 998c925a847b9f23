import Foundation
import Testing
@testable import OTP

/// Our QR codes are decoded by an independent reader: the SVG is rasterised with rsvg-convert
/// (Debian package librsvg2-bin) and read with zbarimg (zbar-tools).
@Suite("QR code")
struct QRCodeTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let toolsPresent = tool("rsvg-convert") != nil && tool("zbarimg") != nil

    /// Runs a tool and returns its standard output.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// What zbarimg reads from our SVG of `text`.
    static func decode(_ code: QRCode) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("code.svg"), png = folder.appendingPathComponent("code.png")
        try Data(code.svg().utf8).write(to: svg)
        let (status, _) = try run(tool("rsvg-convert") ?? "", ["-w", "\((code.size + 8) * 8)", "-o", png.path, svg.path])
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        let (_, output) = try run(tool("zbarimg") ?? "", ["--raw", "-q", "-Sbinary", png.path])
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    static func text(length: Int) -> String {
        let base = "otpauth://totp/Plus%20IKC:projectleider@leeuwarden.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Plus%20IKC"
        var text = base
        while text.count < length { text += "x" }
        return String(text.prefix(length))
    }

    @Test("an otpauth URI is read back by zbarimg exactly", .enabled(if: toolsPresent, "rsvg-convert (librsvg2-bin) or zbarimg (zbar-tools) is not installed"))
    func otpauthRoundTrip() throws {
        let uri = "otpauth://totp/Plus%20IKC:pl@example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Plus%20IKC"
        let code = try QRCode(uri)
        #expect(try QRCodeTests.decode(code) == uri)
    }

    /// What zbarimg reads from one image holding all `codes` side by side (a nested SVG each,
    /// `moduleSize` pixels a module, its quiet zone included): one line per symbol found, in no
    /// set order. One rsvg-convert and one zbarimg for all instead of two processes per code.
    static func decodeAll(_ codes: [QRCode], moduleSize: Int = 4) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let columns = 4, gap = 8
        let cell = ((codes.map(\.size).max() ?? 0) + 8) * moduleSize + gap
        let rows = (codes.count + columns - 1) / columns
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(columns * cell)\" height=\"\(rows * cell)\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        for (index, code) in codes.enumerated() {
            let placed = "<svg x=\"\(index % columns * cell)\" y=\"\(index / columns * cell)\" "
            svg += placed + code.svg(moduleSize: moduleSize).dropFirst("<svg ".count)
        }
        svg += "</svg>"
        let file = folder.appendingPathComponent("codes.svg"), png = folder.appendingPathComponent("codes.png")
        try Data(svg.utf8).write(to: file)
        let (status, _) = try run(tool("rsvg-convert") ?? "", ["-o", png.path, file.path])
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        // Without -Sbinary, which would run the symbols' texts together: one line each (the texts
        // are ASCII, which zbar's text decoding leaves as it is).
        let (_, output) = try run(tool("zbarimg") ?? "", ["--raw", "-q", png.path])
        return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("every version from 1 to 10 is read back by zbarimg", .enabled(if: toolsPresent, "rsvg-convert (librsvg2-bin) or zbarimg (zbar-tools) is not installed"))
    func everyVersion() throws {
        // The largest byte count of each version at level M (table 7).
        let capacities = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213]
        var codes: [QRCode] = [], texts: [String] = []
        for (index, capacity) in capacities.enumerated() {
            for length in [capacity, max(1, capacity - 3)] {
                let text = QRCodeTests.text(length: length)
                let code = try QRCode(text)
                #expect(code.version == index + 1 || length < capacity, "\(length) bytes")
                codes.append(code)
                texts.append(text)
            }
        }
        // Every text is a different length, so each code's text is found once or is missing.
        let read = try QRCodeTests.decodeAll(codes)
        for (code, text) in zip(codes, texts) {
            #expect(read.filter { $0 == text }.count == 1, "version \(code.version), \(text.utf8.count) bytes")
        }
        #expect(read.count == texts.count, "\(read)")
    }

    @Test("version capacities at level M follow the standard's table")
    func capacities() throws {
        let capacities = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213]
        for (index, capacity) in capacities.enumerated() {
            #expect(try QRCode(QRCodeTests.text(length: capacity)).version == index + 1)
            if index < 9 { #expect(try QRCode(QRCodeTests.text(length: capacity + 1)).version == index + 2) }
        }
        #expect(throws: QRCode.Failure.tooLong(bytes: 214)) { try QRCode(QRCodeTests.text(length: 214)) }
    }

    @Test("the Reed-Solomon codewords of the standard's annex I example are reproduced")
    func reedSolomonExample() {
        // ISO/IEC 18004 annex I: "01234567" in version 1-M; data and error-correction codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        let ecc = ReedSolomon.remainder(data, generator: ReedSolomon.generator(degree: 10))
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test("the SVG has a viewBox with the quiet zone and draws only squares")
    func svgShape() throws {
        let code = try QRCode("hello")
        let svg = code.svg()
        let full = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(full) \(full)\""))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("M4 4h1v1h-1z"))  // the top-left finder's corner, inside the quiet zone
    }
}
