import Domain
import SQLite
import Store
import Testing
import TestSupport

@Suite("Store: agreements")
struct AgreementsStoreTests {
    @Test("the overview has the nine demo agreements, 2022-2028, in their statuses, with the gemeente's total first")
    func overview() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        let rows = try db.read { try Agreements.overview($0) }
        #expect(rows.count == 9)
        #expect(rows.allSatisfy { $0.firstYear == 2022 && $0.lastYear == 2028 && $0.versionNumber == 1 })
        #expect(rows.filter { $0.status == .vastgesteld }.count == 7)
        #expect(rows.first { $0.id == 5 }?.status == .concept)
        #expect(rows.first { $0.id == 8 }?.status == .terOndertekening)
        let first = try #require(rows.first { $0.id == 1 })
        #expect(first.ikcName == "OBS Montessori/Eestroom")
        #expect(first.partyTotals.map(\.role) == ["gemeente", "koepel", "kinderopvang"])
        #expect(first.partyTotals.first?.name == "Gemeente Leeuwarden")
        #expect(first.resultsPerGoal == [1: 2, 2: 2, 3: 2])
    }

    @Test("one agreement's version, content, parties and choices read back the seeded values")
    func content() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let db = copy.database
        try db.read { (c: Connection) throws in
            let agreement = try #require(try Agreements.find(id: 1, c))
            #expect(agreement.ikcID == 1 && agreement.ikcName == "OBS Montessori/Eestroom")
            let versions = try Agreements.versions(agreementID: 1, c)
            #expect(versions.map(\.number) == [1])
            let version = try #require(versions.first)
            #expect(version.status == .vastgesteld)
            let content = try Agreements.content(of: version, c)
            #expect(content.results.count == 6)
            #expect(content.results.first?.description == "Meer peuters nemen deel aan VVE")
            #expect(content.results.allSatisfy { $0.targets.count == 7 })
            #expect(content.contributions.filter { $0.year == 2024 }.map(\.cents).reduce(0, +) == 11_130_000)
            #expect(content.contributions.first { $0.year == 2024 && $0.fundingSourceID == 1 }?.cents == 5_250_000)
            #expect(content.staffing.first { $0.year == 2024 && $0.roleCode == "jo_0_12" }?.hours == 22)
            #expect(content.parties.map(\.organisationName) == ["Gemeente Leeuwarden", "Proloog", "Stichting Kinderopvang Friesland"])
            #expect(try Agreements.fundingSources(c).count == 6)
            #expect(try Agreements.plusIKCs(c).count == 9)
            #expect(try Agreements.organisationChoices(c).count == 7)
            #expect(try Agreements.defaultParties(ikcID: 1, c).map(\.role) == ["gemeente", "koepel", "kinderopvang"])
            #expect(try Agreements.overlapping(ikcID: 1, first: 2027, last: 2030, c) == 1)
            #expect(try Agreements.overlapping(ikcID: 1, first: 2029, last: 2032, c) == nil)
            #expect(try Agreements.ikcIDsWithAgreement(first: 2024, last: 2024, c) == Set(1...9))
            #expect(try Agreements.ikcIDsWithAgreement(first: 2029, last: 2030, c).isEmpty)
            #expect(try Agreements.documents(agreementID: 1, c).isEmpty)
        }
    }

    @Test("a document attached to agreement 1 reads back its bytes only through its own agreement")
    func documents() throws {
        let copy = try demo()  // kept alive: the copy is removed when released
        let store = DataStore(database: copy.database)
        let (agreement, version) = try store.read { c in
            (try #require(try Agreements.find(id: 1, c)), try #require(try Agreements.versions(agreementID: 1, c).first))
        }
        let bytes: [UInt8] = Array("%PDF-1.4 getekend".utf8)
        let id = try Agreements.attachDocument(filename: "getekend.pdf", data: bytes, of: agreement, version: version, by: 1, in: store)
        let listed = try store.read { try Agreements.documents(agreementID: 1, $0) }
        #expect(listed.map(\.id) == [id])
        #expect(try store.read { try Agreements.documentData(id: id, agreementID: 1, $0) }?.data == bytes)
        #expect(try store.read { try Agreements.documentData(id: id, agreementID: 2, $0) } == nil)
    }
}
