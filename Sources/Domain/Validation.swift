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

    /// The length limit every free text has, and with it the check of its characters (see
    /// `hasInvalidCharacter`); `multiLine` for a textarea, where tab and line breaks belong.
    public static func maxLength(_ value: String, _ max: Int, _ field: String, _ label: String, multiLine: Bool = false,
                                 into errors: inout ValidationErrors) {
        if value.count > max {
            errors.add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) mag hoogstens \(max) tekens lang zijn.")
        }
        characters(value, field, multiLine: multiLine, into: &errors)
    }

    public static let invalidCharacterMessage = "Dit veld bevat een ongeldig teken."

    public static func characters(_ value: String, _ field: String, multiLine: Bool = false, into errors: inout ValidationErrors) {
        if hasInvalidCharacter(value, multiLine: multiLine) { errors.add(field, invalidCharacterMessage) }
    }

    /// Whether `value` holds a control character (C0, DEL, C1: NUL, escape, backspace …), which
    /// no one types and which would be stored and shown or exported as it is; tab, CR and LF are
    /// allowed only in multi-line texts.
    public static func hasInvalidCharacter(_ value: String, multiLine: Bool) -> Bool {
        value.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return !multiLine
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return false
            }
        }
    }

    /// A plausible e-mail address: one @, something before it, a dot in the domain, no spaces.
    public static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !value.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) && !hasInvalidCharacter(value, multiLine: false)
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines (no Foundation needed).
    public func trimmingWhitespace() -> String {
        // Text that begins and ends with a visible ASCII character (nearly every typed value)
        // has nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
