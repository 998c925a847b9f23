/// The kinds of IKC of the programme (section 2.2: A, B, C, plus special education).
public enum IKCKind: String, Sendable, CaseIterable {
    case plus
    case regulier
    case kleineKern = "kleine_kern"
    case speciaal

    public var label: String {
        switch self {
        case .plus: "Plus IKC"
        case .regulier: "Regulier IKC"
        case .kleineKern: "IKC in kleine kern"
        case .speciaal: "IKC speciaal onderwijs"
        }
    }
}

/// An integral child centre (table `ikcs`).
public struct IKC: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var kind: IKCKind
    public var koepelID: Int64
    public var areaID: Int64?
    public var directorName: String
    public var childrenCount: Int?
    public var profile: String
    public var childcareIDs: [Int64]
    public var lockVersion: Int64

    public init(id: Int64 = 0, name: String = "", kind: IKCKind = .plus, koepelID: Int64 = 0, areaID: Int64? = nil,
                directorName: String = "", childrenCount: Int? = nil, profile: String = "",
                childcareIDs: [Int64] = [], lockVersion: Int64 = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.koepelID = koepelID
        self.areaID = areaID
        self.directorName = directorName
        self.childrenCount = childrenCount
        self.profile = profile
        self.childcareIDs = childcareIDs
        self.lockVersion = lockVersion
    }
}
