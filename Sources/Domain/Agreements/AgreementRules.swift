/// The checks on an agreement and the parsing of its grids from form fields, with the Dutch
/// messages the pages show. Number parsing is passed in (it lives in Markup's `DutchFormat`), so
/// these rules stay free of formatting code and are tested with the real parser in App tests.
public enum AgreementRules {
    // MARK: - A new agreement

    /// The period of a new agreement: both years given, in order, inside the programme.
    public static func validatePeriod(first: Int?, last: Int?, programme: Programme) -> ValidationErrors {
        var errors = ValidationErrors()
        let range = "\(programme.yearLabel(programme.firstYear)) tot en met \(programme.yearLabel(programme.lastYear))"
        guard let first else {
            errors.add("first_year", "Kies het eerste jaar van de afspraak.")
            return errors
        }
        guard let last else {
            errors.add("last_year", "Kies het laatste jaar van de afspraak.")
            return errors
        }
        if !programme.years.contains(first) { errors.add("first_year", "Het eerste jaar moet binnen het programma vallen (\(range)).") }
        if !programme.years.contains(last) { errors.add("last_year", "Het laatste jaar moet binnen het programma vallen (\(range)).") }
        if last < first { errors.add("last_year", "Het laatste jaar kan niet voor het eerste jaar liggen.") }
        return errors
    }

    // MARK: - Results

    /// One row of the results form as typed.
    public struct ResultInput: Sendable, Equatable {
        public var index: Int
        public var id: Int64?
        public var goal: String
        public var position: String
        public var description: String
        public var indicator: String
        public var unit: String
        public var baseline: String
        public var baselineYear: String
        public var direction: String
        public var dataSource: String
        public var accumulation: String
        public var remove: Bool
        /// The library indicator chosen (`indicators.id` as typed); empty: the indicator is the
        /// text, unit and direction above (matched to the library when stored).
        public var indicatorID: String = ""

        public init(index: Int, id: Int64? = nil, goal: String = "", position: String = "", description: String = "",
                    indicator: String = "", unit: String = "percent", baseline: String = "", baselineYear: String = "",
                    direction: String = "higher", dataSource: String = "", accumulation: String = "per_year", remove: Bool = false) {
            self.index = index
            self.id = id
            self.goal = goal
            self.position = position
            self.description = description
            self.indicator = indicator
            self.unit = unit
            self.baseline = baseline
            self.baselineYear = baselineYear
            self.direction = direction
            self.dataSource = dataSource
            self.accumulation = accumulation
            self.remove = remove
        }

        /// A new row left empty is ignored, not an error.
        public var isBlankNewRow: Bool {
            id == nil && description.trimmingWhitespace().isEmpty && indicator.trimmingWhitespace().isEmpty
        }
    }

