import App
import Domain
import Foundation
import SQLite
import Store
import Testing
import TestSupport

/// Result agreements over real HTTP: from creation to an amended, fixed version 2.
@Suite("Agreements: life cycle")
struct AgreementLifecycleTests {
    /// A Plus IKC without an agreement (the demo IKCs all have one for 2022-2028).
    static func addPlusIKC(_ app: TestApp) throws -> Int64 {
        try app.database.write { c in
            try c.execute("""
                INSERT INTO ikcs (name, kind, koepel_id, area_id, director_name, children_count)
                VALUES ('IKC De Testtuin', 'plus', (SELECT id FROM organisations WHERE name = 'Proloog'), 1, 'Directeur Test', 180)
                """)
            let id = c.lastInsertRowID
            try c.execute("INSERT INTO ikc_childcare (ikc_id, organisation_id) VALUES (\(id), (SELECT id FROM organisations WHERE name = 'Sinne Kinderopvang'))")
            return id
        }
    }

    static func orgID(_ app: TestApp, _ name: String) throws -> Int64 {
        try app.database.read { try $0.row("SELECT id FROM organisations WHERE name = \(name)")?.int64(0) ?? 0 }
    }

    /// GETs the form (for its CSRF token and lock_version), then posts it with `fields`.
    static func submit(_ browser: Browser, _ path: String, _ fields: [(String, String)]) throws -> Page {
        let form = try browser.get(path)
        #expect(form.status == 200, "GET \(path): \(form.status)")
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        return try browser.post(path, [("lock_version", lock)] + fields)
    }

    static func latestVersion(_ app: TestApp, _ agreement: Int64) throws -> (id: Int64, number: Int, status: String) {
        try app.database.read { c in
            let row = try c.row("SELECT id, number, status FROM agreement_versions WHERE agreement_id = \(agreement) ORDER BY number DESC LIMIT 1")
            return (try row?.int64(0) ?? 0, try row?.int(1) ?? 0, try row?.string(2) ?? "")
        }
    }

    static func resultIDs(_ app: TestApp, version: Int64) throws -> [Int64] {
        try app.database.read { c in
            try c.rows("SELECT id FROM agreement_results WHERE version_id = \(version) ORDER BY goal_id, position").map { try $0.int64(0) }
        }
    }

    static func fillResults(_ browser: Browser, _ agreement: Int64) throws -> Page {
        try submit(browser, "/agreements/\(agreement)/results", [
            ("rows", "3"),
            ("r0_goal", "1"), ("r0_position", "1"), ("r0_description", "Meer peuters naar de VVE"), ("r0_indicator", "Deelname VVE"),
            ("r0_unit", "percent"), ("r0_baseline", "60,5"), ("r0_baseline_year", "2023"), ("r0_direction", "higher"),
            ("r0_source", "Registratie"), ("r0_accumulation", "per_year"),
            ("r1_goal", "2"), ("r1_position", "2"), ("r1_description", "Beter lezen"), ("r1_indicator", "Leerlingen op 1F"),
            ("r1_unit", "percent"), ("r1_baseline", "80"), ("r1_baseline_year", "2023"), ("r1_direction", "higher"),
            ("r1_source", "Eindtoets"), ("r1_accumulation", "per_year"),
            ("r2_goal", "3"), ("r2_position", "3"), ("r2_description", "Ouders bereikt"), ("r2_indicator", "Ouders bereikt door pedagoog"),
            ("r2_unit", "number"), ("r2_baseline", "20"), ("r2_baseline_year", "2023"), ("r2_direction", "higher"),
            ("r2_source", "GGD"), ("r2_accumulation", "cumulative"),
        ])
    }

    static func signAll(_ app: TestApp, _ browser: Browser, _ agreement: Int64, version: Int64) throws -> Page {
        let parties = try app.database.read { c in
            try c.rows("SELECT organisation_id FROM agreement_parties WHERE version_id = \(version)").map { try $0.int64(0) }
        }
        #expect(parties.count == 3)
        var fields: [(String, String)] = []
        for (index, party) in parties.enumerated() {
            fields += [("p\(party)_name", "Ondertekenaar \(index + 1)"), ("p\(party)_title", "bestuurder"), ("p\(party)_signed_on", "1\(index)-03-2025")]
        }
        return try submit(browser, "/agreements/\(agreement)/sign", fields)
    }

