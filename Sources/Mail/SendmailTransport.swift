import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `sendmail:/usr/sbin/sendmail`: the message piped to `path -t -i`, the Unix convention
/// (`-t` takes the recipients from To:, `-i` keeps a line with a single dot as text). Exit
/// status 0 is accepted; 75 (EX_TEMPFAIL, sysexits.h) is tried again later; anything else failed.
public struct SendmailTransport: MailTransport {
    public let path: String
    public var timeoutSeconds: Double = 60

    public init(path: String) { self.path = path }

    public var summary: String { "piped to \(path) -t -i" }

    public func deliver(_ message: MailMessage) -> DeliveryResult {
        let bytes: [UInt8]
        do { bytes = try message.rendered() } catch { return .failed("\(error)") }
        // A local pipe carries Unix line ends; sendmail writes CRLF on the wire itself.
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        // A child that exits without reading must not take the process down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch { return .retryLater("\(path) start niet: \(error)") }
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        } catch {
            // The exit status below says what happened.
        }
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return .retryLater("\(path) reageerde niet binnen \(Int(timeoutSeconds)) s")
        }
        let said = String(decoding: errors.fileHandleForReading.availableData.prefix(500), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let status = process.terminationStatus
        if process.terminationReason == .exit && status == 0 { return .sent }
        let detail = "\(path) exit \(status)" + (said.isEmpty ? "" : ": \(MailHeader.clean(said))")
        return process.terminationReason == .exit && status == 75 ? .retryLater(detail) : .failed(detail)
    }
}