    /// The results to keep, in the order of their position numbers (ties keep form order);
    /// existing results keep their id, new ones have id 0. Removed rows are left out.
    public static func results(_ inputs: [ResultInput], goals: Set<Int64>, knownIDs: Set<Int64>,
                               parseNumber: (String) -> Double?) -> (results: [AgreementResult], errors: ValidationErrors) {
        var errors = ValidationErrors()
        var kept: [(position: Int, index: Int, result: AgreementResult)] = []
        for input in inputs where !input.remove && !input.isBlankNewRow {
            let p = "r\(input.index)_"
            let name = input.description.trimmingWhitespace().isEmpty ? "resultaat \(input.index + 1)" : "‘\(input.description.trimmingWhitespace())’"
            if let id = input.id, !knownIDs.contains(id) { errors.add(p + "description", "Resultaat \(input.index + 1) bestaat niet (meer) in deze versie.") }
            let goal = Int64(input.goal)
            if goal == nil || !goals.contains(goal ?? 0) { errors.add(p + "goal", "Kies het programmadoel van \(name).") }
            Check.required(input.description, p + "description", "de omschrijving van resultaat \(input.index + 1)", into: &errors)
            Check.maxLength(input.description, 500, p + "description", "de omschrijving", into: &errors)
            Check.required(input.indicator, p + "indicator", "de indicator van \(name)", into: &errors)
            Check.maxLength(input.indicator, 200, p + "indicator", "de indicator", into: &errors)
            let unit = ResultUnit(rawValue: input.unit)
            if unit == nil { errors.add(p + "unit", "Kies de eenheid van \(name).") }
            let direction = IndicatorDirection(rawValue: input.direction)
            if direction == nil { errors.add(p + "direction", "Kies welke richting beter is bij \(name).") }
            let accumulation = TargetAccumulation(rawValue: input.accumulation)
            if accumulation == nil { errors.add(p + "accumulation", "Kies of de streefwaarden van \(name) per jaar of cumulatief zijn.") }
            var baseline: Double?
            let baselineText = input.baseline.trimmingWhitespace()
            if !baselineText.isEmpty {
                baseline = parseNumber(baselineText)
                if baseline == nil { errors.add(p + "baseline", "De nulmeting van \(name) is geen getal; schrijf bijvoorbeeld 12,5.") }
            }
            var baselineYear: Int?
            let yearText = input.baselineYear.trimmingWhitespace()
            if !yearText.isEmpty {
                baselineYear = Int(yearText)
                if baselineYear == nil || !(1990...2100).contains(baselineYear ?? 0) {
                    errors.add(p + "baseline_year", "Het jaar van de nulmeting van \(name) is geen geldig jaar.")
                }
            }
            let position = Int(input.position.trimmingWhitespace()) ?? (1000 + input.index)
            guard let goal, let unit, let direction, let accumulation else { continue }
            var result = AgreementResult(
                id: input.id ?? 0, goalID: goal, position: position, description: input.description.trimmingWhitespace(),
                indicator: input.indicator.trimmingWhitespace(), unit: unit, baselineValue: baseline, baselineYear: baselineYear,
                direction: direction, dataSource: input.dataSource.trimmingWhitespace(), accumulation: accumulation)
            result.indicatorID = Int64(input.indicatorID)
            kept.append((position, input.index, result))
        }
        kept.sort { ($0.position, $0.index) < ($1.position, $1.index) }
        var ordered: [AgreementResult] = []
        for (offset, item) in kept.enumerated() {
            var result = item.result
            result.position = offset + 1
            ordered.append(result)
        }
        return (ordered, errors)
    }

    // MARK: - Grids

    /// The targets grid (fields `t_<result id>_<year>`): a target for every result and every year
    /// of the period, numbers the Dutch way, not negative, years inside the period.
    public static func targets(fields: [(name: String, value: String)], results: [AgreementResult], years: ClosedRange<Int>,
                               yearLabel: (Int) -> String, parseNumber: (String) -> Double?)
        -> (values: [Int64: [Int: Double]], errors: ValidationErrors) {
        var errors = ValidationErrors()
        var typed: [Int64: [Int: String]] = [:]
        let ids = Set(results.map(\.id))
        for (name, value) in fields {
            guard case .target(let id, let year)? = GridField(name: name) else { continue }
            if !ids.contains(id) {
                errors.add(name, "Dit resultaat hoort niet (meer) bij deze versie.")
                continue
            }
            if !years.contains(year) {
                errors.add(name, "Het jaar \(yearLabel(year)) valt buiten de looptijd van de afspraak.")
                continue
            }
            typed[id, default: [:]][year] = value
        }
        var values: [Int64: [Int: Double]] = [:]
        for result in results {
            for year in years {
                var field: String { GridField.target(resultID: result.id, year: year).name }
                let text = (typed[result.id]?[year] ?? "").trimmingWhitespace()
                if text.isEmpty {
                    errors.add(field, "Vul de streefwaarde voor \(yearLabel(year)) in bij ‘\(result.indicator)’.")
                    continue
                }
                guard let value = parseNumber(text) else {
                    errors.add(field, "De streefwaarde voor \(yearLabel(year)) bij ‘\(result.indicator)’ is geen getal; schrijf bijvoorbeeld 12,5.")
                    continue
                }
                if let problem = problem(value, unit: result.unit) {
                    errors.add(field, "De streefwaarde voor \(yearLabel(year)) bij ‘\(result.indicator)’ \(problem).")
                    continue
                }
                values[result.id, default: [:]][year] = value
            }
        }
        return (values, errors)
    }

