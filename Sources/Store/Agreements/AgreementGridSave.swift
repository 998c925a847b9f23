import Domain
import SQLite

/// Saving one grid of a concept version: read and checked on a snapshot, stored in one immediate
/// transaction that claims the version the check saw. Only the writing holds the writer's lock,
/// so saves queued behind it read and check meanwhile (at 16 saves at once the lock was held
/// 300–330 µs per save with the reading and checking inside, 150–180 µs without).
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

    /// Saves `grid` of agreement `agreementID`'s newest version in two steps. First, on a read
    /// snapshot and outside the writer's lock: reads the agreement with what the save needs
    /// (`forSaving`: its parties, results and that grid's cells) and hands it to `decide` (nil and
    /// nil: no such agreement or version). Then, in one immediate transaction, stores the
    /// `GridEdit` it returns: claims the version at the lock_version `decide` saw, replaces the
    /// grid's cells, refuses a change to a closed year's cell (`ClosedYearRefusal`) and writes the
    /// audit row. The claim holds the decision to the state it was made on: every change to a
    /// version's results, parties or cells claims it too, so a version still at that lock_version
    /// is the version `decide` read; the closed years, which other records set, are read inside.
    /// `decide` checks the access, the status and the form, and must only compute; it returns nil
    /// to store nothing (the form was refused) and may throw. `programme` is the session's settings.
    /// - Throws: `StoreError.staleVersion` when the form's version (`expected`) is not the one
    ///   read, or the version moved on before the claim.
    public static func saveGrid(_ grid: AgreementGrid, agreementID: Int64, programme: Programme, by actor: Int64, in store: DataStore,
                                _ decide: (Agreement?, AgreementPageData?) throws -> GridEdit?) throws {
        let (found, data) = try store.read { c in
            let agreement = try find(id: agreementID, c)
            return (agreement, try agreement.flatMap { try forSaving($0, grid: grid, programme: programme, c) })
        }
        guard let edit = try decide(found, data), let agreement = found, let version = data?.version else { return }
        guard edit.expected == version.lockVersion else {
            throw StoreError.staleVersion(record: VersionedTable.agreementVersions.record, id: version.id, expected: edit.expected,
                                          actual: version.lockVersion)
        }
        let summary: String
        switch edit.cells {
        case .targets: summary = "Streefwaarden gewijzigd"
        case .contributions: summary = "Bijdragen gewijzigd"
        case .staffing: summary = "Formatie gewijzigd"
        }
        let entry = auditEntry(agreement, version, summary: summary, changes: edit.changes)
        try store.write { c in
            try claim(.agreementVersions, id: version.id, expected: edit.expected, c)
            switch edit.cells {
            case .targets(let values):
                try replaceTargets(values, version: version, closed: try closedYears(agreementID: agreement.id, c), c)
            case .contributions(let contributions):
                try keepingClosedYears(agreementID: agreement.id, versionID: version.id, of: .contributions, c) {
                    try replaceContributions(contributions, version: version, c)
                }
            case .staffing(let staffing):
                try keepingClosedYears(agreementID: agreement.id, versionID: version.id, of: .staffing, c) { try replaceStaffing(staffing, version: version, c) }
            }
            try AuditLog.record(userID: actor, action: "update", recordType: "agreement", recordID: agreement.id,
                                summary: entry.summary, oldValues: entry.old, newValues: entry.new, c)
        }
    }
}
