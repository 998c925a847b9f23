/// A form as typed in: strings as they came from the browser, validated into Dutch messages
/// per field, then turned into a record. Kept as typed so a failed form shows the user's own
/// input again.
public struct IKCForm: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var koepelID: String
    public var areaID: String
    public var directorName: String
    public var childrenCount: String
    public var profile: String
    public var childcareIDs: [String]

    public init(name: String = "", kind: String = IKCKind.plus.rawValue, koepelID: String = "", areaID: String = "",
                directorName: String = "", childrenCount: String = "", profile: String = "", childcareIDs: [String] = []) {
        self.name = name
        self.kind = kind
        self.koepelID = koepelID
        self.areaID = areaID
        self.directorName = directorName
        self.childrenCount = childrenCount
        self.profile = profile
        self.childcareIDs = childcareIDs
    }

    public init(_ ikc: IKC) {
        self.init(name: ikc.name, kind: ikc.kind.rawValue, koepelID: String(ikc.koepelID),
                  areaID: ikc.areaID.map { String($0) } ?? "", directorName: ikc.directorName,
                  childrenCount: ikc.childrenCount.map { String($0) } ?? "", profile: ikc.profile,
                  childcareIDs: ikc.childcareIDs.map { String($0) })
    }

    public static let childrenRange = 1...2000

    /// Checks the form against the koepels, areas and childcare organisations that exist.
    /// `kinds`: the programme's IKC kinds (KvK2's when not given).
    public func validate(koepels: Set<Int64>, areas: Set<Int64>, childcare: Set<Int64>, kinds: [IKCKindSetting]? = nil) -> ValidationErrors {
        let kinds = kinds ?? IKCKind.allCases.map { IKCKindSetting(code: $0.rawValue, label: $0.label, inProgramme: $0 == .plus, carriesPredicate: $0 == .plus) }
        var errors = ValidationErrors()
        Check.required(name, "name", "de naam", into: &errors)
        Check.maxLength(name, 200, "name", "de naam", into: &errors)
        if !kinds.contains(where: { $0.code == kind }) { errors.add("kind", "Kies het soort IKC.") }
        if let id = Int64(koepelID), koepels.contains(id) {} else { errors.add("koepelID", "Kies de koepel van het IKC.") }
        if !areaID.isEmpty, !(Int64(areaID).map(areas.contains) ?? false) { errors.add("areaID", "Kies een bestaand gebied.") }
        if let predicate = kinds.first(where: \.carriesPredicate), kind == predicate.code, areaID.isEmpty {
            errors.add("areaID", "Een \(predicate.label) ligt in een gebied; kies het gebied.")
        }
        if childcareIDs.contains(where: { !(Int64($0).map(childcare.contains) ?? false) }) {
            errors.add("childcareIDs", "Kies bestaande kinderopvangorganisaties.")
        }
        let count = childrenCount.trimmingWhitespace().replacingAll(".", with: "")
        if !count.isEmpty {
            if let n = Int(count), IKCForm.childrenRange.contains(n) {} else {
                errors.add("childrenCount", "Vul een aantal kinderen in tussen 1 en 2.000 (alleen cijfers).")
            }
        }
        Check.maxLength(directorName, 200, "directorName", "de naam van de directeur", into: &errors)
        Check.maxLength(profile, 2000, "profile", "het profiel", multiLine: true, into: &errors)
        return errors
    }

    /// The record; call after `validate` found nothing.
    public func ikc(id: Int64 = 0, lockVersion: Int64 = 1) -> IKC {
        IKC(id: id, name: name.trimmingWhitespace(), kind: IKCKind(rawValue: kind) ?? .regulier, koepelID: Int64(koepelID) ?? 0,
            areaID: Int64(areaID), directorName: directorName.trimmingWhitespace(),
            childrenCount: Int(childrenCount.trimmingWhitespace().replacingAll(".", with: "")),
            profile: profile.trimmingWhitespace(), childcareIDs: Array(Set(childcareIDs.compactMap { Int64($0) })).sorted(),
            lockVersion: lockVersion)
    }
}
