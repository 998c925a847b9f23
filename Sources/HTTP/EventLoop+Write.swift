import CSystem
import Glibc

// Writing answers and closing connections, on the loop's own thread.
extension EventLoop {
    /// Drops parsed input, so a long pipelined stream does not keep every byte it ever sent.
    func compactInput(_ connection: Connection) {
        if connection.inputStart >= connection.input.count {
            connection.input.removeAll(keepingCapacity: connection.input.capacity <= 8192)
            connection.inputStart = 0
        } else if connection.inputStart > 64 * 1024 {
            connection.input.removeFirst(connection.inputStart)
            connection.inputStart = 0
        }
    }

    /// Answers a refused request with a small plain page and closes the connection.
    func fail(_ connection: Connection, _ failure: ParseFailure) {
        let response = Response.error(failure.status)
        let bytes = ResponseWriter.serialize(response, head: false, keepAlive: false, date: dates.current())
        accessLog.record(method: nil, path: failure.reason, status: failure.status, bytes: response.body.count,
                         microseconds: 0)
        enqueue(bytes, on: connection)
        connection.state = .closingAfterWrite
        connection.input = []
        connection.inputStart = 0
        _ = flush(connection)
    }

    /// Appends an answer to the connection's output: `bytes`, then `body` (a large body kept
    /// apart, see `ResponseWriter.serialize`), which is sent from its own storage, or with
    /// sendfile(2) from `file` when it holds the same bytes.
    func enqueue(_ bytes: [UInt8], body: [UInt8] = [], file: SealedFile? = nil, on connection: Connection) {
        if connection.bodyStart < connection.body.count {
            // A pipelined answer after a large body: the rest of that body joins `output` to keep the order.
            connection.output.append(contentsOf: connection.body[connection.bodyStart...])
        }
        connection.body = body
        connection.bodyStart = 0
        connection.bodyFile = file
        if connection.outputStart < connection.output.count {
            // Drop what a slow reader already took, so the buffer holds only what is unsent.
            if connection.outputStart >= 64 * 1024 {
                connection.output.removeFirst(connection.outputStart)
                connection.outputStart = 0
            }
            connection.output.append(contentsOf: bytes)
        } else {
            connection.output = bytes
            connection.outputStart = 0
        }
    }

    /// Writes pending output; false when the connection was closed.
    func flush(_ connection: Connection) -> Bool {
        guard !connection.isClosed else { return false }
        while connection.hasPendingOutput {
            if let file = connection.bodyFile, connection.outputStart == connection.output.count {
                // The head is out: the body goes from the sealed file, never copied into the socket.
                let count = csystem_sendfile(connection.fd, file.fd, connection.bodyStart,
                                             connection.body.count - connection.bodyStart)
                if count > 0 {
                    connection.bodyStart += count
                    connection.lastWrite = now
                    continue
                }
                let error = errno
                if count < 0 && error == EINTR { continue }
                if count < 0 && (error == EAGAIN || error == EWOULDBLOCK) { return true }
                closeConnection(connection)
                return false
            }
            let count = connection.output.withUnsafeBytes { raw in
                let head = raw.baseAddress.map { $0 + connection.outputStart }, headCount = raw.count - connection.outputStart
                if connection.body.isEmpty { return csystem_send(connection.fd, head, headCount) }
                // MSG_MORE: the head may wait for the file's first bytes and share their segment.
                if connection.bodyFile != nil { return csystem_send_more(connection.fd, head, headCount) }
                return connection.body.withUnsafeBytes { body in
                    csystem_send2(connection.fd, head, headCount, body.baseAddress.map { $0 + connection.bodyStart },
                                  body.count - connection.bodyStart)
                }
            }
            if count > 0 {
                let fromHead = min(count, connection.output.count - connection.outputStart)
                connection.outputStart += fromHead
                connection.bodyStart += count - fromHead
                connection.lastWrite = now
            } else {
                let error = errno
                if count < 0 && error == EINTR { continue }
                if count < 0 && (error == EAGAIN || error == EWOULDBLOCK) { return true }
                closeConnection(connection)
                return false
            }
        }
        if connection.output.capacity > 64 * 1024 || !connection.output.isEmpty {
            connection.output = []
            connection.outputStart = 0
        }
        if !connection.body.isEmpty {
            connection.body = []
            connection.bodyStart = 0
            connection.bodyFile = nil
        }
        connection.lastWrite = now
        if connection.state == .closingAfterWrite {
            Glibc.shutdown(connection.fd, Int32(SHUT_WR))
            connection.state = .lingering
            connection.lingerDeadline = now + 2000
            if connection.peerClosed {
                closeConnection(connection)
                return false
            }
        }
        return true
    }

    /// Closes the socket and forgets the connection; safe to call twice.
    func closeConnection(_ connection: Connection) {
        let index = Int(connection.fd)
        guard index < connections.count, connections[index] === connection else { return }
        connections[index] = nil
        connection.isClosed = true
        openCount -= 1
        load.subtract(1, ordering: .relaxed)
        // close(2) also removes the fd from the epoll set.
        close(connection.fd)
        closedCount.add(1, ordering: .relaxed)
    }
}
