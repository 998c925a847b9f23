import Foundation

/// Dutch (nl-NL) formatting and parsing of money, numbers, percentages and dates.
///
/// Written by hand rather than with Foundation's formatters: the output must be exact and
/// the same on every platform, and a table page formats hundreds of values.
///
/// Conventions:
/// - thousands separator `.`, decimal separator `,`: `1.234.567,89`;
/// - money: `€ ` with a normal space (the same in HTML, text and CSV), minus sign after the
///   euro sign as the Rijksoverheid writes it: `€ -1.234,56`;
/// - percentages without a space: `12,5%`;
/// - dates `dd-mm-jjjj` (`22-11-2026`) on the Europe/Amsterdam calendar.
public enum DutchFormat {

    // MARK: Money

    /// An amount of whole cents as euros: `€ 12.500`, `€ 12.500,50`, `€ -1.234,56`.
    ///
    /// Cents are never rounded away: they are shown whenever they are not zero, and always
    /// when `showCents` is true (`€ 12.500,00`, for columns of amounts that should line up).
    public static func euros(cents: Int64, showCents: Bool = false) -> String {
        let magnitude = cents.magnitude
        if showCents || magnitude % 100 != 0 {
            return fixedPoint(magnitude, negative: cents < 0, decimals: 2, prefix: "€ ")
        }
        return fixedPoint(magnitude / 100, negative: cents < 0, decimals: 0, prefix: "€ ")
    }

    /// An amount of whole cents as euros, always with two decimals: `€ 12.500,00`.
    public static func eurosExact(cents: Int64) -> String {
        euros(cents: cents, showCents: true)
    }

    /// Whole cents from an amount typed the Dutch way, or `nil` when it is not one.
    ///
    /// Accepted: surrounding spaces, an optional `€` (with or without space), an optional
    /// minus sign before or after it (`-12,50`, `€ -12,50`, `-€ 12,50`); then whole euros,
    /// either plain digits (`12500`) or grouped by dots in threes (`12.500`, `1.234.567`;
    /// the first group 1–3 digits not starting with 0); then optionally a comma with one or
    /// two decimals (`0,5` is 50 cents, `1.234,56`) or a dash for none (`12,-`).
    ///
    /// Rejected (`nil`): empty input, letters, a dot not followed by exactly three digits
    /// (`1234.56` is ambiguous between English and Dutch, so it is refused rather than
    /// guessed), irregular groups (`1.23.4`), more than two decimals (`12,345`), a trailing
    /// comma, and amounts beyond `Int64` cents.
    ///
    /// Negative amounts are parsed (`-12,50` is -1250); whether they are allowed is for
    /// validation in Domain.
    public static func parseEuros(_ text: String) -> Int64? {
        var bytes = trimmedBytes(text)
        var negative = false
        if bytes.first == ascii("-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        let euroSign: [UInt8] = Array("€".utf8)
        if bytes.starts(with: euroSign) {
            bytes = bytes.dropFirst(euroSign.count)
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
            // A no-break space (U+00A0), as copied from a web page.
            while bytes.starts(with: [0xC2, 0xA0]) { bytes = bytes.dropFirst(2) }
            if !negative, bytes.first == ascii("-") {
                negative = true
                bytes = bytes.dropFirst()
            }
        }
        let commaIndex = bytes.firstIndex(of: ascii(","))
        let integerPart = commaIndex.map { bytes[..<$0] } ?? bytes
        guard let whole = parseGroupedDigits(integerPart) else { return nil }

        var fraction: Int64 = 0
        if let commaIndex {
            let decimals = bytes[(commaIndex + 1)...]
            if decimals.elementsEqual([ascii("-")]) || decimals.elementsEqual([ascii("-"), ascii("-")]) {
                fraction = 0
            } else {
                guard (1...2).contains(decimals.count), decimals.allSatisfy(isDigit) else { return nil }
                for byte in decimals { fraction = fraction * 10 + Int64(byte - ascii("0")) }
                if decimals.count == 1 { fraction *= 10 }
            }
        }
        guard let wholeValue = Int64(exactly: whole) else { return nil }
        let (hundreds, overflow) = wholeValue.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflow2) = hundreds.addingReportingOverflow(fraction)
        guard !overflow2 else { return nil }
        return negative ? -total : total
    }

    // MARK: Numbers

    /// An integer with thousands grouped: `1.234`, `-1.234.567`.
    public static func integer(_ value: Int) -> String {
        fixedPoint(UInt64(value.magnitude), negative: value < 0, decimals: 0)
    }

    /// An integer with thousands grouped: `1.234`, `-1.234.567`.
    public static func integer(_ value: Int64) -> String {
        fixedPoint(value.magnitude, negative: value < 0, decimals: 0)
    }

