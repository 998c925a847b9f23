/// The outcome of checking user input: messages per form field, in Dutch. A failure is a value,
/// not a throw (STYLE.md rule 4); handlers re-render the form with these next to the fields.
public struct ValidationErrors: Sendable, Equatable {
    public private(set) var messages: [(field: String, message: String)] = []

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        messages.append((field, message))
    }

    /// The first message for a field, if any.
    public subscript(field: String) -> String? {
        messages.first(where: { $0.field == field })?.message
    }

    public static func == (lhs: ValidationErrors, rhs: ValidationErrors) -> Bool {
        lhs.messages.map { "\($0.field)\u{0}\($0.message)" } == rhs.messages.map { "\($0.field)\u{0}\($0.message)" }
    }
}

/// Common checks with the Dutch messages the UI shows.
public enum Check {
    public static func required(_ value: String, _ field: String, _ label: String, into errors: inout ValidationErrors) {
        if value.trimmingWhitespace().isEmpty {
            errors.add(field, "Vul \(label) in.")
        }
    }

    public static func maxLength(_ value: String, _ max: Int, _ field: String, _ label: String, into errors: inout ValidationErrors) {
        if value.count > max {
            errors.add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) mag hoogstens \(max) tekens lang zijn.")
        }
    }

    /// A plausible e-mail address: one @, something before it, a dot in the domain, no spaces.
    public static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !value.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines (no Foundation needed).
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
