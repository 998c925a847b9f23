import Domain
import HTTP
import Store
import Views

/// The signed PDF of a version: upload (once it lies ter ondertekening or is fixed) and download.
extension AgreementsHandler {
    static let maxDocumentBytes = 10 * 1024 * 1024

    func saveDocument(id: Int64) throws -> Response {
        let data = try loadAgreement(id)
        guard data.version.status != .concept else {
            throw AppError.notEditable(detail: "Een ondertekend document hoort bij een versie die ter ondertekening ligt of is vastgesteld.")
        }
        guard let parts = request.multipartParts(), let file = parts.first(where: { $0.name == "document" }) else {
            throw AppError.badRequest("Kies een PDF-bestand om toe te voegen.")
        }
        guard !file.data.isEmpty else { throw AppError.badRequest("Het gekozen bestand is leeg.") }
        guard file.data.count <= AgreementsHandler.maxDocumentBytes else {
            throw AppError.badRequest("Het bestand is groter dan 10 MB.")
        }
        guard file.data.starts(with: Array("%PDF-".utf8)) else { throw AppError.badRequest("Het bestand is geen PDF.") }
        let filename = AgreementsHandler.safeFilename(file.filename ?? "", fallback: "afspraak-versie-\(data.version.number).pdf")
        try Agreements.attachDocument(filename: filename, data: file.data, of: data.agreement, version: data.version,
                                      by: principal.userID, in: store)
        return showSaved(id, saved: "document")
    }

    func showDocument(id: Int64, documentID: Int64) throws -> Response {
        let (agreement, found) = try store.read { c in
            (try Agreements.find(id: id, c), try Agreements.documentData(id: documentID, agreementID: id, c))
        }
        let document = try readable(agreement, found)
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/pdf")
        headers.set("Content-Disposition", "attachment; filename=\"\(AgreementsHandler.safeFilename(document.filename, fallback: "afspraak.pdf"))\"")
        return Response(status: 200, headers: headers, body: document.data)
    }

    /// The last path component, printable ASCII without quotes, at most 120 characters; it goes
    /// into a Content-Disposition header.
    static func safeFilename(_ name: String, fallback: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != ";" }.map(Character.init))
            .trimmingWhitespace()
        guard !cleaned.isEmpty else { return fallback }
        let short = String(cleaned.suffix(120))
        return short.lowercased().hasSuffix(".pdf") ? short : short + ".pdf"
    }
}
