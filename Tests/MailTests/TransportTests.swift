import Foundation
import Mail
import Testing
import TestSupport

@Suite("Transports: SMTP over a real socket, a sendmail pipe, .eml files")
struct TransportTests {
    static func message(body: String = "Beste Sjoukje,\n\n.punt aan het begin\n.\nKlaar.") -> MailMessage {
        MailMessage(from: Mailbox(name: "Plus IKC", address: "noreply@gemeente.example"), to: Mailbox(name: "Sjoukje", address: "s.bakker@example.org"),
                    subject: "Uw account", body: body, messageID: "<7.abc@plusikc.outbox>", date: Date(timeIntervalSince1970: 1_796_310_000))
    }

    @Test("SMTP: EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing and QUIT deliver the message as written")
    func smtpDelivers() throws {
        let sink = try SMTPSink()
        let transport = SMTPTransport(host: "127.0.0.1", port: sink.port, timeoutMilliseconds: 5000)
        #expect(transport.deliver(Self.message()) == .sent)
        let received = try #require(sink.received.first)
        #expect(received.mailFrom == "noreply@gemeente.example")
        #expect(received.recipients == ["s.bakker@example.org"])
        #expect(received.messageID == "<7.abc@plusikc.outbox>")
        #expect(received.data == String(decoding: try Self.message().rendered(), as: UTF8.self))
        #expect(received.data.contains("\r\n.punt aan het begin\r\n.\r\nKlaar."))
    }

    @Test("SMTP: a 4xx reply is 'try again later', a 5xx reply is final")
    func smtpReplies() throws {
        let sink = try SMTPSink()
        let transport = SMTPTransport(host: "127.0.0.1", port: sink.port, timeoutMilliseconds: 5000)
        sink.replyToData([451])
        guard case .retryLater(let why) = transport.deliver(Self.message()) else { Issue.record("451 is not retried"); return }
        #expect(why.contains("451"))
        sink.replyToRecipient(550)
        guard case .failed(let reason) = transport.deliver(Self.message()) else { Issue.record("550 is not final"); return }
        #expect(reason.contains("550"))
        #expect(sink.received.isEmpty)
    }

    @Test("SMTP: a server that does not answer is a time-out to retry, and a closed port is a retry too")
    func smtpTimeouts() throws {
        // A listening socket that never speaks: the greeting times out.
        let silent = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(silent) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(silent, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(silent, 1)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(silent, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let started = Date()
        guard case .retryLater(let why) = SMTPTransport(host: "127.0.0.1", port: port, timeoutMilliseconds: 300).deliver(Self.message()) else {
            Issue.record("a silent server is not retried"); return
        }
        #expect(why.contains("time-out"))
        #expect(Date().timeIntervalSince(started) < 5)
        let sink = try SMTPSink()
        let closedPort = sink.port
        sink.stop()
        guard case .retryLater = SMTPTransport(host: "127.0.0.1", port: closedPort, timeoutMilliseconds: 300).deliver(Self.message()) else {
            Issue.record("a refused connection is not retried"); return
        }
    }

    @Test("sendmail: the message is piped to 'path -t -i'; exit 75 is retried, another failure is final")
    func sendmail() throws {
        let folder = try TemporaryDirectory()
        let captured = folder.file("captured.eml"), arguments = folder.file("arguments")
        let script = try folder.write("#!/bin/sh\necho \"$@\" > '\(arguments)'\ncat > '\(captured)'\nexit ${FAKE_STATUS:-0}\n", to: "sendmail")
        chmod(script, 0o755)
        #expect(SendmailTransport(path: script).deliver(Self.message()) == .sent)
        #expect(try String(contentsOfFile: arguments, encoding: .utf8) == "-t -i\n")
        let piped = try String(contentsOfFile: captured, encoding: .utf8)
        #expect(piped.contains("Message-ID: <7.abc@plusikc.outbox>\n"))
        #expect(!piped.contains("\r"))
        let temporary = try folder.write("#!/bin/sh\ncat >/dev/null\necho 'queue full' >&2\nexit 75\n", to: "tempfail")
        chmod(temporary, 0o755)
        guard case .retryLater(let why) = SendmailTransport(path: temporary).deliver(Self.message()) else { Issue.record("75 not retried"); return }
        #expect(why.contains("exit 75") && why.contains("queue full"))
        let broken = try folder.write("#!/bin/sh\nexit 1\n", to: "broken")
        chmod(broken, 0o755)
        guard case .failed = SendmailTransport(path: broken).deliver(Self.message()) else { Issue.record("exit 1 not final"); return }
    }

    @Test("file: each message one .eml named after its Message-ID; sending it again replaces it")
    func files() throws {
        let folder = try TemporaryDirectory()
        let transport = FileTransport(directory: folder.file("mail"))
        #expect(transport.deliver(Self.message()) == .sent)
        #expect(transport.deliver(Self.message()) == .sent)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.file("mail"))
        #expect(names == ["_7.abc@plusikc.outbox_.eml"])
        let written = try String(contentsOfFile: folder.file("mail/" + names[0]), encoding: .utf8)
        #expect(written == String(decoding: try Self.message().rendered(), as: UTF8.self))
    }
}
