/// An indicator of the programme's library (table `indicators`): defined once, chosen by every
/// agreement result that measures it, so results add up across the Plus IKCs.
public struct Indicator: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var definition: String
    public var unit: ResultUnit
    public var direction: IndicatorDirection
    public var cumulative: Bool
    public var source: String
    /// Decimals shown on the page, in the CSV and in the report.
    public var decimals: Int
    /// For a percentage: what the numerator and the denominator count (both or neither).
    public var numeratorLabel: String
    public var denominatorLabel: String
    public var retired: Bool
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String, definition: String = "", unit: ResultUnit, direction: IndicatorDirection = .higher,
                cumulative: Bool = false, source: String = "", decimals: Int = 1, numeratorLabel: String = "",
                denominatorLabel: String = "", retired: Bool = false, lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.definition = definition
        self.unit = unit
        self.direction = direction
        self.cumulative = cumulative
        self.source = source
        self.decimals = decimals
        self.numeratorLabel = numeratorLabel
        self.denominatorLabel = denominatorLabel
        self.retired = retired
        self.lockVersion = lockVersion
    }

    /// Whether IKCs may report this percentage as numerator and denominator.
    public var hasFraction: Bool { unit == .percent && !numeratorLabel.isEmpty && !denominatorLabel.isEmpty }

    public var accumulation: TargetAccumulation { cumulative ? .cumulative : .perYear }

    /// The units a new indicator may have (ja/nee only survives from older results).
    public static let units: [ResultUnit] = [.percent, .number, .score, .euro]

    /// The fields for the audit log and the conflict page.
    public var fields: [RecordField] {
        [RecordField("name", "Naam", name), RecordField("definition", "Definitie", definition),
         RecordField("unit", "Eenheid", unit.label), RecordField("direction", "Richting", direction.label),
         RecordField("cumulative", "Cumulatief", cumulative ? "ja" : "nee"), RecordField("source", "Bron", source),
         RecordField("decimals", "Decimalen", String(decimals)), RecordField("numerator_label", "Teller", numeratorLabel),
         RecordField("denominator_label", "Noemer", denominatorLabel), RecordField("retired", "Vervallen", retired ? "ja" : "nee")]
    }
}

/// A library indicator with what uses it: the list page and the retire rule read it.
public struct IndicatorUse: Sendable, Equatable {
    public var indicator: Indicator
    /// Agreement results pointing at it, and the IKCs they belong to.
    public var results: Int
    public var ikcs: Int
    /// Area indicators shown beside it (names as in `area_indicators.indicator`).
    public var areaIndicators: [String]

    public init(indicator: Indicator, results: Int, ikcs: Int, areaIndicators: [String] = []) {
        self.indicator = indicator
        self.results = results
        self.ikcs = ikcs
        self.areaIndicators = areaIndicators
    }

    /// Why it cannot be retired, or nil when it can: one in use by a result of an agreement
    /// stays, so that no figure loses its definition.
    public var retireRefusal: String? {
        guard results > 0 else { return nil }
        return "Deze indicator wordt gebruikt door \(results) \(results == 1 ? "resultaat" : "resultaten") in de afspraken van \(ikcs) \(ikcs == 1 ? "IKC" : "IKC's"). Kies bij die resultaten eerst een andere indicator; een indicator in gebruik vervalt niet en wordt nooit verwijderd."
    }
}

/// The library form as typed: strings as they came, validated into Dutch messages, kept so a
/// refused form shows the input again.
public struct IndicatorForm: Sendable, Equatable {
    public var name: String
    public var definition: String
    public var unit: String
    public var direction: String
    public var cumulative: Bool
    public var source: String
    public var decimals: String
    public var numeratorLabel: String
    public var denominatorLabel: String
    public var areaIndicators: [String]

    public init(name: String = "", definition: String = "", unit: String = "", direction: String = "higher", cumulative: Bool = false,
                source: String = "", decimals: String = "1", numeratorLabel: String = "", denominatorLabel: String = "",
                areaIndicators: [String] = []) {
        self.name = name
        self.definition = definition
        self.unit = unit
        self.direction = direction
        self.cumulative = cumulative
        self.source = source
        self.decimals = decimals
        self.numeratorLabel = numeratorLabel
        self.denominatorLabel = denominatorLabel
        self.areaIndicators = areaIndicators
    }

    public init(_ use: IndicatorUse) {
        let i = use.indicator
        self.init(name: i.name, definition: i.definition, unit: i.unit.rawValue, direction: i.direction.rawValue, cumulative: i.cumulative,
                  source: i.source, decimals: String(i.decimals), numeratorLabel: i.numeratorLabel, denominatorLabel: i.denominatorLabel,
                  areaIndicators: use.areaIndicators)
    }

    /// `prefix` names the fields when the form sits inside another (the results form: "new_").
    /// `stored` is the indicator as stored when editing: a unit that is no longer offered stays allowed.
    public func validate(prefix: String = "", stored: Indicator? = nil) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(name, prefix + "name", "de naam van de indicator", into: &errors)
        Check.maxLength(name, 200, prefix + "name", "de naam", into: &errors)
        Check.maxLength(definition, 2000, prefix + "definition", "de definitie", multiLine: true, into: &errors)
        let unit = ResultUnit(rawValue: self.unit)
        if unit == nil || !(Indicator.units.contains(unit ?? .yesno) || unit == stored?.unit) {
            errors.add(prefix + "unit", "Kies de eenheid van de indicator: percentage, aantal, score of euro.")
        }
        if IndicatorDirection(rawValue: direction) == nil { errors.add(prefix + "direction", "Kies welke richting beter is.") }
        Check.maxLength(source, 200, prefix + "source", "de bron", into: &errors)
        if let d = Int(decimals.trimmingWhitespace()), (0...3).contains(d) {} else {
            errors.add(prefix + "decimals", "Vul het aantal decimalen in: 0, 1, 2 of 3.")
        }
        Check.maxLength(numeratorLabel, 200, prefix + "numerator_label", "de teller", into: &errors)
        Check.maxLength(denominatorLabel, 200, prefix + "denominator_label", "de noemer", into: &errors)
        let hasNumerator = !numeratorLabel.trimmingWhitespace().isEmpty, hasDenominator = !denominatorLabel.trimmingWhitespace().isEmpty
        if hasNumerator != hasDenominator {
            errors.add(prefix + (hasNumerator ? "denominator_label" : "numerator_label"), "Vul teller én noemer in, of laat beide leeg.")
        } else if hasNumerator && unit != .percent {
            errors.add(prefix + "numerator_label", "Alleen een percentage heeft een teller en een noemer.")
        }
        return errors
    }

    /// The indicator, once `validate` found nothing.
    public func indicator(id: Int64 = 0, retired: Bool = false, lockVersion: Int64 = 1) -> Indicator? {
        guard let unit = ResultUnit(rawValue: unit), let direction = IndicatorDirection(rawValue: direction),
              let decimals = Int(decimals.trimmingWhitespace()) else { return nil }
        return Indicator(id: id, name: name.trimmingWhitespace(), definition: definition.trimmingWhitespace(), unit: unit, direction: direction,
                         cumulative: cumulative, source: source.trimmingWhitespace(), decimals: decimals,
                         numeratorLabel: numeratorLabel.trimmingWhitespace(), denominatorLabel: denominatorLabel.trimmingWhitespace(),
                         retired: retired, lockVersion: lockVersion)
    }
}