    static func problem(_ value: Double, unit: ResultUnit) -> String? {
        if !value.isFinite { return "is geen getal" }
        if value < 0 { return "mag niet negatief zijn" }
        switch unit {
        case .percent where value > 100: return "mag niet boven 100% liggen"
        case .yesno where value != 0 && value != 1: return "moet 1 (ja) of 0 (nee) zijn"
        default: return nil
        }
    }

    /// The contributions grid (fields `c_<organisation>_<source>_<year>`), amounts the Dutch way
    /// (`12.500`, `12.500,00`) as cents; an empty cell or zero is no contribution.
    public static func contributions(fields: [(name: String, value: String)], parties: Set<Int64>, sources: Set<Int64>,
                                     years: ClosedRange<Int>, yearLabel: (Int) -> String, parseEuros: (String) -> Int64?)
        -> (contributions: [Contribution], errors: ValidationErrors) {
        var errors = ValidationErrors()
        var out: [Contribution] = []
        for (name, value) in fields {
            guard case .contribution(let org, let source, let year)? = GridField(name: name) else {
                if GridField.isMalformedContribution(name) { errors.add(name, "Onbekende partij of financieringsbron in het bedragenrooster.") }
                continue
            }
            guard parties.contains(org), sources.contains(source) else {
                errors.add(name, "Onbekende partij of financieringsbron in het bedragenrooster.")
                continue
            }
            let text = value.trimmingWhitespace()
            if text.isEmpty { continue }
            if !years.contains(year) {
                errors.add(name, "Het jaar \(yearLabel(year)) valt buiten de looptijd van de afspraak.")
                continue
            }
            guard let cents = parseEuros(text) else {
                errors.add(name, "‘\(text)’ is geen bedrag; schrijf bijvoorbeeld 12.500 of 12.500,00.")
                continue
            }
            if cents < 0 {
                errors.add(name, "Een bijdrage kan niet negatief zijn (\(yearLabel(year))).")
                continue
            }
            if cents > 0 { out.append(Contribution(organisationID: org, fundingSourceID: source, year: year, cents: cents)) }
        }
        return (out, errors)
    }

    /// The staffing grid (fields `s_<role>_<year>` hours per week, `paid_<role>` paying party).
    public static func staffing(fields: [(name: String, value: String)], roles: Set<String>, parties: Set<Int64>,
                                years: ClosedRange<Int>, yearLabel: (Int) -> String, parseNumber: (String) -> Double?)
        -> (staffing: [Staffing], errors: ValidationErrors) {
        var errors = ValidationErrors()
        var payers: [String: Int64] = [:]
        for (name, value) in fields {
            guard case .payer(let role)? = GridField(name: name) else { continue }
            let text = value.trimmingWhitespace()
            if text.isEmpty { continue }
            guard roles.contains(role), let org = Int64(text), parties.contains(org) else {
                errors.add(name, "Kies een partij die deze functie betaalt.")
                continue
            }
            payers[role] = org
        }
        var out: [Staffing] = []
        for (name, value) in fields {
            guard case .staffing(let role, let year)? = GridField(name: name) else { continue }
            guard roles.contains(role) else {
                errors.add(name, "Onbekende functie in het formatierooster.")
                continue
            }
            let text = value.trimmingWhitespace()
            if text.isEmpty { continue }
            if !years.contains(year) {
                errors.add(name, "Het jaar \(yearLabel(year)) valt buiten de looptijd van de afspraak.")
                continue
            }
            guard let hours = parseNumber(text), hours.isFinite else {
                errors.add(name, "‘\(text)’ is geen aantal uren; schrijf bijvoorbeeld 22 of 16,5.")
                continue
            }
            if hours < 0 || hours > 80 {
                errors.add(name, "Het aantal uren per week moet tussen 0 en 80 liggen (\(yearLabel(year))).")
                continue
            }
            if hours > 0 { out.append(Staffing(roleCode: role, year: year, hours: hours, paidBy: payers[role])) }
        }
        return (out, errors)
    }

