import Foundation

/// Reading a decimal number as typed the Dutch way.
extension DutchFormat {
    /// A number typed the Dutch way, or `nil`.
    ///
    /// Accepted: surrounding spaces, an optional minus sign, digits with an optional decimal
    /// comma (`12,5`, `1.234,5`, thousands grouped by dots in threes before a comma). Without
    /// a comma a dot is a thousands separator when it can be one (`1.234`, `1.234.567`: first
    /// group 1–3 digits not starting with 0, then groups of exactly three) and otherwise a
    /// decimal point (`12.5`, `0.125`, `1.2345`), because figures are often pasted from
    /// English sources.
    ///
    /// Rejected: empty input, letters, `NaN`, `inf`, exponents, a missing integer part
    /// (`,5`), a comma and a dot after it, irregular groups, values too large for a `Double`.
    public static func parseDecimal(_ text: String) -> Double? {
        var bytes = trimmedBytes(text)
        var negative = false
        if bytes.first == ascii("-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var integerPart: ArraySlice<UInt8>
        var fractionPart: ArraySlice<UInt8> = []
        if let comma = bytes.firstIndex(of: ascii(",")) {
            integerPart = bytes[..<comma]
            fractionPart = bytes[(comma + 1)...]
            guard !fractionPart.isEmpty, fractionPart.allSatisfy(isDigit) else { return nil }
        } else if let dot = bytes.firstIndex(of: ascii(".")), bytes.lastIndex(of: ascii(".")) == dot,
            !isThousandsGrouping(bytes) {
            integerPart = bytes[..<dot]
            fractionPart = bytes[(dot + 1)...]
            guard !fractionPart.isEmpty, fractionPart.allSatisfy(isDigit) else { return nil }
        } else {
            integerPart = bytes
        }
        guard isPlainOrGrouped(integerPart) else { return nil }

        // Up to 15 digits (below 2^53) and a power of ten up to 10^15 are exact as Doubles, so
        // one division gives the correctly rounded value, the one Double's parser gives below
        // (Clinger's fast path); longer numbers take the parser.
        var mantissa: UInt64 = 0, digits = 0
        for byte in integerPart where byte != ascii(".") {
            mantissa = mantissa &* 10 &+ UInt64(byte &- ascii("0"))
            digits += 1
        }
        for byte in fractionPart {
            mantissa = mantissa &* 10 &+ UInt64(byte &- ascii("0"))
            digits += 1
        }
        if digits <= 15 {
            let value = Double(mantissa) / powersOfTen[fractionPart.count]
            return negative ? -value : value
        }

        var normalized = negative ? "-" : ""
        normalized.reserveCapacity(bytes.count + 2)
        for byte in integerPart where byte != ascii(".") { normalized.unicodeScalars.append(Unicode.Scalar(byte)) }
        if !fractionPart.isEmpty {
            normalized.append(".")
            for byte in fractionPart { normalized.unicodeScalars.append(Unicode.Scalar(byte)) }
        }
        // Only digits, a sign and one point reach Double's parser, so "nan", "inf", hex and
        // exponents cannot.
        guard let value = Double(normalized), value.isFinite else { return nil }
        return value
    }
}