    /// A number with exactly `decimals` decimals (0 when negative), thousands grouped:
    /// `number(1234.5, decimals: 1)` is `1.234,5`.
    ///
    /// Rounds half away from zero on the shortest decimal form of the value (the digits
    /// Swift prints for it), so `1.005` with two decimals is `1,01` as a person expects, not
    /// `1,00` as its binary approximation would give. No `-0`: `-0.004` with two decimals is
    /// `0,00`. NaN and infinities, which should never reach a page, come out as `—`.
    public static func number(_ value: Double, decimals: Int) -> String {
        formatDecimal(value, decimals: decimals, shift: 0, suffix: "")
    }

    /// A percentage given as a number of percents: `percent(12.5, decimals: 1)` is `12,5%`.
    public static func percent(_ percents: Double, decimals: Int = 0) -> String {
        formatDecimal(percents, decimals: decimals, shift: 0, suffix: "%")
    }

    /// A percentage given as a fraction: `percent(fraction: 0.125, decimals: 1)` is `12,5%`.
    /// The decimal point is moved in the digits rather than multiplying by 100, so that
    /// `0.145` is `15%` and not `14%`.
    public static func percent(fraction: Double, decimals: Int = 0) -> String {
        formatDecimal(fraction, decimals: decimals, shift: 2, suffix: "%")
    }

    // MARK: Helpers

