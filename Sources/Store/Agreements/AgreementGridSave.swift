import Domain
import SQLite

/// Saving one grid of a concept version as one unit of work: what the save reads and what it
/// writes share one immediate transaction, so the form is checked against exactly the state it
/// changes and the page is read once (no read transaction before the write).
extension Agreements {
    /// What a grid's form asks for once checked against the stored agreement: the cells to store,
    /// the lock_version the form was loaded with, and the audit's changes (field, old, new).
    public struct GridEdit {
        public enum Cells {
            case targets([Int64: [Int: Double]])
            case contributions([Contribution])
            case staffing([Staffing])
        }

        public var cells: Cells
        public var expected: Int64
        public var changes: [(String, String?, String?)]

        public init(_ cells: Cells, expected: Int64, changes: [(String, String?, String?)]) {
            self.cells = cells
            self.expected = expected
            self.changes = changes
        }
    }

    /// Saves `grid` of agreement `agreementID`'s newest version in one immediate transaction:
    /// reads the agreement with what the save needs (`forSaving`: its parties, results and that
    /// grid's cells), hands it to `decide` (nil and nil: no such agreement or version), and stores
    /// the `GridEdit` it returns: claims the version at `expected`, replaces the grid's cells,
    /// refuses a change to a closed year's cell (`ClosedYearRefusal`), writes the audit row.
    /// `decide` checks the access, the status and the form, and runs inside the transaction, so
    /// it must only compute; it returns nil to store nothing (the form was refused) and may throw,
    /// which rolls everything back. `programme` is the session's settings.
    /// - Throws: `StoreError.staleVersion` when the version moved on since the form was loaded.
    public static func saveGrid(_ grid: AgreementGrid, agreementID: Int64, programme: Programme, by actor: Int64, in store: DataStore,
                                _ decide: (Agreement?, AgreementPageData?) throws -> GridEdit?) throws {
        try store.write { c in
            let agreement = try find(id: agreementID, c)
            let data = try agreement.flatMap { try forSaving($0, grid: grid, programme: programme, c) }
            guard let edit = try decide(agreement, data), let agreement, let version = data?.version else { return }
            try claim(.agreementVersions, id: version.id, expected: edit.expected, c)
            let summary: String
            switch edit.cells {
            case .targets(let values):
                summary = "Streefwaarden gewijzigd"
                try replaceTargets(values, version: version, closed: try closedYears(agreementID: agreement.id, c), c)
            case .contributions(let contributions):
                summary = "Bijdragen gewijzigd"
                try keepingClosedYears(agreementID: agreement.id, versionID: version.id, of: .contributions, c) {
                    try replaceContributions(contributions, version: version, c)
                }
            case .staffing(let staffing):
                summary = "Formatie gewijzigd"
                try keepingClosedYears(agreementID: agreement.id, versionID: version.id, of: .staffing, c) { try replaceStaffing(staffing, version: version, c) }
            }
            try audit(agreement, version, by: actor, action: "update", summary: summary, changes: edit.changes, c)
        }
    }
}
