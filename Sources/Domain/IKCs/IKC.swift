/// The kind of an IKC: a code of the programme's `ikc_kinds` (0009), no longer a fixed list.
/// The KvK2 codes are named here because KvK2's demo and tests use them; labels come from the
/// programme's settings (`Programme.ikcKindLabel`).
public struct IKCKind: RawRepresentable, Sendable, Hashable {
    public let rawValue: String

    public init?(rawValue: String) {
        guard !rawValue.isEmpty else { return nil }
        self.rawValue = rawValue
    }

    init(code: String) { rawValue = code }

    public static let plus = IKCKind(code: "plus")
    public static let regulier = IKCKind(code: "regulier")
    public static let kleineKern = IKCKind(code: "kleine_kern")
    public static let speciaal = IKCKind(code: "speciaal")

    /// The KvK2 kinds, for a page without programme settings at hand.
    public static let allCases: [IKCKind] = [.plus, .regulier, .kleineKern, .speciaal]

    /// The KvK2 label; pages take the programme's label (`Programme.ikcKindLabel`) where they can.
    public var label: String {
        switch rawValue {
        case "plus": "Plus IKC"
        case "regulier": "Regulier IKC"
        case "kleine_kern": "IKC in kleine kern"
        case "speciaal": "IKC speciaal onderwijs"
        default: rawValue
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
