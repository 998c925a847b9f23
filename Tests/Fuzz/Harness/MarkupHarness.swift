// Compiled into the Markup module only by Tests/Fuzz/run.sh (never by `swift build`).

/// Entry points of the Dutch number and money fuzz targets (dates: FuzzDomain.date).
public enum FuzzMarkup {
    public static func number(_ data: [UInt8]) {
        _ = DutchFormat.parseDecimal(String(decoding: data, as: UTF8.self))
    }

    /// A parsed amount, formatted and parsed again, is the same amount.
    public static func money(_ data: [UInt8]) {
        guard let cents = DutchFormat.parseEuros(String(decoding: data, as: UTF8.self)) else { return }
        let again = DutchFormat.parseEuros(DutchFormat.eurosExact(cents: cents))
        if again != cents { preconditionFailure("\(cents) cents formats as \(DutchFormat.eurosExact(cents: cents)), read back as \(String(describing: again))") }
    }
}
