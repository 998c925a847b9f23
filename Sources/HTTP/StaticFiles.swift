// Static files are read into memory once, at start-up: serving one is a dictionary look-up on
// the event loop, with conditional requests answered 304 (RFC 9110 §13.1.1, §13.1.3).

import CSystem
import Glibc

/// A small public folder served from memory under a URL prefix, with ETag and Last-Modified.
/// Only files found under `root` when it was loaded can ever be served: a request path is a
/// key into that table, never a file-system path.
public struct StaticFiles: Sendable {
    /// One file, read at start-up, with its validators (RFC 9110 §8.8).
    struct File: Sendable {
        var body: [UInt8]
        var contentType: String
        var etag: String
        var lastModified: String
        var modifiedSeconds: Int
        /// The 200 and 304 answers, made and serialized once (`Response.prepare()`).
        var ok = Response()
        var notModified = Response()
    }

    /// The folder the files were loaded from.
    public let root: String
    /// The URL path under which they are served, ending in `/` (`/static/`).
    public let urlPrefix: String
    /// The Cache-Control value of every answer (RFC 9111 §5.2.2).
    public let cacheControl: String
    /// Fields added to every answer (the application's security headers).
    public let headers: HTTPHeaders
    /// Files by path relative to `root`.
    private let files: [String: File]

    /// Loads every regular file under `root` (symbolic links that leave `root` are skipped);
    /// every answer carries `headers` after its own fields.
    public init(root: String, urlPrefix: String = "/static/", cacheControl: String = "public, max-age=3600",
                headers: HTTPHeaders = HTTPHeaders()) {
        self.root = root
        self.urlPrefix = urlPrefix.hasSuffix("/") ? urlPrefix : urlPrefix + "/"
        self.cacheControl = cacheControl
        self.headers = headers
        var files: [String: File] = [:]
        if let resolved = realpath(root, nil) {
            let base = String(cString: resolved)
            free(resolved)
            Self.load(directory: base, relative: "", base: base, into: &files, depth: 0)
        }
        for (key, file) in files {
            var validators: HTTPHeaders = ["ETag": file.etag, "Last-Modified": file.lastModified, "Cache-Control": cacheControl]
            var notModified = Response(status: 304, headers: Self.adding(headers, to: validators))
            notModified.prepare()
            validators.add("Content-Type", file.contentType)
            var ok = Response(status: 200, headers: Self.adding(headers, to: validators), body: file.body)
            ok.prepare()
            if file.body.count >= ResponseWriter.separateBody { ok.bodyFile = SealedFile(key, file.body) }
            files[key]?.ok = ok
            files[key]?.notModified = notModified
        }
        self.files = files
    }

    /// `extra`'s fields after `fields`'.
    private static func adding(_ extra: HTTPHeaders, to fields: HTTPHeaders) -> HTTPHeaders {
        var all = fields
        for field in extra { all.add(field.name, field.value) }
        return all
    }

    /// A 404 or 405 page with `headers`.
    private func refusal(_ status: Int) -> Response {
        var response = Response.error(status)
        response.headers = Self.adding(headers, to: response.headers)
        return response
    }

    /// Relative paths of the loaded files, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// Reads a folder recursively (at most a few levels deep), skipping hidden files and links
    /// that lead outside `base`.
    private static func load(directory: String, relative: String, base: String, into files: inout [String: File], depth: Int) {
        guard depth < 16, let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let full = directory + "/" + name
            let key = relative.isEmpty ? name : relative + "/" + name
            guard let resolved = realpath(full, nil) else { continue }
            let real = String(cString: resolved)
            free(resolved)
            guard real.hasPrefix(base + "/") else { continue }
            var info = stat()
            guard stat(real, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                load(directory: full, relative: key, base: base, into: &files, depth: depth + 1)
            } else if (info.st_mode & S_IFMT) == S_IFREG, let body = FileBytes.read(real) {
                let seconds = Int(info.st_mtim.tv_sec)
                let etag = "\"\(String(body.count, radix: 16))-\(String(Self.fnv1a(body), radix: 16))\""
                files[key] = File(body: body, contentType: MediaTypes.forPath(name), etag: etag,
                                  lastModified: HTTPDate.format(seconds), modifiedSeconds: seconds)
            }
        }
    }

    /// FNV-1a of the content, for a strong ETag that changes when the bytes do.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// nil when the path is not under the prefix; otherwise the file, 304, 404 or 405.
    public func response(for request: Request) -> Response? {
        guard request.path.hasPrefix(urlPrefix) else { return nil }
        guard request.method == .GET || request.method == .HEAD else {
            var response = refusal(405)
            response.headers.set("Allow", "GET, HEAD")
            return response
        }
        let relative = String(request.path.dropFirst(urlPrefix.utf8.count))
        // Defence in depth: the table holds no such keys anyway.
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.isEmpty, !relative.contains("\\"), !relative.utf8.contains(0),
              !segments.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }),
              let file = files[relative] else {
            return refusal(404)
        }
        // RFC 9110 §13.1.2: If-None-Match wins; If-Modified-Since only without it (§13.1.3).
        if let match = request.headers["If-None-Match"] {
            let tags = match.split(separator: ",").map { $0.trimmingSpaces() }
            if tags.contains("*") || tags.contains(where: { $0 == file.etag || $0 == "W/" + file.etag }) {
                return file.notModified
            }
        } else if let since = request.headers["If-Modified-Since"], let seconds = HTTPDate.parse(since),
                  file.modifiedSeconds <= seconds {
            return file.notModified
        }
        return file.ok
    }
}

/// A copy of a file's bytes in a sealed memory file (memfd_create with every seal): it cannot
/// change after it is made, so sendfile(2) from it always sends exactly the bytes its ETag and
/// Content-Length describe, whatever happens to the file on disk. Closed when the last
/// response holding it goes.
final class SealedFile: Sendable {
    /// The memory file's descriptor.
    let fd: Int32

    /// nil when the kernel cannot make one (the answer is then sent from memory).
    init?(_ name: String, _ bytes: [UInt8]) {
        let fd = bytes.withUnsafeBytes { csystem_sealed_file(name, $0.baseAddress, $0.count) }
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }
}
