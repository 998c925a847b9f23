import Domain
import HTTP
import Store
import Views

/// The four text sections of a concept version.
extension AgreementsHandler {
    func showTexts(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        return page(AgreementEditPages.texts(context: user.page, data: data, texts: data.version.texts, errors: ValidationErrors()))
    }

    func saveTexts(id: Int64) throws -> Response {
        let data = try loadEditable(id)
        let values = request.formValues()
        let texts = AgreementTexts(analysis: values["analysis"] ?? "", governance: values["governance"] ?? "",
                                   jobStructure: values["job_structure"] ?? "", organisation: values["organisation"] ?? "")
        do {
            let expected = try expectedLock(values, data)
            var errors = ValidationErrors()
            for section in texts.sections { Check.maxLength(section.text, 20_000, section.field, section.title.lowercased(), multiLine: true, into: &errors) }
            guard errors.isEmpty else {
                return page(AgreementEditPages.texts(context: user.page, data: data, texts: texts, errors: errors), status: 422)
            }
            try Agreements.saveTexts(texts, of: data.agreement, version: data.version, expected: expected, by: principal.userID, in: store)
            return showSaved(id, saved: "texts")
        } catch StoreError.staleVersion {
            return try agreementConflict(id, what: "De teksten", reopen: .texts(id)) { current in
                AgreementsHandler.textConflictFields(stored: current.version.texts, submitted: texts)
            }
        } catch let error as StorageFailure {
            return storageFailure(error) { [user] in AgreementEditPages.texts(context: user.page, data: data, texts: texts, errors: $0) }
        }
    }
}
