/// What an IKC can be linked to: the koepels, the childcare organisations and the areas, as
/// (id, name) for the form's pickers and for the names in the audit log.
public struct IKCChoices: Sendable {
    public var koepels: [(id: Int64, name: String)]
    public var childcare: [(id: Int64, name: String)]
    public var areas: [(id: Int64, name: String)]

    public init(koepels: [(id: Int64, name: String)], childcare: [(id: Int64, name: String)], areas: [(id: Int64, name: String)]) {
        self.koepels = koepels
        self.childcare = childcare
        self.areas = areas
    }

    /// The fields of `ikc` for the audit log and the conflict page, links by name (by id when
    /// the name is not among the choices).
    public func fields(of ikc: IKC) -> [RecordField] {
        let koepel = koepels.first { $0.id == ikc.koepelID }?.name ?? String(ikc.koepelID)
        let area = ikc.areaID.map { id in areas.first { $0.id == id }?.name ?? String(id) } ?? ""
        let childcareNames = ikc.childcareIDs.map { id in childcare.first { $0.id == id }?.name ?? String(id) }.joined(separator: ", ")
        return [RecordField("name", "Naam", ikc.name), RecordField("kind", "Soort", ikc.kind.label), RecordField("koepel", "Koepel", koepel),
                RecordField("area", "Gebied", area), RecordField("childcare", "Kinderopvang", childcareNames),
                RecordField("director", "Directeur", ikc.directorName),
                RecordField("children", "Aantal kinderen", ikc.childrenCount.map(String.init) ?? ""), RecordField("profile", "Profiel", ikc.profile)]
    }
}