    @Test("create, fill, sign ×3, read-only when fixed, amend, fix version 2, compare 1↔2 shows exactly the changed cells")
    func lifeCycle() throws {
        let app = try TestApp()
        let ikc = try Self.addPlusIKC(app)
        let browser = try app.browser(loggedInAs: .projectleider)

        // Create: parties prefilled from the IKC's koepel and childcare and the gemeente.
        try browser.get("/agreements/new")
        let created = try browser.post("/agreements/new", [("ikc", String(ikc)), ("first_year", "2024"), ("last_year", "2026")])
        #expect(created.status == 303)
        let agreement = try app.database.read { try $0.row("SELECT id FROM agreements WHERE ikc_id = \(ikc)")?.int64(0) } ?? 0
        #expect(created.location == "/agreements/\(agreement)?saved=created")
        let v1 = try Self.latestVersion(app, agreement)
        #expect(v1.number == 1 && v1.status == "concept")
        let roles = try app.database.read { c in
            try c.rows("SELECT role FROM agreement_parties WHERE version_id = \(v1.id) ORDER BY role").map { try $0.string(0) }
        }
        #expect(roles == ["gemeente", "kinderopvang", "koepel"])

        // Not yet ready for signing: no results.
        let early = try browser.get("/agreements/\(agreement)")
        #expect(early.contains("Geen resultaat onder doel"))
        #expect(early.contains("Jaren zijn schooljaren"))

        // Fill: results, targets, contributions, staffing, texts.
        #expect(try Self.fillResults(browser, agreement).status == 303)
        let results = try Self.resultIDs(app, version: v1.id)
        #expect(results.count == 3)
        var targets: [(String, String)] = []
        for (index, result) in results.enumerated() {
            for year in 2024...2026 { targets.append(("t_\(result)_\(year)", "\(60 + index * 10 + (year - 2024)),5")) }
        }
        #expect(try Self.submit(browser, "/agreements/\(agreement)/targets", targets).status == 303)
        let gemeente = try Self.orgID(app, "Gemeente Leeuwarden")
        let proloog = try Self.orgID(app, "Proloog")
        var amounts: [(String, String)] = []
        for year in 2024...2026 {
            amounts.append(("c_\(gemeente)_1_\(year)", "12.500"))
            amounts.append(("c_\(proloog)_4_\(year)", "1.234,56"))
        }
        #expect(try Self.submit(browser, "/agreements/\(agreement)/contributions", amounts).status == 303)
        let total: Int64 = try app.database.read { try $0.row("SELECT SUM(amount_cents) FROM contributions WHERE version_id = \(v1.id)")?.int64(0) } ?? 0
        #expect(total == Int64(3 * (1_250_000 + 123_456)))
        let staffing = try Self.submit(browser, "/agreements/\(agreement)/staffing", [
            ("paid_jo_0_12", String(gemeente)), ("s_jo_0_12_2024", "22"), ("s_jo_0_12_2025", "22"), ("s_jo_0_12_2026", "16,5"),
        ])
        #expect(staffing.status == 303)
        #expect(try Self.submit(browser, "/agreements/\(agreement)/texts", [
            ("analysis", "Veel kinderen groeien op in armoede.\n\n- taal\n- gezondheid <script>"), ("governance", "De directeur stuurt."),
            ("job_structure", "Functiehuis"), ("organisation", "Eén team"),
        ]).status == 303)
        let page = try browser.get("/agreements/\(agreement)")
        #expect(page.contains("<li>gezondheid &lt;script&gt;</li>"))
        #expect(page.contains("€ 12.500"))
        #expect(page.contains("2024-2025"))

        // To signing, sign ×3: fixed.
        let lock = Page.value(of: "lock_version", in: try browser.get("/agreements/\(agreement)").text) ?? ""
        let toSigning = try browser.post("/agreements/\(agreement)/status", [("lock_version", lock), ("to", "ter_ondertekening")])
        #expect(toSigning.status == 303)
        #expect(try Self.latestVersion(app, agreement).status == "ter_ondertekening")
        #expect(try browser.get("/agreements/\(agreement)/targets").status == 409)
        let signed = try Self.signAll(app, browser, agreement, version: v1.id)
        #expect(signed.status == 303)
        #expect(signed.location == "/agreements/\(agreement)?saved=fixed")
        #expect(try Self.latestVersion(app, agreement).status == "vastgesteld")
        let signatures = try app.database.read { c in
            try c.rows("SELECT signatory_name, signed_on FROM agreement_parties WHERE version_id = \(v1.id) AND signed_on IS NOT NULL").count
        }
        #expect(signatures == 3)

        // Fixed is read-only: the forms answer 409 and a post changes nothing.
        #expect(try browser.get("/agreements/\(agreement)/targets").status == 409)
        let before = try app.database.read { try $0.row("SELECT COUNT(*), SUM(value) FROM result_targets")?.double(1) }
        let refused = try browser.post("/agreements/\(agreement)/targets", [("lock_version", "3"), ("t_\(results[0])_2024", "1")])
        #expect(refused.status == 409)
        #expect(try app.database.read { try $0.row("SELECT COUNT(*), SUM(value) FROM result_targets")?.double(1) } == before)

        // Amend: version 2 in concept, a full copy that replaces version 1's figures.
        let amended = try Self.submit(browser, "/agreements/\(agreement)/amend", [("reason", "Jaarlijkse evaluatie 2025")])
        #expect(amended.status == 303)
        let v2 = try Self.latestVersion(app, agreement)
        #expect(v2.number == 2 && v2.status == "concept")
        let v2Results = try Self.resultIDs(app, version: v2.id)
        #expect(v2Results.count == 3)
        // One target, one amount, one text changed.
        var targets2: [(String, String)] = []
        for (index, result) in v2Results.enumerated() {
            for year in 2024...2026 {
                let value = index == 1 && year == 2025 ? "75" : "\(60 + index * 10 + (year - 2024)),5"
                targets2.append(("t_\(result)_\(year)", value))
            }
        }
        #expect(try Self.submit(browser, "/agreements/\(agreement)/targets", targets2).status == 303)
        var amounts2 = amounts
        amounts2[0] = ("c_\(gemeente)_1_2024", "15.000,00")
        #expect(try Self.submit(browser, "/agreements/\(agreement)/contributions", amounts2).status == 303)
        #expect(try Self.submit(browser, "/agreements/\(agreement)/texts", [
            ("analysis", "Veel kinderen groeien op in armoede.\n\n- taal\n- gezondheid <script>"), ("governance", "De directeur en de koepel sturen."),
            ("job_structure", "Functiehuis"), ("organisation", "Eén team"),
        ]).status == 303)
        // Version 1 still reads as it was fixed.
        let old = try browser.get("/agreements/\(agreement)?version=1")
        #expect(old.contains("U bekijkt versie 1"))
        #expect(old.contains("De directeur stuurt."))

        let lock2 = Page.value(of: "lock_version", in: try browser.get("/agreements/\(agreement)").text) ?? ""
        #expect(try browser.post("/agreements/\(agreement)/status", [("lock_version", lock2), ("to", "ter_ondertekening")]).status == 303)
        #expect(try Self.signAll(app, browser, agreement, version: v2.id).status == 303)
        #expect(try Self.latestVersion(app, agreement).status == "vastgesteld")
        let v1Total: Int64 = try app.database.read { try $0.row("SELECT SUM(amount_cents) FROM contributions WHERE version_id = \(v1.id)")?.int64(0) } ?? 0
        #expect(v1Total == total)

        // Compare 1 ↔ 2: exactly the target, the amount and the text are marked.
        let compare = try browser.get("/agreements/\(agreement)/compare?from=1&to=2")
        #expect(compare.status == 200)
        let marked = compare.text.components(separatedBy: "changed\"").count - 1
        #expect(marked == 3, "changed cells: \(marked)")
        #expect(compare.contains("+ € 2.500"))

        // The audit log holds old and new values.
        let audit = try app.database.read { c in
            try c.rows("SELECT old_values, new_values FROM audit_log WHERE record_type = 'agreement' AND record_id = \(agreement) AND summary LIKE 'Bijdragen%' ORDER BY id DESC LIMIT 1").first
        }
        #expect(try audit?.optionalString(0)?.contains("12.500") == true)
        #expect(try audit?.optionalString(1)?.contains("15.000") == true)
    }

    @Test("a second agreement for the same IKC and period is refused with a Dutch message")
    func secondAgreementRefused() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        try browser.get("/agreements/new")
        let page = try browser.post("/agreements/new", [("ikc", "1"), ("first_year", "2024"), ("last_year", "2026")])
        #expect(page.status == 422)
        #expect(page.contains("heeft al een resultaatafspraak"))
        let outside = try browser.post("/agreements/new", [("ikc", "1"), ("first_year", "2019"), ("last_year", "2030")])
        #expect(outside.status == 422)
        #expect(outside.contains("binnen het programma"))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM agreements")?.int(0) } == 9)
    }

    @Test("the new-agreement form offers only the Plus IKCs without an agreement covering the chosen period")
    func newOffersOnlyFreeIKCs() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        // The programme's period by default: every demo Plus IKC already has its 2022-2028 agreement.
        var page = try browser.get("/agreements/new")
        #expect(page.status == 200)
        // The programme's word for its IKCs is text, so its apostrophe is escaped.
        #expect(page.contains("Alle Plus IKC&#39;s hebben al een afspraak voor (een deel van) deze periode"))
        #expect(!page.contains("<option value=\"1\""))
        #expect(!page.contains("Afspraak aanmaken"))

        // A new Plus IKC is the only one offered; the others are named as left out.
        let ikc = try Self.addPlusIKC(app)
        page = try browser.get("/agreements/new")
        #expect(page.contains("<option value=\"\(ikc)\">IKC De Testtuin</option>"))
        for other in 1...9 { #expect(!page.contains("<option value=\"\(other)\">")) }
        #expect(page.contains("Niet getoond, want zij hebben al een afspraak voor (een deel van) deze periode:"))
        #expect(page.contains("OBS Montessori/Eestroom"))

        // A period before the demo agreements: every Plus IKC is offered, the period is carried along.
        page = try browser.get("/agreements/new?first_year=2021&last_year=2021")
        #expect(page.status == 200)
        for other in 1...9 { #expect(page.contains("<option value=\"\(other)\">")) }
        #expect(page.contains("<option value=\"\(ikc)\">"))
        #expect(page.contains("<input type=\"hidden\" name=\"first_year\" value=\"2021\">"))
        #expect(!page.contains("Niet getoond"))

        // An invalid period offers nothing and says why.
        page = try browser.get("/agreements/new?first_year=2027&last_year=2024")
        #expect(page.status == 422)
        #expect(page.contains("Kies eerst een geldige periode."))

        // The server still refuses a second agreement when posted directly, keeping the choice.
        page = try browser.get("/agreements/new")
        page = try browser.post("/agreements/new", [("ikc", "1"), ("first_year", "2024"), ("last_year", "2026")])
        #expect(page.status == 422)
        #expect(page.contains("heeft al een resultaatafspraak"))
        #expect(page.contains("<option value=\"1\" selected>"))
        #expect(try app.database.read { try $0.row("SELECT COUNT(*) FROM agreements")?.int(0) } == 9)

        // Offered and created: the new IKC for the programme's period.
        page = try browser.get("/agreements/new")
        let created = try browser.post("/agreements/new", [("ikc", String(ikc)), ("first_year", "2024"), ("last_year", "2026")])
        #expect(created.status == 303)
        page = try browser.get("/agreements/new?first_year=2025&last_year=2025")
        #expect(!page.contains("<option value=\"\(ikc)\">"))
    }

    @Test("a stale save answers 409 and overwrites nothing")
    func staleSave() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        // IKC 5's agreement is in concept.
        let agreement: Int64 = 5
        let form = try browser.get("/agreements/\(agreement)/texts")
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        let first = try browser.post("/agreements/\(agreement)/texts", [("lock_version", lock), ("analysis", "Eerste"), ("governance", ""),
                                                                          ("job_structure", ""), ("organisation", "")])
        #expect(first.status == 303)
        let second = try browser.post("/agreements/\(agreement)/texts", [("lock_version", lock), ("analysis", "Tweede"), ("governance", ""),
                                                                           ("job_structure", ""), ("organisation", "")])
        #expect(second.status == 409)
        #expect(second.contains("Iemand anders was u voor"))
        // Both versions side by side: the stored text and the submitted one, the difference marked.
        #expect(second.contains("<table class=\"data conflict\">"))
        #expect(second.contains("<th scope=\"row\">Data-analyse en aanbod <span class=\"conflict-mark\">anders</span></th><td>Eerste</td><td>Tweede</td>"))
        #expect(second.contains("href=\"/agreements/\(agreement)/texts\""))
        let text = try app.database.read { try $0.row("SELECT section_analysis FROM agreement_versions WHERE agreement_id = \(agreement)")?.string(0) }
        #expect(text == "Eerste")
    }

    @Test("a stale grid save answers 409 with the differing cells, stored and submitted, and overwrites nothing")
    func staleGridSave() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider)
        let agreement: Int64 = 5
        let form = try browser.get("/agreements/\(agreement)/contributions")
        let lock = Page.value(of: "lock_version", in: form.text) ?? ""
        let gemeente = try Self.orgID(app, "Gemeente Leeuwarden")
        let cell = "c_\(gemeente)_1_2024"
        let first = try browser.post("/agreements/\(agreement)/contributions", [("lock_version", lock), (cell, "11.111")])
        #expect(first.status == 303)
        let second = try browser.post("/agreements/\(agreement)/contributions", [("lock_version", lock), (cell, "22.222")])
        #expect(second.status == 409)
        #expect(second.contains("Iemand anders was u voor"))
        #expect(second.contains("<td>11.111</td><td>22.222</td>"))
        let stored = try app.database.read { c in
            try c.row("""
                SELECT SUM(amount_cents) FROM contributions x JOIN agreement_versions v ON v.id = x.version_id
                WHERE v.agreement_id = \(agreement) AND x.year = 2024
                """)?.int64(0)
        }
        #expect(stored == 1_111_100)
    }

    @Test("the agreement page lists signed documents from an index, without reading the PDFs' bytes")
    func documentListUsesCoveringIndex() throws {
        let app = try TestApp()
        let plan = try app.database.read { c in
            try c.rows("""
                EXPLAIN QUERY PLAN SELECT d.id, d.version_id, d.filename, d.size_bytes, d.uploaded_at FROM agreement_documents d
                JOIN agreement_versions v ON v.id = d.version_id WHERE v.agreement_id = 1 ORDER BY d.id
                """).map { try $0.string(3) }
        }
        #expect(plan.contains { $0.contains("USING COVERING INDEX agreement_documents_version") }, "\(plan)")
    }

    @Test("a director reads the own IKC's agreement only, and cannot edit it")
    func directorAccess() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .directeur)
        #expect(try browser.get("/agreements/1").status == 200)
        #expect(try browser.get("/agreements/2").status == 403)
        let overview = try browser.get("/agreements")
        #expect(overview.contains("/agreements/1\""))
        #expect(!overview.contains("/agreements/2\""))
        #expect(try browser.get("/agreements/5/targets").status == 403)
    }

    /// Over real sockets: a 2 MB multipart upload through the server's raised body limit.
    @Test("a signed PDF is uploaded as multipart form data and downloaded again (over sockets)")
    func documentUpload() throws {
        let app = try TestApp()
        let browser = try app.browser(loggedInAs: .projectleider, overSockets: true)
        let page = try browser.get("/agreements/1")
        let token = page.csrfToken ?? ""
        let pdf = Array("%PDF-1.4\n% test\n".utf8) + [UInt8](repeating: 0x41, count: 2 * 1024 * 1024) + Array("\n%%EOF\n".utf8)
        let boundary = "----plusikc-test"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"getekend.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += pdf
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let upload = try browser.request("POST", "/agreements/1/upload", body: body,
                                         headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
        #expect(upload.status == 303)
        let id = try app.database.read { try $0.row("SELECT id FROM agreement_documents")?.int64(0) } ?? 0
        let download = try browser.get("/agreements/1/documents/\(id)")
        #expect(download.status == 200)
        #expect(download.header("Content-Type") == "application/pdf")
        #expect(download.body == pdf)
        // Another agreement's path does not reach it.
        #expect(try browser.get("/agreements/2/documents/\(id)").status == 404)
        // The director of IKC 1 may download it; the route checks read access to the agreement.
        let director = try app.browser(loggedInAs: .directeur)
        #expect(try director.get("/agreements/1/documents/\(id)").status == 200)
    }
}
