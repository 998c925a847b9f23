/// The programme's general settings as typed in: names, years, ages, predicate term.
public struct ProgrammeGeneralForm: Sendable, Equatable {
    public var name: String
    public var shortName: String
    public var siteName: String
    public var municipality: String
    public var yearKind: String
    public var firstYear: String
    public var lastYear: String
    public var steeringGroup: String
    public var minAge: String
    public var maxAge: String
    public var plusTermYears: String
    public var plusReassessmentYears: String

    public init(name: String = "", shortName: String = "", siteName: String = "", municipality: String = "", yearKind: String = "",
                firstYear: String = "", lastYear: String = "", steeringGroup: String = "", minAge: String = "", maxAge: String = "",
                plusTermYears: String = "", plusReassessmentYears: String = "") {
        self.name = name
        self.shortName = shortName
        self.siteName = siteName
        self.municipality = municipality
        self.yearKind = yearKind
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.steeringGroup = steeringGroup
        self.minAge = minAge
        self.maxAge = maxAge
        self.plusTermYears = plusTermYears
        self.plusReassessmentYears = plusReassessmentYears
    }

    public init(_ p: Programme) {
        self.init(name: p.name, shortName: p.shortName, siteName: p.siteName, municipality: p.municipality, yearKind: p.yearKind.rawValue,
                  firstYear: String(p.firstYear), lastYear: String(p.lastYear), steeringGroup: p.steeringGroup,
                  minAge: String(p.minAge), maxAge: String(p.maxAge), plusTermYears: String(p.plusTermYears),
                  plusReassessmentYears: String(p.plusReassessmentYears))
    }

    /// The field names and their Dutch labels, in the order of the form.
    public static let textFields: [(name: String, label: String)] = [
        ("name", "Naam van het programma"), ("shortName", "Korte naam"), ("siteName", "Naam van de site"),
        ("municipality", "Gemeente"), ("steeringGroup", "Naam van de stuurgroep"),
    ]

    public static let years = 2000...2100
    public static let ages = 0...25

    public func validate() -> ValidationErrors {
        var errors = ValidationErrors()
        for (field, value, label) in [("name", name, "de naam van het programma"), ("shortName", shortName, "de korte naam"),
                                      ("siteName", siteName, "de naam van de site"), ("municipality", municipality, "de gemeente"),
                                      ("steeringGroup", steeringGroup, "de naam van de stuurgroep")] {
            Check.required(value, field, label, into: &errors)
            Check.maxLength(value, 200, field, label, into: &errors)
        }
        if Programme.YearKind(rawValue: yearKind) == nil { errors.add("yearKind", "Kies schooljaren of kalenderjaren.") }
        let first = Int(firstYear.trimmingWhitespace()).flatMap { ProgrammeGeneralForm.years.contains($0) ? $0 : nil }
        let last = Int(lastYear.trimmingWhitespace()).flatMap { ProgrammeGeneralForm.years.contains($0) ? $0 : nil }
        if first == nil { errors.add("firstYear", "Vul als eerste jaar een jaartal van 2000 tot en met 2100 in.") }
        if last == nil { errors.add("lastYear", "Vul als laatste jaar een jaartal van 2000 tot en met 2100 in.") }
        if let first, let last, last < first {
            errors.add("lastYear", "Het laatste jaar (\(last)) ligt voor het eerste jaar (\(first)).")
        }
        let low = Int(minAge.trimmingWhitespace()).flatMap { ProgrammeGeneralForm.ages.contains($0) ? $0 : nil }
        let high = Int(maxAge.trimmingWhitespace()).flatMap { ProgrammeGeneralForm.ages.contains($0) ? $0 : nil }
        if low == nil { errors.add("minAge", "Vul als jongste leeftijd een getal van 0 tot en met 25 in.") }
        if high == nil { errors.add("maxAge", "Vul als oudste leeftijd een getal van 0 tot en met 25 in.") }
        if let low, let high, high < low { errors.add("maxAge", "De oudste leeftijd (\(high)) is lager dan de jongste (\(low)).") }
        for (field, value, label) in [("plusTermYears", plusTermYears, "de termijn van het predicaat"),
                                      ("plusReassessmentYears", plusReassessmentYears, "de herijking van het predicaat")] {
            if Int(value.trimmingWhitespace()).map({ (1...20).contains($0) }) != true {
                errors.add(field, "Vul voor \(label) een aantal jaren van 1 tot en met 20 in.")
            }
        }
        return errors
    }

    /// The settings with this form's values; call after `validate` found nothing.
    public func applied(to programme: Programme) -> Programme {
        var p = programme
        p.name = name.trimmingWhitespace()
        p.shortName = shortName.trimmingWhitespace()
        p.siteName = siteName.trimmingWhitespace()
        p.municipality = municipality.trimmingWhitespace()
        p.steeringGroup = steeringGroup.trimmingWhitespace()
        p.yearKind = Programme.YearKind(rawValue: yearKind) ?? p.yearKind
        p.firstYear = Int(firstYear.trimmingWhitespace()) ?? p.firstYear
        p.lastYear = Int(lastYear.trimmingWhitespace()) ?? p.lastYear
        p.minAge = Int(minAge.trimmingWhitespace()) ?? p.minAge
        p.maxAge = Int(maxAge.trimmingWhitespace()) ?? p.maxAge
        p.plusTermYears = Int(plusTermYears.trimmingWhitespace()) ?? p.plusTermYears
        p.plusReassessmentYears = Int(plusReassessmentYears.trimmingWhitespace()) ?? p.plusReassessmentYears
        return p
    }
}
