import Domain
import Testing

@Suite("Promises kept: agreed contributions against approved spending")
struct PromisesKeptTests {
    static func figure(org: Int64 = 2, name: String = "Proloog", source: Int64 = 4, year: Int = 2024, agreed: Int64, spent: Int64?) -> PromisesKept.Figure {
        PromisesKept.Figure(agreementID: 1, ikcID: 1, ikcName: "Aventurijn", organisationID: org, organisationName: name,
                            sourceID: source, sourceName: "OAB Proloog", year: year, agreedCents: agreed, spentCents: spent)
    }

    @Test("exactly the agreed € 15.000 is not flagged; € 15.000,01 is flagged with € 0,01")
    func boundary() {
        #expect(PromisesKept.overspend(agreed: 1_500_000, spent: 1_500_000) == nil)
        #expect(PromisesKept.overspend(agreed: 1_500_000, spent: 1_500_001) == 1)
        #expect(PromisesKept.overspend(agreed: 1_500_000, spent: 1_499_999) == nil)
        #expect(PromisesKept.overspend(agreed: 1_500_000, spent: 1_600_000) == 100_000)
    }

    @Test("a year without an approved verantwoording is not flagged")
    func unknown() {
        #expect(PromisesKept.overspend(agreed: 1_500_000, spent: nil) == nil)
        #expect(PromisesKept.lines([Self.figure(agreed: 1_500_000, spent: nil)]).first?.overCents == nil)
    }

    @Test("two parties paying from one source in a year are compared as one line")
    func sharedSource() {
        let lines = PromisesKept.lines([
            Self.figure(org: 2, name: "Proloog", agreed: 1_000_000, spent: 1_600_000),
            Self.figure(org: 3, name: "Sinne", agreed: 500_000, spent: 1_600_000),
            Self.figure(source: 5, agreed: 100, spent: 100),
        ])
        #expect(lines.count == 2)
        let shared = lines.first { $0.sourceID == 4 }
        #expect(shared?.agreedCents == 1_500_000)
        #expect(shared?.overCents == 100_000)
        #expect(shared?.parties == "Proloog, Sinne")
        #expect(PromisesKept.overspent(lines).count == 1)
    }

    @Test("lines come out by IKC, year and source, parties by name without case, whatever order the figures arrive in")
    func ordering() {
        func figure(_ ikc: String, _ org: Int64, _ party: String, _ source: String, _ year: Int) -> PromisesKept.Figure {
            PromisesKept.Figure(agreementID: ikc == "Aventurijn" ? 1 : 2, ikcID: ikc == "Aventurijn" ? 1 : 2, ikcName: ikc,
                                organisationID: org, organisationName: party, sourceID: source == "OAB" ? 4 : 5, sourceName: source,
                                year: year, agreedCents: 100, spentCents: nil)
        }
        let figures = [
            figure("Zonnewijzer", 2, "Proloog", "OAB", 2023),
            figure("Aventurijn", 3, "sinne", "OAB", 2024),
            figure("Aventurijn", 2, "Proloog", "OAB", 2024),
            figure("Aventurijn", 4, "Kinderwereld", "Gemeente", 2024),
            figure("Aventurijn", 2, "Proloog", "OAB", 2022),
            figure("Aventurijn", 5, "  Eerst", "OAB", 2024),
        ]
        for shuffled in [figures, figures.reversed(), figures.shuffled()] {
            let lines = PromisesKept.lines(shuffled)
            #expect(lines.map { "\($0.ikcName) \($0.year) \($0.sourceName)" }
                == ["Aventurijn 2022 OAB", "Aventurijn 2024 Gemeente", "Aventurijn 2024 OAB", "Zonnewijzer 2023 OAB"])
            #expect(lines[2].parties == "  Eerst, Proloog, sinne" && lines[2].organisationIDs == [5, 2, 3])
            #expect(lines[2].agreedCents == 300)
        }
    }
}

@Suite("Closed years and the partner's scopes")
struct ClosedYearRulesTests {
    let partner = Principal(userID: 9, name: "Paul", email: "p@example.org", role: .partner, ikcIDs: [2], organisationID: 5)

    @Test("a year with an approved verantwoording is closed unless unlocked; years outside the agreement never")
    func closed() {
        #expect(ClosedYears.closed(approved: [2021, 2022, 2023], unlocked: [2023], years: 2022...2028) == [2022])
        #expect(ClosedYears.closed(approved: [], unlocked: [], years: 2022...2028).isEmpty)
        #expect(ClosedYears.validReason("  ") != nil)
        #expect(ClosedYears.validReason(String(repeating: "x", count: 501)) != nil)
        #expect(ClosedYears.validReason("Rekenfout") == nil)
    }

    @Test("a partner reads approved plans of its IKCs, its own organisation's sources and published reports only")
    func partnerScopes() {
        typealias S = Authorization.Subject
        #expect(Authorization.allows(partner, .read, .yearPlan, on: S(ikcID: 2, isApproved: true)))
        #expect(!Authorization.allows(partner, .read, .yearPlan, on: S(ikcID: 2, isApproved: false)))
        #expect(!Authorization.allows(partner, .read, .yearPlan, on: S(ikcID: 3, isApproved: true)))
        #expect(!Authorization.allows(partner, .write, .yearPlan, on: S(ikcID: 2, isApproved: true)))
        #expect(Authorization.allows(partner, .read, .fundingSource, on: S(organisationID: 5)))
        #expect(!Authorization.allows(partner, .read, .fundingSource, on: S(organisationID: 1)))
        #expect(!Authorization.allows(partner, .read, .fundingSource, on: S(organisationID: nil)))
        #expect(Authorization.allows(partner, .read, .report, on: S(isPublished: true)))
        #expect(!Authorization.allows(partner, .read, .report, on: S(isPublished: false)))
        #expect(!Authorization.allows(partner, .review, .report, on: S(isPublished: true)))
    }
}