    /// `prefix`, a minus sign when `negative`, then `value / 10^decimals` with its integer
    /// digits grouped by dots and `decimals` digits after a comma, then `suffix`:
    /// `fixedPoint(123456, negative: true, decimals: 2, prefix: "€ ")` is `€ -1.234,56`.
    /// Written back to front into one string of the exact length, so one allocation at most.
    static func fixedPoint(
        _ value: UInt64, negative: Bool, decimals: Int, prefix: StaticString = "", suffix: StaticString = ""
    ) -> String {
        var digitCount = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digitCount += 1
        }
        digitCount = max(digitCount, decimals + 1)
        let integerDigits = digitCount - decimals
        let length = prefix.utf8CodeUnitCount + (negative ? 1 : 0) + integerDigits + (integerDigits - 1) / 3
            + (decimals > 0 ? decimals + 1 : 0) + suffix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: length) { buffer in
            var position = length
            suffix.withUTF8Buffer { bytes in
                position -= bytes.count
                for index in 0..<bytes.count { buffer[position + index] = bytes[index] }
            }
            var rest = value
            if decimals > 0 {
                for _ in 0..<decimals {
                    position -= 1
                    buffer[position] = ascii("0") + UInt8(rest % 10)
                    rest /= 10
                }
                position -= 1
                buffer[position] = ascii(",")
            }
            for index in 0..<integerDigits {
                if index > 0, index % 3 == 0 {
                    position -= 1
                    buffer[position] = ascii(".")
                }
                position -= 1
                buffer[position] = ascii("0") + UInt8(rest % 10)
                rest /= 10
            }
            if negative {
                position -= 1
                buffer[position] = ascii("-")
            }
            prefix.withUTF8Buffer { bytes in
                for index in 0..<bytes.count { buffer[index] = bytes[index] }
            }
            return length
        }
    }

    /// `value` rounded to `decimals` decimals after moving its decimal point `shift` places
    /// to the right, written the Dutch way. See ``number(_:decimals:)`` for the rounding.
    static func formatDecimal(_ value: Double, decimals requested: Int, shift: Int, suffix: StaticString) -> String {
        guard value.isFinite else { return "—" }
        let decimals = min(max(requested, 0), 40)

        // Fast path: scale in binary and round, when the result is clearly away from a tie
        // (so the binary error cannot change it) and fits exactly in a Double's integers.
        if decimals + shift <= 15 {
            let scaled = value.magnitude * powersOfTen[decimals + shift]
            if scaled < 9.0e15 {
                let below = scaled.rounded(.down)
                let distanceFromTie = abs(scaled - below - 0.5)
                if distanceFromTie > max(scaled, 1) * 1e-12 {
                    let rounded = UInt64(scaled.rounded(.toNearestOrAwayFromZero))
                    return fixedPoint(rounded, negative: value < 0 && rounded != 0, decimals: decimals, suffix: suffix)
                }
            }
        }

        // value.magnitude = 0.d₁d₂d₃… × 10^pointPosition
        var (digits, pointPosition) = shortestDigits(value.magnitude)
        pointPosition += shift

        // The digits of round(value × 10^decimals).
        let keep = pointPosition + decimals
        var rounded: [UInt8]
        if keep < 0 {
            rounded = [0]
        } else if keep == 0 {
            rounded = [digits[0] >= 5 ? 1 : 0]
        } else if keep >= digits.count {
            rounded = digits + [UInt8](repeating: 0, count: keep - digits.count)
        } else {
            rounded = Array(digits[..<keep])
            if digits[keep] >= 5 {
                var index = rounded.count - 1
                while index >= 0, rounded[index] == 9 {
                    rounded[index] = 0
                    index -= 1
                }
                if index >= 0 { rounded[index] += 1 } else { rounded.insert(1, at: 0) }
            }
        }
        if rounded.count < decimals + 1 {
            rounded.insert(contentsOf: [UInt8](repeating: 0, count: decimals + 1 - rounded.count), at: 0)
        }
        let integerCount = rounded.count - decimals
        var firstDigit = 0
        while firstDigit < integerCount - 1, rounded[firstDigit] == 0 { firstDigit += 1 }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(rounded.count + rounded.count / 3 + 2)
        if value < 0, rounded.contains(where: { $0 != 0 }) { bytes.append(ascii("-")) }
        for index in firstDigit..<integerCount {
            if index > firstDigit, (integerCount - index) % 3 == 0 { bytes.append(ascii(".")) }
            bytes.append(ascii("0") + rounded[index])
        }
        if decimals > 0 {
            bytes.append(ascii(","))
            for index in integerCount..<rounded.count { bytes.append(ascii("0") + rounded[index]) }
        }
        suffix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// The shortest decimal digits that identify `magnitude` (what `description` prints:
    /// `1234.5`, `1e-05`, `1.2345e+20`) as digit values without leading zeros, and where
    /// the decimal point goes: `magnitude = 0.d₁d₂… × 10^pointPosition`.
    static func shortestDigits(_ magnitude: Double) -> (digits: [UInt8], pointPosition: Int) {
        guard magnitude != 0 else { return ([0], 1) }
        let text = magnitude.description.utf8
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in text {
            switch byte {
            case ascii("0")...ascii("9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - ascii("0"))
                } else {
                    digits.append(byte - ascii("0"))
                    if !seenPoint { integerDigits += 1 }
                }
            case ascii("."): seenPoint = true
            case ascii("e"), ascii("E"): inExponent = true
            case ascii("-"): exponentNegative = true
            default: break  // "+" of the exponent
            }
        }
        var pointPosition = integerDigits + (exponentNegative ? -exponent : exponent)
        var leadingZeros = 0
        while leadingZeros < digits.count - 1, digits[leadingZeros] == 0 {
            leadingZeros += 1
            pointPosition -= 1
        }
        return (Array(digits[leadingZeros...]), pointPosition)
    }

    /// Whether the whole of `bytes` is a thousands-grouped integer: `1.234`, `12.345.678`.
    static func isThousandsGrouping(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains(ascii(".")) && isPlainOrGrouped(bytes)
    }

    /// Plain digits (`12500`) or digits grouped by dots in threes (`12.500`) whose first
    /// group has 1–3 digits and does not start with 0.
    static func isPlainOrGrouped(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        guard bytes.contains(ascii(".")) else { return bytes.allSatisfy(isDigit) }
        let groups = bytes.split(separator: ascii("."), omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.first != ascii("0") else { return false }
        return groups.allSatisfy { $0.allSatisfy(isDigit) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The value of plain or grouped digits (see ``isPlainOrGrouped(_:)``), `nil` if they
    /// are not or do not fit in a `UInt64`.
    static func parseGroupedDigits(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard isPlainOrGrouped(bytes) else { return nil }
        var value: UInt64 = 0
        for byte in bytes where byte != ascii(".") {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - ascii("0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// The UTF-8 bytes of typed text without surrounding white space. Text that begins and ends
    /// with a visible ASCII character (a typed number, nearly always) has nothing to trim: only
    /// the rest goes through Foundation, whose bridging cost more than the parse.
    static func trimmedBytes(_ text: String) -> ArraySlice<UInt8> {
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        let plain = text.utf8.first.map(visible.contains) == true && text.utf8.last.map(visible.contains) == true
        return Array((plain ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)).utf8)[...]
    }

    static func digitsValue(_ digits: Substring.UTF8View) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - ascii("0")) }
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0" + String(value) : String(value)
    }

    static func fourDigits(_ value: Int) -> String {
        let text = String(value)
        return value >= 0 && text.count < 4 ? String(repeating: "0", count: 4 - text.count) + text : text
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
}

@inline(__always)
func ascii(_ character: Unicode.Scalar) -> UInt8 {
    UInt8(truncatingIfNeeded: character.value)
}
