// swift-tools-version:6.0
// Plus IKC: no package dependencies. SQLite and libxcrypt come in as system libraries;
// epoll/eventfd through a header-only C target (Glibc's module map lacks them).
import PackageDescription

let package = Package(
    name: "PlusIKC",
    products: [
        .executable(name: "plusikc", targets: ["PlusIKC"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypt", pkgConfig: "libxcrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(name: "CSystem"),

        .target(name: "HTTP", dependencies: ["CSystem"]),
        .target(name: "Mail", dependencies: ["CSystem"]),
        .target(name: "Markup"),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Domain"),
        // TOTP (RFC 6238), HMAC-SHA1, base32 and the QR code of the enrolment: no dependencies.
        .target(name: "OTP"),
        .target(name: "Store", dependencies: ["Domain", "SQLite"]),
        .target(name: "Views", dependencies: ["Domain", "Markup"]),
        .target(name: "App", dependencies: ["HTTP", "Store", "Views", "CCrypt", "OTP", "Mail"]),
        .executableTarget(name: "PlusIKC", dependencies: ["App", "HTTP", "Store", "SQLite", "Mail"]),

        // Child process the SQLite crash test kills with SIGKILL mid-write.
        .executableTarget(name: "sqlite-crash-writer", dependencies: ["SQLite"], path: "Tests/CrashWriter"),
        .target(name: "TestSupport", dependencies: ["HTTP", "SQLite", "Store", "App"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestSupport"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "OTPTests", dependencies: ["OTP"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"]),
        .testTarget(name: "AppTests", dependencies: ["App", "TestSupport", "OTP", "Mail"]),
        .testTarget(name: "ViewsTests", dependencies: ["Views", "Domain", "Markup"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
