import Domain
import Markup

/// The funding tables as CSV the way Dutch Excel reads it: UTF-8 with a byte-order mark, fields
/// separated by semicolons, lines ending in CRLF, fields quoted when they hold a separator, a
/// quote or a line break (RFC 4180 §2), amounts in euros with a decimal comma and no thousands
/// dots (`12500,00`), an unknown amount as an empty field. Text that a spreadsheet would take
/// for a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe (OWASP "CSV injection").
public enum FundingCSV {
    public enum Field: Sendable {
        case text(String)
        case amount(Int64?)
    }

    /// The bytes of a CSV file with a header line and rows.
    public static func document(header: [String], rows: [[Field]]) -> [UInt8] {
        let lines = [header] + rows.map { $0.map(render) }
        return Array(CSV.document(lines).utf8)
    }

    static func render(_ field: Field) -> String {
        switch field {
        case .text(let text): text
        case .amount(let cents): CSV.euros(cents)
        }
    }

    /// Whole cents as euros with a decimal comma: 1250000 -> "12500,00", -505 -> "-5,05".
    public static func amount(_ cents: Int64) -> String { CSV.euros(cents) }

    static let balanceHeader = ["Budget", "Toegezegd (vastgesteld)", "Concept (wijziging)", "Resterend", "Overschrijding", "Gerealiseerd"]

    static func balanceFields(_ balance: Funding.Balance) -> [Field] {
        [.amount(balance.budget), .amount(balance.committed), .amount(balance.conceptChange), .amount(balance.remaining),
         .amount(balance.overCommitment), .amount(balance.spent)]
    }

    // MARK: - The tables

    /// The overview: one line per source and year, then one per year for all sources.
    public static func overview(programme: Programme, sources: FundingSourceList, ledger: Funding.Ledger) -> [UInt8] {
        var rows: [[Field]] = []
        for source in sources.list {
            for year in ledger.years {
                rows.append([.text(source.name), .text(sources.kindLabel(source)), .text(programme.yearLabel(year))] + balanceFields(ledger.balance(source.id, year)))
            }
        }
        for year in ledger.years {
            rows.append([.text("Alle bronnen"), .text(""), .text(programme.yearLabel(year))] + balanceFields(ledger.yearTotal(year)))
        }
        return document(header: ["Financieringsbron", "Soort", "Jaar"] + balanceHeader, rows: rows)
    }

    /// A source's balance per year, with a total line.
    public static func sourceYears(programme: Programme, sourceID: Int64, ledger: Funding.Ledger) -> [UInt8] {
        var rows: [[Field]] = ledger.years.map { [.text(programme.yearLabel($0))] + balanceFields(ledger.balance(sourceID, $0)) }
        rows.append([.text("Totaal")] + balanceFields(ledger.sourceTotal(sourceID)))
        return document(header: ["Jaar"] + balanceHeader, rows: rows)
    }

    /// What each IKC's agreement in force draws on a source per year, with a total line.
    public static func sourceIKCs(programme: Programme, sourceID: Int64, ledger: Funding.Ledger, rows drawing: [Funding.DrawingRow]) -> [UInt8] {
        var rows: [[Field]] = []
        for row in drawing {
            let total = ledger.years.reduce(Int64(0)) { $0 + (row.committed[$1] ?? 0) }
            rows.append([.text(row.ikcName)] + ledger.years.map { .amount(row.committed[$0] ?? 0) } + [.amount(total)])
        }
        rows.append([.text("Totaal toegezegd")] + ledger.years.map { .amount(ledger.balance(sourceID, $0).committed) }
                    + [.amount(ledger.sourceTotal(sourceID).committed)])
        return document(header: ["IKC"] + ledger.years.map(programme.yearLabel) + ["Totaal"], rows: rows)
    }

    /// Every source's balance in one year, with a line for all sources.
    public static func yearSources(year: Int, sources: FundingSourceList, ledger: Funding.Ledger) -> [UInt8] {
        var rows: [[Field]] = sources.list.map { [.text($0.name)] + balanceFields(ledger.balance($0.id, year)) }
        rows.append([.text("Alle bronnen")] + balanceFields(ledger.yearTotal(year)))
        return document(header: ["Financieringsbron"] + balanceHeader, rows: rows)
    }

    /// What each IKC commits per source in one year, with a total line.
    public static func yearIKCs(year: Int, sources: FundingSourceList, ledger: Funding.Ledger, rows yearRows: [Funding.YearRow]) -> [UInt8] {
        var rows: [[Field]] = []
        for row in yearRows {
            let total = ledger.totalSourceIDs.reduce(Int64(0)) { $0 + (row.committed[$1] ?? 0) }  // parts are inside their parents
            rows.append([.text(row.ikcName)] + sources.list.map { .amount(row.committed[$0.id] ?? 0) } + [.amount(total)])
        }
        rows.append([.text("Totaal")] + sources.list.map { .amount(ledger.balance($0.id, year).committed) } + [.amount(ledger.yearTotal(year).committed)])
        return document(header: ["IKC"] + sources.list.map(\.name) + ["Totaal"], rows: rows)
    }

    /// The scenario's effect per year, all sources together.
    public static func scenarioYears(programme: Programme, outcome: Funding.ScenarioOutcome) -> [UInt8] {
        let rows: [[Field]] = outcome.after.years.map { year in
            let before = outcome.before.yearTotal(year), after = outcome.after.yearTotal(year)
            return [.text(programme.yearLabel(year)), .amount(before.budget), .amount(after.budget), .amount(before.committed),
                    .amount(after.committed), .amount(before.remaining), .amount(after.remaining), .amount(after.remaining - before.remaining)]
        }
        return document(header: ["Jaar", "Budget nu", "Budget scenario", "Toegezegd nu", "Toegezegd scenario", "Resterend nu",
                                 "Resterend scenario", "Verschil"], rows: rows)
    }

    /// The scenario's remaining budget per source and year.
    public static func scenarioSources(programme: Programme, sources: FundingSourceList, outcome: Funding.ScenarioOutcome) -> [UInt8] {
        var rows: [[Field]] = []
        for sourceID in outcome.after.sourceIDs {
            for year in outcome.after.years {
                let before = outcome.before.balance(sourceID, year), after = outcome.after.balance(sourceID, year)
                rows.append([.text(sources.name(sourceID)), .text(programme.yearLabel(year)), .amount(before.remaining),
                             .amount(after.remaining), .amount(after.overCommitment)])
            }
        }
        return document(header: ["Financieringsbron", "Jaar", "Resterend nu", "Resterend scenario", "Overschrijding scenario"], rows: rows)
    }
}
