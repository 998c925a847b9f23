/// SQL text with values as bound parameters: every interpolation becomes `?` and a binding.
///
/// ```swift
/// let sql: SQL = "SELECT id FROM agreements WHERE ikc_id = \(ikcID) AND year = \(year)"
/// // text: "SELECT id FROM agreements WHERE ikc_id = ? AND year = ?", bindings: [ikcID, year]
/// ```
///
/// There is deliberately no way to splice a runtime string into the text: the literal parts
/// are `StaticString`s, and the only other ways to add text are
/// - `\(literal: "created_at")`: a fixed fragment (a `StaticString`, e.g. a column name picked
///   from a fixed list by a `switch`);
/// - `\(sql: other)` or `a + b`: nesting `SQL` values, which carry their own bindings;
/// - `\(list: ids)`: `?, ?, ?` with one binding per element, for `IN (...)` (an empty list gives
///   an empty text, and SQLite accepts `x IN ()` as false).
public struct SQL: ExpressibleByStringInterpolation, Sendable, Equatable, CustomStringConvertible {
    /// The SQL text with `?` for each parameter.
    public let text: String
    /// The parameter values, in order of their `?`.
    public let bindings: [SQLValue]

    /// A literal without interpolations: `let sql: SQL = "SELECT 1"`.
    public init(stringLiteral value: StaticString) {
        text = value.description
        bindings = []
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        bindings = stringInterpolation.bindings
    }

    /// The text and the number of bindings, for logs. The values are left out on purpose:
    /// they are personal data (names, notes) that does not belong in a log.
    public var description: String {
        bindings.isEmpty ? text : text + " -- \(bindings.count) bound value(s)"
    }

    /// Concatenates two fragments; add your own space between them.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var interpolation = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        interpolation.appendInterpolation(sql: lhs)
        interpolation.appendInterpolation(sql: rhs)
        return SQL(stringInterpolation: interpolation)
    }

    /// Builds the text and bindings of an interpolated `SQL` literal.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var text = ""
        var bindings: [SQLValue] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount)
        }

        /// The literal parts written in source code (static strings only).
        public mutating func appendLiteral(_ literal: StaticString) {
            text += literal.description
        }

        /// A value: appends `?` and binds the value.
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            text += "?"
            bindings.append(value.sqlValue)
        }

        /// An optional value: `nil` binds NULL. (Spelled out so optionals interpolate without
        /// the compiler's "debug description for an optional value" warning.)
        public mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            text += "?"
            bindings.append(value.sqlValue)
        }

        /// A fixed SQL fragment chosen from the source code, such as a column name or `DESC`.
        public mutating func appendInterpolation(literal: StaticString) {
            text += literal.description
        }

        /// Another `SQL` value, text and bindings.
        public mutating func appendInterpolation(sql: SQL) {
            text += sql.text
            bindings += sql.bindings
        }

        /// `?, ?, ?`: one parameter per element, for `IN (\(list: ids))`.
        public mutating func appendInterpolation(list values: [some SQLBindable]) {
            for (index, value) in values.enumerated() {
                text += index == 0 ? "?" : ", ?"
                bindings.append(value.sqlValue)
            }
        }
    }
}