    // MARK: - Status

    /// What stands between a concept and signing: a target for every year of every result,
    /// figures inside the period, a signatory for every party, and a result under every goal only
    /// when the programme requires that (`requireEveryGoal`; otherwise it is a warning).
    public static func problemsBeforeSigning(_ content: AgreementContent, goals: [ProgrammeGoal], years: ClosedRange<Int>,
                                             requireEveryGoal: Bool = false, yearLabel: (Int) -> String) -> ValidationErrors {
        var errors = ValidationErrors()
        for goal in uncoveredGoals(content, goals: goals) where requireEveryGoal {
            errors.add("results", "Voeg minstens één resultaat toe onder het doel ‘\(goal.name)’.")
        }
        for result in content.results {
            let missing = years.filter { result.targets[$0] == nil }
            if !missing.isEmpty {
                errors.add("targets", "Vul bij ‘\(result.indicator)’ een streefwaarde in voor \(missing.map(yearLabel).joined(separator: ", ")).")
            }
            let outside = result.targets.keys.filter { !years.contains($0) }
            if !outside.isEmpty { errors.add("targets", "‘\(result.indicator)’ heeft streefwaarden buiten de looptijd.") }
        }
        if content.contributions.contains(where: { !years.contains($0.year) }) {
            errors.add("contributions", "Er staan bijdragen in jaren buiten de looptijd.")
        }
        if content.contributions.contains(where: { $0.cents < 0 }) {
            errors.add("contributions", "Een bijdrage kan niet negatief zijn.")
        }
        if content.staffing.contains(where: { !years.contains($0.year) }) {
            errors.add("staffing", "Er staat formatie in jaren buiten de looptijd.")
        }
        for party in content.parties where party.signatoryName.trimmingWhitespace().isEmpty {
            errors.add("parties", "Vul in wie tekent namens \(party.organisationName).")
        }
        return errors
    }

    public static let maxReasonLength = 2000

    /// The reason of an amendment is required: every version says why it exists.
    public static func validateAmendment(reason: String) -> ValidationErrors {
        var errors = ValidationErrors()
        Check.required(reason, "reason", "de reden van de bijstelling", into: &errors)
        Check.maxLength(reason, maxReasonLength, "reason", "de reden", multiLine: true, into: &errors)
        return errors
    }

    /// Another organisation as party (role `partner`): one that is not a party yet, with at
    /// most 200 characters for who signs and their title.
    public static func validatePartner(organisation: Int64?, candidates: Set<Int64>, signatoryName: String, signatoryTitle: String) -> ValidationErrors {
        var errors = ValidationErrors()
        if let organisation {
            if !candidates.contains(organisation) { errors.add("organisation", "Deze organisatie is al partij bij deze afspraak of bestaat niet.") }
        } else {
            errors.add("organisation", "Kies de organisatie die partij wordt.")
        }
        Check.maxLength(signatoryName, 200, "signatory_name", "de naam van wie tekent", into: &errors)
        Check.maxLength(signatoryTitle, 200, "signatory_title", "de functie", into: &errors)
        return errors
    }
}

/// Plain text from users as blocks: paragraphs (separated by an empty line) and simple lists
/// (lines starting with `- `). Views render the blocks; no markup from users is ever kept.
public enum PlainTextBlocks {
    public enum Block: Sendable, Equatable {
        case paragraph([String])
        case list([String])
    }

    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var list: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
            if !list.isEmpty { blocks.append(.list(list)); list = [] }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)); paragraph = [] }
                list.append(String(line.dropFirst(2)).trimmingWhitespace())
            } else {
                if !list.isEmpty { blocks.append(.list(list)); list = [] }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }
}
